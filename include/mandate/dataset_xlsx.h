// Task tables from Excel workbooks (.xlsx), as agencies exchange them: the first sheet (or a
// named one), its header row found under a title block (merged title cells, blank rows, the
// plan tables' two-row headers "Cơ quan | chủ trì, phối hợp"), the columns named in English or
// Vietnamese through the same table as the CSV reader (docs/dataset-format.md), numbers and
// Excel serial dates (the 1900 system, or 1904 when workbook.xml says so), and group-heading
// rows ("I. …", "1.1. …", merged across the table) giving the category of the rows below.
//
// As with CSV, nothing valid is dropped: a bad cell loads its task with what could be read and
// is reported by sheet and cell reference ("'Kế hoạch'!C17", field "Thời hạn"). A workbook is
// a zip of XML parts: what it may expand to is bounded (XlsxLimits), each limit a clear error.
#ifndef MANDATE_DATASET_XLSX_H
#define MANDATE_DATASET_XLSX_H

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "mandate/civil_day.h"
#include "mandate/dataset.h"
#include "mandate/load_problem.h"

namespace mandate {

// Bounds on what a workbook may expand to (zip bombs, huge shared-string tables). The
// defaults hold Excel's own maximum sheet (1,048,576 rows x 16,384 columns).
struct XlsxLimits {
  std::size_t max_file_bytes = std::size_t{256} << 20;
  std::size_t max_entries = 10000;                        // zip entries
  std::size_t max_part_bytes = std::size_t{256} << 20;    // one XML part, uncompressed
  std::size_t max_total_bytes = std::size_t{512} << 20;   // all parts read, uncompressed
  std::size_t max_shared_strings = std::size_t{1} << 20;  // entries in sharedStrings.xml
  std::size_t max_shared_string_bytes = std::size_t{64} << 20;
  std::size_t max_rows = 1048576;
  std::size_t max_columns = 16384;
  std::size_t max_cell_text_bytes = std::size_t{256} << 20;  // all cells of the sheet
  std::size_t max_merges = 10000;
};

struct XlsxReadOptions {
  std::shared_ptr<const AgencyRegistry> registry;  // null = AgencyRegistry::Bundled()
  DatasetLimits limits;
  XlsxLimits xlsx;
  std::string sheet;  // "" = the first sheet
  // As CsvReadOptions: the year of phrases without one, the day a progress cell is dated.
  std::optional<int> plan_year;
  std::optional<Day> as_of;
  bool strict = false;  // refuse the workbook when there is any problem
  std::size_t max_problems = 1000;
};

// True when the bytes are a zip archive (what every .xlsx is): "PK\3\4".
bool LooksLikeXlsx(std::string_view bytes);

absl::StatusOr<Dataset> ReadDatasetXlsx(std::string_view bytes, const XlsxReadOptions& options = {},
                                        std::vector<LoadProblem>* problems = nullptr);
absl::StatusOr<Dataset> LoadDatasetXlsx(const std::string& path,
                                        const XlsxReadOptions& options = {},
                                        std::vector<LoadProblem>* problems = nullptr);

}  // namespace mandate

#endif
