#include "mandate/aggregate_change.h"

#include <algorithm>

namespace mandate {
namespace {

bool Completed(std::uint8_t s) {
  return s == static_cast<std::uint8_t>(TaskStatus::kCompletedOnTime) ||
         s == static_cast<std::uint8_t>(TaskStatus::kCompletedLate);
}

}  // namespace

TaskChange ComputeChange(const std::vector<std::uint8_t>& status_from,
                         const std::vector<std::uint8_t>& status_to) {
  TaskChange ch;
  const std::size_t n = std::min(status_from.size(), status_to.size());
  constexpr auto kOverdue = static_cast<std::uint8_t>(TaskStatus::kOverdue);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t a = status_from[i], b = status_to[i];
    if (a == b || b == kNotYetAssigned) continue;
    const auto t = static_cast<TaskIndex>(i);
    if (a == kNotYetAssigned) ch.newly_assigned.push_back(t);
    if (Completed(b) && !Completed(a)) ch.newly_completed.push_back(t);
    if (b == kOverdue) ch.newly_overdue.push_back(t);
  }
  return ch;
}

TaskChange ComputeChange(const Dataset& ds, Day from, Day to, const ClassifyOptions& options) {
  std::vector<std::uint8_t> a, b;
  ClassifyAll(ds, from, options, a);
  ClassifyAll(ds, to, options, b);
  return ComputeChange(a, b);
}

}  // namespace mandate
