// The flat task table a ministry exports from a spreadsheet, as CSV:
//   id,title,lead,coordinators,category,source,assigned,deadline,completed[,progress][,note]
// in any column order (Vietnamese headers such as "Cơ quan chủ trì" are understood too);
// other columns are kept as task attributes. See docs/dataset-format.md.
//
// Rows are never dropped for a bad cell: a task whose lead names an unknown agency, whose
// deadline cannot be read or whose date is wrong is loaded with what could be read, its raw
// text kept (lead_text, deadline.text, or a "raw:<column>" attribute), and the problem is
// reported. Only rows that cannot become a task (no id, duplicate id, malformed CSV) are
// skipped, each with a problem naming its line.
//
// What spreadsheets write is accepted: a UTF-8 BOM, ';' or tab as the delimiter (detected),
// Excel serial days ("45748") in date cells. A file that is not UTF-8 (Windows-1258, TCVN3)
// gets one file-level problem naming the likely encoding and how to save it as UTF-8; its
// rows that are valid UTF-8 still load.
#ifndef MANDATE_DATASET_CSV_H
#define MANDATE_DATASET_CSV_H

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "mandate/civil_day.h"
#include "mandate/csv.h"
#include "mandate/dataset.h"
#include "mandate/load_problem.h"

namespace mandate {

struct CsvReadOptions {
  std::shared_ptr<const AgencyRegistry> registry;  // null = AgencyRegistry::Bundled()
  DatasetLimits limits;
  CsvOptions csv;  // delimiter and per-record limits
  // The delimiter is taken from the header line: the most frequent of ',', ';' and tab
  // outside quotes (Excel in a Vietnamese locale writes ';'). False: csv.delimiter as given.
  bool detect_delimiter = true;
  std::size_t max_bytes = std::size_t{1} << 30;  // 1 GiB: larger files are refused
  // Year for deadline phrases without one ("Quý IV"); default: the row's assigned year.
  std::optional<int> plan_year;
  // The day the table was exported: a `progress` cell becomes a progress event on this day.
  // Unset, the cell is kept as the attribute "progress" (no event is invented).
  std::optional<Day> as_of;
  // Refuse the whole file when there is any problem, instead of loading the valid rows.
  bool strict = false;
  // Problems listed at most; the rest are counted in one final problem.
  std::size_t max_problems = 1000;
  // Threads that read a large file: it is split into chunks of about chunk_bytes at record
  // boundaries, read in parallel, and the tasks are appended in file order (the dataset and
  // the problems are those of a one-thread read). 0: the hardware's, at most 4; 1: one
  // thread. A file under two chunks is read on one thread. Small chunks keep the rows a
  // thread prepared in cache until they are appended (1 MiB chunks cost 18% more page faults
  // and ~10% more CPU at 10^6 rows).
  std::size_t threads = 0;
  std::size_t chunk_bytes = std::size_t{64} << 10;
};

absl::StatusOr<Dataset> ReadDatasetCsv(std::string_view text, const CsvReadOptions& options = {},
                                       std::vector<LoadProblem>* problems = nullptr);
absl::StatusOr<Dataset> LoadDatasetCsv(const std::string& path, const CsvReadOptions& options = {},
                                       std::vector<LoadProblem>* problems = nullptr);

// The table back out (lossy: history becomes `completed` and the latest `progress`; JSON
// is the lossless format). Columns: the standard ones, then expected_result, partners, then
// every attribute name in order of first appearance. UTF-8 with a BOM, CRLF.
std::string WriteDatasetCsv(const Dataset& dataset);
absl::Status SaveDatasetCsv(const Dataset& dataset, const std::string& path);  // atomic

}  // namespace mandate

#endif
