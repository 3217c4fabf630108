// Classify + aggregate by lead agency x status at national scale, next to the physical
// floor: a minimal fused loop over the same int32 day columns and uint16 agency ids doing
// the same arithmetic. Each pipeline benchmark also reports its time as a multiple of the
// floor measured in the same process ("x_floor").
//
// The synthetic workload (deterministic): 60 agencies with a skewed share (agency k gets
// weight 1/(k+1)), 10% of tasks with 2-4 leads, 12 categories, 40 sources, assignment over
// 2024-2025, deadlines month/date/before/quarter/year/ongoing/recurring, ~45% completed
// (a quarter of them late), 1% with a deadline change.
#include <benchmark/benchmark.h>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "mandate/aggregate.h"
#include "mandate/aggregate_live.h"
#include "mandate/dataset.h"
#include "mandate/status.h"

namespace mandate {
namespace {

struct Rng {  // splitmix64: fast and the same everywhere
  std::uint64_t s;
  std::uint64_t Next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<std::uint64_t>(n)); }
};

Day EndOfMonth(Day d) {
  const date::year_month_day ymd{d};
  return date::sys_days{ymd.year() / ymd.month() / date::last};
}

std::unique_ptr<Dataset> BuildSynthetic(std::size_t n) {
  auto ds = std::make_unique<Dataset>();
  const AgencyRegistry& reg = ds->registry();
  const std::size_t agencies = std::min<std::size_t>(60, reg.size());
  std::vector<double> cumulative;
  double sum = 0;
  for (std::size_t k = 0; k < agencies; ++k) cumulative.push_back(sum += 1.0 / (k + 1));
  Rng rng{20250923};
  const auto pick_agency = [&] {
    const double x = static_cast<double>(rng.Next() >> 11) / 9007199254740992.0 * sum;
    const auto k = static_cast<std::size_t>(
        std::lower_bound(cumulative.begin(), cumulative.end(), x) - cumulative.begin());
    return reg.agency(static_cast<AgencyIndex>(std::min(k, agencies - 1))).id;
  };
  const Day start = date::year{2024} / 1 / 1;
  Task t;
  t.title = "Nhiệm vụ";
  for (std::size_t i = 0; i < n; ++i) {
    t.id = "T" + std::to_string(i);
    t.lead.assign(1, pick_agency());
    if (rng.Below(10) == 0) {
      for (int k = 1 + rng.Below(3); k > 0; --k) t.lead.push_back(pick_agency());
    }
    t.category = "Nhóm " + std::to_string(rng.Below(12));
    t.sources.assign(1, "TB-" + std::to_string(rng.Below(40)));
    const Day assigned = start + date::days{rng.Below(730)};
    t.assigned = assigned;
    Deadline d;
    const int kind = rng.Below(100);
    const Day due = assigned + date::days{30 + rng.Below(335)};
    if (kind < 40) {
      d.kind = DeadlineKind::kMonth, d.due = EndOfMonth(due);
    } else if (kind < 60) {
      d.kind = DeadlineKind::kDate, d.due = due;
    } else if (kind < 70) {
      d.kind = DeadlineKind::kBefore, d.due = due, d.anchor = due + date::days{1};
    } else if (kind < 80) {
      d.kind = DeadlineKind::kQuarter, d.due = EndOfMonth(due);
    } else if (kind < 90) {
      const date::year_month_day ymd{due};
      d.kind = DeadlineKind::kYear, d.due = date::sys_days{ymd.year() / 12 / 31};
    } else if (kind < 97) {
      d.kind = DeadlineKind::kOngoing;
    } else {
      d.kind = DeadlineKind::kRecurring;
      d.recurrence = Recurrence{.freq = Frequency::kMonthly, .day_of_period = 25, .before = true};
    }
    d.text = d.due ? FormatIsoDay(*d.due) : std::string(DeadlineKindName(d.kind));
    t.deadline = d;
    t.history.clear();
    if (rng.Below(100) < 45) {
      const Day target = d.due.value_or(assigned + date::days{180});
      const int span = static_cast<int>((target - assigned).count());
      const Day done = rng.Below(4) == 0 ? target + date::days{1 + rng.Below(60)}
                                         : assigned + date::days{rng.Below(std::max(1, span))};
      t.history.push_back(TaskEvent{.day = done, .type = EventType::kCompleted});
    }
    if (d.due && rng.Below(100) == 0) {
      Deadline later = d;
      later.kind = DeadlineKind::kDate;
      later.due = *d.due + date::days{60};
      later.text = FormatIsoDay(*later.due);
      t.history.insert(t.history.begin(), TaskEvent{.day = assigned + date::days{10},
                                                    .type = EventType::kDeadlineChanged,
                                                    .new_deadline = later});
    }
    if (!ds->AddTask(t).ok()) std::abort();
  }
  return ds;
}

// Built once per size for the whole run.
const Dataset& Synthetic(std::size_t n) {
  static std::map<std::size_t, std::unique_ptr<Dataset>> cache;
  auto& slot = cache[n];
  if (!slot) slot = BuildSynthetic(n);
  return *slot;
}

const Day kAsOf = date::year{2025} / 9 / 23;

// The physical floor: one pass over assigned/due/completed (int32) and the CSR agency list
// (uint16), the open/closed/due arithmetic of the fast status rule, counts per
// (agency, status) and totals. No flags, no history, no generality.
struct FloorCounts {
  std::vector<std::uint32_t> by_agency;  // (agency + 1) * 8 + status
  std::uint32_t totals[8] = {};
};
void FloorLoop(const TaskColumns& c, std::int32_t d, std::int32_t soon_end, FloorCounts& out) {
  const std::int32_t* assigned = c.assigned.data();
  const std::int32_t* due = c.due.data();
  const std::int32_t* completed = c.completed.data();
  const std::uint32_t* off = c.lead_offset.data();
  const AgencyIndex* lead = c.lead_agencies.data();
  std::uint32_t* by = out.by_agency.data();
  const std::size_t n = c.assigned.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t a = assigned[i], u = due[i], k = completed[i];
    if (a > d) continue;
    const bool has_due = u != kNoDay;
    const bool done = (k != kNoDay) & (k <= d);
    const unsigned s = done ? ((!has_due | (k <= u)) ? 0u : 1u)
                            : (!has_due        ? 4u
                               : u < d         ? 2u
                               : u <= soon_end ? 3u
                                               : 4u);
    ++out.totals[s];
    for (std::uint32_t j = off[i]; j < off[i + 1]; ++j) ++by[(lead[j] + 1u) * 8u + s];
  }
}

double FloorSeconds(const Dataset& ds) {
  FloorCounts fc;
  fc.by_agency.assign((ds.registry().size() + 1) * 8, 0);
  const std::int32_t d = ToEpochDays(kAsOf);
  double best = 1e9;
  for (int rep = 0; rep < 5; ++rep) {
    const auto t0 = std::chrono::steady_clock::now();
    FloorLoop(ds.columns(), d, d + 7, fc);
    benchmark::DoNotOptimize(fc.totals);
    benchmark::ClobberMemory();
    best = std::min(best,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

void BM_PhysicalFloor(benchmark::State& state) {
  const Dataset& ds = Synthetic(static_cast<std::size_t>(state.range(0)));
  FloorCounts fc;
  fc.by_agency.assign((ds.registry().size() + 1) * 8, 0);
  const std::int32_t d = ToEpochDays(kAsOf);
  for (auto _ : state) {
    FloorLoop(ds.columns(), d, d + 7, fc);
    benchmark::DoNotOptimize(fc.totals);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
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
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
  state.counters["x_floor"] = total / static_cast<double>(state.iterations()) / FloorSeconds(ds);
  state.counters["bytes_per_task"] =
      static_cast<double>(ds.MemoryBytes()) / static_cast<double>(ds.task_count());
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
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}

// Query 2: the same restricted to tasks assigned in a window (the general path).
void BM_ClassifyAggregateAssignedWindow(benchmark::State& state) {
  const Dataset& ds = Synthetic(static_cast<std::size_t>(state.range(0)));
  AggregateQuery q{.as_of = kAsOf,
                   .by = {Dimension::kLead, Dimension::kStatus},
                   .assigned = {date::year{2025} / 7 / 20, kAsOf}};
  q.classify.threads = 1;
  std::vector<std::uint8_t> status;
  for (auto _ : state) {
    ClassifyAll(ds, kAsOf, q.classify, status);
    auto r = Aggregate(ds, q, status, 1);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}

// Incremental: one task changes status (given), then the totals are read. Independent of N.
void BM_LiveUpdate(benchmark::State& state) {
  const Dataset& ds = Synthetic(static_cast<std::size_t>(state.range(0)));
  auto live =
      LiveAggregate::Make(ds, {.as_of = kAsOf, .by = {Dimension::kLead, Dimension::kStatus}});
  if (!live.ok()) std::abort();
  Rng rng{1};
  std::uint64_t sink = 0;
  for (auto _ : state) {
    const auto i = static_cast<TaskIndex>(rng.Next() % ds.task_count());
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

BENCHMARK(BM_PhysicalFloor)->Arg(1000000)->Arg(10000000)->Unit(benchmark::kMillisecond);
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
