// One agency role (lead or coordinating) of every task, laid out for the scan: nine tasks in
// ten have at most one agency in a role, so the first agency sits inline in a 2-byte column
// and only the tasks with several keep their whole list in an overflow area. The engine's hot
// loop then reads one uint16 per task instead of chasing an offset pair (issue 20).
#ifndef MANDATE_AGENCY_LIST_COLUMN_H
#define MANDATE_AGENCY_LIST_COLUMN_H

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>

#include "mandate/agency_registry.h"
#include "mandate/column.h"

namespace mandate {

// "No agency" in AgencyListColumn::first (a registry holds at most 65,535 agencies).
inline constexpr AgencyIndex kNoAgency = 0xFFFF;

struct AgencyListColumn {
  // Per task: its first (smallest) agency index, or kNoAgency.
  Column<AgencyIndex> first;
  // The tasks with two or more agencies, ascending; the list of multi_task[k] (sorted,
  // unique, first[] included) is values[multi_offset[k] .. multi_offset[k + 1]).
  Column<std::uint32_t> multi_task;
  Column<std::uint32_t> multi_offset{0};
  Column<AgencyIndex> values;

  // Appends the next task's list (sorted and unique) for task index i.
  void Append(std::uint32_t i, std::span<const AgencyIndex> list) {
    first.push_back(list.empty() ? kNoAgency : list.front());
    if (list.size() < 2) return;
    multi_task.push_back(i);
    values.append(list.begin(), list.end());
    multi_offset.push_back(static_cast<std::uint32_t>(values.size()));
  }
  // Task i's list; multi says whether it has several (its task flag), which saves the search.
  std::span<const AgencyIndex> Of(std::uint32_t i, bool multi) const {
    if (!multi) {
      return first[i] == kNoAgency ? std::span<const AgencyIndex>() : std::span(&first[i], 1);
    }
    const auto it = std::lower_bound(multi_task.begin(), multi_task.end(), i);
    const auto k = static_cast<std::size_t>(it - multi_task.begin());
    return std::span(values.data() + multi_offset[k], multi_offset[k + 1] - multi_offset[k]);
  }
  // Overflow entry k (for scans that walk the multi-agency tasks in order).
  std::span<const AgencyIndex> Multi(std::size_t k) const {
    return std::span(values.data() + multi_offset[k], multi_offset[k + 1] - multi_offset[k]);
  }
  void Reserve(std::size_t n) { first.reserve(n); }
  std::size_t MemoryBytes() const {
    return first.MemoryBytes() + multi_task.MemoryBytes() + multi_offset.MemoryBytes() +
           values.MemoryBytes();
  }
};

}  // namespace mandate

#endif
