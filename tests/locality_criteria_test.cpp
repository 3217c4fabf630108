#include "mandate/locality_criteria.h"

#include <gtest/gtest.h>

#include "aggregate_test_data.h"

namespace mandate {
namespace {

using testdata::D;

Target Criterion(std::string id, TargetDirection dir, double target,
                 std::vector<std::tuple<std::string, Day, double>> ms) {
  Target t;
  t.id = std::move(id);
  t.name = "Tiêu chí " + t.id;
  t.unit = "%";
  t.direction = dir;
  t.baseline = dir == TargetDirection::kAtLeast ? 0 : 100;
  t.target = target;
  t.deadline = D(2025, 12, 31);
  t.family = "commune-criteria";
  for (auto& [loc, day, v] : ms)
    t.measurements.push_back({.day = day, .value = v, .locality = loc});
  return t;
}

// Three criteria over three provinces, as of 23/9:
//   C1 (>= 100): HNI 100, HCM 100, DNG 100 (DNG's 100 dated 1/10 is after the day: 90)
//   C2 (>= 100): HNI 100, HCM 98, DNG 100; national 99.6
//   C3 (<= 5, at most): HNI 2, HCM 4, DNG 9 -> mean 5
std::unique_ptr<Dataset> CriteriaDataset() {
  auto ds = std::make_unique<Dataset>();
  const Day a = D(2025, 9, 1);
  EXPECT_TRUE(
      ds
          ->AddTarget(Criterion(
              "C1", TargetDirection::kAtLeast, 100,
              {{"HNI", a, 100}, {"HCM", a, 100}, {"DNG", a, 90}, {"DNG", D(2025, 10, 1), 100}}))
          .ok());
  EXPECT_TRUE(
      ds->AddTarget(Criterion("C2", TargetDirection::kAtLeast, 100,
                              {{"HNI", a, 100}, {"HCM", a, 98}, {"DNG", a, 100}, {"", a, 99.6}}))
          .ok());
  EXPECT_TRUE(ds->AddTarget(Criterion("C3", TargetDirection::kAtMost, 5,
                                      {{"HNI", a, 2}, {"HCM", a, 4}, {"DNG", a, 9}}))
                  .ok());
  Target other = Criterion("X", TargetDirection::kAtLeast, 100, {{"HNI", a, 1}});
  other.family = "other";
  EXPECT_TRUE(ds->AddTarget(other).ok());
  return ds;
}

TEST(LocalityCriteria, CountsThresholdsAndWeakest) {
  auto ds = CriteriaDataset();
  auto s = SummarizeLocalityCriteria(
      *ds, {.family = "commune-criteria", .as_of = D(2025, 9, 23), .threshold = 95});
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_EQ(s->criteria.size(), 3u);
  ASSERT_EQ(s->localities.size(), 3u);
  // National: C1 mean 96.67 > 95; C2 measured 99.6 > 95; C3 mean 5 is not below 95? It is:
  // at-most criteria exceed when below the threshold.
  EXPECT_EQ(s->criteria_exceeding, 3);
  // HNI meets all three; HCM misses C2; DNG misses C1 (90 as of the day) and C3.
  EXPECT_EQ(s->localities_meeting_all, 1);
  EXPECT_EQ(s->localities[0].locality, "DNG");
  EXPECT_EQ(s->localities[0].criteria_met, 1);
  EXPECT_EQ(s->localities[1].locality, "HCM");
  EXPECT_EQ(s->localities[2].locality, "HNI");
  EXPECT_TRUE(s->localities[2].meets_all);
  EXPECT_DOUBLE_EQ(s->localities[2].mean_achievement, 1.0);
  // Weakest criteria: fewest localities met (2 each for C1 and C2, 2 for C3) then national.
  for (const auto& c : s->criteria) EXPECT_EQ(c.localities_met, 2) << c.target_id;
  EXPECT_EQ(s->criteria[0].target_id, "C3");  // -5 is the weakest strength
  EXPECT_EQ(s->criteria[1].target_id, "C1");  // 96.67
  EXPECT_EQ(s->criteria[2].target_id, "C2");  // 99.6
  EXPECT_TRUE(s->criteria[2].national_measured);
  EXPECT_FALSE(s->criteria[1].national_measured);
  EXPECT_NEAR(*s->criteria[1].national, 290.0 / 3, 1e-9);

  // A stricter threshold: only C2 and C3 (5 < 97) pass.
  s = SummarizeLocalityCriteria(
      *ds, {.family = "commune-criteria", .as_of = D(2025, 9, 23), .threshold = 97});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->criteria_exceeding, 2);
  // Later, DNG's C1 reaches 100.
  s = SummarizeLocalityCriteria(*ds, {.family = "commune-criteria", .as_of = D(2025, 10, 2)});
  ASSERT_TRUE(s.ok());
  // DNG and HCM both meet 2 now; DNG's miss (C3 at 9: 91/95 of the way) is further off
  // than HCM's (C2 at 98), so DNG stays the weakest.
  EXPECT_EQ(s->localities[0].locality, "DNG");
  EXPECT_EQ(s->localities[0].criteria_met, 2);
  EXPECT_EQ(s->localities[1].locality, "HCM");
  EXPECT_EQ(s->localities[1].criteria_met, 2);
  EXPECT_LT(s->localities[0].mean_achievement, s->localities[1].mean_achievement);
}

TEST(LocalityCriteria, ExplicitLocalitiesAndErrors) {
  auto ds = CriteriaDataset();
  auto s = SummarizeLocalityCriteria(
      *ds, {.family = "commune-criteria", .as_of = D(2025, 9, 23), .localities = {"HNI", "HPG"}});
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->localities.size(), 2u);
  EXPECT_EQ(s->localities[0].locality, "HPG");  // unmeasured: meets nothing
  EXPECT_EQ(s->localities[0].criteria_measured, 0);
  EXPECT_EQ(s->localities_meeting_all, 1);
  EXPECT_EQ(
      SummarizeLocalityCriteria(*ds, {.family = "nope", .as_of = D(2025, 9, 23)}).status().code(),
      absl::StatusCode::kNotFound);
  EXPECT_EQ(SummarizeLocalityCriteria(
                *ds, {.family = "commune-criteria", .as_of = D(2025, 9, 23), .localities = {"ZZZ"}})
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  // Before any measurement: no locality, nothing exceeds.
  s = SummarizeLocalityCriteria(*ds, {.family = "commune-criteria", .as_of = D(2025, 1, 1)});
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->localities.empty());
  EXPECT_EQ(s->criteria_exceeding, 0);
}

}  // namespace
}  // namespace mandate
