#include "mandate/string_pool.h"

#include <algorithm>
#include <cstring>

#include "absl/strings/str_format.h"

namespace mandate {
namespace {

// One past the last string of chunk c: where the next chunk's run starts, or the count.
std::size_t RunEnd(std::span<const std::uint32_t> chunk_first, std::size_t c, std::size_t count) {
  return c + 1 < chunk_first.size() ? chunk_first[c + 1] : count;
}

}  // namespace

void StringColumn::NewChunk(std::size_t bytes) {
  owned_.push_back(std::unique_ptr<char[]>(new char[bytes]));  // no zero fill
  owned_bytes_ += bytes;
  chunks_.push_back(owned_.back().get());
  chunk_first_.push_back(static_cast<std::uint32_t>(ends_.size()));
}

std::uint32_t StringColumn::Append(std::string_view s) {
  if (s.size() > kChunk / 4) {
    // Large strings get a chunk of their own so the shared chunks stay dense; the next small
    // string starts a new shared chunk.
    NewChunk(s.size());
    std::memcpy(owned_.back().get(), s.data(), s.size());
    ends_.push_back(static_cast<std::uint32_t>(s.size()));
    tail_ = nullptr;
    return static_cast<std::uint32_t>(ends_.size() - 1);
  }
  if (tail_ == nullptr || used_ + s.size() > tail_size_) {
    // Chunks double from 4 KiB to 1 MiB: small datasets stay small, large ones pay one
    // allocation per MiB. A string up to kChunk / 4 may still exceed a young chunk: keep
    // doubling until it fits.
    chunk_size_ = chunk_size_ == 0 ? kFirstChunk : std::min(kChunk, chunk_size_ * 2);
    while (chunk_size_ < s.size()) chunk_size_ = std::min(kChunk, chunk_size_ * 2);
    NewChunk(chunk_size_);
    tail_ = owned_.back().get();
    tail_size_ = chunk_size_;
    used_ = 0;
  }
  if (!s.empty()) std::memcpy(tail_ + used_, s.data(), s.size());
  used_ += s.size();
  ends_.push_back(static_cast<std::uint32_t>(used_));
  return static_cast<std::uint32_t>(ends_.size() - 1);
}

StringColumn::Image StringColumn::image() const {
  Image im;
  im.ends = ends_.span();
  im.chunk_first = chunk_first_;
  for (std::size_t c = 0; c < chunks_.size(); ++c) {
    // A chunk always holds at least the string that opened it.
    im.chunks.emplace_back(chunks_[c], ends_[RunEnd(chunk_first_, c, size()) - 1]);
  }
  return im;
}

absl::StatusOr<StringColumn> StringColumn::Borrow(std::shared_ptr<const void> keep,
                                                  std::span<const std::uint32_t> ends,
                                                  std::vector<std::uint32_t> chunk_first,
                                                  std::vector<std::string_view> chunks) {
  if (chunk_first.size() != chunks.size()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%u chunk starts for %u chunks", chunk_first.size(), chunks.size()));
  }
  if (ends.empty() != chunks.empty() || (!chunk_first.empty() && chunk_first[0] != 0)) {
    return absl::InvalidArgumentError("the first chunk does not start at the first string");
  }
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    const std::uint64_t next = RunEnd(chunk_first, c, ends.size());
    if (next <= chunk_first[c] || next > ends.size()) {
      return absl::InvalidArgumentError(
          absl::StrFormat("chunk %u starts at string %u, out of order", c, chunk_first[c]));
    }
    // Ends rise within the chunk and stay inside it; one pass, the worst string decides.
    std::uint32_t last = 0;
    bool ok = true;
    for (std::uint64_t i = chunk_first[c]; i < next; ++i) {
      ok &= ends[i] >= last;
      last = ends[i];
    }
    if (!ok || last > chunks[c].size()) {
      return absl::InvalidArgumentError(
          absl::StrFormat("chunk %u (strings %u to %u): a string lies outside its %u bytes", c,
                          chunk_first[c], next - 1, chunks[c].size()));
    }
  }
  StringColumn col;
  col.keep_ = keep;
  col.ends_ = Column<std::uint32_t>::Borrow(std::move(keep), ends);
  col.chunk_first_ = std::move(chunk_first);
  col.chunks_.reserve(chunks.size());
  for (const auto& ch : chunks) col.chunks_.push_back(ch.data());
  // tail_ stays null: the next Append starts a chunk of its own.
  return col;
}

void StringColumn::ShrinkToFit() {
  ends_.shrink_to_fit();
  if (tail_ == nullptr || used_ == tail_size_) return;
  auto exact = std::unique_ptr<char[]>(new char[std::max<std::size_t>(used_, 1)]);
  std::memcpy(exact.get(), tail_, used_);
  owned_bytes_ -= tail_size_ - std::max<std::size_t>(used_, 1);
  // The tail is the last chunk made: the last in owned_ and in chunks_.
  owned_.back() = std::move(exact);
  chunks_.back() = owned_.back().get();
  tail_ = nullptr;
}

bool StringColumn::StrictlyAscending() const {
  std::string_view prev;
  for (std::size_t c = 0; c < chunks_.size(); ++c) {
    const std::size_t next = RunEnd(chunk_first_, c, size());
    std::uint32_t begin = 0;
    for (std::size_t i = chunk_first_[c]; i < next; ++i) {
      const std::string_view s(chunks_[c] + begin, ends_[i] - begin);
      if (i > 0 && !(prev < s)) return false;
      prev = s;
      begin = ends_[i];
    }
  }
  return true;
}

std::size_t StringColumn::MemoryBytes() const {
  return owned_bytes_ + ends_.MemoryBytes() + chunk_first_.capacity() * sizeof(std::uint32_t) +
         chunks_.capacity() * sizeof(const char*);
}

StringPool::StringPool() { index_.insert(text_->Append("")); }

absl::StatusOr<StringPool> StringPool::FromColumn(StringColumn text) {
  if (text.size() == 0 || !text[0].empty()) {
    return absl::InvalidArgumentError("a string pool starts with \"\"");
  }
  StringPool pool;
  *pool.text_ = std::move(text);
  pool.index_.clear();
  pool.indexed_ = false;
  return pool;
}

void StringPool::BuildIndex() {
  index_.reserve(text_->size());
  // A text stored twice keeps its first id; both ids still read the same text.
  for (std::uint32_t i = 0; i < text_->size(); ++i) index_.insert(i);
  indexed_ = true;
}

std::uint32_t StringPool::Intern(std::string_view s) {
  if (!indexed_) BuildIndex();
  auto it = index_.find(s);
  if (it != index_.end()) return *it;
  const std::uint32_t id = text_->Append(s);
  index_.insert(id);
  return id;
}

std::size_t StringPool::MemoryBytes() const {
  return text_->MemoryBytes() + index_.capacity() * (sizeof(std::uint32_t) + 1);
}

}  // namespace mandate
