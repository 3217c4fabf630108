// A per-task index into a small table (the original deadline's id): a plan's tasks share a few
// hundred distinct deadline phrases, so 2 bytes a task hold it until an index needs more; the
// first one past 65,534 widens the column to 4 bytes once (issue 20's 48 bytes a task).
#ifndef MANDATE_INDEX_COLUMN_H
#define MANDATE_INDEX_COLUMN_H

#include <cstddef>
#include <cstdint>
#include <utility>

#include "mandate/column.h"

namespace mandate {

class IndexColumn {
 public:
  std::uint32_t operator[](std::size_t i) const { return wide_ ? wide32_[i] : narrow_[i]; }
  std::size_t size() const { return wide_ ? wide32_.size() : narrow_.size(); }
  bool wide() const { return wide_; }

  void push_back(std::uint32_t v) {
    if (!wide_ && v >= kNarrowLimit) Widen();
    if (wide_) {
      wide32_.push_back(v);
    } else {
      narrow_.push_back(static_cast<std::uint16_t>(v));
    }
  }
  void reserve(std::size_t n) {
    if (wide_) {
      wide32_.reserve(n);
    } else {
      narrow_.reserve(n);
    }
  }
  void shrink_to_fit() {
    narrow_.shrink_to_fit();
    wide32_.shrink_to_fit();
  }
  std::size_t MemoryBytes() const { return narrow_.MemoryBytes() + wide32_.MemoryBytes(); }

  // The stored form, for the snapshot: one of the two is in use (wide()).
  const Column<std::uint16_t>& narrow() const { return narrow_; }
  const Column<std::uint32_t>& wide32() const { return wide32_; }
  static IndexColumn Of(Column<std::uint16_t> narrow) {
    IndexColumn c;
    c.narrow_ = std::move(narrow);
    return c;
  }
  static IndexColumn Of(Column<std::uint32_t> wide) {
    IndexColumn c;
    c.wide32_ = std::move(wide);
    c.wide_ = true;
    return c;
  }

 private:
  static constexpr std::uint32_t kNarrowLimit = 0xFFFF;
  void Widen() {
    wide32_.reserve(narrow_.size() + 1);
    for (const std::uint16_t v : narrow_) wide32_.push_back(v);
    narrow_ = {};
    wide_ = true;
  }

  bool wide_ = false;
  Column<std::uint16_t> narrow_;
  Column<std::uint32_t> wide32_;
};

}  // namespace mandate

#endif
