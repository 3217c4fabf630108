// Where a numeric target (chỉ tiêu) stands as of a day D, nationally and per locality.
//
// Rules (tests/target_status_test.cpp):
// - The figure used is the latest measurement dated at or before D for that locality (""
//   = national); on the same day the later-listed one wins. None: no_data (also after the
//   deadline: an unmeasured target is not judged missed).
// - achievement = (actual - baseline) / (target - baseline); `achievement` is clamped to
//   0..1, `achievement_unclamped` is not. An "at most" target (target below baseline) works
//   mirrored by the same formula. When target == baseline the fraction is 1 if achieved,
//   else 0.
// - achieved: actual >= target (at most: actual <= target), whatever the day.
// - missed: not achieved and D is after the deadline (the deadline day itself still counts).
// - Otherwise against the straight line from (baseline_day, 0) to (deadline, 1): expected =
//   (D - baseline_day) / (deadline - baseline_day) clamped to 0..1. on_track: achievement >=
//   expected; at_risk: below by at most options.tolerance (a fraction of the whole way,
//   default 0.1 = ten points of the way); off_track: further below. No baseline_day: the line
//   starts on 1 January of the deadline's year. No deadline: there is no line to fall behind,
//   so a target not yet achieved is on_track (the reason says why).
#ifndef MANDATE_TARGET_STATUS_H
#define MANDATE_TARGET_STATUS_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mandate/civil_day.h"
#include "mandate/enum_table.h"
#include "mandate/target.h"

namespace mandate {

// Values are stable: C ABI, JSON, reports.
enum class TargetStatus : std::uint8_t {
  kAchieved = 0,
  kOnTrack = 1,
  kAtRisk = 2,
  kOffTrack = 3,
  kMissed = 4,
  kNoData = 5,
};
template <>
struct EnumTable<TargetStatus> {
  static constexpr EnumEntry<TargetStatus> kEntries[] = {
      {TargetStatus::kAchieved, "achieved", "đã đạt", "achieved"},
      {TargetStatus::kOnTrack, "on_track", "đúng tiến độ", "on track"},
      {TargetStatus::kAtRisk, "at_risk", "có nguy cơ chậm", "at risk"},
      {TargetStatus::kOffTrack, "off_track", "chậm tiến độ", "off track"},
      {TargetStatus::kMissed, "missed", "không đạt", "missed"},
      {TargetStatus::kNoData, "no_data", "chưa có số liệu", "no data"},
  };
};
static_assert(EnumTableIsDense<TargetStatus>());

struct TargetOptions {
  double tolerance = 0.1;  // at_risk band below the line, as a fraction of the way (>= 0)
};

struct TargetEvaluation {
  std::string locality;  // "" = national
  TargetStatus status = TargetStatus::kNoData;
  std::optional<Measurement> measurement;  // the figure used
  std::optional<double> achievement;       // clamped to 0..1
  std::optional<double> achievement_unclamped;
  std::optional<double> expected;  // fraction of the way the line asks for at D
  std::optional<Day> line_start;   // baseline_day, or 1 January of the deadline's year
  std::string reason;
};

// One locality ("" = national) of a target as of as_of.
TargetEvaluation EvaluateTarget(const Target& target, Day as_of, std::string_view locality = "",
                                const TargetOptions& options = {});

// The national evaluation (when measured at or before as_of, or when no locality is) and
// one per locality measured at or before as_of, in locality id order.
std::vector<TargetEvaluation> EvaluateTargetLocalities(const Target& target, Day as_of,
                                                       const TargetOptions& options = {});

}  // namespace mandate

#endif
