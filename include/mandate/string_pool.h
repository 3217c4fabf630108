// Compact string storage for millions of tasks: StringPool interns repeated text (agency
// cells, expected results, notes) to uint32 ids; StringColumn appends unique text (ids,
// titles) into large chunks so no string costs its own heap allocation.
#ifndef MANDATE_STRING_POOL_H
#define MANDATE_STRING_POOL_H

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace mandate {

// Append-only text storage in fixed chunks: views stay valid while the column lives.
class StringColumn {
 public:
  std::uint32_t Append(std::string_view s);
  std::string_view operator[](std::uint32_t i) const {
    const std::uint64_t r = refs_[i];
    if (r & kBig) {
      const auto& b = big_[r & ~kBig];
      return {b.first.get(), b.second};
    }
    return {chunks_[r >> 40].get() + ((r >> 20) & kMask20), static_cast<std::size_t>(r & kMask20)};
  }
  std::size_t size() const { return refs_.size(); }
  void Reserve(std::size_t n) { refs_.reserve(n); }
  std::size_t MemoryBytes() const;

 private:
  static constexpr std::size_t kChunk = 1 << 20;
  static constexpr std::size_t kFirstChunk = 1 << 12;
  static constexpr std::uint64_t kBig = std::uint64_t{1} << 63;
  static constexpr std::uint64_t kMask20 = (1u << 20) - 1;
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::vector<std::pair<std::unique_ptr<char[]>, std::size_t>> big_;
  std::size_t big_bytes_ = 0;
  std::size_t chunk_size_ = 0;  // size of the last chunk
  std::size_t used_ = 0;        // bytes used in the last chunk
  std::size_t chunk_bytes_ = 0;
  // One word per string (8 bytes, not a 16-byte view: ids and titles of 10^7 tasks):
  // chunk index << 40 | offset << 20 | length, or kBig | index into big_.
  std::vector<std::uint64_t> refs_;
};

class StringPool {
 public:
  StringPool();  // id 0 is ""
  std::uint32_t Intern(std::string_view s);
  std::string_view Get(std::uint32_t id) const { return text_[id]; }
  std::size_t size() const { return text_.size(); }
  std::size_t MemoryBytes() const;

 private:
  StringColumn text_;
  absl::flat_hash_map<std::string_view, std::uint32_t> index_;
};

}  // namespace mandate

#endif
