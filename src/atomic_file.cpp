#include "mandate/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
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
    default:  // EIO, EMFILE, ...: the file system failed, not the library
      return absl::UnavailableError(msg);
  }
}

// Closes the descriptor on every path out of a function.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(other.Release()) {}
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

// Follows symlinks at the last component (as open() would) to the path that holds the data,
// which may not exist yet (a dangling link names the file to create). *st is its lstat, or
// st_mode 0 when it does not exist.
absl::StatusOr<std::string> ResolveLinks(const std::string& path, struct stat* st) {
  std::string target = path;
  for (int hops = 0;; ++hops) {
    if (::lstat(target.c_str(), st) != 0) {
      if (errno != ENOENT) return ErrnoStatus(errno, "cannot stat", target);
      st->st_mode = 0;
      return target;
    }
    if (!S_ISLNK(st->st_mode)) return target;
    if (hops == 40) return ErrnoStatus(ELOOP, "cannot follow the links of", path);
    std::string link(static_cast<std::size_t>(st->st_size > 0 ? st->st_size : 255) + 1, '\0');
    const ssize_t n = ::readlink(target.c_str(), link.data(), link.size());
    if (n < 0) return ErrnoStatus(errno, "cannot read the link", target);
    if (static_cast<std::size_t>(n) >= link.size()) {
      return ErrnoStatus(ENAMETOOLONG, "cannot read the link", target);  // changed meanwhile
    }
    link.resize(static_cast<std::size_t>(n));
    target = link.front() == '/' ? link : DirectoryOf(target) + "/" + link;
  }
}

// A FIFO, a terminal or a device (/dev/null, /dev/stdout on a pipe): written in place. A
// rename would replace the node itself, which is never what the caller meant.
absl::Status WriteInPlace(const std::string& path, std::string_view bytes) {
  Fd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) return ErrnoStatus(errno, "cannot open", path);
  if (absl::Status s = WriteAll(fd.get(), bytes, path); !s.ok()) return s;
  if (::close(fd.Release()) != 0) return ErrnoStatus(errno, "cannot close", path);
  return absl::OkStatus();
}

}  // namespace

absl::Status WriteFileAtomically(const std::string& requested, std::string_view bytes) {
  if (requested.empty() || requested.back() == '/') {
    return absl::InvalidArgumentError(absl::StrCat("not a file path: '", requested, "'"));
  }
  // What the path names in the end (open() follows /proc's magic links too: /dev/stdout on a
  // pipe has no path to resolve): anything but a regular file is written in place.
  struct stat st;
  if (::stat(requested.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) {
      return absl::InvalidArgumentError(
          absl::StrCat("cannot save to ", requested, ": a directory"));
    }
    return WriteInPlace(requested, bytes);
  }
  // Through a symlink the data belongs to the link's target: the temporary file goes beside
  // the target and replaces it, and the link (a shared file's alias) stays.
  struct stat lst;
  auto resolved = ResolveLinks(requested, &lst);
  if (!resolved.ok()) return resolved.status();
  if (lst.st_mode != 0 && !S_ISREG(lst.st_mode)) {  // replaced since the stat above
    return absl::UnavailableError(
        absl::StrCat("cannot save to ", requested, ": it changed into a non-regular file"));
  }
  const std::string& path = *resolved;
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

namespace {

// Opens `path` for reading; a directory, or a regular file already over max_bytes, is refused
// before a byte is read. *st receives the file's fstat (st_size is 0 for pipes and /proc).
absl::StatusOr<Fd> OpenForReading(const std::string& path, std::size_t max_bytes, struct stat* st) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return ErrnoStatus(errno, "cannot open", path);
  if (::fstat(fd.get(), st) != 0) return ErrnoStatus(errno, "cannot stat", path);
  if (S_ISDIR(st->st_mode))
    return absl::InvalidArgumentError(absl::StrCat(path, " is a directory"));
  if (S_ISREG(st->st_mode) && static_cast<std::size_t>(st->st_size) > max_bytes) {
    return absl::ResourceExhaustedError(absl::StrFormat(
        "%s is %d bytes, over the limit of %d bytes", path, st->st_size, max_bytes));
  }
  return fd;
}

}  // namespace

absl::StatusOr<std::string> ReadFile(const std::string& path, std::size_t max_bytes) {
  struct stat st;
  absl::StatusOr<Fd> fd = OpenForReading(path, max_bytes, &st);
  if (!fd.ok()) return fd.status();
  std::string out;
  if (S_ISREG(st.st_mode)) out.reserve(static_cast<std::size_t>(st.st_size));
  // Pipes and /proc files report no size: read in chunks, never more than max_bytes + 1.
  char buf[1 << 16];
  for (;;) {
    const std::size_t left = max_bytes - out.size();  // out.size() <= max_bytes here
    const std::size_t want = left >= sizeof buf ? sizeof buf : left + 1;
    const ssize_t n = ::read(fd->get(), buf, want);
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
  struct stat st;
  absl::StatusOr<Fd> fd = OpenForReading(path, max_bytes, &st);
  if (!fd.ok()) return fd.status();
  // Read, not mapped: a file truncated by another process while it is loaded must give an
  // error or its shorter content, never SIGBUS in the program linking the library. The size
  // is what read() returned, not what fstat said; one byte over the expected size tells a
  // file that grew, and the buffer then doubles up to max_bytes + 1.
  FileBytes out;
  std::size_t capacity =
      S_ISREG(st.st_mode) ? static_cast<std::size_t>(st.st_size) + 1 : std::size_t{1} << 16;
  capacity = std::min(capacity, max_bytes + 1);
  out.data_.reset(new char[capacity]);  // no zero fill: read() writes every byte kept
  for (;;) {
    if (out.size_ == capacity) {
      if (capacity > max_bytes) {
        return absl::ResourceExhaustedError(
            absl::StrFormat("%s is longer than the limit of %d bytes", path, max_bytes));
      }
      const std::size_t grown = std::min(capacity * 2, max_bytes + 1);
      std::unique_ptr<char[]> bigger(new char[grown]);
      std::memcpy(bigger.get(), out.data_.get(), out.size_);
      out.data_ = std::move(bigger);
      capacity = grown;
    }
    const ssize_t n = ::read(fd->get(), out.data_.get() + out.size_, capacity - out.size_);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus(errno, "cannot read", path);
    }
    if (n == 0) break;
    out.size_ += static_cast<std::size_t>(n);
  }
  return out;
}

}  // namespace mandate
