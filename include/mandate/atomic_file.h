// Whole-file reads with a size bound, and saves that a crash cannot leave half-written.
#ifndef MANDATE_ATOMIC_FILE_H
#define MANDATE_ATOMIC_FILE_H

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace mandate {

// Writes bytes to a temporary file in path's directory, fsyncs it, renames it over path and
// fsyncs the directory: after a crash at any point path holds either its old content or
// bytes, never a mix. An existing file's permission bits are kept (new files get 0644).
// On failure the temporary file is removed and path is untouched.
// A symlink is followed: its target is replaced (the temporary file sits beside the target)
// and the link stays. A FIFO, terminal or device (/dev/null, /dev/stdout) is written in place
// with no rename; a directory is refused.
absl::Status WriteFileAtomically(const std::string& path, std::string_view bytes);

// Reads a whole file. A file longer than max_bytes is refused (ResourceExhausted) without
// reading past the limit; NotFound / PermissionDenied / Internal name the path and cause.
inline constexpr std::size_t kDefaultMaxFileBytes = std::size_t{1} << 30;  // 1 GiB
absl::StatusOr<std::string> ReadFile(const std::string& path,
                                     std::size_t max_bytes = kDefaultMaxFileBytes);

// A whole file's bytes in one buffer, read with read() straight into it (no zero fill, no
// second copy). Not mapped: a file truncated by another process while it is read yields its
// shorter content or an error, never SIGBUS. Same limit and errors as ReadFile. Move-only;
// text() lives as long as the object.
class FileBytes {
 public:
  static absl::StatusOr<FileBytes> Open(const std::string& path,
                                        std::size_t max_bytes = kDefaultMaxFileBytes);
  FileBytes(FileBytes&& o) noexcept : data_(std::move(o.data_)), size_(std::exchange(o.size_, 0)) {}
  FileBytes& operator=(FileBytes&& o) noexcept {
    data_ = std::move(o.data_);
    size_ = std::exchange(o.size_, 0);
    return *this;
  }
  std::string_view text() const { return {data_.get(), size_}; }

 private:
  FileBytes() = default;
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
};

}  // namespace mandate

#endif
