// Status classification: where each task stands as of a day D ("at the end of D", a civil
// day in Asia/Ho_Chi_Minh), from its history folded up to D (FoldHistory).
//
// The rules, decided once and tested (tests/classification_test.cpp):
// - Assigned after D: the task does not exist yet (nullopt / kNotYetAssigned). No assignment
//   day: it always exists. Assigned on D: it exists.
// - Events dated after D are ignored: a completion after D does not count yet, a deadline
//   change after D is not in force yet, a cancellation after D has not happened yet.
// - cancelled: a cancellation on or before D wins over everything else (also over a
//   completion): the task leaves the rates and is reported on its own.
// - completed_on_time: completed (the completion in force at D) on or before the due day, or
//   with no due day; completed_late: after the due day.
// - overdue: not completed and due < D. due_soon: not completed and D <= due <= D + N
//   (so due = D is due_soon, not overdue: D is not over until its end). in_progress: due
//   later, or no due day (ongoing, roadmap, unknown, none).
// - Reopen: a reopen at or before D withdraws the completion before it; a later completion
//   is the one judged.
// - Deadline changes: the due day is the one of the deadline in force at D (the latest
//   change on or before D). Option `baseline` judges by the original deadline instead.
//   Whenever a change is in force the other deadline is judged too: baseline_status (or
//   in_force_status under `baseline`) holds its status when it differs, and the reason says
//   so ("on time against the extended due ...; late against the original due ...").
// - multi: the task's status comes from its earliest fixed milestone not yet met: overdue
//   when its due < D (an unmet milestone has passed), due_soon when D <= due <= D + N, else
//   in_progress. A milestone is met by the first progress event on or before D that names it
//   (TaskEvent::milestone, its index in Deadline::milestones); met milestones get
//   completed_on_time / completed_late against their own due, the others the open rule. When
//   every fixed milestone is met but the task is not completed it is in_progress. A completion
//   completes the task, judged against the final fixed milestone (Deadline::due), and every
//   milestone not met before it is judged by that completion. A multi deadline with no fixed
//   due but a recurrence follows the recurring rules; with neither it is in_progress. A
//   recurring part beside fixed milestones is judged and reported, not used for the status.
// - open_ended ("2025 và những năm tiếp theo"): judged against first_due until met. A
//   completion event meets it and is the task's completion (on time / late against
//   first_due). A progress report of 100% on or before D also meets it without completing the
//   task: from then on the task behaves as ongoing (in_progress), and its one milestone
//   ("first due") records whether it was met on time.
// - recurring: occurrences are the due days of Occurrences(recurrence, start, D). The first
//   period starts at the assignment day (no assignment day: at the first event of the
//   history), each later one the day after the previous due.
//   Whether occurrence reports are tracked: Task::occurrence_reports_tracked, else the
//   dataset's setting (Dataset::occurrence_reports_tracked), else tracked exactly when the
//   history holds a progress report on or before D. Missing data is not lateness:
//   * Not tracked (no_reports = true): no occurrence is judged or missed; not_reported counts
//     those fallen due before D (up to the completion when completed). Status: completed_on_time
//     when completed, else the next occurrence due on or after D decides by the due-soon rule
//     (due_soon when due <= D + N, else in_progress).
//   * Tracked: reports are the progress and completion events dated from the first period
//     start to D. Occurrences take reports greedily in order, each report serving one
//     occurrence: the earliest unused report dated in or after the period is taken if it comes
//     by the next occurrence's due (by D for the latest): on or before the due -> met on time,
//     after -> met late; no such report -> missed. An occurrence due on D itself counts only
//     once met (like due = D being due_soon). Status: overdue while the latest judged
//     occurrence is missed (due = its due); else the next occurrence not yet met (due on D and
//     unmet, or the first after the judged ones unless a report dated by D already met it
//     early) decides by the due-soon rule (due = its due). No start (no assignment day, no
//     events): nothing is judged; the next occurrence on or after D decides.
//   A completion of the whole task -> completed_on_time (no single due day), with occurrences
//   judged up to the completion.
// - Reasons are one sentence a person would write ("Not completed; the deadline "Quý IV"
//   falls due on 2025-12-31, in 3 days"), naming the due day and the deciding event.
// - Behind schedule (Redmine's rule): only for an open (not completed, not cancelled) task
//   with an assignment day, a due day and a progress report with a percent on or before D:
//   behind when the latest percent < 100 * (D - assigned) / (due - assigned), clamped to
//   0..100. It never changes the status.
#ifndef MANDATE_CLASSIFICATION_H
#define MANDATE_CLASSIFICATION_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mandate/civil_day.h"
#include "mandate/dataset.h"
#include "mandate/enum_table.h"

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
template <>
struct EnumTable<TaskStatus> {
  static constexpr EnumEntry<TaskStatus> kEntries[] = {
      {TaskStatus::kCompletedOnTime, "completed_on_time", "hoàn thành đúng hạn",
       "completed on time"},
      {TaskStatus::kCompletedLate, "completed_late", "hoàn thành quá hạn", "completed late"},
      {TaskStatus::kOverdue, "overdue", "quá hạn, chậm muộn", "overdue"},
      {TaskStatus::kDueSoon, "due_soon", "sắp đến hạn", "due soon"},
      {TaskStatus::kInProgress, "in_progress", "đang thực hiện", "in progress"},
      {TaskStatus::kCancelled, "cancelled", "đã hủy", "cancelled"},
  };
};
static_assert(EnumTableIsDense<TaskStatus>());
inline constexpr int kTaskStatusCount = static_cast<int>(EnumCount<TaskStatus>());
// Not a status: a task assigned after the as-of day does not exist yet (status columns).
inline constexpr std::uint8_t kNotYetAssigned = 0xFF;
inline constexpr std::string_view kNotYetAssignedName = "not_yet_assigned";  // its name (C ABI)

// The largest due-soon window any layer accepts (ten years): one limit for the CLI, the C ABI
// and the report options.
inline constexpr int kMaxSoonDays = 3660;

struct ClassifyOptions {
  int soon_days = 7;      // due_soon: due in [D, D + soon_days]; negative counts as 0
  bool baseline = false;  // judge against the original deadline instead of the one in force
  // Recurrences "trước ngày 25 hàng tháng" fall due on the 25th instead of the 24th (as
  // DeadlineContext::inclusive_before for parsing).
  bool inclusive_before = false;
  // ClassifyAll only: 0 = automatic (2 threads from 262144 tasks on a machine with 2 or more
  // cores, else 1: no thread, no allocation beyond out), otherwise this many (at most 64).
  int threads = 0;
};

// The occurrence compliance of a recurring obligation.
enum class OccurrenceOutcome : std::uint8_t { kMetOnTime = 0, kMetLate = 1, kMissed = 2 };
template <>
struct EnumTable<OccurrenceOutcome> {
  static constexpr EnumEntry<OccurrenceOutcome> kEntries[] = {
      {OccurrenceOutcome::kMetOnTime, "met_on_time"},
      {OccurrenceOutcome::kMetLate, "met_late"},
      {OccurrenceOutcome::kMissed, "missed"},
  };
};
static_assert(EnumTableIsDense<OccurrenceOutcome>());
struct Occurrence {
  Day period_start{};
  Day due{};
  OccurrenceOutcome outcome = OccurrenceOutcome::kMissed;
  int event = -1;  // the report that met it (index in history), -1 = missed
};

struct MilestoneStatus {
  std::string label;
  std::optional<Day> due;
  TaskStatus status = TaskStatus::kInProgress;
};

struct Classification {
  TaskStatus status = TaskStatus::kInProgress;
  // The due day used. Recurring: the missed occurrence's due when overdue, else the next
  // occurrence not yet met. multi: the earliest unmet milestone's (the final one once completed).
  std::optional<Day> due;
  DeadlineKind deadline_kind = DeadlineKind::kUnknown;
  std::optional<Day> completed;
  int decisive_event = -1;  // index in the task's history, -1 = none
  std::string reason;       // one sentence: which due day and which event decided
  // Deadline changes: the status the original deadline would give, when it differs.
  std::optional<TaskStatus> baseline_status;
  // Under options.baseline: the status the deadline in force would give, when it differs.
  std::optional<TaskStatus> in_force_status;
  int deadline_event = -1;  // the change that set the deadline used, -1 = original
  std::optional<Day> cancelled;
  // Behind schedule (Redmine's rule): reported percent below the straight line from
  // assignment to due; does not change status.
  bool behind_schedule = false;
  std::optional<double> expected_percent;
  std::optional<int> reported_percent;
  std::vector<MilestoneStatus> milestones;  // multi / open_ended
  std::vector<Occurrence> occurrences;      // recurring: every occurrence due by D
  int met_on_time = 0, met_late = 0, missed = 0;
  // Recurring, reports not tracked: occurrences fallen due by D with no data (never missed).
  int not_reported = 0;
  bool no_reports = false;  // recurring: occurrence reports are not tracked (no data, not late)
};

// nullopt when the task is assigned after as_of (or task is not an index of ds).
std::optional<Classification> ClassifyTask(const Dataset& ds, TaskIndex task, Day as_of,
                                           const ClassifyOptions& options = {});

// Every task's status as of as_of into out (resized to task_count): a TaskStatus value or
// kNotYetAssigned. The engine's one pass; tasks without special history take the columnar
// fast path, the rest fall back to ClassifyTask.
void ClassifyAll(const Dataset& ds, Day as_of, const ClassifyOptions& options,
                 std::vector<std::uint8_t>& out);

}  // namespace mandate

#endif
