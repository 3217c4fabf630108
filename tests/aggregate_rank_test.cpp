#include "mandate/aggregate_rank.h"

#include <gtest/gtest.h>

#include "aggregate_test_data.h"

namespace mandate {
namespace {

using testdata::kAsOf;

std::vector<std::string> Labels(const AggregateResult& r, const std::vector<std::size_t>& idx) {
  std::vector<std::string> out;
  for (auto g : idx) out.push_back(r.Label(g, 0).value_or("-"));
  return out;
}

TEST(AggregateRank, TopNByTotalBreaksTiesByKey) {
  auto ds = testdata::SmallDataset();
  auto r = Aggregate(*ds, {.as_of = kAsOf, .by = {Dimension::kLead}});
  ASSERT_TRUE(r.ok());
  // Every agency has 2 tasks: key order decides; the no-lead group is left out.
  EXPECT_EQ(Labels(*r, Rank(*r, {.measure = Measure::kTotal})),
            (std::vector<std::string>{"BCA", "BKHCN", "BTC", "HNI"}));
  EXPECT_EQ(Labels(*r, Rank(*r, {.measure = Measure::kTotal, .limit = 2})),
            (std::vector<std::string>{"BCA", "BKHCN"}));
  EXPECT_EQ(Labels(*r, Rank(*r, {.measure = Measure::kOverdue, .include_none = true})),
            (std::vector<std::string>{"-", "BTC", "BCA", "BKHCN", "HNI"}));
  EXPECT_EQ(Labels(*r, Rank(*r, {.measure = Measure::kCompleted, .limit = 1})),
            (std::vector<std::string>{"BKHCN"}));
}

TEST(AggregateRank, RatesAscendingUndefinedLast) {
  auto ds = testdata::SmallDataset();
  auto r = Aggregate(*ds, {.as_of = kAsOf, .by = {Dimension::kLead}});
  ASSERT_TRUE(r.ok());
  // on-time rate: BKHCN 1/2, BTC 0/1, BCA and HNI completed nothing (undefined, last).
  EXPECT_EQ(Labels(*r, Rank(*r, {.measure = Measure::kOnTimeRate, .descending = false})),
            (std::vector<std::string>{"BTC", "BKHCN", "BCA", "HNI"}));
  EXPECT_EQ(Labels(*r, Rank(*r, {.measure = Measure::kOnTimeRate})),
            (std::vector<std::string>{"BKHCN", "BTC", "BCA", "HNI"}));
  // completion rate: BCA's cancelled task is outside the rate: 0/1.
  EXPECT_DOUBLE_EQ(*MeasureValue(r->groups[1].counts, Measure::kCompletionRate), 0.0);
  EXPECT_EQ(Labels(*r, Rank(*r, {.measure = Measure::kCompletionRate})),
            (std::vector<std::string>{"BKHCN", "BTC", "BCA", "HNI"}));
  EXPECT_EQ(Labels(*r, Rank(*r, {.measure = Measure::kOverdueRate})),
            (std::vector<std::string>{"BTC", "BCA", "BKHCN", "HNI"}));
}

TEST(AggregateRank, MeasureNamesRoundTrip) {
  for (int m = 0; m < kMeasureCount; ++m) {
    EXPECT_EQ(EnumFromName<Measure>(EnumName(static_cast<Measure>(m))), static_cast<Measure>(m));
  }
  EXPECT_FALSE(EnumFromName<Measure>("tasks").has_value());
  const StatusCounts c{{1, 2, 3, 4, 5, 6}};
  EXPECT_EQ(*MeasureValue(c, Measure::kDueSoon), 4);
  EXPECT_EQ(*MeasureValue(c, Measure::kCancelled), 6);
  EXPECT_EQ(*MeasureValue(c, Measure::kCompleted), 3);
  EXPECT_EQ(*MeasureValue(c, Measure::kTotal), 21);
}

}  // namespace
}  // namespace mandate
