#include "mandate/aggregate_lists.h"

#include <gtest/gtest.h>

#include "aggregate_test_data.h"

namespace mandate {
namespace {

using testdata::D;
using testdata::kAsOf;

std::vector<std::string> Ids(const Dataset& ds, const TaskGroupList& g) {
  std::vector<std::string> out;
  for (const auto& t : g.tasks) out.emplace_back(ds.task_id(t.task));
  return out;
}

TEST(AggregateLists, OverdueByCategoryAndAgency) {
  auto ds = testdata::SmallDataset();
  // One more overdue task under T3's category, overdue longer, with two leads.
  ASSERT_TRUE(
      ds->AddTask(testdata::MakeTask("T9", {"BTC", "HNI"}, {}, D(2025, 1, 1), D(2025, 7, 31),
                                     std::nullopt, "II. Hạ tầng / 2.3. Mạng", "S2"))
          .ok());
  std::vector<std::uint8_t> st;
  ClassifyAll(*ds, kAsOf, {}, st);
  const auto cat = OverdueByCategory(*ds, st, {.as_of = kAsOf, .category_level = 1});
  ASSERT_EQ(cat.size(), 2u);
  EXPECT_EQ(cat[0].key, "II. Hạ tầng");
  EXPECT_EQ(Ids(*ds, cat[0]), (std::vector<std::string>{"T9", "T3"}));  // most overdue first
  EXPECT_EQ(cat[0].tasks[0].days, 54);                                  // 31/7 -> 23/9
  EXPECT_EQ(cat[0].tasks[1].days, 23);                                  // 31/8 -> 23/9
  EXPECT_EQ(cat[0].tasks[1].due, D(2025, 8, 31));
  EXPECT_FALSE(cat[1].key.has_value());  // T8 has no category: last
  EXPECT_EQ(Ids(*ds, cat[1]), (std::vector<std::string>{"T8"}));

  const auto ag = OverdueByAgency(*ds, st, {.as_of = kAsOf});
  ASSERT_EQ(ag.size(), 3u);
  EXPECT_EQ(ag[0].key, "BTC");  // two tasks
  EXPECT_EQ(Ids(*ds, ag[0]), (std::vector<std::string>{"T9", "T3"}));
  EXPECT_EQ(ag[1].key, "HNI");
  EXPECT_EQ(ds->registry().agency(*ag[1].agency).id, "HNI");
  EXPECT_FALSE(ag[2].key.has_value());
}

TEST(AggregateLists, DueWithinWindowByCategory) {
  auto ds = testdata::SmallDataset();
  std::vector<std::uint8_t> st;
  ClassifyAll(*ds, kAsOf, {}, st);
  // 40 days: T4 (25/9) only; T6 is cancelled; T5 is due 31/12.
  auto due = DueWithinByCategory(*ds, st, {.as_of = kAsOf}, 40);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].key, "II. Hạ tầng / 2.1. Số");
  EXPECT_EQ(Ids(*ds, due[0]), (std::vector<std::string>{"T4"}));
  EXPECT_EQ(due[0].tasks[0].days, 2);
  // 100 days: T5 as well, later in the list of another category.
  due = DueWithinByCategory(*ds, st, {.as_of = kAsOf, .category_level = 1}, 100);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(Ids(*ds, due[0]), (std::vector<std::string>{"T4", "T5"}));
  EXPECT_TRUE(DueWithinByCategory(*ds, st, {.as_of = kAsOf}, 1).empty());
}

}  // namespace
}  // namespace mandate
