// ClassifyAll throughput on the national-scale workload (bench/generate.h) at 1e6 and 1e7
// tasks: 5% recurring and 1% with a deadline change take the full-rule path, the rest the
// columnar fast path. Each size is built once.
#include <benchmark/benchmark.h>

#include "counters.h"
#include "generate.h"
#include "mandate/classification.h"

namespace {

using mandate::Dataset;
using mandate::Day;

const Dataset& Cached(std::size_t n) { return mandate::bench::SharedDataset(n); }

void BM_ClassifyAll(benchmark::State& state) {
  const Dataset& ds = Cached(static_cast<std::size_t>(state.range(0)));
  mandate::ClassifyOptions options;
  options.threads = static_cast<int>(state.range(1));
  std::vector<std::uint8_t> out;
  const Day as_of = mandate::bench::kDefaultAsOf;
  for (auto _ : state) {
    mandate::ClassifyAll(ds, as_of, options, out);
    benchmark::DoNotOptimize(out.data());
  }
  mandate::bench::SetTaskCounters(state, ds.task_count(), ds.MemoryBytes());
}
BENCHMARK(BM_ClassifyAll)
    ->ArgsProduct({{1000000, 10000000}, {1, 2}})
    ->ArgNames({"tasks", "threads"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_ClassifyTask(benchmark::State& state) {
  const Dataset& ds = Cached(1000000);
  const Day as_of = mandate::bench::kDefaultAsOf;
  mandate::TaskIndex i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(mandate::ClassifyTask(ds, i, as_of));
    i = (i + 7919) % static_cast<mandate::TaskIndex>(ds.task_count());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ClassifyTask);

}  // namespace
