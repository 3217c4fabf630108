// Shared by classification.cpp (ClassifyTask) and classification_columns.cpp (ClassifyAll): the one
// rule for a single due day, and the classifier with the explanation optional.
#ifndef MANDATE_SRC_CLASSIFICATION_INTERNAL_H
#define MANDATE_SRC_CLASSIFICATION_INTERNAL_H

#include <algorithm>
#include <optional>

#include "mandate/classification.h"

namespace mandate {

// Completed on `done`: on time when on or before the due day or with none.
inline TaskStatus CompletedStatus(Day done, std::optional<Day> due) {
  return !due || done <= *due ? TaskStatus::kCompletedOnTime : TaskStatus::kCompletedLate;
}

// Not completed at the end of as_of. A negative soon_days counts as 0.
inline TaskStatus OpenStatus(std::optional<Day> due, Day as_of, int soon_days) {
  if (!due) return TaskStatus::kInProgress;
  if (*due < as_of) return TaskStatus::kOverdue;
  if ((*due - as_of).count() <= static_cast<long long>(std::max(0, soon_days)))
    return TaskStatus::kDueSoon;
  return TaskStatus::kInProgress;
}

namespace internal {
// Whether a recurring task's occurrence reports are tracked (classification.h, "recurring"):
// the task's setting, else the dataset's, else whether its history holds a progress report
// on or before as_of.
inline bool ReportsTracked(const Dataset& ds, TaskIndex task, const std::vector<TaskEvent>& history,
                           Day as_of) {
  if (const auto t = ds.occurrence_reports_tracked(task)) return *t;
  if (const auto t = ds.occurrence_reports_tracked()) return *t;
  return std::any_of(history.begin(), history.end(), [&](const TaskEvent& e) {
    return e.day <= as_of && e.type == EventType::kProgress;
  });
}

// ClassifyTask's engine. explain = false skips the reason, milestones and occurrence lists
// (status, due, counts and flags are the same). False when the task is not yet assigned.
bool ClassifyInto(const Dataset& ds, TaskIndex task, Day as_of, const ClassifyOptions& options,
                  bool explain, Classification& out);
}  // namespace internal

}  // namespace mandate

#endif
