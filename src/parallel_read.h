// A large file read by several threads at once: copying it out of the page cache (and
// touching the fresh buffer's pages) costs a single-threaded load as much as tokenising a
// sixth of it, so each thread pread()s its share. Anything unusual (not a regular file, over
// the limit, a size that changes under the read, an error) gives nullopt and the caller
// reads the file the ordinary way (FileBytes), which says what is wrong.
#ifndef MANDATE_SRC_PARALLEL_READ_H
#define MANDATE_SRC_PARALLEL_READ_H

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace mandate::internal {

struct ReadBytes {
  std::unique_ptr<char[]> data;
  std::size_t size = 0;
  std::string_view text() const { return {data.get(), size}; }
};

std::optional<ReadBytes> ReadFileInParallel(const std::string& path, std::size_t max_bytes,
                                            std::size_t threads);

}  // namespace mandate::internal

#endif
