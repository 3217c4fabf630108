#include "mandate/aggregate.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "aggregate_test_data.h"
#include "mandate/classification.h"
#include "mandate/dataset_json.h"

namespace mandate {
namespace {

using testdata::D;
using testdata::kAsOf;

// Group label tuple "a|b|..." (none as "-") -> counts, for readable assertions.
std::map<std::string, StatusCounts> ByLabel(const AggregateResult& r) {
  std::map<std::string, StatusCounts> out;
  for (std::size_t g = 0; g < r.groups.size(); ++g) {
    std::string key;
    for (std::size_t k = 0; k < r.plan->dimension_count(); ++k) {
      if (k) key += "|";
      key += r.Label(g, k).value_or("-");
    }
    EXPECT_FALSE(out.contains(key)) << key;
    out[key] = r.groups[g].counts;
  }
  return out;
}

StatusCounts Counts(std::uint32_t on_time, std::uint32_t late, std::uint32_t overdue,
                    std::uint32_t soon, std::uint32_t progress, std::uint32_t cancelled) {
  return StatusCounts{{on_time, late, overdue, soon, progress, cancelled}};
}

AggregateResult RunQuery(const Dataset& ds, AggregateQuery q) {
  auto r = Aggregate(ds, q);
  EXPECT_TRUE(r.ok()) << r.status();
  return *std::move(r);
}

TEST(Aggregate, StatusesOfTheTestTableAreAsDocumented) {
  auto ds = testdata::SmallDataset();
  std::vector<std::uint8_t> st;
  ClassifyAll(*ds, kAsOf, {}, st);
  const std::vector<std::uint8_t> want = {0, 1, 2, 3, 4, 5, kNotYetAssigned, 2};
  EXPECT_EQ(st, want);
}

TEST(Aggregate, TotalsCountEveryAssignedTaskOnce) {
  auto ds = testdata::SmallDataset();
  const auto r = RunQuery(*ds, {.as_of = kAsOf, .by = {}});
  EXPECT_EQ(r.totals, Counts(1, 1, 2, 1, 1, 1));
  EXPECT_EQ(r.totals.total(), 7u);  // T7 is not assigned yet
  ASSERT_EQ(r.groups.size(), 1u);   // no dimension: one group equal to the totals
  EXPECT_EQ(r.groups[0].counts, r.totals);
}

TEST(Aggregate, LeadGroupsCountMultiAgencyTasksForEachAgency) {
  auto ds = testdata::SmallDataset();
  const auto r = RunQuery(*ds, {.as_of = kAsOf, .by = {Dimension::kLead}});
  const auto g = ByLabel(r);
  ASSERT_EQ(g.size(), 5u);
  EXPECT_EQ(g.at("BKHCN"), Counts(1, 1, 0, 0, 0, 0));
  EXPECT_EQ(g.at("BTC"), Counts(0, 1, 1, 0, 0, 0));
  EXPECT_EQ(g.at("HNI"), Counts(0, 0, 0, 1, 1, 0));
  EXPECT_EQ(g.at("BCA"), Counts(0, 0, 0, 0, 1, 1));
  EXPECT_EQ(g.at("-"), Counts(0, 0, 1, 0, 0, 0));  // T8 has no lead
  std::uint64_t sum = 0;
  for (const auto& grp : r.groups) sum += grp.counts.total();
  EXPECT_EQ(sum, 9u);               // T2 and T5 count twice...
  EXPECT_EQ(r.totals.total(), 7u);  // ...but once in the totals
  // Sorted by key, none first.
  EXPECT_FALSE(r.Label(0, 0).has_value());
  EXPECT_EQ(*r.Label(1, 0), "BCA");
  EXPECT_EQ(*r.Label(4, 0), "HNI");
}

TEST(Aggregate, CollectiveAssigneeCountsForEveryMember) {
  auto ds = std::make_unique<Dataset>();
  const Resolution res = ds->registry().Resolve("Các bộ, ngành, địa phương");
  ASSERT_TRUE(res.ok());
  ASSERT_GT(res.agencies.size(), 50u);
  Task t = testdata::MakeTask("C1", {}, {}, D(2025, 3, 1), D(2025, 6, 30), std::nullopt, "", "");
  for (AgencyIndex a : res.agencies) t.lead.push_back(ds->registry().agency(a).id);
  ASSERT_TRUE(ds->AddTask(t).ok());
  ASSERT_TRUE(ds->AddTask(testdata::MakeTask("C2", {"BKHCN"}, {}, D(2025, 3, 1), D(2025, 12, 31),
                                             std::nullopt, "", ""))
                  .ok());
  const auto r = RunQuery(*ds, {.as_of = kAsOf, .by = {Dimension::kLead}});
  EXPECT_EQ(r.groups.size(), res.agencies.size());
  EXPECT_EQ(r.totals.total(), 2u);
  const auto g = ByLabel(r);
  EXPECT_EQ(g.at("BKHCN"), Counts(0, 0, 1, 0, 1, 0));  // C1 overdue, C2 in progress
  EXPECT_EQ(g.at("HNI"), Counts(0, 0, 1, 0, 0, 0));
  // By kind the collective counts once per kind, not once per member.
  const auto k = ByLabel(RunQuery(*ds, {.as_of = kAsOf, .by = {Dimension::kAgencyKind}}));
  EXPECT_EQ(k.at("ministry"), Counts(0, 0, 1, 0, 1, 0));
  EXPECT_EQ(k.at("province"), Counts(0, 0, 1, 0, 0, 0));
  EXPECT_EQ(k.at("government_agency"), Counts(0, 0, 1, 0, 0, 0));
}

TEST(Aggregate, CoordinatorDimensionAndIncludeCoordinators) {
  auto ds = testdata::SmallDataset();
  const auto c = ByLabel(RunQuery(*ds, {.as_of = kAsOf, .by = {Dimension::kCoordinator}}));
  EXPECT_EQ(c.at("BKHCN"), Counts(0, 0, 1, 0, 0, 0));  // T3
  EXPECT_EQ(c.at("BTC"), Counts(0, 0, 0, 0, 1, 0));    // T5
  EXPECT_EQ(c.at("-"), Counts(1, 1, 1, 1, 0, 1));      // T1 T2 T4 T6 T8
  // Lead x coordinator: the cross product of each task's lists.
  const auto lc =
      ByLabel(RunQuery(*ds, {.as_of = kAsOf, .by = {Dimension::kLead, Dimension::kCoordinator}}));
  EXPECT_EQ(lc.at("BTC|BKHCN"), Counts(0, 0, 1, 0, 0, 0));
  EXPECT_EQ(lc.at("BCA|BTC"), Counts(0, 0, 0, 0, 1, 0));
  EXPECT_EQ(lc.at("HNI|BTC"), Counts(0, 0, 0, 0, 1, 0));
  EXPECT_EQ(lc.at("BTC|-"), Counts(0, 1, 0, 0, 0, 0));
  // include_coordinators: an agency counts a task it leads or coordinates, once.
  const auto inc = ByLabel(
      RunQuery(*ds, {.as_of = kAsOf, .by = {Dimension::kLead}, .include_coordinators = true}));
  EXPECT_EQ(inc.at("BKHCN"), Counts(1, 1, 1, 0, 0, 0));  // + T3 as coordinator
  EXPECT_EQ(inc.at("BTC"), Counts(0, 1, 1, 0, 1, 0));    // + T5 as coordinator
  EXPECT_EQ(inc.at("BCA"), Counts(0, 0, 0, 0, 1, 1));
}

TEST(Aggregate, AgencyKindWithAndWithoutLead) {
  auto ds = testdata::SmallDataset();
  const auto k = ByLabel(RunQuery(*ds, {.as_of = kAsOf, .by = {Dimension::kAgencyKind}}));
  // T5 (BCA ministry + HNI province) counts in both kinds; T2 (two ministries) once.
  EXPECT_EQ(k.at("ministry"), Counts(1, 1, 1, 0, 1, 1));
  EXPECT_EQ(k.at("province"), Counts(0, 0, 0, 1, 1, 0));
  EXPECT_EQ(k.at("-"), Counts(0, 0, 1, 0, 0, 0));
  const auto lk =
      ByLabel(RunQuery(*ds, {.as_of = kAsOf, .by = {Dimension::kAgencyKind, Dimension::kLead}}));
  EXPECT_EQ(lk.at("ministry|BTC"), Counts(0, 1, 1, 0, 0, 0));
  EXPECT_EQ(lk.at("province|HNI"), Counts(0, 0, 0, 1, 1, 0));
  EXPECT_FALSE(lk.contains("province|BTC"));
}

TEST(Aggregate, CategoryAtEachLevel) {
  auto ds = testdata::SmallDataset();
  const auto l1 =
      ByLabel(RunQuery(*ds, {.as_of = kAsOf, .by = {Dimension::kCategory}, .category_level = 1}));
  ASSERT_EQ(l1.size(), 3u);
  EXPECT_EQ(l1.at("I. Thể chế"), Counts(1, 1, 0, 0, 0, 0));
  EXPECT_EQ(l1.at("II. Hạ tầng"), Counts(0, 0, 1, 1, 1, 1));
  EXPECT_EQ(l1.at("-"), Counts(0, 0, 1, 0, 0, 0));
  const auto l0 = ByLabel(RunQuery(*ds, {.as_of = kAsOf, .by = {Dimension::kCategory}}));
  ASSERT_EQ(l0.size(), 5u);
  EXPECT_EQ(l0.at("II. Hạ tầng / 2.1. Số"), Counts(0, 0, 1, 1, 0, 0));
  EXPECT_EQ(l0.at("II. Hạ tầng / 2.2. Dữ liệu"), Counts(0, 0, 0, 0, 1, 1));
  EXPECT_EQ(CategoryPrefix("A / B / C", 2), "A / B");
  EXPECT_EQ(CategoryPrefix("A / B / C", 9), "A / B / C");
  EXPECT_EQ(CategoryPrefix("A", 1), "A");
}

TEST(Aggregate, SourceMonthsDeadlineKindStatus) {
  auto ds = testdata::SmallDataset();
  const auto s = ByLabel(RunQuery(*ds, {.as_of = kAsOf, .by = {Dimension::kSource}}));
  EXPECT_EQ(s.at("S1"), Counts(1, 1, 0, 0, 0, 0));
  EXPECT_EQ(s.at("S2"), Counts(0, 0, 1, 1, 1, 1));
  EXPECT_EQ(s.at("-"), Counts(0, 0, 1, 0, 0, 0));
  const auto due = ByLabel(RunQuery(*ds, {.as_of = kAsOf, .by = {Dimension::kDueMonth}}));
  EXPECT_EQ(due.at("2025-06"), Counts(1, 1, 0, 0, 0, 0));
  EXPECT_EQ(due.at("2025-08"), Counts(0, 0, 1, 0, 0, 0));
  EXPECT_EQ(due.at("2025-09"), Counts(0, 0, 1, 1, 0, 0));
  EXPECT_EQ(due.at("2025-10"), Counts(0, 0, 0, 0, 0, 1));
  EXPECT_EQ(due.at("2025-12"), Counts(0, 0, 0, 0, 1, 0));
  const auto asg = ByLabel(RunQuery(*ds, {.as_of = kAsOf, .by = {Dimension::kAssignedMonth}}));
  EXPECT_EQ(asg.at("2025-03"), Counts(1, 1, 0, 0, 0, 0));
  EXPECT_EQ(asg.at("2025-05"), Counts(0, 0, 0, 0, 1, 1));
  EXPECT_EQ(asg.at("2025-02"), Counts(0, 0, 1, 0, 0, 0));
  const auto kind = ByLabel(RunQuery(*ds, {.as_of = kAsOf, .by = {Dimension::kDeadlineKind}}));
  EXPECT_EQ(kind.at("month"), Counts(1, 1, 1, 0, 0, 1));
  EXPECT_EQ(kind.at("date"), Counts(0, 0, 1, 1, 0, 0));
  EXPECT_EQ(kind.at("year"), Counts(0, 0, 0, 0, 1, 0));
  const auto ls =
      ByLabel(RunQuery(*ds, {.as_of = kAsOf, .by = {Dimension::kLead, Dimension::kStatus}}));
  EXPECT_EQ(ls.at("BTC|overdue"), Counts(0, 0, 1, 0, 0, 0));
  EXPECT_EQ(ls.at("BTC|completed_late"), Counts(0, 1, 0, 0, 0, 0));
  EXPECT_EQ(ls.at("-|overdue"), Counts(0, 0, 1, 0, 0, 0));
  EXPECT_EQ(ls.size(), 9u);
}

TEST(Aggregate, AllNineDimensionsAtOnceUseTheHashedPath) {
  auto ds = testdata::SmallDataset();
  AggregateQuery q{
      .as_of = kAsOf,
      .by = {Dimension::kStatus, Dimension::kLead, Dimension::kCoordinator, Dimension::kAgencyKind,
             Dimension::kCategory, Dimension::kSource, Dimension::kDueMonth,
             Dimension::kAssignedMonth, Dimension::kDeadlineKind}};
  auto plan = AggregatePlan::Make(*ds, q);
  ASSERT_TRUE(plan.ok());
  EXPECT_FALSE((*plan)->dense());
  const auto r = RunQuery(*ds, q);
  // T2 and T5 have two leads; T3 and T5 have one coordinator (or none): 9 groups.
  EXPECT_EQ(r.groups.size(), 9u);
  const auto g = ByLabel(r);
  EXPECT_EQ(g.at("in_progress|HNI|BTC|province|II. Hạ tầng / 2.2. Dữ liệu|S2|2025-12|2025-05|"
                 "year"),
            Counts(0, 0, 0, 0, 1, 0));
}

TEST(Aggregate, Rates) {
  const StatusCounts c = Counts(3, 1, 2, 1, 3, 5);  // 15 tasks, 10 not cancelled
  EXPECT_DOUBLE_EQ(*c.completion_rate(), 0.4);
  EXPECT_DOUBLE_EQ(*c.on_time_rate(), 0.75);
  EXPECT_DOUBLE_EQ(*c.overdue_rate(), 0.2);
  const StatusCounts only_cancelled = Counts(0, 0, 0, 0, 0, 2);
  EXPECT_FALSE(only_cancelled.completion_rate().has_value());
  EXPECT_FALSE(only_cancelled.on_time_rate().has_value());
  EXPECT_FALSE(only_cancelled.overdue_rate().has_value());
}

TEST(Aggregate, Windows) {
  auto ds = testdata::SmallDataset();
  // Assigned in March..April: T1 T2 T3.
  auto r = RunQuery(*ds, {.as_of = kAsOf, .assigned = {D(2025, 3, 1), D(2025, 4, 30)}});
  EXPECT_EQ(r.totals, Counts(1, 1, 1, 0, 0, 0));
  // Completed in July: T2 only (and only tasks completed as of the day pass).
  r = RunQuery(*ds, {.as_of = kAsOf, .completed = {D(2025, 7, 1), D(2025, 7, 31)}});
  EXPECT_EQ(r.totals, Counts(0, 1, 0, 0, 0, 0));
  // ... not yet completed as of 2025-07-05.
  r = RunQuery(*ds, {.as_of = D(2025, 7, 5), .completed = {D(2025, 7, 1), D(2025, 7, 31)}});
  EXPECT_EQ(r.totals.total(), 0u);
  // Due in September (open end): T4, T8 and later: T5 T6.
  r = RunQuery(*ds, {.as_of = kAsOf, .due = {D(2025, 9, 1), std::nullopt}});
  EXPECT_EQ(r.totals, Counts(0, 0, 1, 1, 1, 1));
  // Windows restrict groups too.
  const auto g = ByLabel(RunQuery(
      *ds, {.as_of = kAsOf, .by = {Dimension::kLead}, .due = {D(2025, 9, 1), D(2025, 9, 30)}}));
  EXPECT_EQ(g.size(), 2u);
  EXPECT_EQ(g.at("HNI"), Counts(0, 0, 0, 1, 0, 0));
  EXPECT_EQ(g.at("-"), Counts(0, 0, 1, 0, 0, 0));
}

TEST(Aggregate, DeadlineChangeMovesTheDueMonthAsOfTheDay) {
  auto ds = testdata::SmallDataset();
  Deadline later = testdata::DueOn(DeadlineKind::kDate, D(2025, 11, 15));
  ASSERT_TRUE(ds->AddEvent(2, TaskEvent{.day = D(2025, 9, 1),
                                        .type = EventType::kDeadlineChanged,
                                        .new_deadline = later})
                  .ok());
  auto g = ByLabel(RunQuery(*ds, {.as_of = kAsOf, .by = {Dimension::kDueMonth}}));
  EXPECT_EQ(g.at("2025-11"), Counts(0, 0, 0, 0, 1, 0));  // T3 rescheduled, now in progress
  EXPECT_FALSE(g.contains("2025-08"));
  // Before the change the original deadline is in force.
  g = ByLabel(RunQuery(
      *ds, {.as_of = D(2025, 8, 20), .by = {Dimension::kDueMonth, Dimension::kDeadlineKind}}));
  EXPECT_EQ(g.at("2025-08|month").total(), 1u);
  EXPECT_FALSE(g.contains("2025-11|date"));
}

TEST(Aggregate, BadQueriesAreClearErrors) {
  auto ds = testdata::SmallDataset();
  auto r = Aggregate(*ds, {.as_of = kAsOf, .by = {Dimension::kLead, Dimension::kLead}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("\"lead\" named twice"), std::string::npos);
  r = Aggregate(*ds, {.as_of = kAsOf, .assigned = {D(2025, 5, 1), D(2025, 4, 1)}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("assigned window"), std::string::npos);
  r = Aggregate(*ds, {.as_of = kAsOf, .category_level = -1});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(EnumFromName<Dimension>("due_month"), Dimension::kDueMonth);
  EXPECT_FALSE(EnumFromName<Dimension>("Lead").has_value());
  for (int d = 0; d < kDimensionCount; ++d) {
    EXPECT_EQ(EnumFromName<Dimension>(EnumName(static_cast<Dimension>(d))),
              static_cast<Dimension>(d));
  }
}

TEST(Aggregate, ParallelEqualsSequential) {
  // Enough tasks to cross the parallel threshold.
  Dataset ds;
  const char* leads[] = {"BKHCN", "BTC", "BCA", "HNI", "HCM"};
  Task t =
      testdata::MakeTask("x", {}, {}, D(2025, 1, 1), D(2025, 6, 30), std::nullopt, "A / B", "S");
  constexpr int kN = 300000;
  for (int i = 0; i < kN; ++i) {
    t.id = "P" + std::to_string(i);
    t.lead = {leads[i % 5]};
    if (i % 10 == 0)
      t.lead.push_back(leads[(i / 10) % 5] == t.lead[0] ? "BYT" : leads[(i / 10) % 5]);
    t.deadline.due = D(2025, 1 + static_cast<unsigned>(i % 12), 1);
    ASSERT_TRUE(ds.AddTask(t).ok());
  }
  const AggregateQuery q{.as_of = kAsOf, .by = {Dimension::kLead, Dimension::kStatus}};
  auto seq = Aggregate(ds, q, 1);
  ASSERT_TRUE(seq.ok());
  const AggregateResult& one = *seq;
  auto two = Aggregate(ds, q, 2);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(one.totals, two->totals);
  EXPECT_EQ(one.totals.total(), static_cast<std::uint64_t>(kN));
  ASSERT_EQ(one.groups.size(), two->groups.size());
  for (std::size_t g = 0; g < one.groups.size(); ++g) {
    EXPECT_EQ(one.groups[g].code, two->groups[g].code);
    EXPECT_EQ(one.groups[g].counts, two->groups[g].counts);
  }
}

}  // namespace
}  // namespace mandate

namespace mandate {
namespace {

// The bundled 2025 plan as of 2025-09-23 (statuses hand-checked in classification_test.cpp): 279
// tasks assigned, 10 overdue, 52 due soon, 217 in progress (the 12 recurring obligations with no
// report recorded are not overdue: no data). Per-agency groups add up to
// more than the total (collectives and joint leads), and each agency's count equals the
// number of tasks that list it.
TEST(AggregatePlan2025, TotalsAndPerAgencyCounts) {
  auto ds = LoadDatasetJson(std::string(MANDATE_SOURCE_DIR) + "/examples/data/plan-2025.json");
  ASSERT_TRUE(ds.ok()) << ds.status();
  const AggregateQuery q{.as_of = D(2025, 9, 23), .by = {Dimension::kLead}};
  auto r = Aggregate(*ds, q);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->totals.total(), 279u);
  EXPECT_EQ(r->totals[TaskStatus::kOverdue], 10u);
  EXPECT_EQ(r->totals[TaskStatus::kDueSoon], 52u);
  EXPECT_EQ(r->totals[TaskStatus::kInProgress], 217u);
  std::uint64_t sum = 0;
  for (const auto& g : r->groups) sum += g.counts.total();
  EXPECT_GT(sum, r->totals.total());
  // Independent count from the columns: tasks assigned by the day that list each agency.
  std::vector<std::uint8_t> st;
  ClassifyAll(*ds, q.as_of, {}, st);
  const TaskColumns& c = ds->columns();
  std::map<std::string, std::uint64_t> listed;
  for (TaskIndex i = 0; i < ds->task_count(); ++i) {
    if (st[i] == kNotYetAssigned) continue;
    if (c.leads(i).empty()) ++listed["-"];
    for (AgencyIndex lead : c.leads(i)) {
      ++listed[ds->registry().agency(lead).id];
    }
  }
  std::map<std::string, std::uint64_t> grouped;
  for (std::size_t g = 0; g < r->groups.size(); ++g) {
    grouped[r->Label(g, 0).value_or("-")] = r->groups[g].counts.total();
  }
  EXPECT_EQ(grouped, listed);
  EXPECT_GT(grouped.size(), 50u);  // "Các bộ, ngành, địa phương" reaches every agency
  // Grouped by status, the groups are the totals.
  auto s = Aggregate(*ds, {.as_of = q.as_of, .by = {Dimension::kStatus}});
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->groups.size(), 3u);
  EXPECT_EQ(*s->Label(0, 0), "due_soon");  // sorted by name
  EXPECT_EQ(s->groups[0].counts.total(), 52u);
  EXPECT_EQ(*s->Label(1, 0), "in_progress");
  EXPECT_EQ(*s->Label(2, 0), "overdue");
}

}  // namespace
}  // namespace mandate
