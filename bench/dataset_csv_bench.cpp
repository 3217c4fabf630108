// Query 3: loading the project CSV of the national-scale workload (bench/generate.h) into a
// Dataset: agency names resolved, deadline phrases and dates parsed; and the same tasks from
// the bundled JSON format (written by the library from the CSV's dataset). The texts are made
// once per size, in memory; the loads are timed without the file read.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <map>
#include <sstream>
#include <string>

#include "counters.h"
#include "generate.h"
#include "mandate/dataset_csv.h"
#include "mandate/dataset_json.h"

namespace {

const std::string& WorkloadCsv(std::size_t n) {
  static auto* cache = new std::map<std::size_t, std::string>;
  auto& slot = (*cache)[n];
  if (slot.empty()) {
    std::ostringstream out;
    mandate::bench::Generator gen({.n = n});
    mandate::bench::GenTask t;
    mandate::bench::WriteCsvHeader(out);
    while (gen.Next(t)) mandate::bench::WriteCsvRow(out, t);
    slot = std::move(out).str();
  }
  return slot;
}

const std::string& WorkloadJson(std::size_t n) {
  static auto* cache = new std::map<std::size_t, std::string>;
  auto& slot = (*cache)[n];
  if (slot.empty()) {
    mandate::CsvReadOptions options;
    options.max_bytes = std::size_t{16} << 30;
    auto ds = mandate::ReadDatasetCsv(WorkloadCsv(n), options);
    if (ds.ok()) slot = mandate::WriteDatasetJson(*ds).value_or("");
  }
  return slot;
}

// Args: N, threads (1: the one-thread read; 2: chunks on two threads).
void BM_LoadDatasetCsv(benchmark::State& state) {
  const std::string& csv = WorkloadCsv(static_cast<std::size_t>(state.range(0)));
  mandate::CsvReadOptions options;
  options.max_bytes = std::size_t{16} << 30;
  options.threads = static_cast<std::size_t>(state.range(1));
  std::size_t tasks = 0, memory = 0, problems = 0, titles = 0;
  for (auto _ : state) {
    std::vector<mandate::LoadProblem> p;
    auto ds = mandate::ReadDatasetCsv(csv, options, &p);
    if (!ds.ok()) {
      state.SkipWithError(std::string(ds.status().message()).c_str());
      return;
    }
    tasks = ds->task_count();
    memory = ds->MemoryBytes();
    problems = p.size();
    state.PauseTiming();
    titles = 0;
    for (mandate::TaskIndex i = 0; i < tasks; ++i) titles += ds->task_title(i).size();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(csv.size()));
  mandate::bench::SetTaskCounters(state, tasks, memory);
  state.counters["bytes/task-titles"] =
      static_cast<double>(memory - titles) / static_cast<double>(tasks);
  state.counters["csv_bytes/task"] = static_cast<double>(csv.size()) / static_cast<double>(tasks);
  state.counters["problems"] = static_cast<double>(problems);
}
BENCHMARK(BM_LoadDatasetCsv)
    ->Args({10'000, 1})
    ->Args({1'000'000, 1})
    ->Args({1'000'000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

void BM_LoadDatasetJson(benchmark::State& state) {
  const std::string& text = WorkloadJson(static_cast<std::size_t>(state.range(0)));
  if (text.empty()) {
    state.SkipWithError("the workload did not convert to JSON");
    return;
  }
  mandate::JsonReadOptions options;
  options.max_bytes = std::size_t{16} << 30;
  options.threads = static_cast<std::size_t>(state.range(1));
  std::size_t tasks = 0, memory = 0, problems = 0;
  for (auto _ : state) {
    std::vector<mandate::LoadProblem> p;
    auto ds = mandate::ReadDatasetJson(text, options, &p);
    if (!ds.ok()) {
      state.SkipWithError(std::string(ds.status().message()).c_str());
      return;
    }
    tasks = ds->task_count();
    memory = ds->MemoryBytes();
    problems = p.size();
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  mandate::bench::SetTaskCounters(state, tasks, memory);
  state.counters["json_bytes/task"] = static_cast<double>(text.size()) / static_cast<double>(tasks);
  state.counters["problems"] = static_cast<double>(problems);
}
BENCHMARK(BM_LoadDatasetJson)
    ->Args({10'000, 1})
    ->Args({1'000'000, 1})
    ->Args({1'000'000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace
