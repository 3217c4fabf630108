#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include "mandate/csv.h"
#include "mandate/dataset_csv.h"

namespace {

// A deterministic ministry export of n tasks: real agency names (single, lists with commas,
// collectives), deadline phrases and dates, quoted titles, one line break in ten rows.
std::string MakeTasksCsv(std::int64_t n) {
  static const char* kLeads[] = {"Bộ Khoa học và Công nghệ",
                                 "Bộ Tài chính",
                                 "Bộ Văn hóa, Thể thao và Du lịch, Bộ Công an",
                                 "UBND TP. Hà Nội",
                                 "Bộ Giáo dục và Đào tạo",
                                 "Bộ Y tế"};
  static const char* kCoord[] = {"", "Các bộ, ngành, địa phương", "Bộ Tài chính, Bộ Nội vụ",
                                 "Văn phòng Chính phủ"};
  static const char* kDeadlines[] = {
      "Tháng 10/2025",         "Quý IV",       "2025-12-31", "Hằng tháng",
      "trước ngày 20/12/2025", "Thường xuyên", "31/12/2025"};
  mandate::CsvWriter w({.bom = true});
  w.WriteRecord({"id", "title", "lead", "coordinators", "category", "source", "assigned",
                 "deadline", "completed", "progress", "note"});
  std::uint64_t x = 57;
  for (std::int64_t i = 0; i < n; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const unsigned r = static_cast<unsigned>(x >> 33);
    const std::string id = "T-" + std::to_string(i);
    const std::string title = "Xây dựng, vận hành cơ sở dữ liệu số " + std::to_string(r % 100000) +
                              (i % 10 == 0 ? "\ngiai đoạn 2" : "");
    const std::string assigned =
        "2025-0" + std::to_string(1 + r % 9) + "-1" + std::to_string(r % 10);
    const std::string completed = r % 3 == 0 ? "2025-11-0" + std::to_string(1 + r % 9) : "";
    w.WriteRecord({id, title, kLeads[r % 6], kCoord[(r >> 3) % 4], "2. Chuyển đổi số",
                   "45-TB/TGV ngày 30/9/2025", assigned, kDeadlines[(r >> 5) % 7], completed, "",
                   r % 5 == 0 ? "ghi chú" : ""});
  }
  return w.Take();
}

void BM_LoadDatasetCsv(benchmark::State& state) {
  const std::string csv = MakeTasksCsv(state.range(0));
  std::size_t tasks = 0, memory = 0, problems = 0;
  for (auto _ : state) {
    std::vector<mandate::LoadProblem> p;
    auto ds = mandate::ReadDatasetCsv(csv, {}, &p);
    if (!ds.ok()) {
      state.SkipWithError(std::string(ds.status().message()).c_str());
      return;
    }
    tasks = ds->task_count();
    memory = ds->MemoryBytes();
    problems = p.size();
    benchmark::DoNotOptimize(tasks);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(csv.size()));
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(tasks) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
  state.counters["bytes/task"] = static_cast<double>(memory) / static_cast<double>(tasks);
  state.counters["csv_bytes/task"] = static_cast<double>(csv.size()) / static_cast<double>(tasks);
  state.counters["problems"] = static_cast<double>(problems);
}
BENCHMARK(BM_LoadDatasetCsv)
    ->Arg(10'000)
    ->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
