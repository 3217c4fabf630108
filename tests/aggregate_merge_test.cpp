// Partial aggregates merge exactly: two halves (or any split) merged == the whole.
#include <gtest/gtest.h>

#include "aggregate_random_data.h"
#include "mandate/aggregate.h"

namespace mandate {
namespace {

using testdata::D;

TEST(AggregateMerge, HalvesMergedEqualTheWhole) {
  auto ds = testdata::RandomDataset(3000, 57);
  const Day as_of = D(2025, 9, 23);
  std::vector<std::uint8_t> st;
  ClassifyAll(*ds, as_of, {}, st);
  const auto n = static_cast<TaskIndex>(ds->task_count());
  int checked = 0;
  for (const AggregateQuery& q : testdata::PropertyQueries(as_of)) {
    auto plan = AggregatePlan::Make(*ds, q);
    ASSERT_TRUE(plan.ok()) << plan.status();
    AggregateState whole(*plan), a(*plan), b(*plan);
    whole.AddRange(st, 0, n);
    a.AddRange(st, 0, n / 2);
    b.AddRange(st, n / 2, n);
    EXPECT_FALSE(a == whole);
    ASSERT_TRUE(a.Merge(b).ok());
    EXPECT_TRUE(a == whole) << "query " << checked;
    // Uneven three-way split, merged in another order.
    AggregateState x(*plan), y(*plan), z(*plan);
    x.AddRange(st, 0, 7);
    y.AddRange(st, 7, 1999);
    z.AddRange(st, 1999, n);
    ASSERT_TRUE(z.Merge(x).ok());
    ASSERT_TRUE(z.Merge(y).ok());
    EXPECT_TRUE(z == whole) << "query " << checked;
    EXPECT_GT(whole.totals().total(), 300u);  // windows leave fewer
    ++checked;
  }
  EXPECT_EQ(checked, 7);
}

TEST(AggregateMerge, StatesOfDifferentPlansDoNotMerge) {
  auto ds = testdata::SmallDataset();
  auto p1 = AggregatePlan::Make(*ds, {.as_of = testdata::kAsOf, .by = {Dimension::kLead}});
  auto p2 = AggregatePlan::Make(*ds, {.as_of = testdata::kAsOf, .by = {Dimension::kStatus}});
  ASSERT_TRUE(p1.ok() && p2.ok());
  AggregateState a(*p1), b(*p2);
  const absl::Status s = a.Merge(b);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace mandate
