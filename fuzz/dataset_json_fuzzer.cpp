// The dataset JSON reader, any bytes. A dataset that loads writes back out to JSON that loads
// again (checksum and all) to the same bytes, and every task id it holds is findable. The
// first byte picks strict mode and whether a checksum is required, and (bit 2) whether the
// checksum is checked at all or the text is taken as written: with it set the input is
// re-signed before reading, so the fuzzer reaches past the checksum into the schema.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

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
