#include "parallel_read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <thread>
#include <vector>

namespace mandate::internal {

std::optional<ReadBytes> ReadFileInParallel(const std::string& path, std::size_t max_bytes,
                                            std::size_t threads) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) return std::nullopt;
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size > max_bytes || threads < 2) return std::nullopt;
  ReadBytes out;
  out.data.reset(new char[size + 1]);  // no zero fill: pread writes every byte kept
  out.size = size;
  std::atomic<bool> ok{true};
  // Each share must come back whole; a short read means the file changed.
  const auto read_share = [&](std::size_t k) {
    std::size_t at = size / threads * k;
    const std::size_t end = k + 1 == threads ? size : size / threads * (k + 1);
    while (at < end && ok) {
      const ssize_t n = ::pread(fd, out.data.get() + at, end - at, static_cast<off_t>(at));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        ok = false;
        return;
      }
      at += static_cast<std::size_t>(n);
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t k = 1; k < threads; ++k) helpers.emplace_back(read_share, k);
  read_share(0);
  for (auto& t : helpers) t.join();
  // One byte past the size tells a file that grew while it was read.
  if (!ok || ::pread(fd, out.data.get() + size, 1, static_cast<off_t>(size)) != 0) {
    return std::nullopt;
  }
  return out;
}

}  // namespace mandate::internal
