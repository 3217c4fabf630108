// Incremental updates equal a full recompute.
#include "mandate/aggregate_live.h"

#include <gtest/gtest.h>

#include "aggregate_random_data.h"

namespace mandate {
namespace {

using testdata::D;

void ExpectSameResult(const AggregateResult& live, const AggregateResult& full,
                      const std::string& where) {
  EXPECT_EQ(live.totals, full.totals) << where;
  ASSERT_EQ(live.groups.size(), full.groups.size()) << where;
  const std::size_t nd = full.plan->dimension_count();
  for (std::size_t g = 0; g < full.groups.size(); ++g) {
    for (std::size_t k = 0; k < nd; ++k) {
      ASSERT_EQ(live.Label(g, k), full.Label(g, k)) << where << " group " << g;
    }
    ASSERT_EQ(live.groups[g].counts, full.groups[g].counts) << where << " group " << g;
  }
}

TEST(AggregateLive, AddsAndChangesEqualRecompute) {
  const Day as_of = D(2025, 9, 23);
  std::mt19937 rng(2025);
  for (const AggregateQuery& q : testdata::PropertyQueries(as_of)) {
    Dataset ds;
    std::mt19937 task_rng(7);
    for (int i = 0; i < 200; ++i) ASSERT_TRUE(ds.AddTask(testdata::RandomTask(task_rng, i)).ok());
    auto live = LiveAggregate::Make(ds, q);
    ASSERT_TRUE(live.ok()) << live.status();
    for (int step = 0; step < 400; ++step) {
      const int what = static_cast<int>(rng() % 4);
      if (what == 0) {  // a new task (sometimes with a new category or source)
        auto i = ds.AddTask(testdata::RandomTask(task_rng, 1000 + step));
        ASSERT_TRUE(i.ok());
        ASSERT_TRUE(live->OnTaskAdded(*i).ok());
        continue;
      }
      const auto i = static_cast<TaskIndex>(rng() % ds.task_count());
      TaskEvent e{.day = as_of - date::days{static_cast<int>(rng() % 60)}};
      if (what == 1) {
        e.type = EventType::kCompleted;
      } else if (what == 2) {
        e.type = EventType::kDeadlineChanged;
        e.new_deadline = testdata::DueOn(DeadlineKind::kDate,
                                         as_of + date::days{static_cast<int>(rng() % 90) - 45});
      } else {
        e.type = rng() % 2 ? EventType::kCancelled : EventType::kReopened;
      }
      ASSERT_TRUE(ds.AddEvent(i, e).ok());
      ASSERT_TRUE(live->OnTaskChanged(i).ok());
      if (step % 50 == 49) {
        auto full = Aggregate(ds, q);
        ASSERT_TRUE(full.ok());
        ExpectSameResult(live->Result(), *full, "step " + std::to_string(step));
      }
    }
    auto full = Aggregate(ds, q);
    ASSERT_TRUE(full.ok());
    ExpectSameResult(live->Result(), *full, "end");
    EXPECT_GT(full->totals.total(), 30u);  // windows leave fewer
  }
}

TEST(AggregateLive, CompletingOneTaskMovesOneCount) {
  auto ds = testdata::SmallDataset();
  auto live = LiveAggregate::Make(*ds, {.as_of = testdata::kAsOf, .by = {Dimension::kLead}});
  ASSERT_TRUE(live.ok());
  EXPECT_EQ(live->totals()[TaskStatus::kOverdue], 2u);
  // T3 (BTC, overdue) is completed late.
  ASSERT_TRUE(ds->AddEvent(2, {.day = D(2025, 9, 20), .type = EventType::kCompleted}).ok());
  ASSERT_TRUE(live->OnTaskChanged(2).ok());
  EXPECT_EQ(live->totals()[TaskStatus::kOverdue], 1u);
  EXPECT_EQ(live->totals()[TaskStatus::kCompletedLate], 2u);
  EXPECT_EQ(live->status(2), static_cast<std::uint8_t>(TaskStatus::kCompletedLate));
  const AggregateResult r = live->Result();
  for (std::size_t g = 0; g < r.groups.size(); ++g) {
    if (r.Label(g, 0) == "BTC") {
      EXPECT_EQ(r.groups[g].counts[TaskStatus::kCompletedLate], 2u);
      EXPECT_EQ(r.groups[g].counts[TaskStatus::kOverdue], 0u);
    }
  }
  // Errors: unknown task, out-of-order add, bad status.
  EXPECT_EQ(live->OnTaskChanged(99).code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(live->OnTaskAdded(3).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(live->OnTaskChanged(0, 17).code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace mandate
