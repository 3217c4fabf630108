// Compact string storage for millions of tasks: StringPool interns repeated text (agency
// cells, expected results, notes) to uint32 ids; StringColumn appends unique text (ids,
// titles) into large chunks so no string costs its own heap allocation.
#ifndef MANDATE_STRING_POOL_H
#define MANDATE_STRING_POOL_H

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace mandate {

// Append-only text storage in fixed chunks: views stay valid while the column lives.
class StringColumn {
 public:
  std::uint32_t Append(std::string_view s);
  std::string_view operator[](std::uint32_t i) const { return views_[i]; }
  std::size_t size() const { return views_.size(); }
  std::size_t MemoryBytes() const;

 private:
  static constexpr std::size_t kChunk = 1 << 20;
  static constexpr std::size_t kFirstChunk = 1 << 12;
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::vector<std::unique_ptr<char[]>> big_;
  std::size_t big_bytes_ = 0;
  std::size_t chunk_size_ = 0;  // size of the last chunk
  std::size_t used_ = 0;        // bytes used in the last chunk
  std::size_t chunk_bytes_ = 0;
  std::vector<std::string_view> views_;
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
