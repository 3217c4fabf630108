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

}  // namespace mandate

#endif
