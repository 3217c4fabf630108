#include "slow_task_classifier.h"

#include <algorithm>
#include <limits>

#include "classification_internal.h"
#include "occurrence_internal.h"

namespace mandate::internal {

std::int32_t SoonEnd(std::int32_t d, int soon_days) {
  const std::int64_t soon = static_cast<std::int64_t>(d) + std::max(0, soon_days);
  return static_cast<std::int32_t>(
      std::min<std::int64_t>(soon, std::numeric_limits<std::int32_t>::max()));
}

// open_ended is judged by its first due (the due column) until met, so it agrees with the fast
// rule unless its history may hold a 100% progress report. multi is judged by its earliest
// unmet milestone, which the due column (the final one) does not hold.
bool NeedsFullRules(std::uint8_t flags, std::uint8_t kind) {
  constexpr std::uint8_t kSlow =
      kTaskCancelled | kTaskDeadlineChanged | kTaskReopened | kTaskRecurring;
  if (flags & kSlow) return true;
  if (!(flags & kTaskMilestones)) return false;
  return kind == static_cast<std::uint8_t>(DeadlineKind::kMulti) ||
         ((flags & kTaskHasHistory) && kind == static_cast<std::uint8_t>(DeadlineKind::kOpenEnded));
}

SlowTaskClassifier::SlowTaskClassifier(const Dataset& ds, Day as_of, const ClassifyOptions& options)
    : ds_(ds), as_of_(as_of), d_(ToEpochDays(as_of)), options_(options) {}

std::uint8_t SlowTaskClassifier::Status(TaskIndex i) {
  if (const auto s = PlainRecurring(i)) return *s;
  const bool exists = ClassifyInto(ds_, i, as_of_, options_, /*explain=*/false, scratch_);
  return exists ? static_cast<std::uint8_t>(scratch_.status) : kNotYetAssigned;
}

std::optional<Day> SlowTaskClassifier::NextOccurrence(TaskIndex i, std::uint32_t deadline,
                                                      Day from) {
  const auto recurrence = [&]() -> const Recurrence& {
    return *ds_.original_deadline(i).recurrence;
  };
  if (from == as_of_) {
    if (deadline >= from_as_of_.size()) from_as_of_.resize(deadline + 1, 0);
    std::int64_t& slot = from_as_of_[deadline];
    if (slot == 0) {
      const auto next = FirstOccurrence(recurrence(), from, options_.inclusive_before);
      slot = next ? std::int64_t{ToEpochDays(*next)} + (std::int64_t{1} << 32) : kNone;
    }
    if (slot == kNone) return std::nullopt;
    return FromEpochDays(static_cast<std::int32_t>(slot - (std::int64_t{1} << 32)));
  }
  const std::uint64_t key =
      (std::uint64_t{deadline} << 32) | static_cast<std::uint32_t>(ToEpochDays(from));
  auto [it, fresh] = occurrences_.try_emplace(key);
  if (fresh) it->second = FirstOccurrence(recurrence(), from, options_.inclusive_before);
  return it->second;
}

// A recurring task with an assignment day whose history holds no report but at most its
// completion (what a CSV gives): the recurring rules of classification.h reduce to completed on
// time (completed by D); with reports tracked, overdue once the first occurrence is past (every
// occurrence is missed; one due on D itself is not yet); else the next occurrence on or after D
// decides by the due-soon rule. nullopt: use the full rules.
std::optional<std::uint8_t> SlowTaskClassifier::PlainRecurring(TaskIndex i) {
  const TaskColumns& c = ds_.columns();
  if ((c.flags[i] & ~(kTaskRecurring | kTaskHasHistory | kTaskAgencyFlags)) != 0 ||
      c.kind[i] != static_cast<std::uint8_t>(DeadlineKind::kRecurring) || c.assigned[i] == kNoDay) {
    return std::nullopt;
  }
  // Whether the original deadline is a plain recurrence, remembered per deadline id: the
  // interned deadlines are too many to stay in cache when each task looks at its own.
  const std::uint32_t id = ds_.original_deadline_id(i);
  if (id >= plain_.size()) plain_.resize(id + 1, kUnknown);
  if (plain_[id] == kUnknown) {
    const Deadline& dl = ds_.original_deadline(i);
    plain_[id] = dl.recurrence && dl.kind == DeadlineKind::kRecurring ? kPlain : kNotPlain;
  }
  if (plain_[id] == kNotPlain) return std::nullopt;
  // Without rare fields the history holds no report and the dataset decides the tracking:
  // no history to materialise (the common case, measured at a fifth of the query).
  const bool rare = ds_.has_rare_fields(i);
  const std::vector<TaskEvent>* history = nullptr;
  if (rare) {
    history = &ds_.HistoryRef(i, history_scratch_);
    if (history->size() > 1 ||
        (history->size() == 1 && (*history)[0].type != EventType::kCompleted)) {
      return std::nullopt;
    }
  }
  if (c.assigned[i] > d_) return kNotYetAssigned;
  if (c.completed[i] != kNoDay && c.completed[i] <= d_) {
    return static_cast<std::uint8_t>(TaskStatus::kCompletedOnTime);
  }
  const bool tracked = rare ? ReportsTracked(ds_, i, *history, as_of_)
                            : ds_.occurrence_reports_tracked().value_or(false);
  const Day from =
      tracked ? FromEpochDays(c.assigned[i]) : FromEpochDays(std::max(c.assigned[i], d_));
  const auto next = NextOccurrence(i, id, from);
  if (!next) return std::nullopt;
  if (tracked && *next < as_of_) return static_cast<std::uint8_t>(TaskStatus::kOverdue);
  return static_cast<std::uint8_t>(OpenStatus(*next, as_of_, options_.soon_days));
}

}  // namespace mandate::internal
