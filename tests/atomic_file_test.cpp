#include "mandate/atomic_file.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

namespace mandate {
namespace {

namespace fs = std::filesystem;

class AtomicFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mandate_atomic_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::size_t EntriesInDir() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_), {}));
  }
  fs::path dir_;
};

TEST_F(AtomicFile, WritesReplacesAndReadsBack) {
  const std::string path = dir_ / "data.json";
  ASSERT_TRUE(WriteFileAtomically(path, "first").ok());
  ASSERT_EQ(ReadFile(path).value(), "first");
  ::chmod(path.c_str(), 0640);
  const std::string big(3 << 20, 'z');
  ASSERT_TRUE(WriteFileAtomically(path, big).ok());
  EXPECT_EQ(ReadFile(path).value(), big);
  EXPECT_EQ(fs::status(path).permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(EntriesInDir(), 1u);  // no temporary file left behind
}

TEST_F(AtomicFile, ReadRefusesOversizedAndMissingFiles) {
  const std::string path = dir_ / "big.csv";
  ASSERT_TRUE(WriteFileAtomically(path, std::string(1000, 'a')).ok());
  auto r = ReadFile(path, 999);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("999"), std::string::npos);
  EXPECT_EQ(ReadFile(path, 1000).value().size(), 1000u);
  auto missing = ReadFile(dir_ / "nope.csv");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("nope.csv"), std::string::npos);
  EXPECT_FALSE(ReadFile(dir_).ok());  // a directory
  // A pipe-like file without a size: the bound still holds.
  EXPECT_EQ(ReadFile("/dev/zero", 4096).status().code(), absl::StatusCode::kResourceExhausted);
}

TEST_F(AtomicFile, FileBytesReadsWithTheSameLimitsAsReadFile) {
  const std::string path = dir_ / "tasks.csv";
  ASSERT_TRUE(WriteFileAtomically(path, "id,title\nT1,Nhiệm vụ\n").ok());
  auto mapped = FileBytes::Open(path);
  ASSERT_TRUE(mapped.ok()) << mapped.status().message();
  FileBytes moved = *std::move(mapped);  // the view survives a move
  EXPECT_EQ(moved.text(), "id,title\nT1,Nhiệm vụ\n");
  EXPECT_EQ(FileBytes::Open(path, 5).status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(FileBytes::Open(dir_ / "missing.csv").status().code(), absl::StatusCode::kNotFound);
  ASSERT_TRUE(WriteFileAtomically(dir_ / "empty.csv", "").ok());
  auto empty = FileBytes::Open(dir_ / "empty.csv");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->text(), "");
  // Not a regular file (no size): read to its end.
  auto proc = FileBytes::Open("/proc/self/status");
  ASSERT_TRUE(proc.ok()) << proc.status().message();
  EXPECT_NE(proc->text().find("Name:"), std::string_view::npos);
}

// Saving through a symlink updates the file the link names (a shared file stays shared): the
// link stays a link, the temporary file goes beside the target and is gone afterwards.
TEST_F(AtomicFile, SaveThroughASymlinkReplacesItsTarget) {
  fs::create_directories(dir_ / "shared");
  const fs::path target = dir_ / "shared" / "plan.json";
  ASSERT_TRUE(WriteFileAtomically(target, "old").ok());
  ::chmod(target.c_str(), 0640);
  fs::create_symlink("shared/plan.json", dir_ / "link.json");   // relative
  fs::create_symlink(dir_ / "link.json", dir_ / "link2.json");  // absolute, to a link
  ASSERT_TRUE(WriteFileAtomically(dir_ / "link2.json", "new").ok());
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.json"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "link2.json"));
  EXPECT_EQ(ReadFile(target).value(), "new");
  EXPECT_EQ(fs::status(target).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "shared"), {}), 1);
  EXPECT_EQ(EntriesInDir(), 3u);  // shared/, link.json, link2.json

  // A dangling link names the file to create.
  fs::create_symlink("shared/new.json", dir_ / "dangling.json");
  ASSERT_TRUE(WriteFileAtomically(dir_ / "dangling.json", "made").ok());
  EXPECT_TRUE(fs::is_symlink(dir_ / "dangling.json"));
  EXPECT_EQ(ReadFile(dir_ / "shared" / "new.json").value(), "made");

  // A loop is an error, not a hang.
  fs::create_symlink("loop-b", dir_ / "loop-a");
  fs::create_symlink("loop-a", dir_ / "loop-b");
  EXPECT_FALSE(WriteFileAtomically(dir_ / "loop-a", "x").ok());
}

// A FIFO or a device is written in place: replacing it by a regular file (as root, /dev/null
// itself) is never what was meant.
TEST_F(AtomicFile, FifoAndDevicesAreWrittenInPlaceNotReplaced) {
  const std::string fifo = dir_ / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = ReadFile(fifo).value_or("read failed"); });
  EXPECT_TRUE(WriteFileAtomically(fifo, "through the pipe").ok());
  reader.join();
  EXPECT_EQ(received, "through the pipe");
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_EQ(EntriesInDir(), 1u);

  EXPECT_TRUE(WriteFileAtomically("/dev/null", "discarded").ok());
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
  const absl::Status full = WriteFileAtomically("/dev/full", "no room");
  EXPECT_EQ(full.code(), absl::StatusCode::kResourceExhausted) << full;
  EXPECT_TRUE(fs::is_character_file("/dev/full"));

  fs::create_directories(dir_ / "folder");
  EXPECT_EQ(WriteFileAtomically(dir_ / "folder", "x").code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(fs::is_directory(dir_ / "folder"));
}

TEST_F(AtomicFile, WriteIntoMissingDirectoryFailsCleanly) {
  const absl::Status s = WriteFileAtomically(dir_ / "no" / "such" / "file", "x");
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(WriteFileAtomically("", "x").code(), absl::StatusCode::kInvalidArgument);
}

// A write that fails halfway (the file size limit is hit in a child process) leaves the old
// file byte for byte and no temporary file.
TEST_F(AtomicFile, FailedWriteLeavesOldFileIntact) {
  const std::string path = dir_ / "plan.json";
  const std::string old_content = "old content that must survive";
  ASSERT_TRUE(WriteFileAtomically(path, old_content).ok());
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::signal(SIGXFSZ, SIG_IGN);
    const rlimit lim{4096, 4096};
    ::setrlimit(RLIMIT_FSIZE, &lim);
    const absl::Status s = WriteFileAtomically(path, std::string(1 << 20, 'n'));
    ::_exit(s.code() == absl::StatusCode::kResourceExhausted ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "the write should have failed with ResourceExhausted";
  EXPECT_EQ(ReadFile(path).value(), old_content);
  EXPECT_EQ(EntriesInDir(), 1u);
}

// A writer killed at arbitrary moments leaves the file equal to one of the versions written,
// never a mix or a truncation.
TEST_F(AtomicFile, KilledWriterLeavesOldOrNewVersion) {
  const std::string path = dir_ / "tasks.csv";
  const std::string a(1 << 20, 'A'), b(1 << 19, 'B');
  ASSERT_TRUE(WriteFileAtomically(path, a).ok());
  for (int trial = 0; trial < 10; ++trial) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      for (int i = 0;; ++i) (void)WriteFileAtomically(path, i % 2 ? a : b);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5 + 7 * trial));
    ::kill(pid, SIGKILL);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    const std::string now = ReadFile(path).value();
    EXPECT_TRUE(now == a || now == b) << "trial " << trial << ": " << now.size() << " bytes";
  }
}

}  // namespace
}  // namespace mandate
