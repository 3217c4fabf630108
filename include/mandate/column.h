// One array of a dataset's per-task values: owned (a vector the dataset appends to) or
// borrowed from memory someone else keeps alive (a snapshot's mapping), so that opening a
// snapshot of 10^7 tasks maps its columns instead of copying half a gigabyte (issue 20).
// A borrowed column is copied into memory of its own on its first write.
//
// Reads are a pointer and a size, as fast as a vector's. Writes go through push_back, the
// non-const operator[] and Mutable(); each makes the column its own first.
#ifndef MANDATE_COLUMN_H
#define MANDATE_COLUMN_H

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace mandate {

template <typename T>
class Column {
 public:
  Column() = default;
  Column(std::initializer_list<T> init) : own_(init) { Sync(); }
  Column(const Column& o) : own_(o.own_), keep_(o.keep_) {
    if (keep_) {
      data_ = o.data_;
      size_ = o.size_;
    } else {
      Sync();
    }
  }
  Column(Column&& o) noexcept { *this = std::move(o); }
  Column& operator=(const Column& o) {
    if (this != &o) *this = Column(o);
    return *this;
  }
  Column& operator=(Column&& o) noexcept {
    if (this == &o) return *this;
    own_ = std::move(o.own_);
    keep_ = std::move(o.keep_);
    data_ = keep_ ? o.data_ : own_.data();
    size_ = o.size_;
    o.own_.clear();
    o.keep_.reset();
    o.Sync();
    return *this;
  }

  // A column over data, which stays valid while keep lives (keep must not be null).
  static Column Borrow(std::shared_ptr<const void> keep, std::span<const T> data) {
    Column c;
    c.keep_ = std::move(keep);
    c.data_ = data.data();
    c.size_ = data.size();
    return c;
  }
  bool borrowed() const { return keep_ != nullptr; }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T* data() const { return data_; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  const T& front() const { return data_[0]; }
  const T& back() const { return data_[size_ - 1]; }
  std::span<const T> span() const { return {data_, size_}; }

  T& operator[](std::size_t i) { return Mutable()[i]; }
  // The values, writable: a borrowed column is copied first.
  std::span<T> Mutable() {
    Own();
    return own_;
  }
  void push_back(T v) {
    Own();
    own_.push_back(v);
    Sync();
  }
  template <typename It>
  void append(It first, It last) {
    Own();
    own_.insert(own_.end(), first, last);
    Sync();
  }
  void reserve(std::size_t n) {
    Own();
    own_.reserve(n);
    Sync();
  }
  void resize(std::size_t n, T v = T{}) {
    Own();
    own_.resize(n, v);
    Sync();
  }
  void shrink_to_fit() {
    if (borrowed()) return;
    own_.shrink_to_fit();
    Sync();
  }
  friend bool operator==(const Column& a, const Column& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

  // Heap bytes held (a borrowed column's are the lender's).
  std::size_t capacity() const { return own_.capacity(); }
  std::size_t MemoryBytes() const { return own_.capacity() * sizeof(T); }

 private:
  void Own() {
    if (!keep_) return;
    own_.assign(data_, data_ + size_);
    keep_.reset();
    Sync();
  }
  void Sync() {
    data_ = own_.data();
    size_ = own_.size();
  }

  std::vector<T> own_;
  std::shared_ptr<const void> keep_;  // set while borrowed
  const T* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace mandate

#endif
