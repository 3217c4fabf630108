// A per-task value that most tasks do not have (a note, an expected result, an agency cell
// written differently from the registry's names): only the tasks that have one pay for it,
// 8 bytes each, instead of a 4-byte slot for every task. Tasks are appended in index order,
// so the keys stay sorted and a lookup is a binary search.
#ifndef MANDATE_SPARSE_COLUMN_H
#define MANDATE_SPARSE_COLUMN_H

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "mandate/column.h"

namespace mandate {

template <typename T>
struct SparseColumn {
  Column<std::uint32_t> task;  // ascending
  Column<T> value;

  // Sets task i's value; i must not be below any task set before (the dataset appends).
  void Append(std::uint32_t i, T v) {
    task.push_back(i);
    value.push_back(v);
  }
  // Task i's value, or fallback.
  T Get(std::uint32_t i, T fallback = T{}) const {
    const auto it = std::lower_bound(task.begin(), task.end(), i);
    if (it == task.end() || *it != i) return fallback;
    return value[static_cast<std::size_t>(it - task.begin())];
  }
  std::size_t MemoryBytes() const { return task.MemoryBytes() + value.MemoryBytes(); }
};

}  // namespace mandate

#endif
