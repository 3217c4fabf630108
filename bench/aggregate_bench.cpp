// Classify + aggregate by lead agency x status at national scale, next to the streaming
// floor (bench/stream_floor.h: the time to read the bytes the query reads, on every core).
// Each pipeline benchmark also reports its time as a multiple of that floor measured in the
// same process ("x_floor"). BM_NaiveLoop is a straightforward fused loop doing the same
// arithmetic: a reference for what simple code costs, not a floor.
//
// The workload is bench/generate.h (described in bench/README.md), built directly into a
// Dataset (deadline changes as events), once per size for the whole run.
#include <benchmark/benchmark.h>

#include <chrono>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "counters.h"
#include "generate.h"
#include "mandate/aggregate.h"
#include "mandate/aggregate_live.h"
#include "mandate/classification.h"
#include "mandate/dataset.h"
#include "naive_loop.h"
#include "stream_floor.h"

namespace mandate {
namespace {

const Dataset& Synthetic(std::size_t n) { return bench::SharedDataset(n); }

const Day kAsOf = bench::kDefaultAsOf;

// The naive loop: one pass over assigned/due/completed (int32) and the CSR agency list
// (uint16), the open/closed/due arithmetic of the fast status rule, counts per
// (agency, status) and totals, with a branchy inner loop over the leads.
struct NaiveCounts {
  std::vector<std::uint32_t> by_agency;  // (agency + 1) * 8 + status
  std::uint32_t totals[8] = {};
};
void NaiveLoop(const TaskColumns& c, std::int32_t d, std::int32_t soon_end, NaiveCounts& out) {
  bench::NaiveLoop(c, d, soon_end, std::numeric_limits<std::int32_t>::min() + 1, d,
                   out.by_agency.data(), out.totals);
}

// Seconds of the streaming floor on every core (memoised per dataset: it is the same all run).
double FloorSeconds(const Dataset& ds) {
  static std::map<const Dataset*, double> memo;
  auto [it, fresh] = memo.try_emplace(&ds, 0.0);
  if (fresh) it->second = bench::MeasureStreamFloor(ds.columns()).seconds;
  return it->second;
}

void BM_StreamFloor(benchmark::State& state) {
  const Dataset& ds = Synthetic(static_cast<std::size_t>(state.range(0)));
  std::uint64_t bytes = 0;
  for (auto _ : state) {
    const auto f = bench::MeasureStreamFloor(ds.columns(), 0, 1);
    benchmark::DoNotOptimize(f.sum);
    bytes += f.bytes;
  }
  bench::SetTaskCounters(state, ds.task_count());
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}

void BM_NaiveLoop(benchmark::State& state) {
  const Dataset& ds = Synthetic(static_cast<std::size_t>(state.range(0)));
  NaiveCounts fc;
  fc.by_agency.assign((ds.registry().size() + 1) * 8, 0);
  const std::int32_t d = ToEpochDays(kAsOf);
  for (auto _ : state) {
    NaiveLoop(ds.columns(), d, d + 7, fc);
    benchmark::DoNotOptimize(fc.totals);
    benchmark::ClobberMemory();
  }
  bench::SetTaskCounters(state, ds.task_count());
}

// Query 1: ClassifyAll + aggregate by lead x status (+ totals), threads as state.range(1)
// (1 = single-threaded; 2 = both cores for classification and aggregation).
void BM_ClassifyAggregateLeadStatus(benchmark::State& state) {
  const Dataset& ds = Synthetic(static_cast<std::size_t>(state.range(0)));
  const int threads = static_cast<int>(state.range(1));
  AggregateQuery q{.as_of = kAsOf, .by = {Dimension::kLead, Dimension::kStatus}};
  q.classify.threads = threads;
  std::vector<std::uint8_t> status;
  double total = 0;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    ClassifyAll(ds, kAsOf, q.classify, status);
    auto r = Aggregate(ds, q, status, threads);
    benchmark::DoNotOptimize(r);
    total += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  bench::SetTaskCounters(state, ds.task_count(), ds.MemoryBytes());
  state.counters["x_floor"] = total / static_cast<double>(state.iterations()) / FloorSeconds(ds);
}

// The aggregation pass alone over a ready status column (single-threaded).
void BM_AggregateLeadStatusOnly(benchmark::State& state) {
  const Dataset& ds = Synthetic(static_cast<std::size_t>(state.range(0)));
  const AggregateQuery q{.as_of = kAsOf, .by = {Dimension::kLead, Dimension::kStatus}};
  std::vector<std::uint8_t> status;
  ClassifyAll(ds, kAsOf, q.classify, status);
  auto plan = AggregatePlan::Make(ds, q);
  for (auto _ : state) {
    AggregateState st(*plan);
    st.AddRange(status, 0, static_cast<TaskIndex>(status.size()));
    benchmark::DoNotOptimize(st.totals());
  }
  bench::SetTaskCounters(state, ds.task_count());
}

// Query 2: the same restricted to tasks assigned in a window (the general path).
void BM_ClassifyAggregateAssignedWindow(benchmark::State& state) {
  const Dataset& ds = Synthetic(static_cast<std::size_t>(state.range(0)));
  AggregateQuery q{.as_of = kAsOf,
                   .by = {Dimension::kLead, Dimension::kStatus},
                   .assigned = {date::year{2025} / 1 / 1, date::year{2025} / 6 / 30}};
  q.classify.threads = 1;
  std::vector<std::uint8_t> status;
  for (auto _ : state) {
    ClassifyAll(ds, kAsOf, q.classify, status);
    auto r = Aggregate(ds, q, status, 1);
    benchmark::DoNotOptimize(r);
  }
  bench::SetTaskCounters(state, ds.task_count());
}

// Incremental: one task changes status (given), then the totals are read. Independent of N.
void BM_LiveUpdate(benchmark::State& state) {
  const Dataset& ds = Synthetic(static_cast<std::size_t>(state.range(0)));
  auto live =
      LiveAggregate::Make(ds, {.as_of = kAsOf, .by = {Dimension::kLead, Dimension::kStatus}});
  if (!live.ok()) std::abort();
  std::uint64_t x = 1, sink = 0;
  for (auto _ : state) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto i = static_cast<TaskIndex>((x >> 33) % ds.task_count());
    const std::uint8_t s = live->status(i);
    if (s == kNotYetAssigned) continue;
    // Complete it (or re-open it) and read the aggregate back.
    const auto next = static_cast<std::uint8_t>(s == 0 ? 4 : 0);
    if (!live->OnTaskChanged(i, next).ok()) std::abort();
    sink += live->totals().n[0];
  }
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

BENCHMARK(BM_StreamFloor)
    ->Arg(1000000)
    ->Arg(10000000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NaiveLoop)->Arg(1000000)->Arg(10000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ClassifyAggregateLeadStatus)
    ->Args({1000000, 1})
    ->Args({1000000, 2})
    ->Args({10000000, 1})
    ->Args({10000000, 2})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AggregateLeadStatusOnly)->Arg(1000000)->Arg(10000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ClassifyAggregateAssignedWindow)
    ->Arg(1000000)
    ->Arg(10000000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LiveUpdate)->Arg(1000000)->Arg(10000000);

}  // namespace
}  // namespace mandate
