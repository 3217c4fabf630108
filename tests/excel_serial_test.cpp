#include "mandate/excel_serial.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace mandate {
namespace {

Day Iso(std::string_view s) { return ParseIsoDay(s).value(); }

TEST(ExcelSerial, The1900SystemAroundItsPhantomLeapDay) {
  EXPECT_EQ(DayFromExcelSerial(1).value(), Iso("1900-01-01"));
  EXPECT_EQ(DayFromExcelSerial(59).value(), Iso("1900-02-28"));
  const auto phantom = DayFromExcelSerial(60);
  ASSERT_FALSE(phantom.ok());
  EXPECT_EQ(phantom.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_NE(phantom.status().message().find("1900-02-29"), std::string::npos);
  EXPECT_EQ(DayFromExcelSerial(61).value(), Iso("1900-03-01"));
  EXPECT_EQ(DayFromExcelSerial(45748).value(), Iso("2025-04-01"));
  EXPECT_EQ(DayFromExcelSerial(45658).value(), Iso("2025-01-01"));
  EXPECT_EQ(DayFromExcelSerial(45748.99).value(), Iso("2025-04-01"));  // the time is dropped
}

TEST(ExcelSerial, The1904System) {
  EXPECT_EQ(DayFromExcelSerial(0, ExcelDateSystem::k1904).value(), Iso("1904-01-01"));
  // The same day is 1462 smaller in the 1904 system.
  EXPECT_EQ(DayFromExcelSerial(45748 - 1462, ExcelDateSystem::k1904).value(), Iso("2025-04-01"));
  EXPECT_EQ(DayFromExcelSerial(60, ExcelDateSystem::k1904).value(), Iso("1904-03-01"));
}

TEST(ExcelSerial, OutsideTheSupportedYearsIsRefused) {
  EXPECT_FALSE(DayFromExcelSerial(0).ok());
  EXPECT_FALSE(DayFromExcelSerial(-1).ok());
  EXPECT_FALSE(DayFromExcelSerial(std::nan("")).ok());
  EXPECT_FALSE(DayFromExcelSerial(std::numeric_limits<double>::infinity()).ok());
  const int last = ToEpochDays(Iso("2200-12-31")) - ToEpochDays(Day{date::year{1899} / 12 / 30});
  EXPECT_EQ(DayFromExcelSerial(last).value(), Iso("2200-12-31"));
  const auto past = DayFromExcelSerial(last + 1);
  ASSERT_FALSE(past.ok());
  EXPECT_EQ(past.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_NE(past.status().message().find("2201-01-01"), std::string::npos) << past.status();
  EXPECT_FALSE(DayFromExcelSerial(1e300).ok());
}

TEST(ExcelSerial, ParsesCellText) {
  EXPECT_EQ(ParseExcelSerialDay("45748").value(), Iso("2025-04-01"));
  EXPECT_EQ(ParseExcelSerialDay("45748.5").value(), Iso("2025-04-01"));
  EXPECT_EQ(ParseExcelSerialDay("45748,25").value(), Iso("2025-04-01"));  // decimal comma
  for (const char* bad : {"", "-1", "45748.", "4.5.6", " 45748", "45748x", "1e5", "2025-04-01",
                          "99999999999999999999999"}) {
    const auto r = ParseExcelSerialDay(bad);
    EXPECT_FALSE(r.ok()) << bad;
  }
  EXPECT_EQ(ParseExcelSerialDay("abc").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseExcelSerialDay("60").status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(ParseExcelSerialDay("99999999999999999999999").status().code(),
            absl::StatusCode::kOutOfRange);
}

}  // namespace
}  // namespace mandate
