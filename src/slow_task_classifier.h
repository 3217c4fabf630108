// The status of the tasks the columnar fast rule cannot judge (cancelled, rescheduled,
// reopened, recurring, multi-milestone), one at a time, as ClassifyTask would. Shared by
// ClassifyAll and the fused lead/status kernel so both agree with ClassifyTask. Recurring
// tasks with no report in their history (what a CSV gives) skip the full rules: their next
// occurrence from the as-of day is the same for every task with the same deadline, so it is
// worked out once per deadline and remembered (issue 20: at 10^7 tasks the recurring 5% cost
// more than the whole scan when each walked its calendar).
#ifndef MANDATE_SRC_SLOW_TASK_CLASSIFIER_H
#define MANDATE_SRC_SLOW_TASK_CLASSIFIER_H

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "mandate/classification.h"
#include "mandate/dataset.h"

namespace mandate::internal {

// The fast rule on raw day numbers (TaskColumns): 0 completed on time, 1 late, 2 overdue,
// 3 due soon, 4 in progress. kNoDay (INT32_MIN) reads as: no due day = never due, not
// completed = never completed. The caller checks the assignment day.
inline std::uint8_t FastStatus(std::int32_t due, std::int32_t completed, std::int32_t d,
                               std::int32_t soon_end) {
  const bool has_due = due != kNoDay;
  const bool done = (completed != kNoDay) & (completed <= d);
  const std::uint8_t closed = (!has_due | (completed <= due)) ? std::uint8_t{0} : std::uint8_t{1};
  const std::uint8_t open = !has_due          ? std::uint8_t{4}
                            : due < d         ? std::uint8_t{2}
                            : due <= soon_end ? std::uint8_t{3}
                                              : std::uint8_t{4};
  return done ? closed : open;
}

// The last day of "due soon" as of d (d + soon_days, saturated).
std::int32_t SoonEnd(std::int32_t d, int soon_days);

// Flags whose tasks the fast rule may misjudge; NeedsFullRules says for sure.
inline constexpr std::uint8_t kMaybeSlowFlags =
    kTaskCancelled | kTaskDeadlineChanged | kTaskReopened | kTaskRecurring | kTaskMilestones;
bool NeedsFullRules(std::uint8_t flags, std::uint8_t kind);

class SlowTaskClassifier {
 public:
  SlowTaskClassifier(const Dataset& ds, Day as_of, const ClassifyOptions& options);
  // Task i's status as of the day (a TaskStatus value) or kNotYetAssigned. Only for tasks
  // with NeedsFullRules (others: FastStatus).
  std::uint8_t Status(TaskIndex i);

 private:
  std::optional<std::uint8_t> PlainRecurring(TaskIndex i);
  // The first occurrence on or after from of task i's original deadline (id deadline).
  std::optional<Day> NextOccurrence(TaskIndex i, std::uint32_t deadline, Day from);

  const Dataset& ds_;
  Day as_of_;
  std::int32_t d_;
  ClassifyOptions options_;
  std::vector<TaskEvent> history_scratch_;
  Classification scratch_;
  // (deadline id, from day) -> first occurrence on or after it; from the as-of day itself (the
  // common, untracked case) in a vector by deadline id: 0 = not worked out yet, kNone = none,
  // else the epoch day + 2^32 (so no day is 0 or kNone).
  absl::flat_hash_map<std::uint64_t, std::optional<Day>> occurrences_;
  std::vector<std::int64_t> from_as_of_;
  static constexpr std::int64_t kNone = -1;
  // Per deadline id: whether it is a plain recurrence (recurring kind, with a recurrence).
  enum : std::uint8_t { kUnknown, kPlain, kNotPlain };
  std::vector<std::uint8_t> plain_;
};

}  // namespace mandate::internal

#endif
