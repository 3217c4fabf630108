#include <benchmark/benchmark.h>

#include "mandate/calendar.h"

namespace {

// ToLunar over consecutive days of 2020..2030 (each call is an independent conversion).
void BM_ToLunar(benchmark::State& state) {
  const mandate::Day first = date::year{2020} / 1 / 1;
  int i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(mandate::ToLunar(first + date::days{i}));
    i = (i + 1) % 4000;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ToLunar);

void BM_FromLunar(benchmark::State& state) {
  int i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        mandate::FromLunar({2020 + i % 10, static_cast<unsigned>(1 + i % 12), 10, false}));
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FromLunar);

// AddWorkingDays(…, 20) from each day of 2025..2026, across Tết and the bundled schedules.
void BM_AddWorkingDays20(benchmark::State& state) {
  const mandate::WorkingCalendar& cal = mandate::WorkingCalendar::Vietnam();
  const mandate::Day first = date::year{2025} / 1 / 1;
  int i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.AddWorkingDays(first + date::days{i}, 20));
    i = (i + 1) % 700;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkingDays20);

// The same in years without a schedule, where the rules table answers.
void BM_AddWorkingDays20Rules(benchmark::State& state) {
  const mandate::WorkingCalendar& cal = mandate::WorkingCalendar::Vietnam();
  const mandate::Day first = date::year{2030} / 1 / 1;
  int i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.AddWorkingDays(first + date::days{i}, 20));
    i = (i + 1) % 700;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkingDays20Rules);

}  // namespace
