#include "mandate/aggregate_rank.h"

#include <algorithm>

namespace mandate {
std::optional<double> MeasureValue(const StatusCounts& c, Measure m) {
  switch (m) {
    case Measure::kTotal:
      return static_cast<double>(c.total());
    case Measure::kCompletedOnTime:
    case Measure::kCompletedLate:
    case Measure::kOverdue:
    case Measure::kDueSoon:
    case Measure::kInProgress:
    case Measure::kCancelled:
      return static_cast<double>(c.n[static_cast<int>(m) - 1]);
    case Measure::kCompleted:
      return static_cast<double>(c.completed());
    case Measure::kCompletionRate:
      return c.completion_rate();
    case Measure::kOnTimeRate:
      return c.on_time_rate();
    case Measure::kOverdueRate:
      return c.overdue_rate();
  }
  return std::nullopt;
}

std::vector<std::size_t> Rank(const AggregateResult& result, const RankOptions& options) {
  struct Entry {
    std::size_t group;
    std::optional<double> value;
  };
  std::vector<Entry> entries;
  entries.reserve(result.groups.size());
  const std::size_t nd = result.plan ? result.plan->dimension_count() : 0;
  for (std::size_t g = 0; g < result.groups.size(); ++g) {
    bool none = false;
    for (std::size_t k = 0; k < nd && !options.include_none; ++k) {
      none = none || result.plan->IsNone(k, result.groups[g].code[k]);
    }
    if (none) continue;
    entries.push_back({g, MeasureValue(result.groups[g].counts, options.measure)});
  }
  // Groups are in key order, so a stable sort on the value alone breaks ties by key.
  std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    if (!a.value || !b.value) return a.value.has_value() && !b.value.has_value();
    return options.descending ? *a.value > *b.value : *a.value < *b.value;
  });
  if (options.limit != 0 && entries.size() > options.limit) entries.resize(options.limit);
  std::vector<std::size_t> out;
  out.reserve(entries.size());
  for (const auto& e : entries) out.push_back(e.group);
  return out;
}

}  // namespace mandate
