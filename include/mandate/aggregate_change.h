// What changed between two as-of days (the previous steering committee meeting and now):
// tasks newly assigned, newly completed, newly overdue.
#ifndef MANDATE_AGGREGATE_CHANGE_H
#define MANDATE_AGGREGATE_CHANGE_H

#include <cstdint>
#include <vector>

#include "mandate/civil_day.h"
#include "mandate/classification.h"
#include "mandate/dataset.h"

namespace mandate {

// Each list is in task index order; its size is the count.
struct TaskChange {
  // Not yet assigned as of from, assigned as of to.
  std::vector<TaskIndex> newly_assigned;
  // Completed (on time or late) as of to, not as of from (including tasks assigned since).
  std::vector<TaskIndex> newly_completed;
  // Overdue as of to, not overdue as of from (including tasks assigned since).
  std::vector<TaskIndex> newly_overdue;
};

// From two status columns of the same dataset (ClassifyAll as of `from` and as of `to`);
// tasks beyond the shorter column are left out.
TaskChange ComputeChange(const std::vector<std::uint8_t>& status_from,
                         const std::vector<std::uint8_t>& status_to);
// Classifies the dataset as of both days. from after to is allowed and reads backwards.
TaskChange ComputeChange(const Dataset& ds, Day from, Day to, const ClassifyOptions& options = {});

}  // namespace mandate

#endif
