// A CSV text split at record boundaries, so that chunks can be read on several threads. A
// quoted field may hold line breaks, so a line end starts a record only outside quotes: the
// split counts quotes from the start (a doubled quote toggles twice, so parity is enough).
// On malformed input (a stray or unclosed quote) parity and the reader disagree; the reader
// of the chunk holding the fault reports it, and the caller reads the file in one piece.
#ifndef MANDATE_SRC_CSV_CHUNKS_H
#define MANDATE_SRC_CSV_CHUNKS_H

#include <cstddef>
#include <string_view>
#include <vector>

namespace mandate::internal {

struct CsvChunks {
  std::vector<std::size_t> starts;  // chunk k is [starts[k], starts[k + 1]); the last is the end
  std::size_t line_feeds = 0;       // '\n' bytes from begin on (a bound on the records)
};

// Chunks of about chunk_bytes from `begin` (a record start) to the end of text.
CsvChunks SplitCsvRecords(std::string_view text, std::size_t begin, std::size_t chunk_bytes);

// The same one chunk at a time, so a parallel read finds the next boundary when a thread
// needs another chunk instead of scanning the whole file before any thread starts.
class CsvRecordSplitter {
 public:
  CsvRecordSplitter(std::string_view text, std::size_t begin, std::size_t chunk_bytes);
  bool done() const { return start_ >= text_.size(); }
  // The next chunk's [begin, end); false when none is left.
  bool Next(std::size_t& begin, std::size_t& end);

 private:
  std::string_view text_;
  std::size_t chunk_bytes_;
  std::size_t start_;       // the next chunk's start
  std::size_t quotes_ = 0;  // parity from the first start on
};

}  // namespace mandate::internal

#endif
