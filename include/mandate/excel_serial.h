// Excel serial dates: a spreadsheet cell formatted as a number, or a CSV written from one,
// holds a day as a count of days ("45748" is 2025-04-01). Two systems exist: the 1900 system
// of Windows Excel, where serial 1 is 1900-01-01 and serial 60 is 1900-02-29 (a day that never
// existed, kept for Lotus 1-2-3 compatibility, so serials from 61 on count from 1899-12-30),
// and the 1904 system of old Mac workbooks (serial 0 is 1904-01-01; xlsx flags it with
// <workbookPr date1904="1"/>).
#ifndef MANDATE_EXCEL_SERIAL_H
#define MANDATE_EXCEL_SERIAL_H

#include <string_view>

#include "absl/status/statusor.h"
#include "mandate/civil_day.h"

namespace mandate {

enum class ExcelDateSystem { k1900, k1904 };

// The day of a serial. The time of day (the fraction) is dropped: mandate's days are civil
// days. Refused: NaN, negative serials, serial 0 and 60 in the 1900 system (1900-01-00 and the
// fictitious 1900-02-29), and days outside kMinYear..kMaxYear: all OutOfRange.
absl::StatusOr<Day> DayFromExcelSerial(double serial,
                                       ExcelDateSystem system = ExcelDateSystem::k1900);

// A cell's text as a serial: digits, optionally a fraction after '.' or ',' (a Vietnamese-
// locale Excel writes "45748,5"). Text that is not such a number is InvalidArgument; a number
// that is not a supported day is OutOfRange, so a caller trying its date formats first can
// tell which error to report.
absl::StatusOr<Day> ParseExcelSerialDay(std::string_view text,
                                        ExcelDateSystem system = ExcelDateSystem::k1900);

}  // namespace mandate

#endif
