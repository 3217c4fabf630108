#include "mandate/aggregate_change.h"

#include <gtest/gtest.h>

#include "aggregate_test_data.h"

namespace mandate {
namespace {

using testdata::D;

std::vector<std::string> Ids(const Dataset& ds, const std::vector<TaskIndex>& v) {
  std::vector<std::string> out;
  for (auto i : v) out.emplace_back(ds.task_id(i));
  return out;
}

TEST(AggregateChange, BetweenTwoMeetings) {
  auto ds = testdata::SmallDataset();
  // 20/7 (the previous meeting) -> 23/9.
  const TaskChange ch = ComputeChange(*ds, D(2025, 7, 20), D(2025, 9, 23));
  EXPECT_EQ(Ids(*ds, ch.newly_assigned), (std::vector<std::string>{"T4"}));
  EXPECT_TRUE(ch.newly_completed.empty());  // T1 and T2 were done before 20/7
  EXPECT_EQ(Ids(*ds, ch.newly_overdue), (std::vector<std::string>{"T3", "T8"}));
  // 1/6 -> 23/9: T1 and T2 completed in between; T4 assigned.
  const TaskChange ch2 = ComputeChange(*ds, D(2025, 6, 1), D(2025, 9, 23));
  EXPECT_EQ(Ids(*ds, ch2.newly_completed), (std::vector<std::string>{"T1", "T2"}));
  EXPECT_EQ(Ids(*ds, ch2.newly_assigned), (std::vector<std::string>{"T4"}));
  // Up to 1/10 T7 is assigned too, and T4 has gone overdue.
  const TaskChange ch3 = ComputeChange(*ds, D(2025, 9, 23), D(2025, 10, 1));
  EXPECT_EQ(Ids(*ds, ch3.newly_assigned), (std::vector<std::string>{"T7"}));
  EXPECT_EQ(Ids(*ds, ch3.newly_overdue), (std::vector<std::string>{"T4"}));
  // The same day twice: nothing changed.
  const TaskChange none = ComputeChange(*ds, D(2025, 9, 23), D(2025, 9, 23));
  EXPECT_TRUE(none.newly_assigned.empty() && none.newly_completed.empty() &&
              none.newly_overdue.empty());
}

TEST(AggregateChange, FromStatusColumns) {
  const std::vector<std::uint8_t> before = {kNotYetAssigned, 4, 2, 2, 3};
  const std::vector<std::uint8_t> after = {2, 0, 1, 2, 2, 4};  // longer: the extra is ignored
  const TaskChange ch = ComputeChange(before, after);
  EXPECT_EQ(ch.newly_assigned, (std::vector<TaskIndex>{0}));
  EXPECT_EQ(ch.newly_completed, (std::vector<TaskIndex>{1, 2}));
  EXPECT_EQ(ch.newly_overdue, (std::vector<TaskIndex>{0, 4}));
}

}  // namespace
}  // namespace mandate
