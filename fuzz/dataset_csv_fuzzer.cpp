// The dataset CSV reader (a ministry's task table), any bytes. Whatever loads holds unique,
// findable ids, writes to CSV and JSON, and its JSON loads back strictly to the same bytes.
// The first byte picks strict mode, a plan year and an export day.
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "mandate/dataset_csv.h"
#include "mandate/dataset_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mandate;
  fuzz::Input in(data, size);
  const std::uint8_t mode = in.Byte();
  CsvReadOptions opt;
  opt.strict = (mode & 1) != 0;
  if (mode & 2) opt.plan_year = 2025;
  if (mode & 4) opt.as_of = FromEpochDays(20354);  // 2025-09-23
  opt.max_problems = 1 + (mode >> 3);
  const std::string_view text = in.Rest();

  std::vector<LoadProblem> problems;
  auto ds = ReadDatasetCsv(text, opt, &problems);
  if (!ds.ok()) {
    FUZZ_CHECK(!ds.status().message().empty());
    return 0;
  }
  if (opt.strict) FUZZ_CHECK(problems.empty());
  FUZZ_CHECK(problems.size() <= opt.max_problems + 1);
  for (TaskIndex i = 0; i < ds->task_count(); ++i) FUZZ_CHECK(ds->FindTask(ds->task_id(i)) == i);

  const std::string csv = WriteDatasetCsv(*ds);
  auto reread = ReadDatasetCsv(csv, opt);
  FUZZ_CHECK(reread.ok() && reread->task_count() == ds->task_count());

  auto json = WriteDatasetJson(*ds);
  FUZZ_CHECK(json.ok());
  JsonReadOptions strict;
  strict.strict = true;
  strict.require_checksum = true;
  std::vector<LoadProblem> json_problems;
  auto back = ReadDatasetJson(*json, strict, &json_problems);
  if (!back.ok()) {
    for (const auto& p : json_problems) std::fprintf(stderr, "%s\n", FormatLoadProblem(p).c_str());
  }
  FUZZ_CHECK(back.ok());
  auto json2 = WriteDatasetJson(*back);
  FUZZ_CHECK(json2.ok() && *json2 == *json);
  return 0;
}
