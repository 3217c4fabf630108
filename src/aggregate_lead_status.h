// Query 1's kernel: classify every task as of a day and count it per (first lead, status) in
// one pass over the columns, without materialising the status column (issue 20). Used by
// Aggregate() when the grouping is lead and/or status with at most an assigned window.
#ifndef MANDATE_SRC_AGGREGATE_LEAD_STATUS_H
#define MANDATE_SRC_AGGREGATE_LEAD_STATUS_H

#include <array>
#include <cstdint>
#include <vector>

#include "mandate/classification.h"
#include "mandate/dataset.h"

namespace mandate::internal {

// Lead codes: 0 = no lead, else AgencyIndex + 1. Slot (code, status) is code * 8 + status.
struct LeadStatusCounts {
  std::vector<std::uint32_t> by;          // registry size + 1 codes, 8 slots each
  std::array<std::uint64_t, 8> totals{};  // every counted task once
};

// Whether the kernel's counter tables fit in the caches for this registry.
bool LeadStatusKernelFits(const Dataset& ds);

// Counts the tasks assigned by as_of (and, when window, in lo..hi), on `threads` threads
// (0: both cores from 262,144 tasks).
LeadStatusCounts CountLeadStatus(const Dataset& ds, Day as_of, const ClassifyOptions& options,
                                 bool window, std::int32_t lo, std::int32_t hi, int threads);

}  // namespace mandate::internal

#endif
