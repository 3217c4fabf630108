// Whole-file reads with a size bound, and saves that a crash cannot leave half-written.
#ifndef MANDATE_ATOMIC_FILE_H
#define MANDATE_ATOMIC_FILE_H

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace mandate {

// Writes bytes to a temporary file in path's directory, fsyncs it, renames it over path and
// fsyncs the directory: after a crash at any point path holds either its old content or
// bytes, never a mix. An existing file's permission bits are kept (new files get 0644).
// On failure the temporary file is removed and path is untouched.
absl::Status WriteFileAtomically(const std::string& path, std::string_view bytes);

// Reads a whole file. A file longer than max_bytes is refused (ResourceExhausted) without
// reading past the limit; NotFound / PermissionDenied / Internal name the path and cause.
inline constexpr std::size_t kDefaultMaxFileBytes = std::size_t{1} << 30;  // 1 GiB
absl::StatusOr<std::string> ReadFile(const std::string& path,
                                     std::size_t max_bytes = kDefaultMaxFileBytes);

// A whole file's bytes without copying them: a regular file is mapped read-only (no copy, no
// zero fill: a 1 GB CSV costs its page cache only); anything else is read as ReadFile does.
// Same limit and errors as ReadFile. Move-only; text() lives as long as the object. A mapped
// file must not be truncated by another process while read (the reader would get SIGBUS):
// the CSV loader maps the files it is given to load, not files being written.
class FileBytes {
 public:
  static absl::StatusOr<FileBytes> Open(const std::string& path,
                                        std::size_t max_bytes = kDefaultMaxFileBytes);
  FileBytes(FileBytes&& o) noexcept;
  FileBytes& operator=(FileBytes&& o) noexcept;
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;
  ~FileBytes();
  std::string_view text() const { return map_ ? std::string_view(map_, size_) : copy_; }

 private:
  FileBytes() = default;
  const char* map_ = nullptr;
  std::size_t size_ = 0;
  std::string copy_;
};

}  // namespace mandate

#endif
