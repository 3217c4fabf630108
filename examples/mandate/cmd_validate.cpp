// mandate validate --data FILE: loads a JSON or CSV dataset and prints every problem, one
// JSON object per line {"record","field","message"}, then a summary line. Exit 0 when
// clean, 1 when problems were found, 2 when the file cannot be read.
#include <iostream>
#include <nlohmann/json.hpp>

#include "command.h"
#include "mandate/dataset_csv.h"
#include "mandate/dataset_json.h"

namespace mandate::cli {
namespace {

int Run(const Args& args) {
  const auto required = args.Require({"--data"});
  if (!required) return kExitUsage;
  const std::string& path = required->front();
  std::vector<LoadProblem> problems;
  const bool csv = path.size() >= 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
  absl::StatusOr<Dataset> ds =
      csv ? LoadDatasetCsv(path, {}, &problems) : LoadDatasetJson(path, {}, &problems);
  for (const LoadProblem& p : problems) {
    std::cout << nlohmann::json{{"record", p.record}, {"field", p.field}, {"message", p.message}}
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  }
  if (!ds.ok()) {
    Fail("validate", path + ": " + std::string(ds.status().message()));
    std::cout << nlohmann::json{{"summary",
                                 {{"tasks", 0},
                                  {"problems", problems.size()},
                                  {"error", std::string(ds.status().message())}}}}
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
    return kExitUsage;
  }
  std::cout << nlohmann::json{{"summary",
                               {{"tasks", ds->task_count()},
                                {"targets", ds->targets().size()},
                                {"problems", problems.size()}}}}
                   .dump()
            << "\n";
  if (!std::cout.good()) return Fail("validate", "cannot write the output");
  return problems.empty() ? kExitOk : kExitProblems;
}

const Registration kReg{
    {.name = "validate",
     .summary = "load a dataset and list every problem in it",
     .synopsis = "--data FILE",
     .options = {{"--data", "FILE", "the dataset (JSON or CSV)"}},
     .run = &Run,
     .details = "Prints each problem as a JSON line {\"record\", \"field\", \"message\"}, then\n"
                "{\"summary\": {\"tasks\", \"targets\", \"problems\"}}."}};

}  // namespace
}  // namespace mandate::cli
