// The dimension traits table (src/aggregate_dimensions.cpp): one case per dimension, its groups
// on the small table of aggregate_test_data.h in result order (label or code order, none
// first) with their task counts. AggregateDimensions.EveryDimensionHasACase fails when a row
// of the table has none.
#include "aggregate_dimensions.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "aggregate_test_data.h"
#include "mandate/aggregate.h"

namespace mandate {
namespace {

struct DimensionCase {
  Dimension dim;
  std::string groups;  // "label count, ..." in result order; none is "-"
};

// T1 on time, T2 late, T3 and T8 overdue, T4 due soon, T5 in progress, T6 cancelled; T7 is
// not assigned yet as of kAsOf.
const std::vector<DimensionCase>& Cases() {
  static const auto* cases = new std::vector<DimensionCase>{
      {Dimension::kLead, "- 1, BCA 2, BKHCN 2, BTC 2, HNI 2"},  // T2 and T5 have two leads
      {Dimension::kCoordinator, "- 5, BKHCN 1, BTC 1"},
      {Dimension::kAgencyKind, "- 1, ministry 5, province 2"},  // T2: two ministries, once
      {Dimension::kCategory,
       "- 1, I. Thể chế / 1.1. Luật 1, I. Thể chế / 1.2. Nghị định 1, II. Hạ tầng / 2.1. Số 2, "
       "II. Hạ tầng / 2.2. Dữ liệu 2"},
      {Dimension::kSource, "- 1, S1 2, S2 4"},
      {Dimension::kDueMonth, "2025-06 2, 2025-08 1, 2025-09 2, 2025-10 1, 2025-12 1"},
      {Dimension::kAssignedMonth, "2025-02 1, 2025-03 2, 2025-04 1, 2025-05 2, 2025-08 1"},
      {Dimension::kDeadlineKind, "date 2, month 4, year 1"},
      {Dimension::kStatus,
       "cancelled 1, completed_late 1, completed_on_time 1, due_soon 1, in_progress 1, "
       "overdue 2"},
  };
  return *cases;
}

std::string Groups(const AggregateResult& r) {
  std::string out;
  for (std::size_t g = 0; g < r.groups.size(); ++g) {
    if (g) out += ", ";
    out += r.Label(g, 0).value_or("-") + " " + std::to_string(r.groups[g].counts.total());
  }
  return out;
}

TEST(AggregateDimensions, EachDimensionGroupsTheSmallTable) {
  auto ds = testdata::SmallDataset();
  for (const DimensionCase& c : Cases()) {
    SCOPED_TRACE(std::string(EnumName(c.dim)));
    auto r = Aggregate(*ds, {.as_of = testdata::kAsOf, .by = {c.dim}});
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(Groups(*r), c.groups);
    // The same through the incremental path, one task at a time.
    AggregateState one(r->plan);
    std::vector<std::uint8_t> st;
    ClassifyAll(*ds, testdata::kAsOf, {}, st);
    for (TaskIndex i = 0; i < ds->task_count(); ++i) {
      one.AddTask(i, st[i], TaskDaysAsOf(*ds, i, testdata::kAsOf));
    }
    EXPECT_EQ(Groups(one.Result()), c.groups);
  }
}

TEST(AggregateDimensions, EveryDimensionHasACase) {
  std::set<Dimension> table, covered;
  for (const auto& t : internal::DimensionTraitsTable()) table.insert(t.dim);
  for (const DimensionCase& c : Cases()) covered.insert(c.dim);
  EXPECT_EQ(covered, table);
  EXPECT_EQ(table.size(), EnumCount<Dimension>());
}

TEST(AggregateDimensions, PerTaskRowsAndOnlyThemAddCodes) {
  for (const auto& t : internal::DimensionTraitsTable()) {
    const bool per_task = t.shape == internal::DimensionShape::kPerTask;
    EXPECT_EQ(per_task, t.codes.one != nullptr) << EnumName(t.dim);
    EXPECT_EQ(per_task, t.codes.run != nullptr) << EnumName(t.dim);
  }
}

TEST(AggregateDimensions, NamesComeFromTheEnumTable) {
  EXPECT_EQ(EnumName(Dimension::kAgencyKind), "agency_kind");
  EXPECT_EQ(EnumName(static_cast<Dimension>(kDimensionCount)), "unknown");
  for (const auto& t : internal::DimensionTraitsTable()) {
    EXPECT_EQ(EnumFromName<Dimension>(EnumName(t.dim)), t.dim);
  }
}

}  // namespace
}  // namespace mandate
