#include "csv_chunks.h"

#include <algorithm>
#include <cstdint>

namespace mandate::internal {
namespace {

// Quotes and line feeds in [p, p + n): one pass in blocks of 255 bytes with byte-wide sums,
// which the compiler vectorises 16 bytes at a time (wider sums would halve that).
void Count(const char* p, std::size_t n, std::size_t& quotes, std::size_t& feeds) {
  while (n > 0) {
    const std::size_t block = std::min<std::size_t>(n, 255);
    std::uint8_t q = 0, f = 0;
    for (std::size_t i = 0; i < block; ++i) {
      q += static_cast<std::uint8_t>(p[i] == '"');
      f += static_cast<std::uint8_t>(p[i] == '\n');
    }
    quotes += q;
    feeds += f;
    p += block;
    n -= block;
  }
}

}  // namespace

CsvChunks SplitCsvRecords(std::string_view text, std::size_t begin, std::size_t chunk_bytes) {
  CsvChunks out;
  const std::size_t n = text.size();
  chunk_bytes = std::max<std::size_t>(chunk_bytes, 1);
  out.starts.push_back(begin);
  std::size_t quotes = 0;  // from begin to pos
  std::size_t pos = begin;
  while (n - out.starts.back() > chunk_bytes) {
    const std::size_t target = out.starts.back() + chunk_bytes;
    Count(text.data() + pos, target - pos, quotes, out.line_feeds);
    pos = target;
    // The first line feed outside quotes ends the chunk.
    while (pos < n) {
      const char c = text[pos++];
      if (c == '"') ++quotes;
      if (c == '\n') {
        ++out.line_feeds;
        if (quotes % 2 == 0) break;
      }
    }
    if (pos >= n) break;
    out.starts.push_back(pos);
  }
  Count(text.data() + pos, n - pos, quotes, out.line_feeds);
  out.starts.push_back(n);
  return out;
}

CsvRecordSplitter::CsvRecordSplitter(std::string_view text, std::size_t begin,
                                     std::size_t chunk_bytes)
    : text_(text), chunk_bytes_(std::max<std::size_t>(chunk_bytes, 1)), start_(begin) {}

bool CsvRecordSplitter::Next(std::size_t& begin, std::size_t& end) {
  const std::size_t n = text_.size();
  if (start_ >= n) return false;
  begin = start_;
  if (n - start_ <= chunk_bytes_) {
    end = start_ = n;
    return true;
  }
  std::size_t pos = start_ + chunk_bytes_, feeds = 0;
  Count(text_.data() + start_, chunk_bytes_, quotes_, feeds);
  // The first line feed outside quotes ends the chunk.
  while (pos < n) {
    const char c = text_[pos++];
    if (c == '"') ++quotes_;
    if (c == '\n' && quotes_ % 2 == 0) break;
  }
  end = start_ = pos;
  return true;
}

}  // namespace mandate::internal
