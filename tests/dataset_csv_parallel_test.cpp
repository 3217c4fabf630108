// The parallel CSV read (CsvReadOptions::threads, chunk_bytes) gives exactly the one-thread
// read's dataset and problems: tiny chunks force record boundaries everywhere, including
// inside quoted fields with line breaks, next to bad rows and at CRLF line ends.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "csv_chunks.h"
#include "generate.h"
#include "mandate/dataset_csv.h"
#include "mandate/dataset_json.h"

namespace mandate {
namespace {

struct Loaded {
  absl::StatusOr<Dataset> ds;
  std::vector<LoadProblem> problems;
};

Loaded Load(std::string_view text, std::size_t threads, std::size_t chunk_bytes,
            CsvReadOptions options = {}) {
  options.threads = threads;
  options.chunk_bytes = chunk_bytes;
  Loaded out{absl::UnknownError(""), {}};
  out.ds = ReadDatasetCsv(text, options, &out.problems);
  return out;
}

std::string Dump(const std::vector<LoadProblem>& problems) {
  std::string s;
  for (const auto& p : problems) s += FormatLoadProblem(p) + "\n";
  return s;
}

// Same status, same problems in the same order, same tasks (fields, columns, deadlines).
void ExpectSame(const Loaded& a, const Loaded& b, const std::string& what) {
  SCOPED_TRACE(what);
  ASSERT_EQ(a.ds.ok(), b.ds.ok()) << a.ds.status() << " vs " << b.ds.status();
  if (!a.ds.ok()) {
    EXPECT_EQ(a.ds.status(), b.ds.status());
    return;
  }
  EXPECT_EQ(Dump(a.problems), Dump(b.problems));
  const Dataset& x = *a.ds;
  const Dataset& y = *b.ds;
  ASSERT_EQ(x.task_count(), y.task_count());
  for (TaskIndex i = 0; i < x.task_count(); ++i) {
    ASSERT_EQ(x.GetTask(i), y.GetTask(i)) << "task " << i << " " << x.task_id(i);
    ASSERT_EQ(x.original_deadline(i), y.original_deadline(i)) << "task " << i;
  }
  const TaskColumns& c = x.columns();
  const TaskColumns& d = y.columns();
  EXPECT_EQ(c.assigned, d.assigned);
  EXPECT_EQ(c.due, d.due);
  EXPECT_EQ(c.completed, d.completed);
  EXPECT_EQ(c.kind, d.kind);
  EXPECT_EQ(c.flags, d.flags);
  EXPECT_EQ(c.category, d.category);
  EXPECT_EQ(c.source, d.source);
  EXPECT_EQ(c.lead.first, d.lead.first);
  EXPECT_EQ(c.lead.multi_task, d.lead.multi_task);
  EXPECT_EQ(c.lead.multi_offset, d.lead.multi_offset);
  EXPECT_EQ(c.lead.values, d.lead.values);
  EXPECT_EQ(c.coordinator.first, d.coordinator.first);
  EXPECT_EQ(c.coordinator.multi_task, d.coordinator.multi_task);
  EXPECT_EQ(c.coordinator.multi_offset, d.coordinator.multi_offset);
  EXPECT_EQ(c.coordinator.values, d.coordinator.values);
  EXPECT_EQ(x.categories(), y.categories());
  EXPECT_EQ(x.sources(), y.sources());
}

// The one-thread read against two and three threads at each chunk size.
void ExpectParallelSame(std::string_view text, std::vector<std::size_t> chunk_sizes,
                        CsvReadOptions options = {}) {
  const Loaded one = Load(text, 1, options.chunk_bytes, options);
  for (std::size_t chunk : chunk_sizes) {
    for (std::size_t threads : {2, 3}) {
      ExpectSame(one, Load(text, threads, chunk, options),
                 "threads " + std::to_string(threads) + ", chunk " + std::to_string(chunk));
      if (testing::Test::HasFailure()) return;
    }
  }
}

std::string GeneratedCsv(std::size_t n) {
  std::ostringstream out;
  bench::Generator gen({.n = n});
  bench::GenTask t;
  bench::WriteCsvHeader(out);
  while (gen.Next(t)) bench::WriteCsvRow(out, t);
  return std::move(out).str();
}

TEST(DatasetCsvParallel, SplitStartsRecordsOutsideQuotes) {
  const std::string text = GeneratedCsv(2000);
  const auto chunks = internal::SplitCsvRecords(text, text.find('\n') + 1, 700);
  ASSERT_GT(chunks.starts.size(), 100u);
  EXPECT_EQ(chunks.starts.back(), text.size());
  EXPECT_EQ(chunks.line_feeds + 1,
            static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
  for (std::size_t k = 1; k + 1 < chunks.starts.size(); ++k) {
    const std::size_t at = chunks.starts[k];
    ASSERT_GT(at, chunks.starts[k - 1]);
    EXPECT_EQ(text[at - 1], '\n');
    EXPECT_EQ(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '"') % 2, 0);
  }
}

TEST(DatasetCsvParallel, BundledPlanAsCsv) {
  auto plan = LoadDatasetJson(std::string(MANDATE_SOURCE_DIR) + "/examples/data/plan-2025.json");
  ASSERT_TRUE(plan.ok()) << plan.status();
  const std::string csv = WriteDatasetCsv(*plan);
  ExpectParallelSame(csv, {97, 512, 4096});
  const Loaded one = Load(csv, 1, 512);
  ASSERT_TRUE(one.ds.ok());
  EXPECT_EQ(one.ds->task_count(), plan->task_count());
}

TEST(DatasetCsvParallel, Generated50000Rows) {
  const std::string csv = GeneratedCsv(50000);
  const Loaded one = Load(csv, 1, 1 << 20);
  ASSERT_TRUE(one.ds.ok());
  EXPECT_EQ(one.ds->task_count(), 50000u);
  EXPECT_TRUE(one.problems.empty()) << Dump(one.problems);
  for (std::size_t chunk : {std::size_t{1000}, std::size_t{65536}, std::size_t{1} << 20}) {
    ExpectSame(one, Load(csv, 2, chunk), "chunk " + std::to_string(chunk));
  }
}

constexpr std::string_view kHeader =
    "id,title,lead,coordinators,category,source,assigned,deadline,completed,note\r\n";

// Rows meant to sit on chunk boundaries: quoted line breaks and quotes, bad rows.
std::string NastyRows() {
  std::string s;
  s += "T1,\"Một\r\ndòng \"\"hai\"\"\",Bộ Tài chính,,1. Thể chế,10-TB/TGV,2025-01-02,Tháng "
       "9/2025,,\r\n";
  s += "T2,\"\"\"\",\"Bộ Văn hóa, Thể thao và Du lịch\",Bộ Công an,,,2025-01-03,2025,,\"a\nb\"\r\n";
  s += "T3,bad date,Bộ Tài chính,,,,2025-13-40,Quý IV,,\r\n";
  s += "T4,too few cells,Bộ Tài chính\r\n";
  s += ",no id,Bộ Tài chính,,,,2025-01-01,2025,,\r\n";
  s += "T1,duplicate,Bộ Tài chính,,,,2025-01-01,2025,,\r\n";
  s += "T5,unknown lead,Bộ Không Có,,,,2025-01-01,không rõ khi nào,,\r\n";
  s += "\r\n";
  s += "T6,\"\n\n\",Bộ Tài chính,,,,2025-02-01,,2025-03-01,\r\n";
  s += "T7,\"quote at the end \"\"\",Bộ Công an,,,,2025-02-01,Trong 30 ngày,,\r\n";
  s += "T8,extra,Bộ Tài chính,,,,2025-02-01,2025,,,extra cell\r\n";
  s += std::string_view("T9,NUL \0 here,Bộ Tài chính,,,,2025-02-01,2025,,\r\n", 53);
  return s;
}

TEST(DatasetCsvParallel, NastyRowsAtEveryBoundary) {
  std::string text = std::string("\xEF\xBB\xBF") + std::string(kHeader);
  for (int i = 0; i < 4; ++i) text += NastyRows();
  // Chunk sizes small enough that a boundary falls on every kind of byte in some run.
  std::vector<std::size_t> sizes;
  for (std::size_t k = 1; k <= 160; k += 3) sizes.push_back(k);
  ExpectParallelSame(text, sizes);
  // The problem limit and strict mode see the problems in the same order.
  CsvReadOptions few;
  few.max_problems = 5;
  ExpectParallelSame(text, {16, 61}, few);
  CsvReadOptions strict;
  strict.strict = true;
  ExpectParallelSame(text, {16, 61}, strict);
  const Loaded one = Load(text, 1, 1);
  ASSERT_TRUE(one.ds.ok());
  EXPECT_FALSE(one.problems.empty());
}

TEST(DatasetCsvParallel, LfLineEndsEmptyLastLineAndNoFinalLineEnd) {
  std::string text = "id,title,lead,category,assigned,deadline,completed,source,coordinators\n";
  for (int i = 0; i < 60; ++i) {
    text += "L" + std::to_string(i) + ",\"t\n" + std::to_string(i) +
            "\",Bộ Tài chính,c,2025-01-01,Tháng 9/2025,,s,\n";
  }
  ExpectParallelSame(text + "\n\n", {7, 50, 333});
  ExpectParallelSame(text.substr(0, text.size() - 1), {7, 50, 333});
}

TEST(DatasetCsvParallel, MalformedQuotesFallBackToOnePiece) {
  std::string text(kHeader);
  for (int i = 0; i < 30; ++i) {
    text += "Q" + std::to_string(i) + ",\"ok\",Bộ Tài chính,,,,2025-01-01,2025,,\r\n";
    if (i == 10) text += "S" + std::to_string(i) + ",stray \" quote,Bộ Tài chính,,,,,,,\r\n";
  }
  ExpectParallelSame(text, {16, 64, 200});
  std::string unclosed = text + "U1,\"never closed,Bộ Tài chính,,,,,,,\r\n";
  for (int i = 0; i < 10; ++i) unclosed += "V" + std::to_string(i) + ",x,Bộ Tài chính,,,,,,,\r\n";
  ExpectParallelSame(unclosed, {16, 64, 200});
}

TEST(DatasetCsvParallel, InvalidUtf8AndStrictMode) {
  std::string text(kHeader);
  for (int i = 0; i < 40; ++i) {
    text += "W" + std::to_string(i) + ",t,Bộ Tài chính,,,,2025-01-01,2025,,\r\n";
    if (i == 25) text += "X1,Windows-1258 \xE0\xE1,Bộ Tài chính,,,,,,,\r\n";
  }
  ExpectParallelSame(text, {32, 128});
  CsvReadOptions strict;
  strict.strict = true;
  ExpectParallelSame(text, {32, 128}, strict);
  CsvReadOptions few;
  few.max_problems = 2;
  ExpectParallelSame(text, {32, 128}, few);
}

TEST(DatasetCsvParallel, SmallerThanOneChunk) {
  std::string text(kHeader);
  text += "A1,t,Bộ Tài chính,,,,2025-01-01,2025,,\r\n";
  ExpectParallelSame(text, {std::size_t{1} << 20});
  ExpectParallelSame(std::string(kHeader), {1, 8});
  ExpectParallelSame("", {1});
}

}  // namespace
}  // namespace mandate
