#include "mandate/atomic_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace mandate {
namespace {

absl::Status ErrnoStatus(int err, std::string_view what, const std::string& path) {
  const std::string msg = absl::StrFormat("%s %s: %s", what, path, std::strerror(err));
  switch (err) {
    case ENOENT:
    case ENOTDIR:
      return absl::NotFoundError(msg);
    case EACCES:
    case EPERM:
    case EROFS:
      return absl::PermissionDeniedError(msg);
    case ENOSPC:
    case EFBIG:
    case EDQUOT:
      return absl::ResourceExhaustedError(msg);
    default:
      return absl::InternalError(msg);
  }
}

// Closes the descriptor on every path out of a function.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int Release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

std::string DirectoryOf(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

absl::Status WriteAll(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus(errno, "cannot write", path);
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status WriteFileAtomically(const std::string& path, std::string_view bytes) {
  if (path.empty() || path.back() == '/') {
    return absl::InvalidArgumentError(absl::StrCat("not a file path: '", path, "'"));
  }
  const std::string dir = DirectoryOf(path);
  const std::string base =
      path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  std::string tmp = absl::StrCat(dir, "/.", base, ".tmp.XXXXXX");
  Fd fd(::mkostemp(tmp.data(), O_CLOEXEC));
  if (fd.get() < 0) return ErrnoStatus(errno, "cannot create a temporary file in", dir);

  auto fail = [&](absl::Status status) {
    ::close(fd.Release());
    ::unlink(tmp.c_str());
    return status;
  };
  struct stat old;
  const mode_t mode = ::stat(path.c_str(), &old) == 0 ? (old.st_mode & 07777) : 0644;
  if (::fchmod(fd.get(), mode) != 0) return fail(ErrnoStatus(errno, "cannot chmod", tmp));
  if (absl::Status s = WriteAll(fd.get(), bytes, tmp); !s.ok()) return fail(s);
  if (::fsync(fd.get()) != 0) return fail(ErrnoStatus(errno, "cannot fsync", tmp));
  if (::close(fd.Release()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return ErrnoStatus(err, "cannot close", tmp);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return ErrnoStatus(err, "cannot rename the temporary file onto", path);
  }
  // The rename is durable only once the directory entry is on disk.
  Fd dfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dfd.get() < 0) return ErrnoStatus(errno, "cannot open directory", dir);
  if (::fsync(dfd.get()) != 0 && errno != EINVAL) {
    return ErrnoStatus(errno, "cannot fsync directory", dir);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadFile(const std::string& path, std::size_t max_bytes) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return ErrnoStatus(errno, "cannot open", path);
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) return ErrnoStatus(errno, "cannot stat", path);
  if (S_ISDIR(st.st_mode)) return absl::InvalidArgumentError(absl::StrCat(path, " is a directory"));
  if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > max_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrFormat("%s is %d bytes, over the limit of %d bytes", path, st.st_size, max_bytes));
  }
  std::string out;
  if (S_ISREG(st.st_mode)) out.reserve(static_cast<std::size_t>(st.st_size));
  // Pipes and /proc files report no size: read in chunks, never more than max_bytes + 1.
  char buf[1 << 16];
  for (;;) {
    const std::size_t left = max_bytes - out.size();  // out.size() <= max_bytes here
    const std::size_t want = left >= sizeof buf ? sizeof buf : left + 1;
    const ssize_t n = ::read(fd.get(), buf, want);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus(errno, "cannot read", path);
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
    if (out.size() > max_bytes) {
      return absl::ResourceExhaustedError(
          absl::StrFormat("%s is longer than the limit of %d bytes", path, max_bytes));
    }
  }
  return out;
}

absl::StatusOr<FileBytes> FileBytes::Open(const std::string& path, std::size_t max_bytes) {
  FileBytes out;
  {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) return ErrnoStatus(errno, "cannot open", path);
    struct stat st;
    if (::fstat(fd.get(), &st) != 0) return ErrnoStatus(errno, "cannot stat", path);
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
      if (static_cast<std::size_t>(st.st_size) > max_bytes) {
        return absl::ResourceExhaustedError(absl::StrFormat(
            "%s is %d bytes, over the limit of %d bytes", path, st.st_size, max_bytes));
      }
      void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE,
                       fd.get(), 0);
      if (p != MAP_FAILED) {
        ::madvise(p, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
        out.map_ = static_cast<const char*>(p);
        out.size_ = static_cast<std::size_t>(st.st_size);
        return out;
      }
    }
  }
  auto text = ReadFile(path, max_bytes);
  if (!text.ok()) return text.status();
  out.copy_ = *std::move(text);
  return out;
}

FileBytes::FileBytes(FileBytes&& o) noexcept
    : map_(std::exchange(o.map_, nullptr)),
      size_(std::exchange(o.size_, 0)),
      copy_(std::move(o.copy_)) {}

FileBytes& FileBytes::operator=(FileBytes&& o) noexcept {
  if (this != &o) {
    if (map_) ::munmap(const_cast<char*>(map_), size_);
    map_ = std::exchange(o.map_, nullptr);
    size_ = std::exchange(o.size_, 0);
    copy_ = std::move(o.copy_);
  }
  return *this;
}

FileBytes::~FileBytes() {
  if (map_) ::munmap(const_cast<char*>(map_), size_);
}

}  // namespace mandate
