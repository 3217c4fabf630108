// Nothing is lost when a save is interrupted: a child process saves a file and is killed
// (SIGKILL, no chance to clean up) after a random delay, over and over; the target must then
// hold the complete old content or the complete new content, never a mix or a truncation.
// And a damaged dataset file (every truncation, every single-bit flip) is reported, never
// loaded as different data.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>

#include "absl/strings/str_format.h"
#include "mandate/atomic_file.h"
#include "mandate/dataset_json.h"
#include "mandate/deadline.h"
#include "seed_data.h"

namespace mandate {
namespace {

namespace fs = std::filesystem;

// Content of generation g: every 8-byte word holds (g, position), so any mix of two
// generations or any truncation is recognisable; sizes differ between generations.
std::string Generation(std::uint32_t g) {
  const std::size_t words = (std::size_t{1} << 17) + (g % 7) * 4096;  // ~1 MiB
  std::string s(words * 8, '\0');
  for (std::size_t i = 0; i < words; ++i) {
    const std::uint64_t v = (std::uint64_t{g} << 32) | i;
    std::memcpy(&s[i * 8], &v, 8);
  }
  return s;
}

fs::path ScratchDir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("mandate-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string Slurp(const fs::path& p) {
  auto r = ReadFile(p.string());
  return r.ok() ? *r : std::string("<unreadable>");
}

// Runs save() in a child and kills it after delay (or lets it finish if it is faster).
// Returns true when the child finished on its own.
template <class Save>
bool SaveInChildAndKill(Save save, std::chrono::microseconds delay) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const bool ok = save();
    ::_exit(ok ? 0 : 3);
  }
  EXPECT_GT(pid, 0);
  if (pid <= 0) return false;
  // Wait for the child to finish or the delay to pass, whichever comes first.
  const auto deadline = std::chrono::steady_clock::now() + delay;
  int status = 0;
  pid_t done = 0;
  while ((done = ::waitpid(pid, &status, WNOHANG)) == 0 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::microseconds(20));
  }
  if (done == 0) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
  }
  if (WIFEXITED(status)) {
    EXPECT_EQ(WEXITSTATUS(status), 0) << "the save itself failed in the child";
    return true;
  }
  return false;
}

struct Tally {
  int trials = 0, old_intact = 0, new_intact = 0, corrupted = 0, finished = 0, leftovers = 0;
};

// Kills saves at random points. The delay range adapts so that kills land both before and
// after the rename (an all-old or all-new run would prove little); the check is on content
// only, never on time.
template <class MakeSave, class Classify>
Tally KillSavesRepeatedly(int trials, const fs::path& dir, MakeSave make_save, Classify classify) {
  std::mt19937 rng(57);
  Tally t;
  // Start with delays up to twice an uninterrupted save (timed in a child, as the trials run).
  std::chrono::microseconds full{0};
  for (int i = 0; i < 3; ++i) {
    const auto begin = std::chrono::steady_clock::now();
    EXPECT_TRUE(SaveInChildAndKill(make_save(0), std::chrono::seconds(30)));
    full = std::max(full, std::chrono::duration_cast<std::chrono::microseconds>(
                              std::chrono::steady_clock::now() - begin));
  }
  std::chrono::microseconds range = std::max(2 * full, std::chrono::microseconds(100));
  for (int k = 1; k <= trials; ++k) {
    std::uniform_int_distribution<long> pick(0, range.count());
    const bool finished = SaveInChildAndKill(make_save(k), std::chrono::microseconds(pick(rng)));
    ++t.trials;
    t.finished += finished;
    switch (classify(k)) {
      case 0:
        ++t.old_intact;
        break;
      case 1:
        ++t.new_intact;
        break;
      default:
        ++t.corrupted;
        break;
    }
    if (k % 20 == 0) {  // steer: too many finished saves -> shorter delays, and vice versa
      if (t.new_intact > 2 * t.old_intact + 5) range /= 2;
      if (t.old_intact > 2 * t.new_intact + 5) range *= 2;
      if (range.count() < 50) range = std::chrono::microseconds(50);
    }
    // A killed save may leave its temporary file; it never stands in for the target.
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().filename().string().rfind(".", 0) == 0) {
        ++t.leftovers;
        fs::remove(e.path());
      }
    }
  }
  return t;
}

TEST(SaveInterruption, KilledAtomicWriteLeavesOldOrNewNeverAMix) {
  const fs::path dir = ScratchDir("kill-write");
  const std::string path = (dir / "data.bin").string();
  ASSERT_TRUE(WriteFileAtomically(path, Generation(0)).ok());
  std::uint32_t current = 0;  // the generation the file is known to hold
  const Tally t = KillSavesRepeatedly(
      200, dir,
      [&](int k) { return [&path, k] { return WriteFileAtomically(path, Generation(k)).ok(); }; },
      [&](int k) {
        const std::string now = Slurp(path);
        if (now == Generation(current)) return 0;
        if (now == Generation(k)) {
          current = static_cast<std::uint32_t>(k);
          return 1;
        }
        ADD_FAILURE() << "trial " << k << ": file is neither generation " << current << " nor " << k
                      << " (" << now.size() << " bytes)";
        return 2;
      });
  std::printf(
      "atomic write: %d trials, %d old intact, %d new intact, %d finished before the "
      "kill, %d corrupted, %d temporary files left by kills\n",
      t.trials, t.old_intact, t.new_intact, t.finished, t.corrupted, t.leftovers);
  RecordProperty("trials", t.trials);
  RecordProperty("corrupted", t.corrupted);
  EXPECT_EQ(t.corrupted, 0);
  EXPECT_EQ(t.trials, 200);
  // Both outcomes happened, so kills really landed before and after the switch-over.
  EXPECT_GT(t.old_intact, 0);
  EXPECT_GT(t.new_intact, 0);
  fs::remove_all(dir);
}

// A dataset of the seed plan's first rows, with generation g written into each title.
Dataset PlanDataset(int g) {
  Dataset ds;
  const auto rows = mandate::testing::ReadSeedJsonl("plan-2025-tasks.jsonl");
  int n = 0;
  for (const auto& row : rows) {
    if (n >= 60) break;
    Task t;
    t.id = row["id"].get<std::string>();
    t.title = row["title"].get<std::string>() + " #" + std::to_string(g);
    t.lead_text = row["lead"].get<std::string>();
    t.coordinators_text = row["coordinators"].get<std::string>();
    auto d = ParseDeadline(row["deadline_text"].get<std::string>(), {.plan_year = 2025});
    if (d.ok()) {
      t.deadline = *d;
    } else {
      t.deadline.text = row["deadline_text"].get<std::string>();
    }
    EXPECT_TRUE(ds.AddTask(t).ok()) << t.id;
    ++n;
  }
  EXPECT_EQ(n, 60);
  return ds;
}

TEST(SaveInterruption, KilledDatasetSaveLoadsOldOrNewDataset) {
  const fs::path dir = ScratchDir("kill-dataset");
  const std::string path = (dir / "plan.json").string();
  // Built before forking, so the child does nothing but save.
  std::vector<Dataset> sets;
  std::vector<std::string> bytes;  // WriteDatasetJson of each generation
  for (int g = 0; g <= 60; ++g) {
    sets.push_back(PlanDataset(g));
    bytes.push_back(WriteDatasetJson(sets.back()).value());
  }
  ASSERT_TRUE(SaveDatasetJson(sets[0], path).ok());
  int current = 0;
  const Tally t = KillSavesRepeatedly(
      60, dir,
      [&](int k) { return [&path, &sets, k] { return SaveDatasetJson(sets[k], path).ok(); }; },
      [&](int k) {
        JsonReadOptions strict;
        strict.strict = true;
        strict.require_checksum = true;
        auto ds = LoadDatasetJson(path, strict);
        if (!ds.ok()) {
          ADD_FAILURE() << "trial " << k << ": " << ds.status();
          return 2;
        }
        const std::string now = WriteDatasetJson(*ds).value();
        if (now == bytes[current]) return 0;
        if (now == bytes[k]) {
          current = k;
          return 1;
        }
        ADD_FAILURE() << "trial " << k << ": loaded a dataset that was never saved";
        return 2;
      });
  std::printf("dataset save: %d trials, %d old intact, %d new intact, %d corrupted\n", t.trials,
              t.old_intact, t.new_intact, t.corrupted);
  EXPECT_EQ(t.corrupted, 0);
  EXPECT_GT(t.old_intact, 0);
  EXPECT_GT(t.new_intact, 0);
  fs::remove_all(dir);
}

// Every truncation and every single-bit flip of a saved dataset: refused; or loaded identical
// with a problem reported (a flip that leaves the data as it was, e.g. in the name of the
// checksum field); or, when the file still parses but its data changed, loaded with the
// checksum-mismatch problem, which strict mode refuses. Never different data loaded silently.
TEST(SaveInterruption, EveryTruncationAndBitFlipOfADatasetFileIsReported) {
  Dataset ds = PlanDataset(1);
  // A small file keeps the exhaustive loop cheap: the first 3 tasks.
  Dataset small;
  for (TaskIndex i = 0; i < 3; ++i) ASSERT_TRUE(small.AddTask(ds.GetTask(i)).ok());
  const std::string good = WriteDatasetJson(small).value();
  JsonReadOptions opt;
  int refused = 0, same_with_problem = 0;
  const std::size_t content_end = good.find_last_not_of(" \r\n\t") + 1;
  for (std::size_t cut = 0; cut < good.size(); ++cut) {
    auto r = ReadDatasetJson(std::string_view(good).substr(0, cut), opt);
    if (cut >= content_end) {  // only the final line break is gone: the same data
      ASSERT_TRUE(r.ok()) << r.status();
      EXPECT_EQ(WriteDatasetJson(*r).value(), good);
      continue;
    }
    ASSERT_FALSE(r.ok()) << "truncated to " << cut << " bytes, yet loaded";
    ++refused;
  }
  JsonReadOptions strict;
  strict.strict = true;
  int changed_with_mismatch = 0, strict_refused = 0;
  const auto mismatch = [](const std::vector<LoadProblem>& problems) {
    return std::any_of(problems.begin(), problems.end(), [](const LoadProblem& p) {
      return p.field == "checksum" && p.message.starts_with("checksum mismatch");
    });
  };
  for (std::size_t at = 0; at < good.size(); ++at) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string bad = good;
      bad[at] = static_cast<char>(bad[at] ^ (1 << bit));
      std::vector<LoadProblem> problems;
      auto r = ReadDatasetJson(bad, opt, &problems);
      auto s = ReadDatasetJson(bad, strict);
      const std::string where = absl::StrFormat("bit %d of byte %d flipped", bit, at);
      if (s.ok()) {
        ASSERT_EQ(WriteDatasetJson(*s).value(), good) << where << ": strict loaded other data";
      } else {
        ++strict_refused;
      }
      if (!r.ok()) {
        ++refused;
        continue;
      }
      ASSERT_FALSE(problems.empty()) << where << ": loaded without a problem reported";
      if (WriteDatasetJson(*r).value() == good) {
        ++same_with_problem;
        continue;
      }
      ASSERT_TRUE(mismatch(problems)) << where << ": different data without a checksum problem";
      ASSERT_EQ(s.status().code(), absl::StatusCode::kDataLoss) << where;
      ++changed_with_mismatch;
    }
  }
  std::printf(
      "damaged files: %zu truncations + %zu bit flips: %d refused, %d loaded the same "
      "data with a problem reported, %d loaded changed data with the checksum mismatch "
      "reported (strict mode refused %d of the flips), 0 loaded other data silently\n",
      good.size(), good.size() * 8, refused, same_with_problem, changed_with_mismatch,
      strict_refused);
  EXPECT_GT(strict_refused, static_cast<int>(good.size() * 7));
  EXPECT_GT(refused, static_cast<int>(good.size() * 4));
}

}  // namespace
}  // namespace mandate
