// One worksheet's cells as text (shared strings, inline strings, numbers, booleans, cached
// formula results) and its merged ranges.
#ifndef MANDATE_SRC_XLSX_SHEET_H
#define MANDATE_SRC_XLSX_SHEET_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "mandate/dataset_xlsx.h"
#include "xlsx_workbook.h"

namespace mandate::internal {

struct XlsxCell {
  std::uint32_t column = 0;  // 0-based: A is 0
  std::string text;          // a number as the workbook stores it ("45748", "0.5")
  bool number = false;       // a numeric cell (a date cell is one: a serial day)
};
struct XlsxRow {
  std::uint32_t row = 0;  // 1-based, as Excel numbers rows
  std::vector<XlsxCell> cells;  // by column, ascending; empty cells absent
};
struct XlsxMerge {
  std::uint32_t first_row = 0, first_column = 0, last_row = 0, last_column = 0;
};
struct XlsxSheet {
  std::string name;
  std::vector<XlsxRow> rows;  // ascending, rows without a value absent
  std::vector<XlsxMerge> merges;
};

absl::StatusOr<XlsxSheet> ReadXlsxSheet(XlsxArchive& archive, const XlsxWorkbook& workbook,
                                        const XlsxSheetRef& ref, const XlsxLimits& limits);

// "C17" from a 1-based row and a 0-based column; and back (nullopt when not a reference).
std::string XlsxCellName(std::uint32_t row, std::uint32_t column);
struct XlsxCellPos {
  std::uint32_t row = 0, column = 0;
};
std::optional<XlsxCellPos> ParseXlsxCellName(std::string_view ref);

}  // namespace mandate::internal

#endif
