#include "mandate/task_state.h"

#include "mandate/calendar.h"

namespace mandate {

TaskState FoldHistory(const Deadline& original, const std::vector<TaskEvent>& history,
                      Day as_of) {
  TaskState s;
  s.deadline = &original;
  for (int i = 0; i < static_cast<int>(history.size()); ++i) {
    const TaskEvent& e = history[static_cast<std::size_t>(i)];
    if (e.day > as_of) break;  // history is kept in day order
    switch (e.type) {
      case EventType::kProgress:
        if (e.percent) s.percent = e.percent;
        s.last_progress = e.day;
        s.progress_days.push_back(e.day);
        break;
      case EventType::kCompleted:
        if (!s.completed) {
          s.completed = e.day;
          s.completed_event = i;
        }
        break;
      case EventType::kReopened:
        s.completed.reset();
        s.completed_event = -1;
        break;
      case EventType::kDeadlineChanged:
        if (e.new_deadline) {
          s.deadline = &*e.new_deadline;
          s.deadline_event = i;
        }
        break;
      case EventType::kCancelled:
        if (!s.cancelled) {
          s.cancelled = e.day;
          s.cancelled_event = i;
        }
        break;
    }
  }
  return s;
}

std::optional<Day> EffectiveDue(const Deadline& deadline, std::optional<Day> assigned) {
  switch (deadline.kind) {
    case DeadlineKind::kOpenEnded:
      return deadline.first_due;
    case DeadlineKind::kRelative:
      if (deadline.due) return deadline.due;
      if (!assigned) return std::nullopt;
      if (deadline.relative_working_days) {
        return WorkingCalendar::Vietnam().AddWorkingDays(*assigned, deadline.relative_days);
      }
      return *assigned + date::days{deadline.relative_days};
    default:
      return deadline.due;
  }
}

}  // namespace mandate
