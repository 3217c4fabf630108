// Compact string storage for millions of tasks: StringPool interns repeated text (agency
// cells, expected results, notes) to uint32 ids; StringColumn appends unique text (ids,
// titles) into large chunks so no string costs its own heap allocation.
#ifndef MANDATE_STRING_POOL_H
#define MANDATE_STRING_POOL_H

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"

namespace mandate {

// Append-only text storage in fixed chunks: views stay valid while the column lives.
// A column opened from a snapshot borrows its chunks from the file's mapping (Borrow); text
// appended later goes to chunks of its own.
class StringColumn {
 public:
  StringColumn() = default;
  // A moved-from column is empty and appends to chunks of its own again.
  StringColumn(StringColumn&& o) noexcept { *this = std::move(o); }
  StringColumn& operator=(StringColumn&& o) noexcept {
    chunks_ = std::exchange(o.chunks_, {});
    big_ = std::exchange(o.big_, {});
    owned_ = std::exchange(o.owned_, {});
    keep_ = std::exchange(o.keep_, {});
    tail_ = std::exchange(o.tail_, nullptr);
    big_bytes_ = std::exchange(o.big_bytes_, 0);
    chunk_size_ = std::exchange(o.chunk_size_, 0);
    used_ = std::exchange(o.used_, 0);
    chunk_bytes_ = std::exchange(o.chunk_bytes_, 0);
    refs_ = std::exchange(o.refs_, {});
    return *this;
  }

  std::uint32_t Append(std::string_view s);
  std::string_view operator[](std::uint32_t i) const {
    const std::uint64_t r = refs_[i];
    if (r & kBig) {
      const auto& b = big_[r & ~kBig];
      return {b.first, b.second};
    }
    return {chunks_[r >> 40] + ((r >> 20) & kMask20), static_cast<std::size_t>(r & kMask20)};
  }
  std::size_t size() const { return refs_.size(); }
  void Reserve(std::size_t n) { refs_.reserve(n); }
  std::size_t MemoryBytes() const;

  // The stored layout, for the snapshot writer: one word per string (chunk << 40 | offset
  // << 20 | length, or kBigRef | index into big), each chunk's bytes up to its last string,
  // and the large strings. Views into the column.
  struct Image {
    std::span<const std::uint64_t> refs;
    std::vector<std::string_view> chunks;
    std::vector<std::string_view> big;
  };
  Image image() const;
  static constexpr std::uint64_t kBigRef = std::uint64_t{1} << 63;
  // A column whose text lives in memory owned by keep (a snapshot's mapping): refs are copied,
  // chunks and big are borrowed. Every ref is checked against the chunks first; an error names
  // the first bad one.
  static absl::StatusOr<StringColumn> Borrow(std::shared_ptr<const void> keep,
                                             std::span<const std::uint64_t> refs,
                                             std::vector<std::string_view> chunks,
                                             std::vector<std::string_view> big);

 private:
  static constexpr std::size_t kChunk = 1 << 20;
  static constexpr std::size_t kFirstChunk = 1 << 12;
  static constexpr std::uint64_t kBig = std::uint64_t{1} << 63;
  static constexpr std::uint64_t kMask20 = (1u << 20) - 1;
  // Chunk starts and large strings: in owned_ or in the borrowed memory kept by keep_.
  std::vector<const char*> chunks_;
  std::vector<std::pair<const char*, std::size_t>> big_;
  std::vector<std::unique_ptr<char[]>> owned_;
  std::shared_ptr<const void> keep_;
  char* tail_ = nullptr;  // the chunk Append writes to; null until one of our own exists
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
  // A pool over text (a snapshot's, borrowed): the index is rebuilt. text[0] must be "".
  static absl::StatusOr<StringPool> FromColumn(StringColumn text);
  std::uint32_t Intern(std::string_view s);
  std::string_view Get(std::uint32_t id) const { return text_[id]; }
  std::size_t size() const { return text_.size(); }
  std::size_t MemoryBytes() const;
  const StringColumn& column() const { return text_; }

 private:
  StringColumn text_;
  absl::flat_hash_map<std::string_view, std::uint32_t> index_;
};

}  // namespace mandate

#endif
