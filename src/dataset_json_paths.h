// The ways ReadDatasetJson can read a file, for the tests and the fuzzer that compare them.
// They give the same dataset, problems and errors.
#ifndef MANDATE_SRC_DATASET_JSON_PATHS_H
#define MANDATE_SRC_DATASET_JSON_PATHS_H

#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "mandate/dataset.h"
#include "mandate/dataset_json.h"
#include "mandate/load_problem.h"

namespace mandate::internal {

enum class JsonReadPath {
  kAuto,      // ReadDatasetJson: the canonical layout the fast way, anything else the DOM way
  kDom,       // a DOM per task (the reader before issue 20)
  kFastOnly,  // the fast way or FailedPrecondition: shows that a file is read the fast way
};

absl::StatusOr<Dataset> ReadDatasetJsonWith(std::string_view text, const JsonReadOptions& options,
                                            std::vector<LoadProblem>* problems, JsonReadPath path);

}  // namespace mandate::internal

#endif
