// The dataset as one JSON document (docs/dataset-format.md): schema_version 1, every task,
// target, goal and source document, and a checksum of the payload so that an altered file
// is noticed: a file that still parses but does not match its checksum (edited by hand, or
// damaged) loads with a "checksum" problem, and strict mode refuses it as corrupt.
#ifndef MANDATE_DATASET_JSON_H
#define MANDATE_DATASET_JSON_H

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "mandate/dataset.h"
#include "mandate/load_problem.h"

namespace mandate {

inline constexpr int kDatasetSchemaVersion = 1;

struct JsonReadOptions {
  std::shared_ptr<const AgencyRegistry> registry;  // null = AgencyRegistry::Bundled()
  DatasetLimits limits;
  std::size_t max_bytes = std::size_t{1} << 30;  // 1 GiB: larger files are refused
  std::size_t max_depth = 64;                    // nesting of arrays/objects; the schema needs 6
  // Refuse the whole file when there is any problem, instead of loading the valid records
  // (a checksum mismatch is then DataLoss).
  bool strict = false;
  // A file without a checksum (hand-written) is loaded with a problem reported; with this
  // set it is refused.
  bool require_checksum = false;
  // Threads that parse and convert the tasks (in batches; the dataset and the problems are
  // those of a one-thread read). 0: the hardware's, at most 4.
  std::size_t threads = 0;
};

// FNV-1a 64 of the payload's compact serialisation, as "fnv1a64:<16 hex digits>".
std::string DatasetChecksum(std::string_view canonical_payload);

// Deterministic: the same dataset always gives the same bytes (keys sorted, 2-space indent).
absl::StatusOr<std::string> WriteDatasetJson(const Dataset& dataset);
absl::Status SaveDatasetJson(const Dataset& dataset, const std::string& path);  // atomic

// Every problem is appended to *problems (may be null). A checksum mismatch is the problem
// {"file", "checksum", "checksum mismatch: ...; edited by hand or damaged..."} and the data
// loads; saving the dataset again (SaveDatasetJson) re-signs it. Errors: DataLoss for a
// corrupt file (not JSON, truncated, and in strict mode a checksum mismatch), InvalidArgument
// for a wrong schema or, in strict mode, for any other problem; ResourceExhausted past
// max_bytes / max_depth.
absl::StatusOr<Dataset> ReadDatasetJson(std::string_view text, const JsonReadOptions& options = {},
                                        std::vector<LoadProblem>* problems = nullptr);
absl::StatusOr<Dataset> LoadDatasetJson(const std::string& path,
                                        const JsonReadOptions& options = {},
                                        std::vector<LoadProblem>* problems = nullptr);

}  // namespace mandate

#endif
