#include "mandate/string_pool.h"

#include <algorithm>
#include <cstring>

namespace mandate {

std::uint32_t StringColumn::Append(std::string_view s) {
  if (s.size() > kChunk / 4) {
    // Large strings get a block of their own so the shared chunks stay dense.
    big_.emplace_back(std::unique_ptr<char[]>(new char[s.size()]), s.size());  // no zero fill
    std::memcpy(big_.back().first.get(), s.data(), s.size());
    refs_.push_back(kBig | (big_.size() - 1));
    big_bytes_ += s.size();
    return static_cast<std::uint32_t>(refs_.size() - 1);
  }
  if (chunks_.empty() || used_ + s.size() > chunk_size_) {
    // Chunks double from 4 KiB to 1 MiB: small datasets stay small, large ones pay one
    // allocation per MiB.
    chunk_size_ = chunks_.empty() ? kFirstChunk : std::min(kChunk, chunk_size_ * 2);
    // A string up to kChunk / 4 may still exceed a young chunk: keep doubling until it fits,
    // or the copy below writes past the chunk.
    while (chunk_size_ < s.size()) chunk_size_ = std::min(kChunk, chunk_size_ * 2);
    chunks_.push_back(std::unique_ptr<char[]>(new char[chunk_size_]));  // no zero fill
    chunk_bytes_ += chunk_size_;
    used_ = 0;
  }
  if (!s.empty()) std::memcpy(chunks_.back().get() + used_, s.data(), s.size());
  used_ += s.size();
  refs_.push_back(std::uint64_t{chunks_.size() - 1} << 40 | std::uint64_t{used_ - s.size()} << 20 |
                  s.size());
  return static_cast<std::uint32_t>(refs_.size() - 1);
}

std::size_t StringColumn::MemoryBytes() const {
  return chunk_bytes_ + big_bytes_ + refs_.capacity() * sizeof(std::uint64_t);
}

StringPool::StringPool() { index_.emplace(text_[text_.Append("")], 0); }

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
