// Bulk loading through the C ABI, as the Python package and the PostgreSQL extension do:
// mdt_dataset_add_task with the seed plan's deadline phrases, round robin. The dataset's
// deadline cache parses each distinct phrase once; the same load with a caller's calendar in
// the context (which bypasses the cache, as the calendar may change) is the baseline of the
// same run.
#define MDT_EXPERIMENTAL
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "mandate.h"
#include "seed_data.h"

namespace {

const std::vector<std::string>& Phrases() {
  static const auto* v = new std::vector<std::string>(
      mandate::testing::ReadSeedField("plan-2025-tasks.jsonl", "deadline_text"));
  return *v;
}

void Ok(mdt_status st) {
  if (st != MDT_OK) std::abort();
}

void AddTasks(benchmark::State& state, bool own_calendar) {
  const auto n = static_cast<std::size_t>(state.range(0));
  mdt_calendar* cal = nullptr;
  Ok(mdt_calendar_new(&cal, MDT_CALENDAR_VIETNAM));
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < n; ++i) ids.push_back("T-" + std::to_string(i));
  const char* lead[] = {"BKHCN"};
  mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
  ctx.plan_year = 2025;
  ctx.calendar = own_calendar ? cal : nullptr;
  for (auto _ : state) {
    mdt_dataset* ds = nullptr;
    Ok(mdt_dataset_new(&ds, nullptr));
    for (std::size_t i = 0; i < n; ++i) {
      mdt_task_input t = MDT_TASK_INPUT_INIT;
      t.id = ids[i].c_str();
      t.title = "Nhiệm vụ";
      t.lead = lead;
      t.lead_count = 1;
      t.deadline_text = Phrases()[i % Phrases().size()].c_str();
      t.deadline_context = &ctx;
      Ok(mdt_dataset_add_task(nullptr, ds, &t));
    }
    mdt_dataset_free(ds);
  }
  mdt_calendar_free(cal);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}

void BM_CApiAddTaskCached(benchmark::State& state) { AddTasks(state, false); }
void BM_CApiAddTaskUncached(benchmark::State& state) { AddTasks(state, true); }
BENCHMARK(BM_CApiAddTaskCached)->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CApiAddTaskUncached)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace
