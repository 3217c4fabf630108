// The general aggregation path (AggregateState::AddRange past the lead x status fast path)
// over a ready status column, single-threaded: the per-task dimensions' codes (category,
// source, due month, deadline kind, status) are what the dimension traits table computes.
// Workload: bench/generate.h, as aggregate_bench.cpp.
#include <benchmark/benchmark.h>

#include <vector>

#include "counters.h"
#include "generate.h"
#include "mandate/aggregate.h"
#include "mandate/classification.h"

namespace mandate {
namespace {

void RunAddRange(benchmark::State& state, const AggregateQuery& q) {
  const Dataset& ds = bench::SharedDataset(static_cast<std::size_t>(state.range(0)));
  std::vector<std::uint8_t> status;
  ClassifyAll(ds, q.as_of, q.classify, status);
  auto plan = AggregatePlan::Make(ds, q);
  if (!plan.ok()) std::abort();
  for (auto _ : state) {
    AggregateState st(*plan);
    st.AddRange(status, 0, static_cast<TaskIndex>(status.size()));
    benchmark::DoNotOptimize(st.totals());
  }
  bench::SetTaskCounters(state, ds.task_count());
}

// Four per-task dimensions, no agency: the key is all per-task codes.
void BM_AggregateCategorySourceDueMonthStatus(benchmark::State& state) {
  RunAddRange(state, {.as_of = bench::kDefaultAsOf,
                      .by = {Dimension::kCategory, Dimension::kSource, Dimension::kDueMonth,
                             Dimension::kStatus}});
}

// One per-task dimension beside the agency fan-out.
void BM_AggregateLeadDeadlineKind(benchmark::State& state) {
  RunAddRange(state,
              {.as_of = bench::kDefaultAsOf, .by = {Dimension::kLead, Dimension::kDeadlineKind}});
}

// Status alone through the general path (a window defeats the fast path).
void BM_AggregateLeadStatusWindowed(benchmark::State& state) {
  RunAddRange(state, {.as_of = bench::kDefaultAsOf,
                      .by = {Dimension::kLead, Dimension::kStatus},
                      .assigned = {date::year{2020} / 1 / 1, std::nullopt}});
}

BENCHMARK(BM_AggregateCategorySourceDueMonthStatus)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AggregateLeadDeadlineKind)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AggregateLeadStatusWindowed)->Arg(1000000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace mandate
