// Agency resolution speed over the real seed cells: cells per second.
#include <benchmark/benchmark.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "mandate/agency_registry.h"
#include "seed_data.h"

namespace {

void Resolve(benchmark::State& state, const char* field) {
  const auto& reg = mandate::AgencyRegistry::Bundled();
  const auto cells = mandate::testing::ReadSeedField("plan-2025-tasks.jsonl", field);
  if (cells.empty()) {
    state.SkipWithError("no seed cells");
    return;
  }
  std::size_t bytes = 0;
  for (const auto& c : cells) bytes += c.size();
  for (auto _ : state) {
    for (const auto& c : cells) benchmark::DoNotOptimize(reg.Resolve(c));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * cells.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["cells"] = static_cast<double>(cells.size());
}

// All 248 lead cells of the 2025 plan (items/s = cells resolved per second).
void BM_ResolveSeedLeadCells(benchmark::State& state) { Resolve(state, "lead"); }
BENCHMARK(BM_ResolveSeedLeadCells);

// Coordinator cells: longer lists, more collectives.
void BM_ResolveSeedCoordinatorCells(benchmark::State& state) { Resolve(state, "coordinators"); }
BENCHMARK(BM_ResolveSeedCoordinatorCells);

void BM_LoadBundledRegistry(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        mandate::AgencyRegistry::FromJson(mandate::AgencyRegistry::BundledJson()));
  }
}
BENCHMARK(BM_LoadBundledRegistry);

}  // namespace
