// ClassifyTask: the full rules of classification.h, with the explanation. ClassifyAll's columnar
// fast path lives in classification_columns.cpp and falls back to ClassifyInto() here.
#include "mandate/classification.h"

#include <algorithm>
#include <array>

#include "absl/strings/str_format.h"
#include "classification_internal.h"
#include "mandate/task_state.h"
#include "occurrence_internal.h"

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
  bool reports_tracked;  // recurring: internal::ReportsTracked
};

std::string Iso(Day d) { return FormatIsoDay(d); }

std::string Count(long long n, std::string_view one, std::string_view many) {
  return absl::StrFormat("%d %s", n, n == 1 ? one : many);
}
std::string Days(long long n) { return Count(n, "day", "days"); }

// "today", "in 3 days", "2 days ago": a due day seen from the as-of day.
std::string When(Day due, Day as_of) {
  if (due == as_of) return "today";
  if (due > as_of) return "in " + Days((due - as_of).count());
  return Days((as_of - due).count()) + " ago";
}

std::string EventRef(const std::vector<TaskEvent>& history, int event) {
  if (event < 0) return "";
  return absl::StrFormat(" (%s event #%d)",
                         EnumName(history[static_cast<std::size_t>(event)].type), event);
}

std::string StatusWords(TaskStatus s) { return std::string(EnumLabel(s, LabelLanguage::kEn)); }

// The deadline as a person names it: the deadline "Quý IV" (or its kind when no text).
std::string DeadlineRef(const Deadline& dl) {
  if (dl.text.empty()) {
    return dl.kind == DeadlineKind::kNone || dl.kind == DeadlineKind::kUnknown
               ? std::string("the deadline (none given)")
               : absl::StrFormat("the %s deadline", EnumName(dl.kind));
  }
  return absl::StrFormat("the deadline \"%s\"", dl.text);
}

// Why one due day (of a thing named `what`: a deadline, a milestone, a first stage) gives s.
std::string FixedReason(const Ctx& c, TaskStatus s, std::optional<Day> due,
                        const std::string& what) {
  const auto& st = c.state;
  switch (s) {
    case TaskStatus::kCompletedOnTime:
      return due ? absl::StrFormat("Completed on %s%s, on time for %s, due %s",
                                   Iso(*st.completed), EventRef(c.history, st.completed_event),
                                   what, Iso(*due))
                 : absl::StrFormat("Completed on %s%s; %s sets no due day", Iso(*st.completed),
                                   EventRef(c.history, st.completed_event), what);
    case TaskStatus::kCompletedLate:
      return absl::StrFormat("Completed on %s%s, %s after %s fell due on %s", Iso(*st.completed),
                             EventRef(c.history, st.completed_event),
                             Days((*st.completed - *due).count()), what, Iso(*due));
    case TaskStatus::kOverdue:
      return absl::StrFormat("Not completed, and %s fell due on %s, %s", what, Iso(*due),
                             When(*due, c.as_of));
    case TaskStatus::kDueSoon:
    case TaskStatus::kInProgress:
      return due ? absl::StrFormat("Not completed; %s falls due on %s, %s", what, Iso(*due),
                                   When(*due, c.as_of))
                 : absl::StrFormat("Not completed; %s sets no due day", what);
    case TaskStatus::kCancelled:
      break;
  }
  return "";
}

// "of the 4 occurrences so far, 2 were reported on time, 1 late and 1 not at all".
std::string OccurrenceSummary(const Classification& out) {
  const int on = out.met_on_time, late = out.met_late, missed = out.missed;
  const int n = on + late + missed;
  if (n == 0) return "";
  if (n == 1) {
    return std::string("the one occurrence so far was ") +
           (on ? "reported on time" : late ? "reported late" : "not reported");
  }
  const auto verb = [](int k) { return k == 1 ? "was" : "were"; };
  std::vector<std::string> parts;
  if (on) parts.push_back(absl::StrFormat("%d %s reported on time", on, verb(on)));
  if (late) {
    parts.push_back(parts.empty() ? absl::StrFormat("%d %s reported late", late, verb(late))
                                  : absl::StrFormat("%d late", late));
  }
  if (missed) {
    parts.push_back(parts.empty() ? absl::StrFormat("%d %s not reported", missed, verb(missed))
                                  : absl::StrFormat("%d not at all", missed));
  }
  std::string list = parts[0];
  for (std::size_t k = 1; k < parts.size(); ++k) {
    list += (k + 1 == parts.size() ? " and " : ", ") + parts[k];
  }
  return absl::StrFormat("of the %d occurrences so far, %s", n, list);
}

// Occurrences of a recurrence judged against the reports (classification.h, "recurring"). Fills
// out.occurrences (when explaining), the counts and no_reports.
struct RecurringResult {
  std::optional<Day> start;          // the first period's start
  std::optional<Occurrence> latest;  // tracked: the latest judged occurrence
  std::optional<Day> next_due;       // the next occurrence not yet met, due on or after D
};

// Tracked reports: occurrences take reports greedily in order (classification.h).
void JudgeTracked(const Ctx& c, const Recurrence& r, const std::vector<Day>& dues,
                  RecurringResult& res, Classification& out) {
  const auto& hist = c.history;
  std::size_t j = 0;
  // The earliest unused report dated from `from` to as_of, or -1.
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
    occ.period_start = k == 0 ? *res.start : dues[k - 1] + date::days{1};
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
      return;
    }
    ++(occ.outcome == OccurrenceOutcome::kMetOnTime ? out.met_on_time
       : occ.outcome == OccurrenceOutcome::kMetLate ? out.met_late
                                                    : out.missed);
    res.latest = occ;
    if (c.explain) out.occurrences.push_back(occ);
  }
  if (c.state.completed) return;
  // The next occurrence, unless a report already made in its period met it early.
  const Day from = dues.empty() ? *res.start : dues.back() + date::days{1};
  res.next_due = internal::FirstOccurrence(r, from, c.options.inclusive_before);
  if (res.next_due && next_report(from) >= 0) {
    res.next_due = internal::FirstOccurrence(r, *res.next_due + date::days{1},
                                             c.options.inclusive_before);
  }
}

RecurringResult JudgeOccurrences(const Ctx& c, const Recurrence& r, Classification& out) {
  RecurringResult res;
  const auto& st = c.state;
  const bool inclusive = c.options.inclusive_before;
  res.start = c.assigned;
  if (!res.start && !c.history.empty()) res.start = c.history.front().day;
  out.no_reports = !c.reports_tracked;
  if (!res.start) {  // nothing to judge; only the next occurrence to come
    if (!st.completed) res.next_due = internal::FirstOccurrence(r, c.as_of, inclusive);
    return res;
  }
  const Day end = st.completed ? std::min(c.as_of, *st.completed) : c.as_of;
  std::vector<Day> dues;
  if (*res.start <= end) dues = Occurrences(r, *res.start, end, inclusive);
  if (c.reports_tracked) {
    JudgeTracked(c, r, dues, res, out);
    return res;
  }
  // Not tracked: the occurrences fallen due have no data; none is missed.
  for (Day d : dues) out.not_reported += st.completed || d < c.as_of ? 1 : 0;
  if (!st.completed) {
    res.next_due = internal::FirstOccurrence(r, std::max(*res.start, c.as_of), inclusive);
  }
  return res;
}

std::string RecurringReason(const Ctx& c, const Deadline& dl, const RecurringResult& res,
                            const Classification& out) {
  const auto& st = c.state;
  const std::string head = absl::StrFormat("The %s obligation%s", EnumName(dl.recurrence->freq),
                                           dl.text.empty() ? "" : " \"" + dl.text + "\"");
  const std::string summary = OccurrenceSummary(out);
  const std::string next =
      res.next_due ? absl::StrFormat("the next is due on %s, %s", Iso(*res.next_due),
                                     When(*res.next_due, c.as_of))
                   : std::string("no next occurrence is known");
  if (st.completed) {
    return absl::StrFormat(
        "%s was completed as a whole on %s%s, which counts as on time since it has no single due "
        "day%s",
        head, Iso(*st.completed), EventRef(c.history, st.completed_event),
        summary.empty() ? "" : "; " + summary);
  }
  if (!c.reports_tracked) {
    const std::string fallen =
        out.not_reported > 0 ? absl::StrFormat("%s fell due since %s; ",
                                               Count(out.not_reported, "occurrence", "occurrences"),
                                               Iso(*res.start))
                             : "";
    return absl::StrFormat(
        "%s has no occurrence reports recorded (no data), so none counts as missed; %s%s", head,
        fallen, next);
  }
  if (!res.start) {
    return absl::StrFormat(
        "%s has no assignment day and no report, so no occurrence can be judged yet; %s", head,
        next);
  }
  if (res.latest && res.latest->outcome == OccurrenceOutcome::kMissed) {
    return absl::StrFormat("%s is overdue: no report came for the occurrence due on %s (the "
                           "period from %s); %s",
                           head, Iso(res.latest->due), Iso(res.latest->period_start), summary);
  }
  if (!res.latest) {
    return absl::StrFormat("%s has no occurrence due before today; %s", head,
                           res.next_due ? absl::StrFormat("the first is due on %s, %s",
                                                          Iso(*res.next_due),
                                                          When(*res.next_due, c.as_of))
                                        : next);
  }
  const Occurrence& l = *res.latest;
  return absl::StrFormat(
      "%s is up to date: the occurrence due on %s was reported on %s%s%s; %s; %s", head,
      Iso(l.due), Iso(c.history[static_cast<std::size_t>(l.event)].day),
      EventRef(c.history, l.event), l.outcome == OccurrenceOutcome::kMetLate ? ", late" : "",
      summary, next);
}

void JudgeRecurring(const Ctx& c, const Deadline& dl, Classification& out) {
  const auto& st = c.state;
  const RecurringResult res = JudgeOccurrences(c, *dl.recurrence, out);
  if (st.completed) {
    out.status = TaskStatus::kCompletedOnTime;
    out.decisive_event = st.completed_event;
    if (res.latest) out.due = res.latest->due;
  } else if (res.latest && res.latest->outcome == OccurrenceOutcome::kMissed) {
    out.status = TaskStatus::kOverdue;
    out.due = res.latest->due;
  } else {
    // The next occurrence not yet met decides, by the one due-soon rule (OpenStatus).
    out.status = OpenStatus(res.next_due, c.as_of, c.options.soon_days);
    out.due = res.next_due;
    if (res.latest) out.decisive_event = res.latest->event;
  }
  if (c.explain) out.reason = RecurringReason(c, dl, res, out);
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
  const std::string what =
      absl::StrFormat("the first stage of \"%s\"", dl.text.empty() ? "open-ended" : dl.text);
  if (met_event >= 0) {
    out.reason = absl::StrFormat(
        "The first stage of \"%s\", due %s, was met %s by a 100%% progress report on %s%s; since "
        "then the task continues as ongoing",
        dl.text, first ? Iso(*first) : "(none)",
        ms.status == TaskStatus::kCompletedOnTime ? "on time" : "late",
        Iso(c.history[static_cast<std::size_t>(met_event)].day), EventRef(c.history, met_event));
  } else {
    out.reason = FixedReason(c, out.status, first, what);
  }
}

// multi: the earliest milestone not yet met decides (classification.h). The day each milestone
// was met: the first progress report naming it, on or before as_of.
std::vector<int> MilestonesMet(const Ctx& c, const Deadline& dl) {
  std::vector<int> met(dl.milestones.size(), -1);
  for (std::size_t k = 0; k < c.history.size() && c.history[k].day <= c.as_of; ++k) {
    const TaskEvent& e = c.history[k];
    if (e.type != EventType::kProgress || !e.milestone) continue;
    const auto m = static_cast<std::size_t>(*e.milestone);
    if (m < met.size() && met[m] < 0) met[m] = static_cast<int>(k);
  }
  return met;
}

void JudgeMulti(const Ctx& c, const Deadline& dl, Classification& out) {
  const auto& st = c.state;
  const std::vector<int> met = MilestonesMet(c, dl);
  const auto met_day = [&](std::size_t m) { return c.history[static_cast<std::size_t>(met[m])].day; };
  // The earliest fixed milestone not yet met.
  std::optional<std::size_t> next;
  bool any_fixed = false;
  for (std::size_t m = 0; m < dl.milestones.size(); ++m) {
    if (!dl.milestones[m].due) continue;
    any_fixed = true;
    if (met[m] < 0 && (!next || *dl.milestones[m].due < *dl.milestones[*next].due)) next = m;
  }
  if (st.completed) {
    out.due = dl.due;
    out.status = CompletedStatus(*st.completed, dl.due);
    out.decisive_event = st.completed_event;
  } else if (next || !any_fixed) {
    out.due = next ? dl.milestones[*next].due : dl.due;
    out.status = OpenStatus(out.due, c.as_of, c.options.soon_days);
  } else {  // every fixed milestone met, the task not yet recorded as completed
    out.due = dl.due;
    out.status = TaskStatus::kInProgress;
  }
  if (dl.recurrence) JudgeOccurrences(c, *dl.recurrence, out);  // reported alongside
  if (!c.explain) return;
  for (std::size_t m = 0; m < dl.milestones.size(); ++m) {
    const Milestone& ml = dl.milestones[m];
    MilestoneStatus ms{ml.label, ml.due, TaskStatus::kInProgress};
    ms.status = met[m] >= 0     ? CompletedStatus(met_day(m), ml.due)
                : st.completed  ? CompletedStatus(*st.completed, ml.due)
                                : OpenStatus(ml.due, c.as_of, c.options.soon_days);
    out.milestones.push_back(std::move(ms));
  }
  std::string s;
  if (st.completed) {
    s = FixedReason(c, out.status, out.due, "the final milestone");
  } else if (next) {
    const std::string what = absl::StrFormat("the milestone \"%s\"", dl.milestones[*next].label);
    s = FixedReason(c, out.status, out.due, what);
    std::size_t done = 0;
    for (int e : met) done += e >= 0 ? 1 : 0;
    if (done > 0) s += absl::StrFormat(" (%d of %d milestones met)", done, dl.milestones.size());
  } else if (any_fixed) {
    s = "Not completed, though every fixed milestone is recorded as met";
  } else {
    s = FixedReason(c, out.status, out.due, DeadlineRef(dl));
  }
  if (dl.recurrence) {
    const std::string part = out.no_reports
                                 ? std::string("has no occurrence reports recorded (no data)")
                                 : OccurrenceSummary(out);
    if (!part.empty()) s += "; its recurring part " + (out.no_reports ? part : "reports " + part);
  }
  out.reason = std::move(s);
}

void JudgeFixed(const Ctx& c, const Deadline& dl, Classification& out) {
  const auto& st = c.state;
  const std::optional<Day> due = EffectiveDue(dl, c.assigned);
  out.due = due;
  out.status = st.completed ? CompletedStatus(*st.completed, due)
                            : OpenStatus(due, c.as_of, c.options.soon_days);
  out.decisive_event = st.completed ? st.completed_event : -1;
  if (!c.explain) return;
  std::string what = DeadlineRef(dl);
  if (dl.kind == DeadlineKind::kRelative && !dl.due && due) {
    what += absl::StrFormat(" (%d %s days after the assignment on %s)", dl.relative_days,
                            dl.relative_working_days ? "working" : "calendar", Iso(*c.assigned));
  }
  out.reason = FixedReason(c, out.status, due, what);
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
  } else if (dl.kind == DeadlineKind::kMulti) {
    JudgeMulti(c, dl, out);
  } else {
    JudgeFixed(c, dl, out);
  }
}

// "Not completed; ..." inside a longer sentence.
std::string Lowered(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
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
  // Only recurring deadlines ask whether reports are tracked (a lookup and a history scan).
  const bool recurs = original.recurrence || st.deadline->recurrence;
  const Ctx c{as_of,   options, explain, assigned,
              history, st,      recurs && internal::ReportsTracked(ds, task, history, as_of)};

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
    const Ctx quiet{as_of, options, false, assigned, history, st, c.reports_tracked};
    const Deadline& alt = options.baseline ? in_force : original;
    Judge(quiet, alt, other, other_regime);
    if (other.status != out.status) {
      (options.baseline ? out.in_force_status : out.baseline_status) = other.status;
    }
    if (explain) {
      const std::string change = absl::StrFormat(
          "the deadline was changed on %s%s", Iso(history[static_cast<std::size_t>(
                                                       st.deadline_event)].day),
          EventRef(history, st.deadline_event));
      const auto due_or_none = [](std::optional<Day> d) {
        return d ? "due " + FormatIsoDay(*d) : std::string("with no due day");
      };
      if (options.baseline) {
        out.reason += absl::StrFormat("; judged by the original deadline (baseline), though %s to %s",
                                      change, DeadlineRef(in_force));
        if (out.in_force_status) {
          out.reason += absl::StrFormat(", %s, under which it is %s", due_or_none(other.due),
                                        StatusWords(*out.in_force_status));
        }
      } else {
        out.reason += absl::StrFormat("; %s from %s", change, DeadlineRef(original));
        if (out.baseline_status) {
          out.reason += absl::StrFormat(", %s, under which it would be %s",
                                        due_or_none(other.due), StatusWords(*out.baseline_status));
        }
      }
    }
  }

  if (st.cancelled) {
    out.status = TaskStatus::kCancelled;
    out.decisive_event = st.cancelled_event;
    if (explain) {
      std::string why = history[static_cast<std::size_t>(st.cancelled_event)].text;
      out.reason = absl::StrFormat("Cancelled on %s%s%s; before that: %s", Iso(*st.cancelled),
                                   EventRef(history, st.cancelled_event),
                                   why.empty() ? "" : " (" + why + ")", Lowered(out.reason));
    }
    return true;
  }

  // Behind schedule: a straight line from assignment (0%) to the due day (100%); for multi the
  // final milestone's (the whole task), not the earliest unmet one's.
  const bool open = out.status == TaskStatus::kOverdue || out.status == TaskStatus::kDueSoon ||
                    out.status == TaskStatus::kInProgress;
  const std::optional<Day> line_end = used.kind == DeadlineKind::kMulti ? used.due : out.due;
  if (regime == Regime::kFixed && open && assigned && line_end && st.percent) {
    const double total = static_cast<double>((*line_end - *assigned).count());
    const double elapsed = static_cast<double>((as_of - *assigned).count());
    const double expected = total <= 0 ? 100.0 : std::clamp(100.0 * elapsed / total, 0.0, 100.0);
    out.expected_percent = expected;
    out.reported_percent = st.percent;
    out.behind_schedule = *st.percent < expected;
    if (explain && out.behind_schedule) {
      out.reason += absl::StrFormat(
          "; behind schedule: %d%% reported on %s, where a steady pace from %s to %s would "
          "give %.1f%%",
          *st.percent, Iso(*st.last_progress), Iso(*assigned), Iso(*line_end), expected);
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
