#include "load.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "mandate/dataset_csv.h"
#include "mandate/dataset_json.h"

namespace mandate::cli {

absl::StatusOr<Dataset> LoadDataset(const std::string& path, std::size_t* problem_count) {
  std::vector<LoadProblem> problems;
  const bool csv = path.size() >= 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
  absl::StatusOr<Dataset> ds =
      csv ? LoadDatasetCsv(path, {}, &problems) : LoadDatasetJson(path, {}, &problems);
  for (const LoadProblem& p : problems) {
    std::cerr << nlohmann::json{{"record", p.record}, {"field", p.field}, {"message", p.message}}
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  }
  *problem_count = problems.size();
  return ds;
}

}  // namespace mandate::cli
