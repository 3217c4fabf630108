// Opening the binary snapshot (docs/snapshot-format.md) of the national-scale workload: the
// file is mapped, every checksum verified on both cores, the numeric columns copied, the ids
// and titles borrowed from the mapping, the small indexes rebuilt. The snapshot is written
// once per size to the temporary directory (and stays in the page cache, as a file that was
// just saved or is reopened).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>

#include "counters.h"
#include "generate.h"
#include "mandate/dataset_snapshot.h"

namespace {

const std::string& SnapshotFile(std::size_t n) {
  static auto* cache = new std::map<std::size_t, std::string>;
  auto& slot = (*cache)[n];
  if (slot.empty()) {
    slot = (std::filesystem::temp_directory_path() /
            ("mandate-bench-" + std::to_string(::getpid()) + "-" + std::to_string(n) + ".snapshot"))
               .string();
    if (!mandate::SaveSnapshot(mandate::bench::SharedDataset(n), slot).ok()) slot.clear();
  }
  return slot;
}

void BM_SnapshotOpen(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::string& path = SnapshotFile(n);
  if (path.empty()) {
    state.SkipWithError("cannot write the snapshot");
    return;
  }
  std::size_t tasks = 0, memory = 0;
  for (auto _ : state) {
    auto ds = mandate::OpenSnapshot(path);
    if (!ds.ok()) {
      state.SkipWithError(std::string(ds.status().message()).c_str());
      return;
    }
    tasks = ds->task_count();
    memory = ds->MemoryBytes();
    state.PauseTiming();
    ds = absl::UnknownError("");  // the unmapping is not part of the open
    state.ResumeTiming();
  }
  const auto bytes = std::filesystem::file_size(path);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
  mandate::bench::SetTaskCounters(state, tasks, memory);
  state.counters["file_bytes/task"] = static_cast<double>(bytes) / static_cast<double>(tasks);
}
BENCHMARK(BM_SnapshotOpen)->Arg(10'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
