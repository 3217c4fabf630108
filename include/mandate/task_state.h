// The state of a task as of a day: a fold over its history up to and including that day.
#ifndef MANDATE_TASK_STATE_H
#define MANDATE_TASK_STATE_H

#include <optional>
#include <vector>

#include "mandate/civil_day.h"
#include "mandate/deadline.h"
#include "mandate/task.h"

namespace mandate {

struct TaskState {
  std::optional<Day> completed;  // completion in force at as_of (a reopen clears it)
  int completed_event = -1;      // index in history of that completion
  std::optional<Day> cancelled;
  int cancelled_event = -1;
  const Deadline* deadline = nullptr;  // the deadline in force at as_of (points into the task)
  int deadline_event = -1;             // the change that set it, -1 = the original
  std::optional<int> percent;          // latest reported percent at or before as_of
  std::optional<Day> last_progress;
  std::vector<Day> progress_days;  // days of every progress report up to as_of, in order
};

// Folds history[0..] with day <= as_of. The returned pointer borrows from deadline/history.
TaskState FoldHistory(const Deadline& original, const std::vector<TaskEvent>& history, Day as_of);
inline TaskState FoldTask(const Task& task, Day as_of) {
  return FoldHistory(task.deadline, task.history, as_of);
}

// The due day a deadline gives a task assigned on `assigned`: the parsed due; for relative
// deadlines assigned + N calendar or working days; for open_ended the first due. nullopt for
// ongoing, roadmap, recurring and unknown.
std::optional<Day> EffectiveDue(const Deadline& deadline, std::optional<Day> assigned);

}  // namespace mandate

#endif
