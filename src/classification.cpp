// ClassifyTask: the full rules of classification.h, with the explanation. ClassifyAll's columnar
// fast path lives in classification_columns.cpp and falls back to ClassifyInto() here.
#include "mandate/classification.h"

#include <algorithm>
#include <array>

#include "absl/strings/str_format.h"
#include "classification_internal.h"
#include "mandate/task_state.h"

namespace mandate {
namespace {

// How a deadline was judged: one due day (fixed, multi, open_ended) or per occurrence.
enum class Regime { kFixed, kRecurring };

struct Ctx {
  Day as_of;
  const ClassifyOptions& options;
  bool explain;
  std::optional<Day> assigned;
  const std::vector<TaskEvent>& history;
  const TaskState& state;
};

std::string Iso(Day d) { return FormatIsoDay(d); }

std::string Days(long long n) { return absl::StrFormat("%d %s", n, n == 1 ? "day" : "days"); }

std::string EventRef(const std::vector<TaskEvent>& history, int event) {
  if (event < 0) return "";
  return absl::StrFormat(" (%s event #%d of %s)",
                         EnumName(history[static_cast<std::size_t>(event)].type), event,
                         Iso(history[static_cast<std::size_t>(event)].day));
}

std::string DeadlineRef(const Deadline& dl) {
  if (dl.text.empty()) return absl::StrFormat("%s deadline", EnumName(dl.kind));
  return absl::StrFormat("%s deadline \"%s\"", EnumName(dl.kind), dl.text);
}

// Why a fixed due day gives this status.
std::string FixedReason(const Ctx& c, TaskStatus s, std::optional<Day> due, std::string_view what) {
  const auto& st = c.state;
  const std::string due_text =
      due ? absl::StrFormat("the %s %s", what, Iso(*due)) : std::string("no due day");
  switch (s) {
    case TaskStatus::kCompletedOnTime:
      return due ? absl::StrFormat("completed %s%s, on or before %s", Iso(*st.completed),
                                   EventRef(c.history, st.completed_event), due_text)
                 : absl::StrFormat("completed %s%s; there is no due day", Iso(*st.completed),
                                   EventRef(c.history, st.completed_event));
    case TaskStatus::kCompletedLate:
      return absl::StrFormat("completed %s%s, %s after %s", Iso(*st.completed),
                             EventRef(c.history, st.completed_event),
                             Days((*st.completed - *due).count()), due_text);
    case TaskStatus::kOverdue:
      return absl::StrFormat("not completed; %s is %s before %s", due_text,
                             Days((c.as_of - *due).count()), Iso(c.as_of));
    case TaskStatus::kDueSoon:
      return *due == c.as_of ? absl::StrFormat("not completed; %s is the as-of day", due_text)
                             : absl::StrFormat("not completed; %s is %s after %s (within %d)",
                                               due_text, Days((*due - c.as_of).count()),
                                               Iso(c.as_of), c.options.soon_days);
    case TaskStatus::kInProgress:
      return due ? absl::StrFormat("not completed; %s is more than %d days after %s", due_text,
                                   std::max(0, c.options.soon_days), Iso(c.as_of))
                 : std::string("not completed; no due day");
    case TaskStatus::kCancelled:
      break;
  }
  return "";
}

// Occurrences of a recurrence judged against the reports (classification.h, "recurring"). Fills
// out.occurrences (when explaining) and the counts; returns the index of the latest judged
// occurrence's outcome via `latest` (nullopt when none is due yet).
struct RecurringResult {
  std::optional<Occurrence> latest;
  std::optional<Day> start;
  std::optional<Day> next_due;
};

RecurringResult JudgeOccurrences(const Ctx& c, const Recurrence& r, Classification& out) {
  RecurringResult res;
  const auto& hist = c.history;
  res.start = c.assigned;
  if (!res.start && !hist.empty()) res.start = hist.front().day;
  if (!res.start) return res;
  const Day start = *res.start;
  const Day end = c.state.completed ? std::min(c.as_of, *c.state.completed) : c.as_of;
  std::vector<Day> dues;
  if (start <= end) dues = Occurrences(r, start, end, c.options.inclusive_before);
  // Reports: progress and completion events from the first period start to as_of.
  std::size_t j = 0;
  const auto next_report = [&](Day from) -> int {
    while (j < hist.size()) {
      const TaskEvent& e = hist[j];
      if (e.day > c.as_of) return -1;
      if (e.day >= from && (e.type == EventType::kProgress || e.type == EventType::kCompleted)) {
        return static_cast<int>(j);
      }
      ++j;
    }
    return -1;
  };
  for (std::size_t k = 0; k < dues.size(); ++k) {
    Occurrence occ;
    occ.period_start = k == 0 ? start : dues[k - 1] + date::days{1};
    occ.due = dues[k];
    const Day limit = k + 1 < dues.size() ? dues[k + 1] : c.as_of;
    const int ev = next_report(occ.period_start);
    if (ev >= 0 && hist[static_cast<std::size_t>(ev)].day <= limit) {
      occ.event = ev;
      occ.outcome = hist[static_cast<std::size_t>(ev)].day <= occ.due
                        ? OccurrenceOutcome::kMetOnTime
                        : OccurrenceOutcome::kMetLate;
      ++j;
    }
    // Due on the as-of day itself and not met yet: still open, not missed.
    if (k + 1 == dues.size() && occ.due == c.as_of && occ.outcome == OccurrenceOutcome::kMissed) {
      res.next_due = occ.due;
      break;
    }
    switch (occ.outcome) {
      case OccurrenceOutcome::kMetOnTime:
        ++out.met_on_time;
        break;
      case OccurrenceOutcome::kMetLate:
        ++out.met_late;
        break;
      case OccurrenceOutcome::kMissed:
        ++out.missed;
        break;
    }
    res.latest = occ;
    if (c.explain) out.occurrences.push_back(occ);
  }
  return res;
}

void JudgeRecurring(const Ctx& c, const Deadline& dl, Classification& out) {
  const Recurrence& r = *dl.recurrence;
  const auto& st = c.state;
  const RecurringResult res = JudgeOccurrences(c, r, out);
  if (st.completed) {
    out.status = TaskStatus::kCompletedOnTime;
    out.decisive_event = st.completed_event;
  } else if (res.latest && res.latest->outcome == OccurrenceOutcome::kMissed) {
    out.status = TaskStatus::kOverdue;
  } else {
    out.status = TaskStatus::kInProgress;
    if (res.latest) out.decisive_event = res.latest->event;
  }
  if (res.next_due && !(res.latest && res.latest->outcome == OccurrenceOutcome::kMissed)) {
    out.due = res.next_due;  // due today and not overdue: today's due is the one that matters
  } else if (res.latest) {
    out.due = res.latest->due;
  } else if (res.start) {
    // Nothing due yet: show the first occurrence to come.
    const Day from = std::max(*res.start, c.as_of);
    auto next = Occurrences(r, from, from + date::days{400}, c.options.inclusive_before);
    if (!next.empty()) out.due = next.front();
  }
  if (!c.explain) return;
  const std::string head = absl::StrFormat("%s %s", EnumName(r.freq), DeadlineRef(dl));
  if (!res.start) {
    out.reason = absl::StrFormat(
        "%s: no assignment day and no events, so no occurrence can be judged; %s", head,
        st.completed ? "completed" + EventRef(c.history, st.completed_event) : "in progress");
    return;
  }
  const int judged = out.met_on_time + out.met_late + out.missed;
  std::string s = absl::StrFormat(
      "%s: %d occurrences due from %s to %s: %d met on time, %d met late, %d missed", head, judged,
      Iso(*res.start), Iso(st.completed ? std::min(c.as_of, *st.completed) : c.as_of),
      out.met_on_time, out.met_late, out.missed);
  if (res.latest) {
    const Occurrence& l = *res.latest;
    if (l.outcome == OccurrenceOutcome::kMissed) {
      s += absl::StrFormat("; the latest, due %s (period from %s), was missed", Iso(l.due),
                           Iso(l.period_start));
    } else {
      s += absl::StrFormat("; the latest, due %s, was %s by the report%s", Iso(l.due),
                           l.outcome == OccurrenceOutcome::kMetOnTime ? "met on time" : "met late",
                           EventRef(c.history, l.event));
    }
  } else if (out.due) {
    s += absl::StrFormat("; none due yet, the first falls due %s", Iso(*out.due));
  }
  if (res.next_due)
    s += absl::StrFormat("; an occurrence falls due today (%s)", Iso(*res.next_due));
  if (st.completed) {
    s += "; the whole task was completed" + EventRef(c.history, st.completed_event) +
         ", with no single due day, so on time";
  }
  out.reason = std::move(s);
}

void JudgeOpenEnded(const Ctx& c, const Deadline& dl, Classification& out) {
  const auto& st = c.state;
  const std::optional<Day> first = dl.first_due;
  out.due = first;
  MilestoneStatus ms;
  ms.label = "first due";
  ms.due = first;
  int met_event = -1;
  if (!st.completed) {
    for (std::size_t k = 0; k < c.history.size() && c.history[k].day <= c.as_of; ++k) {
      const TaskEvent& e = c.history[k];
      if (e.type == EventType::kProgress && e.percent == 100) {
        met_event = static_cast<int>(k);
        break;
      }
    }
  }
  if (st.completed) {
    out.status = CompletedStatus(*st.completed, first);
    out.decisive_event = st.completed_event;
    ms.status = out.status;
  } else if (met_event >= 0) {
    const Day met = c.history[static_cast<std::size_t>(met_event)].day;
    out.status = TaskStatus::kInProgress;
    out.decisive_event = met_event;
    ms.status = CompletedStatus(met, first);
  } else {
    out.status = OpenStatus(first, c.as_of, c.options.soon_days);
    ms.status = out.status;
  }
  if (!c.explain) return;
  out.milestones.push_back(ms);
  if (met_event >= 0) {
    out.reason = absl::StrFormat(
        "%s: the first due %s was met %s by a 100%% progress report%s; since then the task "
        "continues as ongoing",
        DeadlineRef(dl), first ? Iso(*first) : "(none)",
        ms.status == TaskStatus::kCompletedOnTime ? "on time" : "late",
        EventRef(c.history, met_event));
  } else {
    out.reason = DeadlineRef(dl) + ": " + FixedReason(c, out.status, first, "first due");
  }
}

void JudgeFixed(const Ctx& c, const Deadline& dl, Classification& out) {
  const auto& st = c.state;
  const std::optional<Day> due = EffectiveDue(dl, c.assigned);
  out.due = due;
  out.status = st.completed ? CompletedStatus(*st.completed, due)
                            : OpenStatus(due, c.as_of, c.options.soon_days);
  out.decisive_event = st.completed ? st.completed_event : -1;
  if (dl.kind == DeadlineKind::kMulti && dl.recurrence) {
    JudgeOccurrences(c, *dl.recurrence, out);  // reported alongside; the status stays fixed
  }
  if (!c.explain) return;
  std::string what = "due day";
  if (dl.kind == DeadlineKind::kMulti) {
    what = "final fixed milestone";
    for (const Milestone& m : dl.milestones) {
      MilestoneStatus ms;
      ms.label = m.label;
      ms.due = m.due;
      ms.status = st.completed ? CompletedStatus(*st.completed, m.due)
                               : OpenStatus(m.due, c.as_of, c.options.soon_days);
      out.milestones.push_back(std::move(ms));
      if (m.due && due && *m.due == *due)
        what = absl::StrFormat("final fixed milestone \"%s\"", m.label);
    }
  }
  std::string s = DeadlineRef(dl) + ": " + FixedReason(c, out.status, due, what);
  if (dl.kind == DeadlineKind::kRelative && !dl.due && due) {
    s += absl::StrFormat(" (%d %s days after the assignment on %s)", dl.relative_days,
                         dl.relative_working_days ? "working" : "calendar", Iso(*c.assigned));
  }
  if (dl.kind == DeadlineKind::kMulti && dl.recurrence) {
    s += absl::StrFormat("; its recurring part: %d met on time, %d met late, %d missed",
                         out.met_on_time, out.met_late, out.missed);
  }
  out.reason = std::move(s);
}

void Judge(const Ctx& c, const Deadline& dl, Classification& out, Regime& regime) {
  out.deadline_kind = dl.kind;
  const bool recurring = dl.recurrence && (dl.kind == DeadlineKind::kRecurring ||
                                           (dl.kind == DeadlineKind::kMulti && !dl.due));
  regime = recurring ? Regime::kRecurring : Regime::kFixed;
  if (recurring) {
    JudgeRecurring(c, dl, out);
  } else if (dl.kind == DeadlineKind::kOpenEnded) {
    JudgeOpenEnded(c, dl, out);
  } else {
    JudgeFixed(c, dl, out);
  }
}

}  // namespace

namespace internal {

bool ClassifyInto(const Dataset& ds, TaskIndex task, Day as_of, const ClassifyOptions& options,
                  bool explain, Classification& out) {
  const std::optional<Day> assigned = ds.assigned(task);
  if (assigned && *assigned > as_of) return false;
  // ClassifyAll's slow path calls this for every flagged task: no allocation per task.
  thread_local std::vector<TaskEvent> scratch;
  const std::vector<TaskEvent>& history = ds.HistoryRef(task, scratch);
  const Deadline& original = ds.original_deadline(task);
  const TaskState st = FoldHistory(original, history, as_of);
  const Ctx c{as_of, options, explain, assigned, history, st};

  out = Classification{};
  out.completed = st.completed;
  out.cancelled = st.cancelled;
  const bool changed = st.deadline_event >= 0;
  const Deadline& in_force = *st.deadline;
  const Deadline& used = options.baseline ? original : in_force;
  out.deadline_event = options.baseline ? -1 : st.deadline_event;
  Regime regime = Regime::kFixed;
  Judge(c, used, out, regime);

  if (changed && !st.cancelled) {
    // The other deadline, judged quietly, to say when the change makes a difference.
    Classification other;
    Regime other_regime = Regime::kFixed;
    const Ctx quiet{as_of, options, false, assigned, history, st};
    const Deadline& alt = options.baseline ? in_force : original;
    Judge(quiet, alt, other, other_regime);
    if (other.status != out.status) {
      (options.baseline ? out.in_force_status : out.baseline_status) = other.status;
    }
    if (explain) {
      const std::string change =
          absl::StrFormat("the deadline was changed%s", EventRef(history, st.deadline_event));
      const auto due_or_none = [](std::optional<Day> d) {
        return d ? FormatIsoDay(*d) : std::string("none");
      };
      if (options.baseline) {
        out.reason += absl::StrFormat("; judged by the original deadline (baseline); %s to %s",
                                      change, DeadlineRef(in_force));
        if (out.in_force_status) {
          out.reason += absl::StrFormat(", due %s, under which it is %s", due_or_none(other.due),
                                        EnumName(*out.in_force_status));
        }
      } else {
        out.reason += absl::StrFormat("; %s from the original %s", change, DeadlineRef(original));
        if (out.baseline_status) {
          out.reason += absl::StrFormat(", due %s, under which it would be %s",
                                        due_or_none(other.due), EnumName(*out.baseline_status));
        }
      }
    }
  }

  if (st.cancelled) {
    out.status = TaskStatus::kCancelled;
    out.decisive_event = st.cancelled_event;
    if (explain) {
      std::string why = history[static_cast<std::size_t>(st.cancelled_event)].text;
      out.reason = absl::StrFormat("cancelled %s%s%s; before that: %s", Iso(*st.cancelled),
                                   EventRef(history, st.cancelled_event),
                                   why.empty() ? "" : " (" + why + ")", out.reason);
    }
    return true;
  }

  // Behind schedule: a straight line from assignment (0%) to the due day (100%).
  const bool open = out.status == TaskStatus::kOverdue || out.status == TaskStatus::kDueSoon ||
                    out.status == TaskStatus::kInProgress;
  if (regime == Regime::kFixed && open && assigned && out.due && st.percent) {
    const double total = static_cast<double>((*out.due - *assigned).count());
    const double elapsed = static_cast<double>((as_of - *assigned).count());
    const double expected = total <= 0 ? 100.0 : std::clamp(100.0 * elapsed / total, 0.0, 100.0);
    out.expected_percent = expected;
    out.reported_percent = st.percent;
    out.behind_schedule = *st.percent < expected;
    if (explain && out.behind_schedule) {
      out.reason += absl::StrFormat(
          "; behind schedule: %d%% reported by %s, %.1f%% expected on the straight line from "
          "%s to %s",
          *st.percent, Iso(*st.last_progress), expected, Iso(*assigned), Iso(*out.due));
    }
  }
  return true;
}

}  // namespace internal

std::optional<Classification> ClassifyTask(const Dataset& ds, TaskIndex task, Day as_of,
                                           const ClassifyOptions& options) {
  if (task >= ds.task_count()) return std::nullopt;
  Classification out;
  if (!internal::ClassifyInto(ds, task, as_of, options, /*explain=*/true, out)) return std::nullopt;
  return out;
}

}  // namespace mandate
