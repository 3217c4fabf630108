#include "mandate/string_pool.h"

#include <algorithm>
#include <cstring>

#include "absl/strings/str_format.h"

namespace mandate {

std::uint32_t StringColumn::Append(std::string_view s) {
  if (s.size() > kChunk / 4) {
    // Large strings get a block of their own so the shared chunks stay dense.
    owned_.push_back(std::unique_ptr<char[]>(new char[s.size()]));  // no zero fill
    std::memcpy(owned_.back().get(), s.data(), s.size());
    big_.emplace_back(owned_.back().get(), s.size());
    refs_.push_back(kBig | (big_.size() - 1));
    big_bytes_ += s.size();
    return static_cast<std::uint32_t>(refs_.size() - 1);
  }
  if (tail_ == nullptr || used_ + s.size() > chunk_size_) {
    // Chunks double from 4 KiB to 1 MiB: small datasets stay small, large ones pay one
    // allocation per MiB.
    chunk_size_ = tail_ == nullptr ? kFirstChunk : std::min(kChunk, chunk_size_ * 2);
    // A string up to kChunk / 4 may still exceed a young chunk: keep doubling until it fits,
    // or the copy below writes past the chunk.
    while (chunk_size_ < s.size()) chunk_size_ = std::min(kChunk, chunk_size_ * 2);
    owned_.push_back(std::unique_ptr<char[]>(new char[chunk_size_]));  // no zero fill
    tail_ = owned_.back().get();
    chunks_.push_back(tail_);
    chunk_bytes_ += chunk_size_;
    used_ = 0;
  }
  if (!s.empty()) std::memcpy(tail_ + used_, s.data(), s.size());
  used_ += s.size();
  refs_.push_back(std::uint64_t{chunks_.size() - 1} << 40 | std::uint64_t{used_ - s.size()} << 20 |
                  s.size());
  return static_cast<std::uint32_t>(refs_.size() - 1);
}

StringColumn::Image StringColumn::image() const {
  Image im;
  im.refs = refs_;
  std::vector<std::size_t> end(chunks_.size(), 0);
  for (const std::uint64_t r : refs_) {
    if (r & kBig) continue;
    auto& e = end[r >> 40];
    e = std::max<std::size_t>(e, ((r >> 20) & kMask20) + (r & kMask20));
  }
  for (std::size_t k = 0; k < chunks_.size(); ++k) im.chunks.emplace_back(chunks_[k], end[k]);
  for (const auto& [p, n] : big_) im.big.emplace_back(p, n);
  return im;
}

absl::StatusOr<StringColumn> StringColumn::Borrow(std::shared_ptr<const void> keep,
                                                  std::span<const std::uint64_t> refs,
                                                  std::vector<std::string_view> chunks,
                                                  std::vector<std::string_view> big) {
  if (chunks.size() >= (std::uint64_t{1} << 23)) {
    return absl::InvalidArgumentError(absl::StrFormat("%u chunks", chunks.size()));
  }
  for (std::size_t k = 0; k < chunks.size(); ++k) {
    if (chunks[k].size() > kChunk) {
      return absl::InvalidArgumentError(
          absl::StrFormat("chunk %u is %u bytes, over %u", k, chunks[k].size(), kChunk));
    }
  }
  // One pass, no branch per ref in the common case: the worst ref decides.
  for (std::size_t i = 0; i < refs.size(); ++i) {
    const std::uint64_t r = refs[i];
    const bool ok = (r & kBig)
                        ? (r & ~kBig) < big.size()
                        : (r >> 40) < chunks.size() &&
                              ((r >> 20) & kMask20) + (r & kMask20) <= chunks[r >> 40].size();
    if (!ok) {
      return absl::InvalidArgumentError(
          absl::StrFormat("string %u points outside the stored text (ref 0x%x)", i, r));
    }
  }
  StringColumn c;
  c.keep_ = std::move(keep);
  c.refs_.assign(refs.begin(), refs.end());
  c.chunks_.reserve(chunks.size());
  for (const auto& ch : chunks) c.chunks_.push_back(ch.data());
  for (const auto& b : big) c.big_.emplace_back(b.data(), b.size());
  // tail_ stays null: the next Append starts a chunk of its own.
  return c;
}

std::size_t StringColumn::MemoryBytes() const {
  return chunk_bytes_ + big_bytes_ + refs_.capacity() * sizeof(std::uint64_t);
}

StringPool::StringPool() { index_.emplace(text_[text_.Append("")], 0); }

absl::StatusOr<StringPool> StringPool::FromColumn(StringColumn text) {
  if (text.size() == 0 || !text[0].empty()) {
    return absl::InvalidArgumentError("a string pool starts with \"\"");
  }
  StringPool pool;
  pool.text_ = std::move(text);
  pool.index_.clear();
  pool.index_.reserve(pool.text_.size());
  for (std::uint32_t i = 0; i < pool.text_.size(); ++i) {
    if (!pool.index_.emplace(pool.text_[i], i).second) {
      return absl::InvalidArgumentError(absl::StrFormat("string %u is stored twice", i));
    }
  }
  return pool;
}

std::uint32_t StringPool::Intern(std::string_view s) {
  auto it = index_.find(s);
  if (it != index_.end()) return it->second;
  const std::uint32_t id = text_.Append(s);
  index_.emplace(text_[id], id);
  return id;
}

std::size_t StringPool::MemoryBytes() const {
  return text_.MemoryBytes() + index_.capacity() * (sizeof(std::string_view) + 5);
}

}  // namespace mandate
