// Compact string storage for millions of tasks: StringPool interns repeated text (agency
// cells, expected results, notes) to uint32 ids; StringColumn appends unique text (ids,
// titles) into large chunks so no string costs its own heap allocation.
#ifndef MANDATE_STRING_POOL_H
#define MANDATE_STRING_POOL_H

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/status/statusor.h"
#include "mandate/column.h"

namespace mandate {

// Append-only text storage in chunks: views stay valid while the column lives. Each string
// costs its bytes plus one 4-byte end offset (ids and titles of 10^7 tasks: issue 20's 48
// bytes a task); a chunk holds a run of consecutive strings, so string i is found by the chunk
// whose run holds i (a binary search over a few hundred chunk starts) and lies between the
// previous string's end and its own. A column opened from a snapshot borrows its ends and
// chunks from the file's mapping (Borrow); text appended later goes to chunks of its own.
class StringColumn {
 public:
  StringColumn() = default;
  // A moved-from column is empty and appends to chunks of its own again.
  StringColumn(StringColumn&& o) noexcept { *this = std::move(o); }
  StringColumn& operator=(StringColumn&& o) noexcept {
    if (this == &o) return *this;
    chunks_ = std::exchange(o.chunks_, {});
    chunk_first_ = std::exchange(o.chunk_first_, {});
    ends_ = std::exchange(o.ends_, {});
    owned_ = std::exchange(o.owned_, {});
    keep_ = std::exchange(o.keep_, {});
    tail_ = std::exchange(o.tail_, nullptr);
    tail_size_ = std::exchange(o.tail_size_, 0);
    chunk_size_ = std::exchange(o.chunk_size_, 0);
    used_ = std::exchange(o.used_, 0);
    owned_bytes_ = std::exchange(o.owned_bytes_, 0);
    return *this;
  }

  std::uint32_t Append(std::string_view s);
  std::string_view operator[](std::uint32_t i) const {
    // The last chunk whose first string is at or before i.
    const std::size_t c = static_cast<std::size_t>(
        std::upper_bound(chunk_first_.begin(), chunk_first_.end(), i) - chunk_first_.begin() - 1);
    const std::uint32_t begin = i == chunk_first_[c] ? 0 : ends_[i - 1];
    return {chunks_[c] + begin, ends_[i] - begin};
  }
  std::size_t size() const { return ends_.size(); }
  // Whether every string is greater (in byte order) than the one before: one sequential pass
  // chunk by chunk, without the per-string chunk search of operator[].
  bool StrictlyAscending() const;
  void Reserve(std::size_t n) { ends_.reserve(n); }
  // Gives back the unused ends and the unused tail of the last chunk (a copy of at most
  // 1 MiB); the next Append starts a new chunk.
  void ShrinkToFit();
  std::size_t MemoryBytes() const;

  // The stored layout, for the snapshot writer: each string's end offset in its chunk, the
  // index of each chunk's first string, and each chunk's bytes up to its last string. Views
  // into the column.
  struct Image {
    std::span<const std::uint32_t> ends;
    std::span<const std::uint32_t> chunk_first;
    std::vector<std::string_view> chunks;
  };
  Image image() const;
  // A column whose ends and text live in memory owned by keep (a snapshot's mapping), borrowed,
  // not copied. The layout is checked first (chunk runs in order, every string inside its
  // chunk); an error names the first bad chunk or string.
  static absl::StatusOr<StringColumn> Borrow(std::shared_ptr<const void> keep,
                                             std::span<const std::uint32_t> ends,
                                             std::vector<std::uint32_t> chunk_first,
                                             std::vector<std::string_view> chunks);

 private:
  static constexpr std::size_t kChunk = 1 << 20;
  static constexpr std::size_t kFirstChunk = 1 << 12;
  void NewChunk(std::size_t bytes);
  std::vector<const char*> chunks_;  // in owned_ or in the memory kept by keep_
  std::vector<std::uint32_t> chunk_first_;
  Column<std::uint32_t> ends_;
  std::vector<std::unique_ptr<char[]>> owned_;
  std::shared_ptr<const void> keep_;
  char* tail_ = nullptr;        // the chunk Append writes to; null until one of our own exists
  std::size_t tail_size_ = 0;   // its size
  std::size_t chunk_size_ = 0;  // size of the last small chunk made (they double up to kChunk)
  std::size_t used_ = 0;        // bytes used in the tail chunk
  std::size_t owned_bytes_ = 0;
};

class StringPool {
 public:
  StringPool();  // id 0 is ""
  // A pool over text (a snapshot's, borrowed). The index that Intern needs is built on its
  // first call, so opening a dataset that is only read does not pay for it.
  static absl::StatusOr<StringPool> FromColumn(StringColumn text);
  std::uint32_t Intern(std::string_view s);
  std::string_view Get(std::uint32_t id) const { return (*text_)[id]; }
  std::size_t size() const { return text_->size(); }
  std::size_t MemoryBytes() const;
  void ShrinkToFit() { text_->ShrinkToFit(); }
  const StringColumn& column() const { return *text_; }

 private:
  // The index holds ids only (4 bytes a slot); hashing and comparing read the text, which
  // lives on the heap so that a moved pool's index still finds it.
  struct Hash {
    using is_transparent = void;
    const StringColumn* text = nullptr;
    std::size_t operator()(std::string_view s) const { return absl::Hash<std::string_view>{}(s); }
    std::size_t operator()(std::uint32_t id) const { return (*this)((*text)[id]); }
  };
  struct Eq {
    using is_transparent = void;
    const StringColumn* text = nullptr;
    std::string_view Key(std::string_view s) const { return s; }
    std::string_view Key(std::uint32_t id) const { return (*text)[id]; }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return Key(a) == Key(b);
    }
  };
  void BuildIndex();

  std::unique_ptr<StringColumn> text_ = std::make_unique<StringColumn>();
  absl::flat_hash_set<std::uint32_t, Hash, Eq> index_{0, Hash{text_.get()}, Eq{text_.get()}};
  bool indexed_ = true;  // false for a pool opened from a snapshot until the first Intern
};

}  // namespace mandate

#endif
