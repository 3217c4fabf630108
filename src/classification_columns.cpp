// ClassifyAll: one pass over the task columns. A task whose flags say its status cannot
// depend on anything but (assigned, due, completed) takes a branch-light loop that the
// compiler can vectorise; cancelled, rescheduled, reopened and recurring tasks, and
// open_ended tasks with a history, fall back to the full rules (internal::ClassifyInto, the engine
// of ClassifyTask), so both always agree.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <thread>

#include "classification_internal.h"
#include "mandate/classification.h"
#include "occurrence_internal.h"

namespace mandate {
namespace {

constexpr std::uint8_t kSlowFlags =
    kTaskCancelled | kTaskDeadlineChanged | kTaskReopened | kTaskRecurring;

// open_ended is judged by its first due (the due column) until met, so it agrees with the fast
// rule unless its history may hold a 100% progress report. multi is judged by its earliest
// unmet milestone, which the due column (the final one) does not hold.
inline bool NeedsFullRules(std::uint8_t flags, std::uint8_t kind) {
  if (flags & kSlowFlags) return true;
  if (!(flags & kTaskMilestones)) return false;
  return kind == static_cast<std::uint8_t>(DeadlineKind::kMulti) ||
         ((flags & kTaskHasHistory) && kind == static_cast<std::uint8_t>(DeadlineKind::kOpenEnded));
}
constexpr std::size_t kParallelFrom = 262144;

// The fast rule on raw day numbers. kNoDay (INT32_MIN) reads as: no assignment day = always
// assigned, no due day = never due, not completed = never completed.
void FastRange(const TaskColumns& c, std::size_t begin, std::size_t end, std::int32_t d,
               std::int32_t soon_end, std::uint8_t* out) {
  const std::int32_t* assigned = c.assigned.data();
  const std::int32_t* due = c.due.data();
  const std::int32_t* completed = c.completed.data();
  for (std::size_t i = begin; i < end; ++i) {
    const std::int32_t a = assigned[i], u = due[i], k = completed[i];
    const bool has_due = u != kNoDay;
    const bool done = (k != kNoDay) & (k <= d);
    const std::uint8_t closed = (!has_due | (k <= u)) ? std::uint8_t{0} : std::uint8_t{1};
    const std::uint8_t open = !has_due        ? std::uint8_t{4}
                              : u < d         ? std::uint8_t{2}
                              : u <= soon_end ? std::uint8_t{3}
                                              : std::uint8_t{4};
    const std::uint8_t s = done ? closed : open;
    out[i] = a <= d ? s : kNotYetAssigned;
  }
}

// A recurring task with an assignment day whose history holds no report but at most its
// completion (what a CSV gives): the recurring rules of classification.h reduce to completed on
// time (completed by D); with reports tracked, overdue once the first occurrence is past (every
// occurrence is missed; one due on D itself is not yet); else the next occurrence on or after D
// decides by the due-soon rule. nullopt: use the full rules.
std::optional<std::uint8_t> PlainRecurring(const Dataset& ds, std::size_t i, std::int32_t d,
                                           const ClassifyOptions& options,
                                           std::vector<TaskEvent>& history_scratch) {
  const TaskColumns& c = ds.columns();
  if ((c.flags[i] & ~(kTaskRecurring | kTaskHasHistory)) != 0 ||
      c.kind[i] != static_cast<std::uint8_t>(DeadlineKind::kRecurring) || c.assigned[i] == kNoDay) {
    return std::nullopt;
  }
  const Deadline& dl = ds.original_deadline(static_cast<TaskIndex>(i));
  if (!dl.recurrence || dl.kind != DeadlineKind::kRecurring) return std::nullopt;
  const auto& history = ds.HistoryRef(static_cast<TaskIndex>(i), history_scratch);
  if (history.size() > 1 || (history.size() == 1 && history[0].type != EventType::kCompleted)) {
    return std::nullopt;
  }
  if (c.assigned[i] > d) return kNotYetAssigned;
  if (c.completed[i] != kNoDay && c.completed[i] <= d) {
    return static_cast<std::uint8_t>(TaskStatus::kCompletedOnTime);
  }
  const Day as_of = FromEpochDays(d);
  const bool tracked =
      internal::ReportsTracked(ds, static_cast<TaskIndex>(i), history, as_of);
  const Day from = tracked ? FromEpochDays(c.assigned[i]) : FromEpochDays(std::max(c.assigned[i], d));
  const auto next = internal::FirstOccurrence(*dl.recurrence, from, options.inclusive_before);
  if (!next) return std::nullopt;
  if (tracked && *next < as_of) return static_cast<std::uint8_t>(TaskStatus::kOverdue);
  return static_cast<std::uint8_t>(OpenStatus(*next, as_of, options.soon_days));
}

void SlowRange(const Dataset& ds, std::size_t begin, std::size_t end, Day as_of,
               const ClassifyOptions& options, std::uint8_t* out) {
  const std::uint8_t* flags = ds.columns().flags.data();
  const std::uint8_t* kind = ds.columns().kind.data();
  const std::int32_t d = ToEpochDays(as_of);
  thread_local std::vector<TaskEvent> history_scratch;
  Classification scratch;
  for (std::size_t i = begin; i < end; ++i) {
    if (!NeedsFullRules(flags[i], kind[i])) continue;
    if (const auto s = PlainRecurring(ds, i, d, options, history_scratch)) {
      out[i] = *s;
      continue;
    }
    const bool exists = internal::ClassifyInto(ds, static_cast<TaskIndex>(i), as_of, options,
                                               /*explain=*/false, scratch);
    out[i] = exists ? static_cast<std::uint8_t>(scratch.status) : kNotYetAssigned;
  }
}

void Range(const Dataset& ds, std::size_t begin, std::size_t end, Day as_of,
           const ClassifyOptions& options, std::uint8_t* out) {
  const std::int32_t d = ToEpochDays(as_of);
  const std::int64_t soon = static_cast<std::int64_t>(d) + std::max(0, options.soon_days);
  const auto soon_end = static_cast<std::int32_t>(
      std::min<std::int64_t>(soon, std::numeric_limits<std::int32_t>::max()));
  FastRange(ds.columns(), begin, end, d, soon_end, out);
  SlowRange(ds, begin, end, as_of, options, out);
}

}  // namespace

void ClassifyAll(const Dataset& ds, Day as_of, const ClassifyOptions& options,
                 std::vector<std::uint8_t>& out) {
  const std::size_t n = ds.task_count();
  out.resize(n);
  int threads = options.threads;
  if (threads <= 0) {
    threads = n >= kParallelFrom && std::thread::hardware_concurrency() >= 2 ? 2 : 1;
  }
  threads = static_cast<int>(std::min<std::size_t>({static_cast<std::size_t>(threads), 64, n}));
  if (threads <= 1) {
    Range(ds, 0, n, as_of, options, out.data());
    return;
  }
  // Contiguous chunks; the columns are read-only and each thread writes its own bytes.
  std::vector<std::thread> workers;
  workers.reserve(static_cast<std::size_t>(threads) - 1);
  const std::size_t chunk = n / static_cast<std::size_t>(threads);
  for (int t = 1; t < threads; ++t) {
    const std::size_t b = chunk * static_cast<std::size_t>(t);
    const std::size_t e = t + 1 == threads ? n : b + chunk;
    workers.emplace_back([&, b, e] { Range(ds, b, e, as_of, options, out.data()); });
  }
  Range(ds, 0, chunk, as_of, options, out.data());
  for (auto& w : workers) w.join();
}

}  // namespace mandate
