// Internal to the C ABI layer: what the one-shot aggregate (aggregate.cpp) and the live
// aggregate (live_aggregate.cpp) share — reading mdt_aggregate_options, and wrapping a core
// result as an mdt_aggregate_result handle.
#ifndef MANDATE_CAPI_INTERNAL_AGGREGATE_HANDLE_H
#define MANDATE_CAPI_INTERNAL_AGGREGATE_HANDLE_H

#include <memory>

#include "internal/handle.h"
#include "mandate.h"
#include "mandate/aggregate.h"

namespace mandate::capi {

// options (NULL = defaults) into q and the thread count.
mdt_status AggregateQueryArg(AggregateQuery* q, int* threads, const mdt_aggregate_options* o);
// The arguments of an aggregate call: the dataset handle, the as-of day and the options.
mdt_status AggregateArgs(AggregateQuery* q, int* threads, const mdt_dataset* dataset,
                         mdt_date as_of, const mdt_aggregate_options* options);

// A result handle over r, its labels made once. state: the dataset r's plan points into (kept
// alive with the result); the caller holds its lock (shared) while the labels are made.
mdt_status NewAggregateResult(mdt_aggregate_result** out, std::shared_ptr<DatasetState> state,
                              AggregateResult r);

// c into *out at the version the caller set in out->version.
void WriteCounts(mdt_status_counts* out, const StatusCounts& c);

}  // namespace mandate::capi

#endif
