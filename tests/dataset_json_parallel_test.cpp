// The JSON read's tasks converted on several threads (JsonReadOptions::threads) give exactly
// the one-thread read's dataset, problems and checksum verdict.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "generate.h"
#include "mandate/dataset_csv.h"
#include "mandate/dataset_json.h"

namespace mandate {
namespace {

std::string Dump(const std::vector<LoadProblem>& problems) {
  std::string s;
  for (const auto& p : problems) s += FormatLoadProblem(p) + "\n";
  return s;
}

void ExpectSameAcrossThreads(const std::string& text) {
  JsonReadOptions one;
  one.threads = 1;
  std::vector<LoadProblem> p1;
  auto a = ReadDatasetJson(text, one, &p1);
  for (std::size_t threads : {2, 3}) {
    SCOPED_TRACE(threads);
    JsonReadOptions many;
    many.threads = threads;
    std::vector<LoadProblem> p2;
    auto b = ReadDatasetJson(text, many, &p2);
    ASSERT_EQ(a.ok(), b.ok());
    EXPECT_EQ(Dump(p1), Dump(p2));
    if (!a.ok()) continue;
    ASSERT_EQ(a->task_count(), b->task_count());
    for (TaskIndex i = 0; i < a->task_count(); ++i) {
      ASSERT_EQ(a->GetTask(i), b->GetTask(i)) << i;
    }
  }
}

TEST(DatasetJsonParallel, Generated20000TasksAndDamagedCopy) {
  std::ostringstream csv;
  bench::Generator gen({.n = 20000});
  bench::GenTask t;
  bench::WriteCsvHeader(csv);
  while (gen.Next(t)) bench::WriteCsvRow(csv, t);
  auto ds = ReadDatasetCsv(csv.str());
  ASSERT_TRUE(ds.ok()) << ds.status();
  auto json = WriteDatasetJson(*ds);
  ASSERT_TRUE(json.ok());
  ExpectSameAcrossThreads(*json);
  // Edited by hand: a duplicate id, an unknown agency and a bad day in later batches, and
  // the checksum no longer matches.
  std::string damaged = *json;
  for (const char* from : {"\"T0012345\"", "\"T0015000\""}) {
    if (auto at = damaged.find(from); at != std::string::npos) {
      damaged.replace(at, 10, "\"T0000007\"");
    }
  }
  if (auto at = damaged.find("\"assigned\": \"2025-", damaged.size() / 2);
      at != std::string::npos) {
    damaged.replace(at, 18, "\"assigned\": \"2025-13");
  }
  ExpectSameAcrossThreads(damaged);
}

}  // namespace
}  // namespace mandate
