#include "mandate/excel_serial.h"

#include <cmath>
#include <cstdint>

#include "absl/strings/str_format.h"

namespace mandate {
namespace {

// Serials larger than this are far past kMaxYear in either system; refusing them before the
// conversion keeps the arithmetic in range.
constexpr double kMaxSerial = 200000;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

absl::StatusOr<Day> DayFromExcelSerial(double serial, ExcelDateSystem system) {
  if (!(serial >= 0) || serial > kMaxSerial) {  // also NaN
    return absl::OutOfRangeError(absl::StrFormat("Excel serial date %g is out of range", serial));
  }
  const auto whole = static_cast<std::int64_t>(std::floor(serial));
  Day day;
  if (system == ExcelDateSystem::k1904) {
    day = Day{date::year{1904} / 1 / 1} + date::days{whole};
  } else if (whole == 0 || whole == 60) {
    return absl::OutOfRangeError(
        absl::StrFormat("Excel serial date %d is not a real day (Excel's %s)", whole,
                        whole == 0 ? "1900-01-00" : "1900-02-29, which never existed"));
  } else {
    // Serials 1..59 count from 1899-12-31; from 61 on Excel has counted the phantom 1900-02-29.
    day = Day{date::year{1899} / 12 / 31} + date::days{whole < 60 ? whole : whole - 1};
  }
  const date::year_month_day ymd{day};
  if (ymd.year() < kMinYear || ymd.year() > kMaxYear) {
    return absl::OutOfRangeError(
        absl::StrFormat("Excel serial date %d is %s, outside the supported years %d..%d", whole,
                        FormatIsoDay(day), static_cast<int>(kMinYear), static_cast<int>(kMaxYear)));
  }
  return day;
}

absl::StatusOr<Day> ParseExcelSerialDay(std::string_view text, ExcelDateSystem system) {
  std::size_t i = 0;
  std::int64_t whole = 0;
  for (; i < text.size() && IsDigit(text[i]); ++i) {
    // Saturates past the largest serial: still a number, refused as out of range below.
    if (whole <= kMaxSerial) whole = whole * 10 + (text[i] - '0');
  }
  bool ok = i > 0;
  if (ok && i < text.size() && (text[i] == '.' || text[i] == ',')) {
    const std::size_t fraction = ++i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    ok = i > fraction;
  }
  if (!ok || i != text.size()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("\"%s\" is not an Excel serial date (a whole number of days)", text));
  }
  // The fraction is a time of day, dropped; only the whole part matters.
  return DayFromExcelSerial(static_cast<double>(whole), system);
}

}  // namespace mandate
