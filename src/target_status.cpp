#include "mandate/target_status.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "absl/strings/str_format.h"

namespace mandate {
namespace {

// Comparisons of fractions tolerate rounding: a figure exactly on the line is on it.
constexpr double kEps = 1e-9;

std::string Num(double v) { return absl::StrFormat("%.6g", v); }

}  // namespace

TargetEvaluation EvaluateTarget(const Target& t, Day as_of, std::string_view locality,
                                const TargetOptions& options) {
  TargetEvaluation ev;
  ev.locality = std::string(locality);
  for (const Measurement& m : t.measurements) {
    if (m.locality != locality || m.day > as_of) continue;
    if (!ev.measurement || m.day >= ev.measurement->day) ev.measurement = m;
  }
  const std::string where = locality.empty() ? "" : absl::StrFormat(" in %s", locality);
  if (!ev.measurement) {
    ev.status = TargetStatus::kNoData;
    ev.reason = absl::StrFormat("no measurement%s at or before %s", where, FormatIsoDay(as_of));
    return ev;
  }
  const double actual = ev.measurement->value;
  const bool at_most = t.direction == TargetDirection::kAtMost;
  const bool achieved = at_most ? actual <= t.target : actual >= t.target;
  const double span = t.target - t.baseline;
  const double frac = span == 0 ? (achieved ? 1.0 : 0.0) : (actual - t.baseline) / span;
  if (std::isfinite(frac)) {
    ev.achievement_unclamped = frac;
    ev.achievement = std::clamp(frac, 0.0, 1.0);
  }
  const std::string figure = absl::StrFormat(
      "%s%s on %s%s (baseline %s, target %s %s%s)", Num(actual), t.unit.empty() ? "" : " " + t.unit,
      FormatIsoDay(ev.measurement->day), where, Num(t.baseline), at_most ? "at most" : "at least",
      Num(t.target), t.deadline ? " by " + FormatIsoDay(*t.deadline) : "");
  const std::string pct =
      ev.achievement_unclamped ? absl::StrFormat(", %.1f%% of the way", 100 * frac) : "";
  if (achieved) {
    ev.status = TargetStatus::kAchieved;
    ev.reason = absl::StrFormat("achieved: %s%s", figure, pct);
    return ev;
  }
  if (t.deadline && as_of > *t.deadline) {
    ev.status = TargetStatus::kMissed;
    ev.reason = absl::StrFormat("missed: the deadline has passed and the latest figure is %s%s",
                                figure, pct);
    return ev;
  }
  if (!t.deadline) {
    ev.status = TargetStatus::kOnTrack;
    ev.reason =
        absl::StrFormat("on_track: no deadline, so no line to fall behind; %s%s", figure, pct);
    return ev;
  }
  ev.line_start = t.baseline_day
                      ? *t.baseline_day
                      : Day{date::year_month_day{*t.deadline}.year() / date::January / 1};
  const double total = static_cast<double>((*t.deadline - *ev.line_start).count());
  const double elapsed = static_cast<double>((as_of - *ev.line_start).count());
  const double expected = total <= 0 ? 1.0 : std::clamp(elapsed / total, 0.0, 1.0);
  ev.expected = expected;
  const double tolerance = std::max(0.0, options.tolerance);
  const double gap = expected - (ev.achievement_unclamped ? frac : 0.0);
  if (gap <= kEps) {
    ev.status = TargetStatus::kOnTrack;
  } else if (gap <= tolerance + kEps) {
    ev.status = TargetStatus::kAtRisk;
  } else {
    ev.status = TargetStatus::kOffTrack;
  }
  ev.reason = absl::StrFormat(
      "%s: %s%s; the straight line from %s to %s asks for %.1f%% of the way on %s "
      "(tolerance %.1f points)",
      EnumName(ev.status), figure, pct, FormatIsoDay(*ev.line_start), FormatIsoDay(*t.deadline),
      100 * expected, FormatIsoDay(as_of), 100 * tolerance);
  return ev;
}

std::vector<TargetEvaluation> EvaluateTargetLocalities(const Target& t, Day as_of,
                                                       const TargetOptions& options) {
  std::vector<std::string> localities;
  bool national = false;
  for (const Measurement& m : t.measurements) {
    if (m.day > as_of) continue;
    if (m.locality.empty()) {
      national = true;
    } else {
      localities.push_back(m.locality);
    }
  }
  std::sort(localities.begin(), localities.end());
  localities.erase(std::unique(localities.begin(), localities.end()), localities.end());
  std::vector<TargetEvaluation> out;
  out.reserve(localities.size() + 1);
  if (national || localities.empty()) out.push_back(EvaluateTarget(t, as_of, "", options));
  for (const auto& loc : localities) out.push_back(EvaluateTarget(t, as_of, loc, options));
  return out;
}

}  // namespace mandate
