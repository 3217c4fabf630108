// Loading --data FILE for the subcommands: JSON, CSV or .xlsx by content (DataFormatOf), problems
// printed to stderr as JSON lines (record, field, message), the valid records kept. `problems`
// counts them, so that a command exits 1 (command.h) when its input had any. With `strict`
// any problem refuses the file (the command then exits 2: the input could not be used).
#ifndef MANDATE_EXAMPLES_LOAD_H
#define MANDATE_EXAMPLES_LOAD_H

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "mandate/dataset.h"
#include "mandate/load_problem.h"

namespace mandate::cli {

enum class DataFormat { kJson, kCsv, kXlsx, kSnapshot };

// By content, not by name (a spreadsheet's ".txt" or ".tsv" export is CSV): a binary snapshot
// when the file starts with "MDTSNAP1" (docs/snapshot-format.md), an Excel workbook when the
// file is a zip ("PK\3\4"), JSON when the first non-blank byte after a UTF-8 BOM
// is '{', else CSV. A file that cannot be opened or holds only blanks goes by its name
// (".csv", ".xlsx" or JSON), whose reader then says what is wrong.
DataFormat DataFormatOf(const std::string& path);

// The dataset read by content, each problem appended to *problems. `sheet`: the workbook's
// sheet to read ("" = the first); ignored for JSON and CSV.
absl::StatusOr<Dataset> ReadDataFile(const std::string& path, bool strict,
                                     std::vector<LoadProblem>* problems,
                                     const std::string& sheet = "");

absl::StatusOr<Dataset> LoadDataset(const std::string& path, std::size_t* problems,
                                    bool strict = false, const std::string& sheet = "");

}  // namespace mandate::cli

#endif
