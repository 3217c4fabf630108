// The fused lead/status kernel (src/aggregate_lead_status.cpp) against the two-step path it
// replaces (ClassifyAll, then counting the status column): equal groups and totals on the
// bundled plan (recurring tasks, occurrence tracking, milestones), on the benchmark workload
// (several leads, deadline changes) and on random datasets with every kind of history, for
// each grouping it serves, with and without an assigned window, on 1 to 3 threads.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "aggregate_random_data.h"
#include "bundled_plan.h"
#include "generate.h"
#include "mandate/aggregate.h"
#include "mandate/classification.h"

namespace mandate {
namespace {

using testdata::D;

// Aggregate() as one call (fused when it applies) vs the status column path.
void ExpectSameAsTwoStep(const Dataset& ds, const AggregateQuery& q, int threads) {
  SCOPED_TRACE(::testing::Message() << "threads " << threads << ", as of " << FormatIsoDay(q.as_of)
                                    << ", window " << q.assigned.active());
  auto plan = AggregatePlan::Make(ds, q);
  ASSERT_TRUE(plan.ok()) << plan.status();
  AggregateState fused(*plan);
  ASSERT_TRUE(fused.AddAllFused(threads)) << "the plan should take the fused pass";
  std::vector<std::uint8_t> status;
  ClassifyAll(ds, q.as_of, q.classify, status);
  AggregateState two_step(*plan);
  two_step.AddRange(status, 0, static_cast<TaskIndex>(ds.task_count()));
  EXPECT_EQ(fused.totals(), two_step.totals());
  EXPECT_TRUE(fused == two_step);
  auto whole = Aggregate(ds, q, threads);
  ASSERT_TRUE(whole.ok()) << whole.status();
  const AggregateResult expected = two_step.Result();
  ASSERT_EQ(whole->groups.size(), expected.groups.size());
  for (std::size_t g = 0; g < expected.groups.size(); ++g) {
    EXPECT_EQ(whole->groups[g].code, expected.groups[g].code);
    EXPECT_EQ(whole->groups[g].counts, expected.groups[g].counts);
  }
}

void ExpectAllGroupings(const Dataset& ds, Day as_of, std::optional<DayWindow> window = {}) {
  const std::vector<std::vector<Dimension>> groupings = {{Dimension::kLead, Dimension::kStatus},
                                                         {Dimension::kStatus, Dimension::kLead},
                                                         {Dimension::kLead},
                                                         {Dimension::kStatus},
                                                         {}};
  for (const auto& by : groupings) {
    AggregateQuery q{.as_of = as_of, .by = by};
    if (window) q.assigned = *window;
    for (int threads : {1, 2, 3}) ExpectSameAsTwoStep(ds, q, threads);
  }
}

TEST(AggregateFused, BundledPlanEveryGroupingAndDay) {
  const Dataset& ds = testing::BundledPlan();
  for (Day d : {D(2025, 3, 1), D(2025, 9, 23), D(2025, 12, 31), D(2026, 6, 30)}) {
    ExpectAllGroupings(ds, d);
    ExpectAllGroupings(ds, d, DayWindow{D(2025, 4, 1), D(2025, 9, 30)});
  }
}

TEST(AggregateFused, BundledPlanFigures) {
  // The report's figures (README, docs/report.md) through the fused pass.
  AggregateQuery q{.as_of = D(2025, 9, 23), .by = {Dimension::kStatus}};
  auto r = Aggregate(testing::BundledPlan(), q, 2);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->totals.total(), 279u);
  EXPECT_EQ(r->totals[TaskStatus::kOverdue], 10u);
  EXPECT_EQ(r->totals[TaskStatus::kDueSoon], 52u);
  EXPECT_EQ(r->totals[TaskStatus::kInProgress], 217u);
}

TEST(AggregateFused, BenchmarkWorkload) {
  auto ds = bench::GenerateDataset({.n = 20000});
  ASSERT_TRUE(ds.ok()) << ds.status();
  ExpectAllGroupings(*ds, D(2025, 9, 23));
  ExpectAllGroupings(*ds, D(2025, 9, 23), DayWindow{D(2025, 1, 1), D(2025, 6, 30)});
  ClassifyOptions soon_zero;
  soon_zero.soon_days = 0;
  AggregateQuery q{.as_of = D(2025, 5, 5), .by = {Dimension::kLead, Dimension::kStatus}};
  q.classify = soon_zero;
  ExpectSameAsTwoStep(*ds, q, 2);
}

TEST(AggregateFused, RandomDatasetsWithHistory) {
  for (unsigned seed : {1u, 2u, 3u}) {
    auto ds = testdata::RandomDataset(3000, seed);
    for (Day d : {D(2025, 2, 1), D(2025, 7, 15), D(2026, 1, 1)}) {
      ExpectAllGroupings(*ds, d);
      ExpectAllGroupings(*ds, d, DayWindow{D(2025, 3, 1), std::nullopt});
    }
    AggregateQuery baseline{.as_of = D(2025, 7, 15), .by = {Dimension::kLead, Dimension::kStatus}};
    baseline.classify.baseline = true;
    ExpectSameAsTwoStep(*ds, baseline, 2);
  }
}

// Every list length the multi-lead pass handles: one to three extra leads without a branch
// (a spare row for the missing ones), more through its loop; tasks without a lead; windows that
// skip some tasks (their extra leads go to the dropped column).
TEST(AggregateFused, EveryNumberOfLeads) {
  const std::vector<std::string> ids = {"BKHCN", "BTC", "BCA", "BGDDT", "BNNMT", "BQP",
                                        "BYT",   "BXD", "BNV", "BTP",   "BCT",   "BNG"};
  Dataset ds;
  std::mt19937 rng(20);
  for (int i = 0; i < 4000; ++i) {
    Task t;
    t.id = "L-" + std::to_string(100000 + i);
    const std::size_t leads = static_cast<std::size_t>(i % 13);  // 0..12
    std::vector<std::string> pool = ids;
    std::shuffle(pool.begin(), pool.end(), rng);
    t.lead.assign(pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(leads));
    t.assigned = D(2025, 1, 1) + date::days{static_cast<int>(rng() % 300)};
    t.deadline = Deadline{.kind = DeadlineKind::kDate,
                          .text = "hạn",
                          .due = *t.assigned + date::days{static_cast<int>(rng() % 200)}};
    if (rng() % 3 == 0) {
      t.history = {{.day = *t.assigned + date::days{static_cast<int>(rng() % 250)},
                    .type = EventType::kCompleted}};
    }
    ASSERT_TRUE(ds.AddTask(t).ok()) << i;
  }
  ExpectAllGroupings(ds, D(2025, 8, 1));
  ExpectAllGroupings(ds, D(2025, 8, 1), DayWindow{D(2025, 3, 1), D(2025, 6, 30)});
}

TEST(AggregateFused, OtherGroupingsDoNotTakeIt) {
  const Dataset& ds = testing::BundledPlan();
  for (const AggregateQuery& q :
       {AggregateQuery{.as_of = D(2025, 9, 23), .by = {Dimension::kCoordinator}},
        AggregateQuery{.as_of = D(2025, 9, 23), .by = {Dimension::kLead, Dimension::kCategory}},
        AggregateQuery{.as_of = D(2025, 9, 23),
        .by = {Dimension::kLead},
        .completed = DayWindow{D(2025, 1, 1), D(2025, 9, 23)}}}) {
    auto plan = AggregatePlan::Make(ds, q);
    ASSERT_TRUE(plan.ok());
    AggregateState state(*plan);
    EXPECT_FALSE(state.AddAllFused(2));
    EXPECT_EQ(state.totals().total(), 0u);
  }
}

}  // namespace
}  // namespace mandate
