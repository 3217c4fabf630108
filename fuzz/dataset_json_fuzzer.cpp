// The dataset JSON reader, any bytes. A dataset that loads writes back out to JSON that loads
// again (checksum and all) to the same bytes, and every task id it holds is findable. The
// first byte picks strict mode and whether a checksum is required, and (bit 2) whether the
// checksum is checked at all or the text is taken as written: with it set the input is
// re-signed before reading, so the fuzzer reaches past the checksum into the schema. With bit
// 3 set the rest is the body of the tasks array in the layout WriteDatasetJson writes, so
// that the fast reader (src/json_task_reader.cpp) sees any bytes as task elements; every
// input is read both ways (the fast way and a DOM per task), which must agree exactly.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dataset_json_paths.h"
#include "fuzz_util.h"
#include "mandate/dataset_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mandate;
  fuzz::Input in(data, size);
  const std::uint8_t mode = in.Byte();
  JsonReadOptions opt;
  opt.strict = (mode & 1) != 0;
  opt.require_checksum = (mode & 2) != 0;
  std::string text(in.Rest());
  if (mode & 8) {
    text =
        "{\n  \"schema_version\": 1,\n  \"checksum\": \"fnv1a64:0000000000000000\",\n"
        "  \"dataset\": {\n    \"documents\": [],\n    \"goals\": [],\n    \"targets\": [],\n"
        "    \"tasks\": [" +
        text + "\n    ]\n  }\n}\n";
  }
  if (mode & 4) {
    // Re-sign: replace the checksum by the one of the payload as parsed (when it parses).
    auto doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_object() && doc.contains("dataset") && doc.contains("checksum")) {
      doc["checksum"] = DatasetChecksum(doc["dataset"].dump());
      text = doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
  std::vector<LoadProblem> problems;
  auto ds = ReadDatasetJson(text, opt, &problems);
  {
    std::vector<LoadProblem> dom_problems;
    auto dom =
        internal::ReadDatasetJsonWith(text, opt, &dom_problems, internal::JsonReadPath::kDom);
    FUZZ_CHECK(dom.status() == ds.status());
    FUZZ_CHECK(dom_problems.size() == problems.size());
    for (std::size_t i = 0; i < problems.size(); ++i) {
      FUZZ_CHECK(FormatLoadProblem(dom_problems[i]) == FormatLoadProblem(problems[i]));
    }
    if (dom.ok()) {
      FUZZ_CHECK(dom->task_count() == ds->task_count());
      for (TaskIndex i = 0; i < ds->task_count(); ++i) {
        const Task a = dom->GetTask(i), b = ds->GetTask(i);
        FUZZ_CHECK(a == b && a.deadline.explanation == b.deadline.explanation);
      }
    }
  }
  if (!ds.ok()) {
    FUZZ_CHECK(!ds.status().message().empty());
    return 0;
  }
  if (opt.strict) FUZZ_CHECK(problems.empty());
  for (TaskIndex i = 0; i < ds->task_count(); ++i) FUZZ_CHECK(ds->FindTask(ds->task_id(i)) == i);

  auto out = WriteDatasetJson(*ds);
  FUZZ_CHECK(out.ok());
  JsonReadOptions strict;
  strict.strict = true;
  strict.require_checksum = true;
  std::vector<LoadProblem> again_problems;
  auto again = ReadDatasetJson(*out, strict, &again_problems);
  if (!again.ok()) {
    for (const auto& p : again_problems) std::fprintf(stderr, "%s\n", FormatLoadProblem(p).c_str());
    std::fprintf(stderr, "%s\n", std::string(again.status().message()).c_str());
  }
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->task_count() == ds->task_count());
  auto out2 = WriteDatasetJson(*again);
  FUZZ_CHECK(out2.ok() && *out2 == *out);
  return 0;
}
