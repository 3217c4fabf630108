// Internal to the C ABI layer: the aggregate result, task change and task lists handles, and
// what the one-shot aggregate (aggregate.cpp) and the live aggregate (live_aggregate.cpp)
// share: reading mdt_aggregate_options, wrapping a core result as a result handle.
#ifndef MANDATE_CAPI_INTERNAL_AGGREGATE_HANDLE_H
#define MANDATE_CAPI_INTERNAL_AGGREGATE_HANDLE_H

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "internal/dataset_handle.h"
#include "internal/handle.h"
#include "mandate.h"
#include "mandate/aggregate.h"
#include "mandate/aggregate_change.h"
#include "mandate/aggregate_lists.h"

struct mdt_aggregate_result {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kAggregate;
  static constexpr std::string_view kName = "aggregate result";
  mandate::capi::Kind magic = kKind;
  // The plan points into the dataset: keep its state alive while the result lives.
  std::shared_ptr<mandate::capi::DatasetState> state;
  mandate::AggregateResult result;
  std::vector<std::vector<std::optional<std::string>>> labels;  // [group][dim], made once
};

struct mdt_task_change {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kTaskChange;
  static constexpr std::string_view kName = "task change";
  mandate::capi::Kind magic = kKind;
  mandate::TaskChange change;
};

struct mdt_task_lists {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kTaskLists;
  static constexpr std::string_view kName = "task lists";
  mandate::capi::Kind magic = kKind;
  std::vector<mandate::TaskGroupList> groups;
};

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

#endif  // MANDATE_CAPI_INTERNAL_AGGREGATE_HANDLE_H
