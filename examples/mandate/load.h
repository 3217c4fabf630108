// Loading --data FILE for the subcommands: JSON or CSV by extension, problems printed to
// stderr as JSON lines (record, field, message), the valid records kept. `problems` counts
// them, so that a command exits 1 (command.h) when its input had any.
#ifndef MANDATE_EXAMPLES_LOAD_H
#define MANDATE_EXAMPLES_LOAD_H

#include <string>

#include "absl/status/statusor.h"
#include "mandate/dataset.h"

namespace mandate::cli {

absl::StatusOr<Dataset> LoadDataset(const std::string& path, std::size_t* problems);

}  // namespace mandate::cli

#endif
