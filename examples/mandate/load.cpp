#include "load.h"

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "mandate/dataset_csv.h"
#include "mandate/dataset_json.h"
#include "mandate/dataset_snapshot.h"
#include "mandate/dataset_xlsx.h"

namespace mandate::cli {

DataFormat DataFormatOf(const std::string& path) {
  // Nothing to look at (no file, only blanks): the name decides, for the reader's message.
  const DataFormat by_name = path.ends_with(".csv")    ? DataFormat::kCsv
                             : path.ends_with(".xlsx") ? DataFormat::kXlsx
                                                       : DataFormat::kJson;
  std::ifstream in(path, std::ios::binary);
  if (!in) return by_name;
  char buf[4096];
  in.read(buf, sizeof buf);
  std::string_view head(buf, static_cast<std::size_t>(in.gcount()));
  if (LooksLikeXlsx(head)) return DataFormat::kXlsx;
  if (LooksLikeSnapshot(head)) return DataFormat::kSnapshot;
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  const std::size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return by_name;
  return head[first] == '{' ? DataFormat::kJson : DataFormat::kCsv;
}

absl::StatusOr<Dataset> ReadDataFile(const std::string& path, bool strict,
                                     std::vector<LoadProblem>* problems, const std::string& sheet) {
  const DataFormat format = DataFormatOf(path);
  // A snapshot is checked whole (checksums) and has no per-record problems: it opens or not.
  if (format == DataFormat::kSnapshot) return OpenSnapshot(path);
  if (format == DataFormat::kXlsx) {
    XlsxReadOptions options;
    options.strict = strict;
    options.sheet = sheet;
    return LoadDatasetXlsx(path, options, problems);
  }
  if (format == DataFormat::kCsv) {
    CsvReadOptions options;
    options.strict = strict;
    return LoadDatasetCsv(path, options, problems);
  }
  JsonReadOptions options;
  options.strict = strict;
  return LoadDatasetJson(path, options, problems);
}

absl::StatusOr<Dataset> LoadDataset(const std::string& path, std::size_t* problem_count,
                                    bool strict, const std::string& sheet) {
  std::vector<LoadProblem> problems;
  absl::StatusOr<Dataset> ds = ReadDataFile(path, strict, &problems, sheet);
  for (const LoadProblem& p : problems) {
    std::cerr << nlohmann::json{{"record", p.record}, {"field", p.field}, {"message", p.message}}
                     .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  }
  *problem_count = problems.size();
  return ds;
}

}  // namespace mandate::cli
