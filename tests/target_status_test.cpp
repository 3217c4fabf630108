#include "mandate/target_status.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mandate {
namespace {

using date::days;
using date::year;
using ::testing::HasSubstr;

// "90% of households with fibre by 31/12/2025", from 50% on 1/1/2025: the line asks for
// half the way (70%) on 2 July 2025 (182 of 364 days).
Target Fibre() {
  Target t;
  t.id = "CT-FIBRE";
  t.name = "Tỷ lệ hộ gia đình có cáp quang";
  t.unit = "%";
  t.baseline = 50;
  t.baseline_day = year{2025} / 1 / 1;
  t.target = 90;
  t.deadline = year{2025} / 12 / 31;
  return t;
}

Measurement M(Day day, double value, std::string locality = "") {
  Measurement m;
  m.day = day;
  m.value = value;
  m.locality = std::move(locality);
  m.source = "Bộ KH&CN";
  return m;
}

const Day kMid = year{2025} / 7 / 2;

TEST(TargetStatusName, RoundTrips) {
  for (int s = 0; s < static_cast<int>(EnumCount<TargetStatus>()); ++s) {
    const auto st = static_cast<TargetStatus>(s);
    EXPECT_EQ(EnumFromName<TargetStatus>(EnumName(st)), st);
  }
  EXPECT_EQ(EnumName(TargetStatus::kAtRisk), "at_risk");
  EXPECT_FALSE(EnumFromName<TargetStatus>("late").has_value());
}

TEST(EvaluateTarget, NoDataUntilMeasured) {
  Target t = Fibre();
  t.measurements = {M(year{2025} / 8 / 1, 80)};
  auto ev = EvaluateTarget(t, kMid);
  EXPECT_EQ(ev.status, TargetStatus::kNoData);
  EXPECT_FALSE(ev.measurement.has_value());
  EXPECT_THAT(ev.reason, HasSubstr("no measurement at or before 2025-07-02"));
  // Unmeasured after the deadline is still no_data, not missed.
  t.measurements.clear();
  EXPECT_EQ(EvaluateTarget(t, year{2026} / 3 / 1).status, TargetStatus::kNoData);
}

TEST(EvaluateTarget, StraightLineWithTolerance) {
  Target t = Fibre();
  // Exactly on the line (70% = half the way on the half-way day): on_track.
  t.measurements = {M(year{2025} / 6 / 30, 70)};
  auto on = EvaluateTarget(t, kMid);
  EXPECT_EQ(on.status, TargetStatus::kOnTrack);
  EXPECT_DOUBLE_EQ(*on.expected, 0.5);
  EXPECT_DOUBLE_EQ(*on.achievement, 0.5);
  EXPECT_EQ(on.measurement->day, year{2025} / 6 / 30);
  // 66% = 0.4 of the way: 0.1 below the line, inside the default tolerance.
  t.measurements = {M(year{2025} / 6 / 30, 66)};
  EXPECT_EQ(EvaluateTarget(t, kMid).status, TargetStatus::kAtRisk);
  // 65% = 0.375: off track; with a tolerance of 0.2 at risk; with 0 even 66% is off track.
  t.measurements = {M(year{2025} / 6 / 30, 65)};
  auto off = EvaluateTarget(t, kMid);
  EXPECT_EQ(off.status, TargetStatus::kOffTrack);
  EXPECT_THAT(off.reason, HasSubstr("asks for 50.0% of the way on 2025-07-02"));
  EXPECT_EQ(EvaluateTarget(t, kMid, "", {.tolerance = 0.2}).status, TargetStatus::kAtRisk);
  t.measurements = {M(year{2025} / 6 / 30, 66)};
  EXPECT_EQ(EvaluateTarget(t, kMid, "", {.tolerance = 0}).status, TargetStatus::kOffTrack);
  // Below the baseline: unclamped negative, clamped 0.
  t.measurements = {M(year{2025} / 6 / 30, 40)};
  auto neg = EvaluateTarget(t, kMid);
  EXPECT_DOUBLE_EQ(*neg.achievement_unclamped, -0.25);
  EXPECT_DOUBLE_EQ(*neg.achievement, 0.0);
  EXPECT_EQ(neg.status, TargetStatus::kOffTrack);
}

TEST(EvaluateTarget, LatestMeasurementAtOrBeforeAsOf) {
  Target t = Fibre();
  t.measurements = {M(year{2025} / 3 / 1, 52), M(year{2025} / 6 / 1, 75), M(kMid, 60),
                    M(year{2025} / 7 / 3, 95)};
  auto ev = EvaluateTarget(t, kMid);
  EXPECT_EQ(ev.measurement->value, 60);  // the figure of the as-of day counts
  EXPECT_EQ(EvaluateTarget(t, kMid - days{1}).measurement->value, 75);
  EXPECT_EQ(EvaluateTarget(t, kMid + days{1}).status, TargetStatus::kAchieved);
}

TEST(EvaluateTarget, AchievedAndMissed) {
  Target t = Fibre();
  t.measurements = {M(year{2025} / 11 / 1, 91)};
  auto a = EvaluateTarget(t, year{2025} / 11 / 2);
  EXPECT_EQ(a.status, TargetStatus::kAchieved);
  EXPECT_DOUBLE_EQ(*a.achievement, 1.0);
  EXPECT_NEAR(*a.achievement_unclamped, 41.0 / 40.0, 1e-12);
  EXPECT_EQ(EvaluateTarget(t, year{2026} / 6 / 1).status, TargetStatus::kAchieved);
  // Not achieved: on the deadline day the line asks for everything; the day after, missed.
  t.measurements = {M(year{2025} / 12 / 31, 89)};
  EXPECT_EQ(EvaluateTarget(t, year{2025} / 12 / 31).status, TargetStatus::kAtRisk);
  auto m = EvaluateTarget(t, year{2026} / 1 / 1);
  EXPECT_EQ(m.status, TargetStatus::kMissed);
  EXPECT_THAT(m.reason, HasSubstr("deadline has passed"));
  // Exactly the target counts as achieved.
  t.measurements = {M(year{2025} / 12 / 31, 90)};
  EXPECT_EQ(EvaluateTarget(t, year{2026} / 1 / 1).status, TargetStatus::kAchieved);
}

TEST(EvaluateTarget, AtMostIsMirrored) {
  // "Reduce the share of paper dossiers from 60% to at most 20% by 31/12/2025."
  Target t;
  t.id = "CT-PAPER";
  t.direction = TargetDirection::kAtMost;
  t.baseline = 60;
  t.baseline_day = year{2025} / 1 / 1;
  t.target = 20;
  t.deadline = year{2025} / 12 / 31;
  t.measurements = {M(year{2025} / 6 / 30, 40)};  // half the way down
  auto on = EvaluateTarget(t, kMid);
  EXPECT_EQ(on.status, TargetStatus::kOnTrack);
  EXPECT_DOUBLE_EQ(*on.achievement, 0.5);
  t.measurements = {M(year{2025} / 6 / 30, 44)};  // 0.4 of the way
  EXPECT_EQ(EvaluateTarget(t, kMid).status, TargetStatus::kAtRisk);
  t.measurements = {M(year{2025} / 6 / 30, 50)};  // 0.25
  EXPECT_EQ(EvaluateTarget(t, kMid).status, TargetStatus::kOffTrack);
  t.measurements = {M(year{2025} / 6 / 30, 70)};  // worse than the baseline
  auto worse = EvaluateTarget(t, kMid);
  EXPECT_DOUBLE_EQ(*worse.achievement_unclamped, -0.25);
  t.measurements = {M(year{2025} / 6 / 30, 19.5)};
  EXPECT_EQ(EvaluateTarget(t, kMid).status, TargetStatus::kAchieved);
  t.measurements = {M(year{2025} / 12 / 1, 21)};
  EXPECT_EQ(EvaluateTarget(t, year{2026} / 1 / 1).status, TargetStatus::kMissed);
  EXPECT_THAT(EvaluateTarget(t, year{2026} / 1 / 1).reason, HasSubstr("target at most 20"));
}

TEST(EvaluateTarget, MissingLineEnds) {
  Target t = Fibre();
  t.baseline_day.reset();  // the line starts on 1/1 of the deadline's year
  t.measurements = {M(year{2025} / 6 / 30, 70)};
  auto ev = EvaluateTarget(t, kMid);
  EXPECT_EQ(ev.line_start, year{2025} / 1 / 1);
  EXPECT_EQ(ev.status, TargetStatus::kOnTrack);
  t.deadline.reset();
  t.measurements = {M(year{2025} / 6 / 30, 55)};
  auto open = EvaluateTarget(t, year{2030} / 1 / 1);
  EXPECT_EQ(open.status, TargetStatus::kOnTrack);
  EXPECT_THAT(open.reason, HasSubstr("no deadline"));
  EXPECT_FALSE(open.expected.has_value());
  // target == baseline: achieved or nothing of the way.
  Target flat = Fibre();
  flat.target = flat.baseline;
  flat.measurements = {M(year{2025} / 6 / 30, 49)};
  auto f = EvaluateTarget(flat, kMid);
  EXPECT_DOUBLE_EQ(*f.achievement, 0.0);
  EXPECT_EQ(f.status, TargetStatus::kOffTrack);
  flat.measurements = {M(year{2025} / 6 / 30, 50)};
  EXPECT_EQ(EvaluateTarget(flat, kMid).status, TargetStatus::kAchieved);
}

TEST(EvaluateTargetLocalities, OnePerLocalityMeasured) {
  Target t = Fibre();
  t.family = "commune-criteria";
  t.measurements = {M(year{2025} / 6 / 1, 92, "HNI"), M(year{2025} / 6 / 1, 60, "DBN"),
                    M(year{2025} / 6 / 15, 67, "CTO"), M(year{2025} / 8 / 1, 80, "QNH")};
  auto evs = EvaluateTargetLocalities(t, kMid);
  ASSERT_EQ(evs.size(), 3u);  // no national figure; QNH not measured yet
  EXPECT_EQ(evs[0].locality, "CTO");
  EXPECT_EQ(evs[0].status, TargetStatus::kAtRisk);
  EXPECT_EQ(evs[1].locality, "DBN");
  EXPECT_EQ(evs[1].status, TargetStatus::kOffTrack);
  EXPECT_EQ(evs[2].locality, "HNI");
  EXPECT_EQ(evs[2].status, TargetStatus::kAchieved);
  EXPECT_THAT(evs[2].reason, HasSubstr("in HNI"));
  // With a national figure it comes first.
  t.measurements.push_back(M(year{2025} / 7 / 1, 71));
  evs = EvaluateTargetLocalities(t, kMid);
  ASSERT_EQ(evs.size(), 4u);
  EXPECT_EQ(evs[0].locality, "");
  EXPECT_EQ(evs[0].status, TargetStatus::kOnTrack);
  // Nothing measured: one national no_data row.
  t.measurements.clear();
  evs = EvaluateTargetLocalities(t, kMid);
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].status, TargetStatus::kNoData);
}

}  // namespace
}  // namespace mandate
