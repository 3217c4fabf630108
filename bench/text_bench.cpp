#include <benchmark/benchmark.h>

#include "mandate/text.h"

namespace {
void BM_NormalizeKey(benchmark::State& state) {
  const std::string s = "Bộ Văn hóa, Thể thao và Du lịch, Ủy ban nhân dân TP. Hồ Chí Minh";
  for (auto _ : state) benchmark::DoNotOptimize(mandate::NormalizeKey(s));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * s.size()));
}
BENCHMARK(BM_NormalizeKey);
}  // namespace
