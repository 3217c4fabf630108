#include "mandate/classification.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "mandate/dataset_csv.h"
#include "mandate/dataset_json.h"
#include "mandate/task_state.h"

namespace mandate {
namespace {

using date::days;
using date::year;
using ::testing::HasSubstr;

const Day kD = year{2025} / 10 / 15;  // the as-of day of most tests

Deadline DateDeadline(Day due, std::string text = "") {
  Deadline d;
  d.kind = DeadlineKind::kDate;
  d.text = text.empty() ? FormatVietnameseDay(due) : std::move(text);
  d.due = due;
  return d;
}

Deadline NoDueDeadline(DeadlineKind kind, std::string text) {
  Deadline d;
  d.kind = kind;
  d.text = std::move(text);
  return d;
}

Deadline Monthly(std::optional<unsigned> day = std::nullopt, bool before = false,
                 std::string text = "Hằng tháng") {
  Deadline d;
  d.kind = DeadlineKind::kRecurring;
  d.text = std::move(text);
  d.recurrence = Recurrence{Frequency::kMonthly, day, before};
  return d;
}

TaskEvent Ev(Day day, EventType type) {
  TaskEvent e;
  e.day = day;
  e.type = type;
  return e;
}
TaskEvent Progress(Day day, std::optional<int> percent = std::nullopt) {
  TaskEvent e = Ev(day, EventType::kProgress);
  e.percent = percent;
  e.text = "báo cáo tiến độ";
  return e;
}
TaskEvent Change(Day day, Deadline d) {
  TaskEvent e = Ev(day, EventType::kDeadlineChanged);
  e.new_deadline = std::move(d);
  e.document = "45-TB/TGV";
  return e;
}

Task MakeTask(std::string id, Deadline deadline, std::optional<Day> assigned = year{2025} / 4 / 14,
              std::vector<TaskEvent> history = {}) {
  Task t;
  t.id = std::move(id);
  t.title = "Nhiệm vụ " + t.id;
  t.deadline = std::move(deadline);
  t.assigned = assigned;
  t.history = std::move(history);
  return t;
}

// Classifies one task in a fresh dataset, and checks ClassifyAll agrees.
std::optional<Classification> One(const Task& t, Day as_of = kD, ClassifyOptions o = {}) {
  Dataset ds;
  auto i = ds.AddTask(t);
  EXPECT_TRUE(i.ok()) << i.status();
  if (!i.ok()) return std::nullopt;
  auto c = ClassifyTask(ds, *i, as_of, o);
  std::vector<std::uint8_t> all;
  ClassifyAll(ds, as_of, o, all);
  EXPECT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0], c ? static_cast<std::uint8_t>(c->status) : kNotYetAssigned) << t.id;
  return c;
}

TaskStatus StatusOf(const Task& t, Day as_of = kD, ClassifyOptions o = {}) {
  auto c = One(t, as_of, o);
  EXPECT_TRUE(c.has_value());
  return c ? c->status : TaskStatus::kCancelled;
}

TEST(TaskStatusNames, RoundTripAndRejectUnknown) {
  for (int s = 0; s < kTaskStatusCount; ++s) {
    const auto st = static_cast<TaskStatus>(s);
    EXPECT_EQ(EnumFromName<TaskStatus>(EnumName(st)), st);
  }
  EXPECT_EQ(EnumName(TaskStatus::kCompletedOnTime), "completed_on_time");
  EXPECT_EQ(EnumName(TaskStatus::kDueSoon), "due_soon");
  EXPECT_FALSE(EnumFromName<TaskStatus>("done").has_value());
  EXPECT_EQ(EnumName(OccurrenceOutcome::kMetLate), "met_late");
}

TEST(ClassifyTask, DueDayBoundaries) {
  EXPECT_EQ(StatusOf(MakeTask("due-D-1", DateDeadline(kD - days{1}))), TaskStatus::kOverdue);
  EXPECT_EQ(StatusOf(MakeTask("due-D", DateDeadline(kD))), TaskStatus::kDueSoon);
  EXPECT_EQ(StatusOf(MakeTask("due-D+7", DateDeadline(kD + days{7}))), TaskStatus::kDueSoon);
  EXPECT_EQ(StatusOf(MakeTask("due-D+8", DateDeadline(kD + days{8}))), TaskStatus::kInProgress);
  ClassifyOptions o;
  o.soon_days = 14;
  EXPECT_EQ(StatusOf(MakeTask("due-D+14", DateDeadline(kD + days{14})), kD, o),
            TaskStatus::kDueSoon);
  EXPECT_EQ(StatusOf(MakeTask("due-D+15", DateDeadline(kD + days{15})), kD, o),
            TaskStatus::kInProgress);
  o.soon_days = 0;
  EXPECT_EQ(StatusOf(MakeTask("n0-due-D", DateDeadline(kD)), kD, o), TaskStatus::kDueSoon);
  EXPECT_EQ(StatusOf(MakeTask("n0-due-D+1", DateDeadline(kD + days{1})), kD, o),
            TaskStatus::kInProgress);
  o.soon_days = -3;  // counts as 0
  EXPECT_EQ(StatusOf(MakeTask("neg-due-D", DateDeadline(kD)), kD, o), TaskStatus::kDueSoon);
}

TEST(ClassifyTask, CompletionBoundaries) {
  const Day due = year{2025} / 9 / 30;
  auto done_on = [&](Day day) {
    return MakeTask("c", DateDeadline(due), year{2025} / 4 / 14, {Ev(day, EventType::kCompleted)});
  };
  EXPECT_EQ(StatusOf(done_on(due)), TaskStatus::kCompletedOnTime);
  EXPECT_EQ(StatusOf(done_on(due - days{20})), TaskStatus::kCompletedOnTime);
  EXPECT_EQ(StatusOf(done_on(due + days{1})), TaskStatus::kCompletedLate);
  // Completed on D itself counts; the day after D does not exist yet.
  EXPECT_EQ(StatusOf(done_on(kD)), TaskStatus::kCompletedLate);
  EXPECT_EQ(StatusOf(done_on(kD + days{1})), TaskStatus::kOverdue);
  // A completion after D of a task not yet due leaves it open.
  auto later = MakeTask("later", DateDeadline(kD + days{30}), year{2025} / 4 / 14,
                        {Ev(kD + days{2}, EventType::kCompleted)});
  EXPECT_EQ(StatusOf(later), TaskStatus::kInProgress);
  EXPECT_EQ(StatusOf(later, kD + days{2}), TaskStatus::kCompletedOnTime);

  auto c = One(done_on(due + days{1}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->completed, due + days{1});
  EXPECT_EQ(c->decisive_event, 0);
  EXPECT_EQ(c->due, due);
  EXPECT_EQ(c->reason,
            "Completed on 2025-10-01 (completed event #0), 1 day after the deadline "
            "\"30/09/2025\" fell due on 2025-09-30");
}

TEST(ClassifyTask, AssignmentBoundaries) {
  EXPECT_TRUE(One(MakeTask("a-D", DateDeadline(kD + days{30}), kD)).has_value());
  EXPECT_FALSE(One(MakeTask("a-D+1", DateDeadline(kD + days{30}), kD + days{1})).has_value());
  // No assignment day: the task always exists.
  EXPECT_EQ(StatusOf(MakeTask("a-none", DateDeadline(kD - days{1}), std::nullopt)),
            TaskStatus::kOverdue);
  // An out-of-range index is not a task.
  Dataset ds;
  EXPECT_FALSE(ClassifyTask(ds, 0, kD).has_value());
}

TEST(ClassifyTask, NoDueDay) {
  for (auto kind : {DeadlineKind::kOngoing, DeadlineKind::kRoadmap, DeadlineKind::kUnknown,
                    DeadlineKind::kNone}) {
    Task t = MakeTask("nodue", NoDueDeadline(kind, "Thường xuyên"));
    auto c = One(t);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->status, TaskStatus::kInProgress);
    EXPECT_FALSE(c->due.has_value());
    EXPECT_EQ(c->deadline_kind, kind);
    EXPECT_THAT(c->reason, HasSubstr("no due day"));
    t.history = {Ev(year{2025} / 6 / 1, EventType::kCompleted)};
    EXPECT_EQ(StatusOf(t), TaskStatus::kCompletedOnTime);
  }
}

TEST(ClassifyTask, RelativeDeadlineCountsFromAssignment) {
  Deadline d;
  d.kind = DeadlineKind::kRelative;
  d.text = "trong 30 ngày";
  d.relative_days = 30;
  auto c = One(MakeTask("rel", d, kD - days{30}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->due, kD);
  EXPECT_EQ(c->status, TaskStatus::kDueSoon);
  EXPECT_THAT(c->reason, HasSubstr("30 calendar days after the assignment on 2025-09-15"));
}

TEST(ClassifyTask, DeadlineExtendedBeforeAsOf) {
  const Day original = year{2025} / 9 / 30;
  const Day extended = year{2025} / 10 / 31;
  Task t = MakeTask("ext", DateDeadline(original), year{2025} / 4 / 14,
                    {Change(year{2025} / 9 / 20, DateDeadline(extended)),
                     Ev(year{2025} / 10 / 10, EventType::kCompleted)});
  auto c = One(t);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, TaskStatus::kCompletedOnTime);
  EXPECT_EQ(c->due, extended);
  EXPECT_EQ(c->deadline_event, 0);
  EXPECT_EQ(c->baseline_status, TaskStatus::kCompletedLate);
  EXPECT_FALSE(c->in_force_status.has_value());
  EXPECT_THAT(c->reason, HasSubstr("on time for the deadline \"31/10/2025\", due 2025-10-31"));
  EXPECT_THAT(c->reason, HasSubstr("the deadline was changed on 2025-09-20"));
  EXPECT_THAT(c->reason, HasSubstr("due 2025-09-30, under which it would be completed late"));

  ClassifyOptions base;
  base.baseline = true;
  auto b = One(t, kD, base);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->status, TaskStatus::kCompletedLate);
  EXPECT_EQ(b->due, original);
  EXPECT_EQ(b->deadline_event, -1);
  EXPECT_EQ(b->in_force_status, TaskStatus::kCompletedOnTime);
  EXPECT_FALSE(b->baseline_status.has_value());
  EXPECT_THAT(b->reason, HasSubstr("judged by the original deadline (baseline)"));

  // Not completed: overdue by the original, in progress (due soon) by the extension.
  Task open = MakeTask("ext-open", DateDeadline(original), year{2025} / 4 / 14,
                       {Change(year{2025} / 9 / 20, DateDeadline(kD + days{5}))});
  auto o = One(open);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->status, TaskStatus::kDueSoon);
  EXPECT_EQ(o->baseline_status, TaskStatus::kOverdue);
  EXPECT_EQ(StatusOf(open, kD, base), TaskStatus::kOverdue);
  // Same status either way: no baseline_status.
  Task same = MakeTask("ext-same", DateDeadline(original), year{2025} / 4 / 14,
                       {Change(year{2025} / 9 / 20, DateDeadline(extended)),
                        Ev(year{2025} / 9 / 1, EventType::kCompleted)});
  auto s = One(same);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->status, TaskStatus::kCompletedOnTime);
  EXPECT_FALSE(s->baseline_status.has_value());
}

TEST(ClassifyTask, DeadlineChangedAfterAsOfIsNotInForce) {
  const Day original = year{2025} / 9 / 30;
  Task t = MakeTask("ext-later", DateDeadline(original), year{2025} / 4 / 14,
                    {Change(kD + days{1}, DateDeadline(year{2025} / 12 / 31))});
  auto c = One(t);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, TaskStatus::kOverdue);
  EXPECT_EQ(c->due, original);
  EXPECT_EQ(c->deadline_event, -1);
  EXPECT_FALSE(c->baseline_status.has_value());
  EXPECT_EQ(StatusOf(t, kD + days{1}), TaskStatus::kInProgress);
  // A change dated D is in force at D.
  EXPECT_EQ(StatusOf(t, kD + days{1}), StatusOf(t, kD + days{2}));
  // Changed to an ongoing deadline: no due day any more.
  Task t2 = MakeTask("to-ongoing", DateDeadline(original), year{2025} / 4 / 14,
                     {Change(kD, NoDueDeadline(DeadlineKind::kOngoing, "Thường xuyên"))});
  auto c2 = One(t2);
  ASSERT_TRUE(c2);
  EXPECT_EQ(c2->status, TaskStatus::kInProgress);
  EXPECT_EQ(c2->deadline_kind, DeadlineKind::kOngoing);
  EXPECT_EQ(c2->baseline_status, TaskStatus::kOverdue);
}

TEST(ClassifyTask, ReopenWithdrawsCompletion) {
  const Day due = year{2025} / 9 / 30;
  Task t = MakeTask(
      "reopen", DateDeadline(due), year{2025} / 4 / 14,
      {Ev(year{2025} / 9 / 1, EventType::kCompleted), Ev(year{2025} / 9 / 10, EventType::kReopened),
       Ev(year{2025} / 10 / 20, EventType::kCompleted)});
  EXPECT_EQ(StatusOf(t, year{2025} / 9 / 5), TaskStatus::kCompletedOnTime);
  EXPECT_EQ(StatusOf(t, year{2025} / 9 / 10), TaskStatus::kInProgress);
  EXPECT_EQ(StatusOf(t, year{2025} / 9 / 25), TaskStatus::kDueSoon);
  EXPECT_EQ(StatusOf(t, kD), TaskStatus::kOverdue);
  auto c = One(t, year{2025} / 10 / 20);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, TaskStatus::kCompletedLate);
  EXPECT_EQ(c->decisive_event, 2);
  EXPECT_EQ(c->completed, year{2025} / 10 / 20);
}

TEST(ClassifyTask, CancelledOnOrBeforeAsOf) {
  TaskEvent cancel = Ev(kD, EventType::kCancelled);
  cancel.text = "gộp vào nhiệm vụ khác";
  Task t = MakeTask("cancel", DateDeadline(year{2025} / 9 / 30), year{2025} / 4 / 14, {cancel});
  auto c = One(t);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, TaskStatus::kCancelled);
  EXPECT_EQ(c->cancelled, kD);
  EXPECT_EQ(c->decisive_event, 0);
  EXPECT_THAT(c->reason, HasSubstr("Cancelled on 2025-10-15"));
  EXPECT_THAT(c->reason, HasSubstr("; before that: not completed"));
  EXPECT_THAT(c->reason, HasSubstr("gộp vào nhiệm vụ khác"));
  EXPECT_EQ(StatusOf(t, kD - days{1}), TaskStatus::kOverdue);
  // Cancellation wins over an earlier completion.
  t.history.insert(t.history.begin(), Ev(year{2025} / 9 / 1, EventType::kCompleted));
  EXPECT_EQ(StatusOf(t), TaskStatus::kCancelled);
  EXPECT_EQ(StatusOf(t, kD - days{1}), TaskStatus::kCompletedOnTime);
}

TaskEvent MilestoneMet(Day day, int milestone) {
  TaskEvent e = Progress(day);
  e.milestone = milestone;
  return e;
}

TEST(ClassifyTask, MultiMilestoneEarliestUnmetDecides) {
  Deadline d;
  d.kind = DeadlineKind::kMulti;
  d.text = "Tháng 9/2025 xong thí điểm; Tháng 12/2025 triển khai";
  d.milestones = {{"Tháng 9/2025 xong thí điểm", DeadlineKind::kMonth, year{2025} / 9 / 30},
                  {"Tháng 12/2025 triển khai", DeadlineKind::kMonth, year{2025} / 12 / 31}};
  d.due = year{2025} / 12 / 31;
  // Nothing recorded: the September milestone has passed unmet, so the task is overdue.
  auto c = One(MakeTask("multi", d));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, TaskStatus::kOverdue);
  EXPECT_EQ(c->due, year{2025} / 9 / 30);
  ASSERT_EQ(c->milestones.size(), 2u);
  EXPECT_EQ(c->milestones[0].status, TaskStatus::kOverdue);
  EXPECT_EQ(c->milestones[1].status, TaskStatus::kInProgress);
  EXPECT_EQ(c->reason,
            "Not completed, and the milestone \"Tháng 9/2025 xong thí điểm\" fell due on "
            "2025-09-30, 15 days ago");
  // Before it: due soon by the first milestone, not in progress by the final one.
  EXPECT_EQ(StatusOf(MakeTask("multi", d), year{2025} / 9 / 25), TaskStatus::kDueSoon);
  EXPECT_EQ(StatusOf(MakeTask("multi", d), year{2025} / 9 / 1), TaskStatus::kInProgress);

  // The first milestone recorded as met (a progress event naming it): the next one decides.
  Task met = MakeTask("multi-met", d, year{2025} / 4 / 14, {MilestoneMet(year{2025} / 9 / 28, 0)});
  auto m = One(met);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->status, TaskStatus::kInProgress);
  EXPECT_EQ(m->due, year{2025} / 12 / 31);
  EXPECT_EQ(m->milestones[0].status, TaskStatus::kCompletedOnTime);
  EXPECT_EQ(m->milestones[1].status, TaskStatus::kInProgress);
  EXPECT_EQ(m->reason,
            "Not completed; the milestone \"Tháng 12/2025 triển khai\" falls due on 2025-12-31, "
            "in 77 days (1 of 2 milestones met)");
  EXPECT_EQ(StatusOf(met, year{2025} / 12 / 28), TaskStatus::kDueSoon);
  EXPECT_EQ(StatusOf(met, year{2026} / 1 / 1), TaskStatus::kOverdue);
  // Met late, then the second too: every fixed milestone met, the task not completed.
  Task both = MakeTask("multi-both", d, year{2025} / 4 / 14,
                       {MilestoneMet(year{2025} / 10 / 3, 0), MilestoneMet(year{2025} / 12 / 20, 1)});
  auto b = One(both, year{2026} / 1 / 10);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->status, TaskStatus::kInProgress);
  EXPECT_EQ(b->milestones[0].status, TaskStatus::kCompletedLate);
  EXPECT_EQ(b->milestones[1].status, TaskStatus::kCompletedOnTime);
  EXPECT_EQ(b->reason, "Not completed, though every fixed milestone is recorded as met");
  // A milestone event dated after D does not count yet; one naming no such milestone is ignored.
  EXPECT_EQ(StatusOf(both, year{2025} / 10 / 2), TaskStatus::kOverdue);
  Task stray = MakeTask("multi-stray", d, year{2025} / 4 / 14, {MilestoneMet(year{2025} / 9 / 1, 7)});
  EXPECT_EQ(StatusOf(stray), TaskStatus::kOverdue);

  // A completion completes the task against the final milestone.
  auto done = One(MakeTask("multi-done", d, year{2025} / 4 / 14,
                           {Ev(year{2025} / 11 / 1, EventType::kCompleted)}),
                  year{2025} / 11 / 2);
  ASSERT_TRUE(done);
  EXPECT_EQ(done->status, TaskStatus::kCompletedOnTime);
  EXPECT_EQ(done->due, year{2025} / 12 / 31);
  EXPECT_EQ(done->milestones[0].status, TaskStatus::kCompletedLate);
  EXPECT_EQ(done->milestones[1].status, TaskStatus::kCompletedOnTime);

  // An open-ended second part has no due: the fixed first one decides.
  Deadline p = d;
  p.text = "Tháng 9/2025 xong thí điểm; phát triển 2025 và những năm tiếp theo";
  p.milestones[1] = {"phát triển 2025 và những năm tiếp theo", DeadlineKind::kOpenEnded, {}};
  p.due = year{2025} / 9 / 30;
  auto pc = One(MakeTask("multi-open", p));
  ASSERT_TRUE(pc);
  EXPECT_EQ(pc->status, TaskStatus::kOverdue);
  EXPECT_EQ(pc->milestones[1].status, TaskStatus::kInProgress);
  auto pm = One(MakeTask("multi-open-met", p, year{2025} / 4 / 14,
                         {MilestoneMet(year{2025} / 9 / 30, 0)}));
  ASSERT_TRUE(pm);
  EXPECT_EQ(pm->status, TaskStatus::kInProgress);
}

TEST(ClassifyTask, MilestoneEventsAreValidatedAndRoundTrip) {
  Dataset ds;
  Deadline d;
  d.kind = DeadlineKind::kMulti;
  d.text = "Tháng 12/2025 và năm 2026";
  d.milestones = {{"Tháng 12/2025", DeadlineKind::kMonth, year{2025} / 12 / 31},
                  {"năm 2026", DeadlineKind::kYear, year{2026} / 12 / 31}};
  d.due = year{2026} / 12 / 31;
  Task t = MakeTask("m", d, year{2025} / 4 / 1, {MilestoneMet(year{2025} / 12 / 20, 0)});
  t.occurrence_reports_tracked = false;
  ASSERT_TRUE(ds.AddTask(t).ok());
  ds.set_occurrence_reports_tracked(true);
  TaskEvent bad = Ev(year{2025} / 12 / 21, EventType::kCompleted);
  bad.milestone = 1;
  auto refused = ds.AddEvent(0, bad);
  EXPECT_FALSE(refused.ok());
  EXPECT_THAT(std::string(refused.message()), HasSubstr("history.milestone"));
  TaskEvent negative = MilestoneMet(year{2025} / 12 / 21, -1);
  EXPECT_FALSE(ds.AddEvent(0, negative).ok());
  auto written = WriteDatasetJson(ds);
  ASSERT_TRUE(written.ok()) << written.status();
  const std::string text = *written;
  EXPECT_THAT(text, HasSubstr("\"milestone\": 0"));
  EXPECT_THAT(text, HasSubstr("\"occurrence_reports_tracked\": false"));
  EXPECT_THAT(text, HasSubstr("\"occurrence_reports_tracked\": true"));
  std::vector<LoadProblem> problems;
  auto back = ReadDatasetJson(text, {}, &problems);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_TRUE(problems.empty()) << FormatLoadProblem(problems[0]);
  EXPECT_EQ(back->GetTask(0), ds.GetTask(0));
  EXPECT_EQ(back->occurrence_reports_tracked(), std::optional<bool>(true));
  EXPECT_EQ(WriteDatasetJson(*back).value_or(""), text);
  // A bad value is a problem naming the field, and the task still loads.
  std::string wrong = text;
  wrong.replace(wrong.find("\"occurrence_reports_tracked\": false"),
                std::string("\"occurrence_reports_tracked\": false").size(),
                "\"occurrence_reports_tracked\": \"no\"");
  problems.clear();
  auto loaded = ReadDatasetJson(wrong, {}, &problems);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->task_count(), 1u);
  bool named = false;
  for (const auto& pr : problems) named |= pr.field == "occurrence_reports_tracked";
  EXPECT_TRUE(named);
}

TEST(ClassifyTask, OpenEndedUsesFirstDueUntilMet) {
  Deadline d;
  d.kind = DeadlineKind::kOpenEnded;
  d.text = "2025 và những năm tiếp theo";
  d.first_due = year{2025} / 12 / 31;
  const Day dec = year{2025} / 12 / 28;
  auto c = One(MakeTask("oe", d), dec);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, TaskStatus::kDueSoon);
  EXPECT_EQ(c->due, year{2025} / 12 / 31);
  EXPECT_EQ(StatusOf(MakeTask("oe", d), year{2026} / 1 / 1), TaskStatus::kOverdue);
  // A 100% progress report meets the first due; the task then continues as ongoing.
  Task met = MakeTask("oe-met", d, year{2025} / 4 / 14,
                      {Progress(year{2025} / 6 / 1, 40), Progress(year{2025} / 11 / 20, 100)});
  auto m = One(met, year{2026} / 3 / 1);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->status, TaskStatus::kInProgress);
  EXPECT_EQ(m->decisive_event, 1);
  ASSERT_EQ(m->milestones.size(), 1u);
  EXPECT_EQ(m->milestones[0].status, TaskStatus::kCompletedOnTime);
  EXPECT_THAT(m->reason, HasSubstr("continues as ongoing"));
  EXPECT_FALSE(m->behind_schedule);
  // Before the report it was open against the first due.
  EXPECT_EQ(StatusOf(met, year{2025} / 11 / 19), TaskStatus::kInProgress);
  // Met late.
  Task late = MakeTask("oe-late", d, year{2025} / 4 / 14, {Progress(year{2026} / 1 / 10, 100)});
  auto l = One(late, year{2026} / 2 / 1);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->status, TaskStatus::kInProgress);
  EXPECT_EQ(l->milestones[0].status, TaskStatus::kCompletedLate);
  // A completion event completes the task against the first due.
  Task done =
      MakeTask("oe-done", d, year{2025} / 4 / 14, {Ev(year{2026} / 1 / 5, EventType::kCompleted)});
  EXPECT_EQ(StatusOf(done, year{2026} / 2 / 1), TaskStatus::kCompletedLate);
}

TEST(ClassifyTask, RecurringMonthlyMetLateMissed) {
  // Due on the last day of each month; assigned 14/4: periods [14/4, 30/4], [1/5, 31/5], ...
  Task t = MakeTask(
      "monthly", Monthly(), year{2025} / 4 / 14,
      {Progress(year{2025} / 4 / 20), Progress(year{2025} / 6 / 3), Progress(year{2025} / 6 / 20)});
  auto c = One(t, year{2025} / 8 / 10);
  ASSERT_TRUE(c);
  ASSERT_EQ(c->occurrences.size(), 4u);  // April .. July
  EXPECT_EQ(c->occurrences[0].period_start, year{2025} / 4 / 14);
  EXPECT_EQ(c->occurrences[0].due, year{2025} / 4 / 30);
  EXPECT_EQ(c->occurrences[0].outcome, OccurrenceOutcome::kMetOnTime);
  EXPECT_EQ(c->occurrences[1].period_start, year{2025} / 5 / 1);
  EXPECT_EQ(c->occurrences[1].outcome, OccurrenceOutcome::kMetLate);  // 3/6 by the June due
  EXPECT_EQ(c->occurrences[1].event, 1);
  EXPECT_EQ(c->occurrences[2].outcome, OccurrenceOutcome::kMetOnTime);  // 20/6
  EXPECT_EQ(c->occurrences[3].outcome, OccurrenceOutcome::kMissed);     // July
  EXPECT_EQ(c->met_on_time, 2);
  EXPECT_EQ(c->met_late, 1);
  EXPECT_EQ(c->missed, 1);
  EXPECT_EQ(c->status, TaskStatus::kOverdue);
  EXPECT_EQ(c->due, year{2025} / 7 / 31);
  EXPECT_EQ(c->reason,
            "The monthly obligation \"Hằng tháng\" is overdue: no report came for the occurrence "
            "due on 2025-07-31 (the period from 2025-07-01); of the 4 occurrences so far, 2 were "
            "reported on time, 1 late and 1 not at all");
  EXPECT_FALSE(c->no_reports);

  // A late report for July arrives on 5/8: met late, back to in progress.
  t.history.push_back(Progress(year{2025} / 8 / 5));
  auto c2 = One(t, year{2025} / 8 / 10);
  ASSERT_TRUE(c2);
  EXPECT_EQ(c2->occurrences[3].outcome, OccurrenceOutcome::kMetLate);
  EXPECT_EQ(c2->status, TaskStatus::kInProgress);
  EXPECT_EQ(c2->decisive_event, 3);
  // ... and August, due 31/8, is missed when nothing else comes: the 5/8 report served July.
  EXPECT_EQ(StatusOf(t, year{2025} / 9 / 1), TaskStatus::kOverdue);
  // The occurrence due on D itself is still open: due today, so due_soon (D <= due <= D + N).
  auto due_today = One(t, year{2025} / 8 / 31);
  ASSERT_TRUE(due_today);
  EXPECT_EQ(due_today->status, TaskStatus::kDueSoon);
  EXPECT_THAT(due_today->reason, HasSubstr("the next is due on 2025-08-31, today"));
  EXPECT_EQ(due_today->occurrences.size(), 4u);
  EXPECT_EQ(due_today->due, year{2025} / 8 / 31);
  // Two reports in one period serve one occurrence: the next is still missed.
  Task twice = MakeTask("twice", Monthly(), year{2025} / 5 / 1,
                        {Progress(year{2025} / 5 / 2), Progress(year{2025} / 5 / 30)});
  auto tw = One(twice, year{2025} / 7 / 1);
  ASSERT_TRUE(tw);
  EXPECT_EQ(tw->met_on_time, 1);
  EXPECT_EQ(tw->missed, 1);
  EXPECT_EQ(tw->status, TaskStatus::kOverdue);
  // A completion of the whole task completes it.
  Task done = t;
  done.history.push_back(Ev(year{2025} / 8 / 20, EventType::kCompleted));
  auto d = One(done, year{2025} / 12 / 1);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->status, TaskStatus::kCompletedOnTime);
  EXPECT_EQ(d->occurrences.size(), 4u);  // August falls due after the completion
  EXPECT_EQ(d->occurrences.back().due, year{2025} / 7 / 31);
}

TEST(ClassifyTask, RecurringBeforeThe25th) {
  // "Trước ngày 25 hàng tháng": due on the 24th (the 25th with inclusive_before).
  const Deadline d = Monthly(25, true, "Trước ngày 25 hàng tháng");
  Task t = MakeTask("before25", d, year{2025} / 4 / 14,
                    {Progress(year{2025} / 4 / 24), Progress(year{2025} / 5 / 25),
                     Progress(year{2025} / 6 / 10)});
  auto c = One(t, year{2025} / 7 / 30);
  ASSERT_TRUE(c);
  ASSERT_EQ(c->occurrences.size(), 4u);
  EXPECT_EQ(c->occurrences[0].due, year{2025} / 4 / 24);
  EXPECT_EQ(c->occurrences[0].outcome, OccurrenceOutcome::kMetOnTime);  // on the due day
  EXPECT_EQ(c->occurrences[1].period_start, year{2025} / 4 / 25);
  EXPECT_EQ(c->occurrences[1].due, year{2025} / 5 / 24);
  EXPECT_EQ(c->occurrences[1].outcome, OccurrenceOutcome::kMetLate);    // the 25th is late
  EXPECT_EQ(c->occurrences[2].outcome, OccurrenceOutcome::kMetOnTime);  // 10/6
  EXPECT_EQ(c->occurrences[3].due, year{2025} / 7 / 24);
  EXPECT_EQ(c->occurrences[3].outcome, OccurrenceOutcome::kMissed);
  EXPECT_EQ(c->status, TaskStatus::kOverdue);

  ClassifyOptions inclusive;
  inclusive.inclusive_before = true;
  auto i = One(t, year{2025} / 7 / 30, inclusive);
  ASSERT_TRUE(i);
  EXPECT_EQ(i->occurrences[1].due, year{2025} / 5 / 25);
  EXPECT_EQ(i->occurrences[1].outcome, OccurrenceOutcome::kMetOnTime);
  // Nothing due yet: the first due to come decides (4 days away: due soon; 10: in progress).
  auto early = One(t, year{2025} / 4 / 20);
  ASSERT_TRUE(early);
  EXPECT_EQ(early->status, TaskStatus::kDueSoon);
  EXPECT_TRUE(early->occurrences.empty());
  EXPECT_EQ(early->due, year{2025} / 4 / 24);
  EXPECT_EQ(StatusOf(t, year{2025} / 4 / 14), TaskStatus::kInProgress);
}

TEST(ClassifyTask, RecurringWithoutAssignmentStartsAtFirstEvent) {
  Task t = MakeTask("no-assign", Monthly(), std::nullopt, {Progress(year{2025} / 6 / 10)});
  auto c = One(t, year{2025} / 8 / 5);
  ASSERT_TRUE(c);
  ASSERT_EQ(c->occurrences.size(), 2u);  // June, July
  EXPECT_EQ(c->occurrences[0].period_start, year{2025} / 6 / 10);
  EXPECT_EQ(c->status, TaskStatus::kOverdue);
  // No assignment day and no events: nothing to judge; the next occurrence decides.
  Task bare = MakeTask("bare", Monthly(), std::nullopt);
  auto b = One(bare, year{2025} / 8 / 5);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->status, TaskStatus::kInProgress);
  EXPECT_EQ(b->due, year{2025} / 8 / 31);
  EXPECT_TRUE(b->no_reports);
  EXPECT_EQ(StatusOf(bare, year{2025} / 8 / 25), TaskStatus::kDueSoon);
  bare.occurrence_reports_tracked = true;
  auto bt = One(bare, year{2025} / 8 / 5);
  ASSERT_TRUE(bt);
  EXPECT_EQ(bt->status, TaskStatus::kInProgress);
  EXPECT_EQ(bt->reason,
            "The monthly obligation \"Hằng tháng\" has no assignment day and no report, so no "
            "occurrence can be judged yet; the next is due on 2025-08-31, in 26 days");
}

// Missing data is not lateness: a recurring task with no report recorded is not overdue.
TEST(ClassifyTask, RecurringWithoutReportsIsNotReportedNotMissed) {
  const Task t = MakeTask("monthly", Monthly(), year{2025} / 4 / 14);
  auto c = One(t);  // 15/10: April .. September fell due, nothing recorded
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, TaskStatus::kInProgress);
  EXPECT_TRUE(c->no_reports);
  EXPECT_EQ(c->not_reported, 6);
  EXPECT_EQ(c->missed, 0);
  EXPECT_TRUE(c->occurrences.empty());
  EXPECT_EQ(c->due, year{2025} / 10 / 31);
  EXPECT_EQ(c->reason,
            "The monthly obligation \"Hằng tháng\" has no occurrence reports recorded (no data), "
            "so none counts as missed; 6 occurrences fell due since 2025-04-14; the next is due "
            "on 2025-10-31, in 16 days");
  // The next occurrence within the window: due soon; due on D itself: due soon, today.
  EXPECT_EQ(StatusOf(t, year{2025} / 10 / 24), TaskStatus::kDueSoon);
  auto today = One(t, year{2025} / 10 / 31);
  ASSERT_TRUE(today);
  EXPECT_EQ(today->status, TaskStatus::kDueSoon);
  EXPECT_EQ(today->due, year{2025} / 10 / 31);
  EXPECT_EQ(today->not_reported, 6);  // the one due today can still be reported
  EXPECT_EQ(StatusOf(t, year{2025} / 11 / 1), TaskStatus::kInProgress);

  // Declared tracked on the task: every occurrence is missed.
  Task tracked = t;
  tracked.occurrence_reports_tracked = true;
  auto tr = One(tracked);
  ASSERT_TRUE(tr);
  EXPECT_EQ(tr->status, TaskStatus::kOverdue);
  EXPECT_FALSE(tr->no_reports);
  EXPECT_EQ(tr->missed, 6);
  EXPECT_EQ(tr->due, year{2025} / 9 / 30);
  EXPECT_EQ(StatusOf(tracked, year{2025} / 4 / 30), TaskStatus::kDueSoon);  // the first, today

  // The dataset's setting applies to tasks that state none; a task's own setting wins.
  for (bool dataset_tracked : {true, false}) {
    Dataset ds;
    ds.set_occurrence_reports_tracked(dataset_tracked);
    Task quiet = t;
    quiet.id = "quiet";
    Task own = t;
    own.id = "own";
    own.occurrence_reports_tracked = !dataset_tracked;
    ASSERT_TRUE(ds.AddTask(quiet).ok());
    ASSERT_TRUE(ds.AddTask(own).ok());
    std::vector<std::uint8_t> all;
    ClassifyAll(ds, kD, {}, all);
    const auto expect = [](bool tracked) {
      return static_cast<std::uint8_t>(tracked ? TaskStatus::kOverdue : TaskStatus::kInProgress);
    };
    EXPECT_EQ(all[0], expect(dataset_tracked));
    EXPECT_EQ(all[1], expect(!dataset_tracked));
    EXPECT_EQ(ClassifyTask(ds, 0, kD)->status, static_cast<TaskStatus>(all[0]));
    EXPECT_EQ(ClassifyTask(ds, 1, kD)->status, static_cast<TaskStatus>(all[1]));
  }

  // Declared not tracked, reports are not judged either.
  Task off = MakeTask("off", Monthly(), year{2025} / 4 / 14, {Progress(year{2025} / 4 / 20)});
  off.occurrence_reports_tracked = false;
  auto o = One(off);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->status, TaskStatus::kInProgress);
  EXPECT_EQ(o->met_on_time, 0);
  EXPECT_EQ(o->not_reported, 6);
  // One report recorded by D makes the task tracked by default: the later months are missed.
  off.occurrence_reports_tracked.reset();
  EXPECT_EQ(StatusOf(off), TaskStatus::kOverdue);
  EXPECT_EQ(StatusOf(off, year{2025} / 4 / 19), TaskStatus::kInProgress);  // not yet reported

  // Completed as a whole: completed on time, still without data on the occurrences.
  Task done = MakeTask("done", Monthly(), year{2025} / 4 / 14,
                       {Ev(year{2025} / 8 / 20, EventType::kCompleted)});
  auto d = One(done);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->status, TaskStatus::kCompletedOnTime);
  EXPECT_TRUE(d->no_reports);
  EXPECT_EQ(d->not_reported, 4);  // April .. July, before the completion
  EXPECT_EQ(StatusOf(done, year{2025} / 8 / 19), TaskStatus::kInProgress);
}

// The CSV table states tracking per task in an optional column; it round-trips.
TEST(ClassifyTask, OccurrenceTrackingFromCsv) {
  const std::string csv =
      "id,title,lead,coordinators,category,source,assigned,deadline,completed,"
      "Occurrence reports tracked\n"
      "R-1,Báo cáo,Bộ Tài chính,,,,2025-04-14,Hằng tháng,,có\n"
      "R-2,Báo cáo,Bộ Tài chính,,,,2025-04-14,Hằng tháng,,no\n"
      "R-3,Báo cáo,Bộ Tài chính,,,,2025-04-14,Hằng tháng,,\n"
      "R-4,Báo cáo,Bộ Tài chính,,,,2025-04-14,Hằng tháng,,maybe\n";
  std::vector<LoadProblem> problems;
  auto ds = ReadDatasetCsv(csv, {}, &problems);
  ASSERT_TRUE(ds.ok()) << ds.status();
  ASSERT_EQ(ds->task_count(), 4u);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "Occurrence reports tracked");
  EXPECT_THAT(problems[0].message, HasSubstr("\"maybe\" is not yes or no"));
  EXPECT_EQ(ds->occurrence_reports_tracked(0), std::optional<bool>(true));
  EXPECT_EQ(ds->occurrence_reports_tracked(1), std::optional<bool>(false));
  EXPECT_FALSE(ds->occurrence_reports_tracked(2).has_value());
  EXPECT_FALSE(ds->occurrence_reports_tracked(3).has_value());
  EXPECT_TRUE(ds->GetTask(0).attributes.empty());
  std::vector<std::uint8_t> all;
  ClassifyAll(*ds, kD, {}, all);
  EXPECT_EQ(all, (std::vector<std::uint8_t>{static_cast<std::uint8_t>(TaskStatus::kOverdue),
                                            static_cast<std::uint8_t>(TaskStatus::kInProgress),
                                            static_cast<std::uint8_t>(TaskStatus::kInProgress),
                                            static_cast<std::uint8_t>(TaskStatus::kInProgress)}));
  const std::string out = WriteDatasetCsv(*ds);
  EXPECT_THAT(out, HasSubstr(",occurrence_reports_tracked"));
  auto back = ReadDatasetCsv(out);
  ASSERT_TRUE(back.ok());
  for (TaskIndex i = 0; i < 3; ++i) {
    EXPECT_EQ(back->occurrence_reports_tracked(i), ds->occurrence_reports_tracked(i)) << i;
  }
  // No task states it: the export has no such column.
  auto plain = ReadDatasetCsv(
      "id,title,lead,coordinators,category,source,assigned,deadline,completed\n"
      "R-1,Báo cáo,Bộ Tài chính,,,,2025-04-14,Hằng tháng,,\n");
  ASSERT_TRUE(plain.ok());
  EXPECT_THAT(WriteDatasetCsv(*plain), ::testing::Not(HasSubstr("occurrence_reports_tracked")));
}

// Tracked reports: the next occurrence not yet met decides by the due-soon rule.
TEST(ClassifyTask, RecurringNextUnmetOccurrence) {
  // April met on 20/4; on 27/5 the May report has come early: June is the next unmet.
  Task t = MakeTask("early", Monthly(), year{2025} / 4 / 14,
                    {Progress(year{2025} / 4 / 20), Progress(year{2025} / 5 / 27)});
  auto c = One(t, year{2025} / 5 / 28);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, TaskStatus::kInProgress);
  EXPECT_EQ(c->due, year{2025} / 6 / 30);
  EXPECT_EQ(c->reason,
            "The monthly obligation \"Hằng tháng\" is up to date: the occurrence due on "
            "2025-04-30 was reported on 2025-04-20 (progress event #0); the one occurrence so far "
            "was reported on time; the next is due on 2025-06-30, in 33 days");
  // Without the early report, May (due 31/5, in 3 days) is due soon.
  Task late = MakeTask("late", Monthly(), year{2025} / 4 / 14, {Progress(year{2025} / 4 / 20)});
  auto l = One(late, year{2025} / 5 / 28);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->status, TaskStatus::kDueSoon);
  EXPECT_EQ(l->due, year{2025} / 5 / 31);
  ClassifyOptions wide;
  wide.soon_days = 40;
  EXPECT_EQ(StatusOf(t, year{2025} / 5 / 28, wide), TaskStatus::kDueSoon);
}

TEST(ClassifyTask, BehindSchedule) {
  // Assigned 1/9, due 31/10 (60 days); on 15/10, 44 days in: 73.3% expected.
  const Day a = year{2025} / 9 / 1;
  Task t = MakeTask("behind", DateDeadline(year{2025} / 10 / 31), a,
                    {Progress(year{2025} / 10 / 1, 50)});
  auto c = One(t);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, TaskStatus::kInProgress);  // not changed
  EXPECT_TRUE(c->behind_schedule);
  EXPECT_NEAR(*c->expected_percent, 100.0 * 44 / 60, 1e-9);
  EXPECT_EQ(c->reported_percent, 50);
  EXPECT_THAT(c->reason, HasSubstr("behind schedule: 50% reported"));
  t.history.push_back(Progress(year{2025} / 10 / 14, 80));
  auto ok = One(t);
  ASSERT_TRUE(ok);
  EXPECT_FALSE(ok->behind_schedule);
  EXPECT_EQ(ok->reported_percent, 80);
  // No percent reported, no assignment day, or completed: not judged.
  auto none = One(MakeTask("nopct", DateDeadline(year{2025} / 10 / 31), a, {Progress(a)}));
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->behind_schedule);
  EXPECT_FALSE(none->expected_percent.has_value());
  auto noa =
      One(MakeTask("noassign", DateDeadline(year{2025} / 10 / 31), std::nullopt, {Progress(a, 1)}));
  ASSERT_TRUE(noa);
  EXPECT_FALSE(noa->behind_schedule);
  auto done = One(MakeTask("done", DateDeadline(year{2025} / 10 / 31), a,
                           {Progress(a, 1), Ev(year{2025} / 10 / 2, EventType::kCompleted)}));
  ASSERT_TRUE(done);
  EXPECT_FALSE(done->behind_schedule);
  // Overdue: 100% expected.
  auto over = One(MakeTask("over", DateDeadline(year{2025} / 10 / 1), a, {Progress(a, 99)}));
  ASSERT_TRUE(over);
  EXPECT_TRUE(over->behind_schedule);
  EXPECT_DOUBLE_EQ(*over->expected_percent, 100.0);
}

// A deterministic dataset mixing every kind and history; ClassifyAll must equal ClassifyTask.
// tracked: the dataset's Dataset::occurrence_reports_tracked; some tasks state their own.
Dataset RandomDataset(std::size_t n, std::uint32_t seed, std::optional<bool> tracked = {}) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const Day base = year{2025} / 1 / 1;
  auto random_deadline = [&]() {
    Deadline d;
    switch (pick(9)) {
      case 0:
        return DateDeadline(base + days{pick(500)});
      case 1: {
        d.kind = DeadlineKind::kMonth;
        d.text = "Tháng";
        d.due = base + days{pick(500)};
        return d;
      }
      case 2:
        return NoDueDeadline(DeadlineKind::kOngoing, "Thường xuyên");
      case 3:
        return NoDueDeadline(DeadlineKind::kRoadmap, "Hoàn thành theo lộ trình");
      case 4: {
        d.kind = DeadlineKind::kRelative;
        d.text = "trong N ngày";
        d.relative_days = 1 + pick(90);
        return d;
      }
      case 5: {
        Deadline m =
            Monthly(pick(2) ? std::optional<unsigned>(1 + pick(28)) : std::nullopt, pick(2) == 0);
        if (pick(3) == 0) m.recurrence->freq = pick(2) ? Frequency::kWeekly : Frequency::kQuarterly;
        return m;
      }
      case 6: {
        d.kind = DeadlineKind::kMulti;
        d.text = "multi";
        const Day a = base + days{pick(300)}, b = a + days{pick(200)};
        d.milestones = {{"a", DeadlineKind::kMonth, a}, {"b", DeadlineKind::kMonth, b}};
        d.due = b;
        if (pick(4) == 0) d.recurrence = Recurrence{};
        if (pick(6) == 0) {
          d.due.reset();
          d.milestones.pop_back();
          d.milestones[0].due.reset();
          d.recurrence = Recurrence{};
        }
        return d;
      }
      case 7: {
        d.kind = DeadlineKind::kOpenEnded;
        d.text = "2025 và những năm tiếp theo";
        d.first_due = year{2025} / 12 / 31;
        return d;
      }
      default:
        return NoDueDeadline(DeadlineKind::kUnknown, "?");
    }
  };
  Dataset ds;
  for (std::size_t i = 0; i < n; ++i) {
    Task t;
    t.id = "R-" + std::to_string(i);
    t.deadline = random_deadline();
    if (pick(8) != 0) t.assigned = base + days{pick(400)};
    const int events = pick(3) == 0 ? 0 : pick(7);
    Day day = t.assigned.value_or(base) + days{pick(30)};
    for (int k = 0; k < events; ++k) {
      day += days{pick(60)};
      switch (pick(10)) {
        case 0:
        case 1:
        case 2:
        case 3:
          t.history.push_back(
              Progress(day, pick(2) ? std::optional<int>(pick(101)) : std::nullopt));
          if (pick(3) == 0) t.history.back().milestone = pick(3);  // multi: a milestone met
          break;
        case 4:
        case 5:
          t.history.push_back(Ev(day, EventType::kCompleted));
          break;
        case 6:
          t.history.push_back(Ev(day, EventType::kReopened));
          break;
        case 7:
        case 8:
          t.history.push_back(Change(day, random_deadline()));
          break;
        default:
          t.history.push_back(Ev(day, EventType::kCancelled));
          break;
      }
    }
    if (pick(5) == 0) t.occurrence_reports_tracked = pick(2) == 0;
    auto added = ds.AddTask(t);
    EXPECT_TRUE(added.ok()) << added.status();
  }
  ds.set_occurrence_reports_tracked(tracked);
  return ds;
}

class ClassifyAllRandom : public ::testing::TestWithParam<std::optional<bool>> {};
INSTANTIATE_TEST_SUITE_P(DatasetTracking, ClassifyAllRandom,
                         ::testing::Values(std::nullopt, std::optional<bool>(true),
                                           std::optional<bool>(false)));

// The columnar fast path (plain recurring tasks included) and the full rules agree, whatever the
// dataset says about occurrence tracking.
TEST_P(ClassifyAllRandom, EqualsClassifyTask) {
  const Dataset ds = RandomDataset(4000, 20250923, GetParam());
  std::array<int, kTaskStatusCount + 1> seen{};
  std::size_t fast = 0;
  for (std::size_t i = 0; i < ds.task_count(); ++i) {
    if ((ds.columns().flags[i] & (kTaskCancelled | kTaskDeadlineChanged | kTaskReopened |
                                  kTaskRecurring | kTaskMilestones)) == 0) {
      ++fast;
    }
  }
  EXPECT_GT(fast, 1000u);  // both paths are exercised
  EXPECT_LT(fast, 3000u);
  for (const Day as_of :
       {Day{year{2025} / 1 / 1}, Day{year{2025} / 6 / 30}, Day{year{2025} / 9 / 23},
        Day{year{2025} / 12 / 31}, Day{year{2026} / 8 / 1}}) {
    for (bool baseline : {false, true}) {
      for (int threads : {1, 2}) {
        ClassifyOptions o;
        o.baseline = baseline;
        o.threads = threads;
        o.soon_days = threads == 1 ? 7 : 10;
        std::vector<std::uint8_t> all;
        ClassifyAll(ds, as_of, o, all);
        ASSERT_EQ(all.size(), ds.task_count());
        for (TaskIndex i = 0; i < ds.task_count(); ++i) {
          auto c = ClassifyTask(ds, i, as_of, o);
          const std::uint8_t expect = c ? static_cast<std::uint8_t>(c->status) : kNotYetAssigned;
          ASSERT_EQ(all[i], expect) << ds.task_id(i) << " as of " << FormatIsoDay(as_of);
          ++seen[c ? static_cast<std::size_t>(c->status) : kTaskStatusCount];
          if (c) {
            EXPECT_FALSE(c->reason.empty()) << ds.task_id(i);
          }
        }
      }
    }
  }
  for (int s = 0; s <= kTaskStatusCount; ++s) EXPECT_GT(seen[static_cast<std::size_t>(s)], 0) << s;
}

// The bundled 2025 plan (248 plan rows + 85 appendix II bullets, no progress history yet, no
// occurrence tracking declared), hand-checked with an independent script over
// examples/data/plan-2025.json:
// - 2025-09-23: 54 tasks assigned later (40 on 30/9, 8 on 17/10, 3 on 15/10, 3 on 6/11; issue
//   17: PL2-56, 57 take PL2-55's notice of 30/9) are left out; of 279: 10 overdue = 8 month
//   deadlines (4 "Tháng 7/2025", 3 "Tháng 8/2025", "7/2025"), Quý II (KH25-II-4) and
//   "15/7/2025"; 52 due_soon = 40 due 30/9 (37 September month deadlines, "30/09/2025", Quý
//   III/2025 and the multi KH25-III-75 "Tháng 9/2025 xong thí điểm; ...") and 12 recurring
//   obligations with no report recorded (not overdue: no data) whose next occurrence is within
//   7 days (10 monthly assigned 14/4..8/6 and KH25-II-1, due 30/9; the weekly KH25-II-2, due
//   Sunday 28/9); 217 in_progress.
// - 2025-12-31: all 333 assigned; 214 due_soon (183 due 31/12, the as-of day itself: 105
//   "2025", 62 "Tháng 12/2025" and the like, 11 dates, 3 open_ended first dues, Quý IV, one
//   "trước ngày 01/01/2026"; one due 1/1/2026; 11 monthly and 3 yearly obligations whose 31/12
//   occurrence falls due that day; the weekly KH25-II-2, due 4/1/2026; the multi KH25-III-60
//   whose first milestone "Tháng 12/2025" is due that day; issue 17: the 14 appendix bullets
//   that state no deadline and take the list heading's 31/12/2025), 90 overdue, 29 in_progress
//   (26 ongoing, 3 roadmap).
TEST(ClassifyPlan2025, CountsMatchTheHandCheck) {
  auto ds = LoadDatasetJson(std::string(MANDATE_SOURCE_DIR) + "/examples/data/plan-2025.json");
  ASSERT_TRUE(ds.ok()) << ds.status();
  ASSERT_EQ(ds->task_count(), 333u);
  struct Expect {
    Day as_of;
    int omitted, overdue, due_soon, in_progress;
  };
  for (const Expect& e : {Expect{year{2025} / 9 / 23, 54, 10, 52, 217},
                          Expect{year{2025} / 12 / 31, 0, 90, 214, 29}}) {
    std::vector<std::uint8_t> all;
    ClassifyAll(*ds, e.as_of, {}, all);
    std::array<int, 256> n{};
    for (auto s : all) ++n[s];
    EXPECT_EQ(n[kNotYetAssigned], e.omitted) << FormatIsoDay(e.as_of);
    EXPECT_EQ(n[static_cast<int>(TaskStatus::kOverdue)], e.overdue) << FormatIsoDay(e.as_of);
    EXPECT_EQ(n[static_cast<int>(TaskStatus::kDueSoon)], e.due_soon) << FormatIsoDay(e.as_of);
    EXPECT_EQ(n[static_cast<int>(TaskStatus::kInProgress)], e.in_progress) << FormatIsoDay(e.as_of);
    EXPECT_EQ(n[static_cast<int>(TaskStatus::kCompletedOnTime)] +
                  n[static_cast<int>(TaskStatus::kCompletedLate)] +
                  n[static_cast<int>(TaskStatus::kCancelled)],
              0);
  }
  const Day d = year{2025} / 9 / 23;
  auto get = [&](std::string_view id) {
    auto i = ds->FindTask(id);
    EXPECT_TRUE(i.has_value()) << id;
    return i ? ClassifyTask(*ds, *i, d) : std::nullopt;
  };
  auto monthly = get("PL2-71");  // "Hằng tháng", assigned 14/4: April .. August not reported
  ASSERT_TRUE(monthly);
  EXPECT_EQ(monthly->status, TaskStatus::kDueSoon);
  EXPECT_TRUE(monthly->no_reports);
  EXPECT_EQ(monthly->not_reported, 5);
  EXPECT_EQ(monthly->missed, 0);
  EXPECT_EQ(monthly->due, year{2025} / 9 / 30);
  auto multi = get("KH25-III-75");
  ASSERT_TRUE(multi);
  EXPECT_EQ(multi->status, TaskStatus::kDueSoon);
  EXPECT_EQ(multi->due, year{2025} / 9 / 30);
  ASSERT_EQ(multi->milestones.size(), 2u);
  auto unassigned = get("KH25-II-1");  // "Hàng tháng" with no assignment day or events
  ASSERT_TRUE(unassigned);
  EXPECT_EQ(unassigned->status, TaskStatus::kDueSoon);  // the September occurrence, due 30/9
  EXPECT_EQ(unassigned->due, year{2025} / 9 / 30);
  EXPECT_TRUE(unassigned->no_reports);
  EXPECT_FALSE(get("PL2-50").has_value());  // assigned 30/9
}

// The seed tasks of issue 18, one by one.
TEST(ClassifyPlan2025, SeedTasksOfIssue18) {
  auto ds = LoadDatasetJson(std::string(MANDATE_SOURCE_DIR) + "/examples/data/plan-2025.json");
  ASSERT_TRUE(ds.ok()) << ds.status();
  auto get = [&](std::string_view id, Day d) {
    auto i = ds->FindTask(id);
    EXPECT_TRUE(i.has_value()) << id;
    return i ? ClassifyTask(*ds, *i, d) : std::nullopt;
  };
  // Monthly obligations with no report recorded: not overdue, no data.
  for (const char* id : {"KH25-IV-42", "KH25-IV-43", "KH25-IV-57", "KH25-IV-58", "KH25-IV-59",
                         "KH25-IV-60", "KH25-IV-61", "KH25-IV-62", "KH25-IV-63", "PL2-71"}) {
    for (const Day d : {Day{year{2025} / 9 / 23}, Day{year{2025} / 10 / 15},
                        Day{year{2025} / 12 / 31}}) {
      auto c = get(id, d);
      ASSERT_TRUE(c) << id;
      EXPECT_NE(c->status, TaskStatus::kOverdue) << id << " " << FormatIsoDay(d);
      EXPECT_TRUE(c->no_reports) << id;
      EXPECT_EQ(c->missed, 0) << id;
      EXPECT_GT(c->not_reported, 0) << id;
      EXPECT_THAT(c->reason, HasSubstr("(no data), so none counts as missed")) << id;
    }
  }
  EXPECT_EQ(get("KH25-IV-42", year{2025} / 10 / 15)->status, TaskStatus::kInProgress);
  // Yearly obligations whose occurrence falls due on the as-of day: due soon, today.
  for (const char* id : {"KH25-III-30", "KH25-III-37", "KH25-III-83"}) {
    auto c = get(id, year{2025} / 12 / 31);
    ASSERT_TRUE(c) << id;
    EXPECT_EQ(c->status, TaskStatus::kDueSoon) << id;
    EXPECT_EQ(c->due, year{2025} / 12 / 31) << id;
    EXPECT_THAT(c->reason, HasSubstr("the next is due on 2025-12-31, today")) << id;
    EXPECT_EQ(get(id, year{2025} / 12 / 1)->status, TaskStatus::kInProgress) << id;
  }
  // "Tháng 12/2025 và năm 2026": its first milestone, due 31/12/2025, decides.
  auto multi = get("KH25-III-60", year{2025} / 12 / 31);
  ASSERT_TRUE(multi);
  EXPECT_EQ(multi->status, TaskStatus::kDueSoon);
  EXPECT_EQ(multi->due, year{2025} / 12 / 31);
  ASSERT_EQ(multi->milestones.size(), 2u);
  EXPECT_EQ(multi->milestones[0].status, TaskStatus::kDueSoon);
  EXPECT_EQ(multi->milestones[1].status, TaskStatus::kInProgress);
  EXPECT_EQ(multi->reason,
            "Not completed; the milestone \"Tháng 12/2025\" falls due on 2025-12-31, today");
  EXPECT_EQ(get("KH25-III-60", year{2026} / 1 / 1)->status, TaskStatus::kOverdue);
  // Recorded as met: the 2026 milestone decides.
  auto loaded = LoadDatasetJson(std::string(MANDATE_SOURCE_DIR) + "/examples/data/plan-2025.json");
  ASSERT_TRUE(loaded.ok());
  Dataset& copy = *loaded;
  const TaskIndex i = *copy.FindTask("KH25-III-60");
  TaskEvent met;
  met.day = year{2025} / 12 / 30;
  met.type = EventType::kProgress;
  met.milestone = 0;
  ASSERT_TRUE(copy.AddEvent(i, met).ok());
  auto after = ClassifyTask(copy, i, year{2026} / 1 / 1);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, TaskStatus::kInProgress);
  EXPECT_EQ(after->due, year{2026} / 12 / 31);
  EXPECT_EQ(after->milestones[0].status, TaskStatus::kCompletedOnTime);
}

}  // namespace
}  // namespace mandate
