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

int Run(const std::vector<std::string>& argv) {
  auto args = Args::Parse(argv, {"--data"}, {});
  if (!args || !args->Has("--data")) {
    std::cerr << "usage: mandate validate --data FILE\n";
    return 2;
  }
  const std::string path = *args->Get("--data");
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
    std::cerr << "mandate: " << ds.status().message() << "\n";
    std::cout << nlohmann::json{{"summary", {{"tasks", 0}, {"problems", problems.size()},
                                             {"error", std::string(ds.status().message())}}}}
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
    return 2;
  }
  std::cout << nlohmann::json{{"summary", {{"tasks", ds->task_count()},
                                           {"targets", ds->targets().size()},
                                           {"problems", problems.size()}}}}
                   .dump()
            << "\n";
  return problems.empty() ? 0 : 1;
}

const Registration kReg{"validate", "load a dataset and list every problem in it", &Run};

}  // namespace
}  // namespace mandate::cli
