// Measures of a group and rankings by any of them (top-N), with deterministic ties.
#ifndef MANDATE_AGGREGATE_RANK_H
#define MANDATE_AGGREGATE_RANK_H

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "mandate/aggregate.h"
#include "mandate/classification.h"
#include "mandate/enum_table.h"

namespace mandate {

// Values are stable. Names: "total", the six status names, "completed", "completion_rate",
// "on_time_rate", "overdue_rate".
enum class Measure : std::uint8_t {
  kTotal = 0,
  kCompletedOnTime = 1,
  kCompletedLate = 2,
  kOverdue = 3,
  kDueSoon = 4,
  kInProgress = 5,
  kCancelled = 6,
  kCompleted = 7,
  kCompletionRate = 8,
  kOnTimeRate = 9,
  kOverdueRate = 10,
};
template <>
struct EnumTable<Measure> {
  // A status's measure is named as the status (TaskStatus's table).
  static constexpr EnumEntry<Measure> kEntries[] = {
      {Measure::kTotal, "total"},
      {Measure::kCompletedOnTime, EnumName(TaskStatus::kCompletedOnTime)},
      {Measure::kCompletedLate, EnumName(TaskStatus::kCompletedLate)},
      {Measure::kOverdue, EnumName(TaskStatus::kOverdue)},
      {Measure::kDueSoon, EnumName(TaskStatus::kDueSoon)},
      {Measure::kInProgress, EnumName(TaskStatus::kInProgress)},
      {Measure::kCancelled, EnumName(TaskStatus::kCancelled)},
      {Measure::kCompleted, "completed"},
      {Measure::kCompletionRate, "completion_rate"},
      {Measure::kOnTimeRate, "on_time_rate"},
      {Measure::kOverdueRate, "overdue_rate"},
  };
};
static_assert(EnumTableIsDense<Measure>());
inline constexpr int kMeasureCount = static_cast<int>(EnumCount<Measure>());
// nullopt for a rate whose denominator is 0 (see StatusCounts).
std::optional<double> MeasureValue(const StatusCounts& counts, Measure m);

struct RankOptions {
  Measure measure = Measure::kTotal;
  bool descending = true;
  std::size_t limit = 0;      // top-N; 0 = every group
  bool include_none = false;  // groups with a "none" key part (no lead agency, ...) rank too
};

// Indices into result.groups, best first. Ties (and undefined rates, which always come last)
// keep key order, so the ranking is the same on every run and every platform.
std::vector<std::size_t> Rank(const AggregateResult& result, const RankOptions& options);

}  // namespace mandate

#endif
