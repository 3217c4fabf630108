// Status classification: where each task stands as of a day D ("at the end of D", a civil
// day in Asia/Ho_Chi_Minh), from its history folded up to D.
#ifndef MANDATE_STATUS_H
#define MANDATE_STATUS_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mandate/civil_day.h"
#include "mandate/dataset.h"

namespace mandate {

// The statuses everywhere: C++, C ABI, JSON, reports. Values are stable.
enum class TaskStatus : std::uint8_t {
  kCompletedOnTime = 0,
  kCompletedLate = 1,
  kOverdue = 2,
  kDueSoon = 3,
  kInProgress = 4,
  kCancelled = 5,
};
inline constexpr int kTaskStatusCount = 6;
// Not a status: a task assigned after the as-of day does not exist yet (status columns).
inline constexpr std::uint8_t kNotYetAssigned = 0xFF;
// "completed_on_time", "completed_late", "overdue", "due_soon", "in_progress", "cancelled".
std::string_view TaskStatusName(TaskStatus s);
std::optional<TaskStatus> TaskStatusFromName(std::string_view name);

struct ClassifyOptions {
  int soon_days = 7;         // due_soon: due in [D, D + soon_days]
  bool baseline = false;     // judge against the original deadline instead of the one in force
};

// The occurrence compliance of a recurring obligation.
enum class OccurrenceOutcome : std::uint8_t { kMetOnTime = 0, kMetLate = 1, kMissed = 2 };
struct Occurrence {
  Day period_start{};
  Day due{};
  OccurrenceOutcome outcome = OccurrenceOutcome::kMissed;
};

struct MilestoneStatus {
  std::string label;
  std::optional<Day> due;
  TaskStatus status = TaskStatus::kInProgress;
};

struct Classification {
  TaskStatus status = TaskStatus::kInProgress;
  std::optional<Day> due;           // the due day used
  DeadlineKind deadline_kind = DeadlineKind::kUnknown;
  std::optional<Day> completed;
  int decisive_event = -1;          // index in the task's history, -1 = none
  std::string reason;               // one sentence: which due day and which event decided
  // Deadline changes: the status the original deadline would give, when it differs.
  std::optional<TaskStatus> baseline_status;
  // Behind schedule (Redmine's rule): reported percent below the straight line from
  // assignment to due; does not change status.
  bool behind_schedule = false;
  std::optional<double> expected_percent;
  std::optional<int> reported_percent;
  std::vector<MilestoneStatus> milestones;  // multi / open_ended
  std::vector<Occurrence> occurrences;      // recurring: every occurrence due by D
  int met_on_time = 0, met_late = 0, missed = 0;
};

// nullopt when the task is assigned after as_of.
std::optional<Classification> ClassifyTask(const Dataset& ds, TaskIndex task, Day as_of,
                                           const ClassifyOptions& options = {});

// Every task's status as of as_of into out (resized to task_count): a TaskStatus value or
// kNotYetAssigned. The engine's one pass; tasks without special history take the columnar
// fast path, the rest fall back to ClassifyTask.
void ClassifyAll(const Dataset& ds, Day as_of, const ClassifyOptions& options,
                 std::vector<std::uint8_t>& out);

}  // namespace mandate

#endif
