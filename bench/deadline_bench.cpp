// Deadline parsing speed on the seed data: the plan's 248 deadline cells (with and without
// diacritics), extraction from the 85 appendix bullets, and the interning cache that issue 8
// counts on (≥ 2,000,000 seed phrases/s with repeated phrases interned).
#include <benchmark/benchmark.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "mandate/deadline.h"
#include "mandate/deadline_cache.h"
#include "mandate/text.h"
#include "seed_data.h"

namespace {

using mandate::testing::ReadSeedField;

const std::vector<std::string>& SeedPhrases() {
  static const auto* v =
      new std::vector<std::string>(ReadSeedField("plan-2025-tasks.jsonl", "deadline_text"));
  return *v;
}

const std::vector<std::string>& AsciiPhrases() {
  static const auto* v = [] {
    auto* out = new std::vector<std::string>;
    for (const auto& p : SeedPhrases()) out->push_back(mandate::FoldDiacritics(p));
    return out;
  }();
  return *v;
}

mandate::DeadlineContext Ctx() {
  mandate::DeadlineContext c;
  c.plan_year = 2025;
  return c;
}

void ParseAll(benchmark::State& state, const std::vector<std::string>& phrases) {
  const auto ctx = Ctx();
  for (auto _ : state) {
    for (const auto& p : phrases) benchmark::DoNotOptimize(mandate::ParseDeadline(p, ctx));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * phrases.size()));
}

void BM_ParseSeedPhrases(benchmark::State& state) { ParseAll(state, SeedPhrases()); }
BENCHMARK(BM_ParseSeedPhrases);

void BM_ParseSeedPhrasesAscii(benchmark::State& state) { ParseAll(state, AsciiPhrases()); }
BENCHMARK(BM_ParseSeedPhrasesAscii);

void BM_ExtractAppendixBullets(benchmark::State& state) {
  static const auto bullets = ReadSeedField("appendix-2025-items.jsonl", "text");
  const auto ctx = Ctx();
  for (auto _ : state) {
    for (const auto& b : bullets) benchmark::DoNotOptimize(mandate::ExtractDeadline(b, ctx));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * bullets.size()));
}
BENCHMARK(BM_ExtractAppendixBullets);

void BM_CachedSeedPhrases(benchmark::State& state) {
  const auto ctx = Ctx();
  mandate::DeadlineCache cache;
  for (auto _ : state) {
    for (const auto& p : SeedPhrases()) benchmark::DoNotOptimize(&cache.Parse(p, ctx));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * SeedPhrases().size()));
  state.counters["distinct"] = static_cast<double>(cache.size());
}
BENCHMARK(BM_CachedSeedPhrases);

}  // namespace
