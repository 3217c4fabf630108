#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include "mandate/csv.h"

namespace {

// A deterministic table shaped like a ministry export: Vietnamese text, a quoted cell with
// commas on every row and a line break on every tenth.
std::string MakeTable(std::int64_t rows) {
  mandate::CsvWriter w;
  w.WriteRecord({"id", "title", "lead", "coordinators", "deadline", "note"});
  std::uint64_t x = 57;
  for (std::int64_t i = 0; i < rows; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::string id = "T-" + std::to_string(i);
    const std::string title = "Xây dựng cơ sở dữ liệu quốc gia số " + std::to_string(x >> 40) +
                              (i % 10 == 0 ? "\ngiai đoạn 2" : "");
    w.WriteRecord({id, title, "Bộ Văn hóa, Thể thao và Du lịch", "Các bộ, ngành, địa phương",
                   "Tháng 10/2025", ""});
  }
  return w.Take();
}

void BM_CsvRead(benchmark::State& state) {
  const std::string table = MakeTable(state.range(0));
  std::int64_t records = 0;
  for (auto _ : state) {
    mandate::CsvReader reader(table);
    mandate::CsvRecord r;
    while (reader.Next(r)) ++records;
    benchmark::DoNotOptimize(records);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(table.size()));
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CsvRead)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
