// The parts of a workbook every sheet needs: the sheets by name (workbook.xml and its
// relationships), the date system (the 1904 flag), and the shared-string table.
#ifndef MANDATE_SRC_XLSX_WORKBOOK_H
#define MANDATE_SRC_XLSX_WORKBOOK_H

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "mandate/dataset_xlsx.h"
#include "mandate/excel_serial.h"
#include "xlsx_archive.h"

namespace mandate::internal {

struct XlsxSheetRef {
  std::string name;  // as the tab shows it
  std::string part;  // "xl/worksheets/sheet1.xml"
};

struct XlsxWorkbook {
  std::vector<XlsxSheetRef> sheets;  // in tab order
  ExcelDateSystem dates = ExcelDateSystem::k1900;
  std::vector<std::string> shared_strings;
};

absl::StatusOr<XlsxWorkbook> ReadXlsxWorkbook(XlsxArchive& archive, const XlsxLimits& limits);

}  // namespace mandate::internal

#endif
