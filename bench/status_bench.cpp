// ClassifyAll throughput on synthetic datasets of 1e6 and 1e7 tasks: a realistic mix
// (80% month deadlines, 14% ongoing, 3% "Trước ngày 25 hàng tháng", 3% open-ended; 20%
// completed, 3% rescheduled, 1% cancelled), so ~10% take the full-rule path. Tasks carry no
// text or agencies beyond an id so that 1e7 fits in memory; each size is built once.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <random>

#include "mandate/status.h"

namespace {

using date::days;
using date::year;
using mandate::Dataset;
using mandate::Day;
using mandate::Deadline;
using mandate::DeadlineKind;
using mandate::EventType;
using mandate::Task;
using mandate::TaskEvent;

std::unique_ptr<Dataset> Build(std::size_t n) {
  auto ds = std::make_unique<Dataset>();
  std::mt19937 rng(57);
  const Day base = year{2025} / 1 / 1;
  // A handful of distinct deadlines: the dataset interns them.
  std::vector<Deadline> months;
  for (int m = 1; m <= 12; ++m) {
    Deadline d;
    d.kind = DeadlineKind::kMonth;
    d.text = "Tháng " + std::to_string(m) + "/2025";
    d.due = Day{year{2025} / date::month(static_cast<unsigned>(m)) / date::last};
    months.push_back(d);
  }
  Deadline ongoing;
  ongoing.kind = DeadlineKind::kOngoing;
  ongoing.text = "Thường xuyên";
  Deadline monthly;
  monthly.kind = DeadlineKind::kRecurring;
  monthly.text = "Trước ngày 25 hàng tháng";
  monthly.recurrence = mandate::Recurrence{mandate::Frequency::kMonthly, 25, true};
  Deadline open;
  open.kind = DeadlineKind::kOpenEnded;
  open.text = "2025 và những năm tiếp theo";
  open.first_due = Day{year{2025} / 12 / 31};
  Task t;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned r = rng() % 100;
    t.id = "T" + std::to_string(i);
    t.assigned = base + days{static_cast<int>(rng() % 200)};
    t.deadline = r < 80 ? months[rng() % 12] : r < 94 ? ongoing : r < 97 ? monthly : open;
    t.history.clear();
    const unsigned h = rng() % 100;
    if (h < 20) {
      t.history.push_back({.day = *t.assigned + days{static_cast<int>(rng() % 300)},
                           .type = EventType::kCompleted});
    } else if (h < 23) {
      Deadline later = months[11];
      t.history.push_back({.day = *t.assigned + days{30},
                           .type = EventType::kDeadlineChanged,
                           .new_deadline = later});
    } else if (h < 24) {
      t.history.push_back({.day = *t.assigned + days{60}, .type = EventType::kCancelled});
    }
    if (!ds->AddTask(t).ok()) std::abort();
  }
  return ds;
}

const Dataset& Cached(std::size_t n) {
  static std::map<std::size_t, std::unique_ptr<Dataset>> cache;
  auto& slot = cache[n];
  if (!slot) slot = Build(n);
  return *slot;
}

void BM_ClassifyAll(benchmark::State& state) {
  const Dataset& ds = Cached(static_cast<std::size_t>(state.range(0)));
  mandate::ClassifyOptions options;
  options.threads = static_cast<int>(state.range(1));
  std::vector<std::uint8_t> out;
  const Day as_of = year{2025} / 9 / 23;
  for (auto _ : state) {
    mandate::ClassifyAll(ds, as_of, options, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["tasks/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(ds.task_count()),
      benchmark::Counter::kIsRate);
  state.counters["MB/dataset"] = static_cast<double>(ds.MemoryBytes()) / 1e6;
}
BENCHMARK(BM_ClassifyAll)
    ->ArgsProduct({{1000000, 10000000}, {1, 2}})
    ->ArgNames({"tasks", "threads"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_ClassifyTask(benchmark::State& state) {
  const Dataset& ds = Cached(1000000);
  const Day as_of = year{2025} / 9 / 23;
  mandate::TaskIndex i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(mandate::ClassifyTask(ds, i, as_of));
    i = (i + 7919) % static_cast<mandate::TaskIndex>(ds.task_count());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ClassifyTask);

}  // namespace
