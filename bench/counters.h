// The per-task counters every national-scale benchmark reports (bench/README.md): tasks/s,
// ns/task (shown in seconds with an SI prefix: "2.1n" is 2.1 ns) and bytes of dataset memory
// per task.
#ifndef MANDATE_BENCH_COUNTERS_H
#define MANDATE_BENCH_COUNTERS_H

#include <benchmark/benchmark.h>

#include <cstddef>

namespace mandate::bench {

inline void SetTaskCounters(benchmark::State& state, std::size_t tasks,
                            std::size_t memory_bytes = 0) {
  const double n = static_cast<double>(tasks);
  state.counters["tasks/s"] = benchmark::Counter(n, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["s/task"] = benchmark::Counter(
      n, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  if (memory_bytes) state.counters["bytes/task"] = static_cast<double>(memory_bytes) / n;
}

}  // namespace mandate::bench

#endif
