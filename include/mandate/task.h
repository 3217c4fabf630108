// A task (nhiệm vụ) as a value: what a plan assigns, to whom, by when, and the append-only
// history of what happened to it. The state of a task at any date is a fold over the events
// up to that date (task_state.h).
#ifndef MANDATE_TASK_H
#define MANDATE_TASK_H

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mandate/civil_day.h"
#include "mandate/deadline.h"
#include "mandate/enum_table.h"

namespace mandate {

// Values are stable: stored in files and crossing the C ABI.
enum class EventType : std::uint8_t {
  kProgress = 0,  // a progress report: percent, text, evidence links
  kCompleted = 1,
  kReopened = 2,         // a completion withdrawn (e.g. the product was sent back)
  kDeadlineChanged = 3,  // new deadline, reason, deciding document
  kCancelled = 4,
};
template <>
struct EnumTable<EventType> {
  static constexpr EnumEntry<EventType> kEntries[] = {
      {EventType::kProgress, "progress"},   {EventType::kCompleted, "completed"},
      {EventType::kReopened, "reopened"},   {EventType::kDeadlineChanged, "deadline_changed"},
      {EventType::kCancelled, "cancelled"},
  };
};
static_assert(EnumTableIsDense<EventType>());

struct TaskEvent {
  Day day{};
  EventType type = EventType::kProgress;
  std::optional<int> percent;            // progress: 0..100
  std::string text;                      // progress text, or the reason of a change/cancel
  std::vector<std::string> evidence;     // progress: links to evidence (minh chứng)
  std::optional<Deadline> new_deadline;  // deadline_changed
  std::string document;                  // deadline_changed/cancelled: the deciding document
  // progress: the index (0-based) of the deadline's milestone this report records as met
  // (multi deadlines; classification.h).
  std::optional<int> milestone;
  friend bool operator==(const TaskEvent&, const TaskEvent&) = default;
};

struct Task {
  std::string id;
  std::string title;
  std::vector<std::string> lead;          // canonical agency ids (one or several)
  std::vector<std::string> coordinators;  // canonical agency ids
  std::vector<std::string> partners;      // partner enterprises, canonical ids
  std::string lead_text;                  // the raw cells as written
  std::string coordinators_text;
  std::vector<std::string> sources;  // document references, e.g. "45-TB/TGV ngày 30/9/2025"
  std::string category;              // path, levels joined by " / "
  std::string expected_result;
  Deadline deadline;  // deadline.text keeps the raw phrase
  std::optional<Day> assigned;
  std::string note;
  std::vector<TaskEvent> history;  // in day order (stable for equal days)
  // Recurring obligations: whether each occurrence's report is recorded in the history (true:
  // an occurrence without one is missed) or not (its occurrences are "not reported", never
  // missed). Unset: the dataset's setting, else tracked only when the history holds a report.
  std::optional<bool> occurrence_reports_tracked;
  std::vector<std::pair<std::string, std::string>> attributes;  // unknown CSV columns etc.
  friend bool operator==(const Task&, const Task&) = default;
};

}  // namespace mandate

#endif
