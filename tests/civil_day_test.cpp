#include "mandate/civil_day.h"

#include <gtest/gtest.h>

namespace mandate {
namespace {

using date::day;
using date::month;
using date::year;

TEST(CivilDay, ParsesIsoAndVietnameseForms) {
  const Day expected = year{2025} / 9 / 30;
  EXPECT_EQ(*ParseIsoDay("2025-09-30"), expected);
  EXPECT_EQ(*ParseDay("30/09/2025"), expected);
  EXPECT_EQ(*ParseDay("30/9/2025"), expected);
  EXPECT_EQ(*ParseDay("30-09-2025"), expected);
  EXPECT_EQ(*ParseDay("30.9.2025"), expected);
}

TEST(CivilDay, RejectsImpossibleAndOutOfRangeDates) {
  EXPECT_FALSE(ParseDay("31/02/2025").ok());
  EXPECT_FALSE(ParseDay("29/02/2025").ok());
  EXPECT_TRUE(ParseDay("29/02/2024").ok());
  EXPECT_FALSE(ParseDay("0/0/0").ok());
  EXPECT_FALSE(ParseDay("31/12/99999").ok());
  EXPECT_FALSE(ParseIsoDay("2025-13-01").ok());
  EXPECT_FALSE(ParseIsoDay("2025-1-01").ok());
  EXPECT_EQ(ParseDay("31/12/2201").status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_NE(ParseDay("31/02/2025").status().message().find("31"), std::string::npos);
}

TEST(CivilDay, FormatsAndConvertsEpochDays) {
  const Day d = year{2025} / 12 / 31;
  EXPECT_EQ(FormatIsoDay(d), "2025-12-31");
  EXPECT_EQ(FormatVietnameseDay(d), "31/12/2025");
  EXPECT_EQ(ToEpochDays(year{1970} / 1 / 1), 0);
  EXPECT_EQ(FromEpochDays(ToEpochDays(d)), d);
}

TEST(CivilDay, TodayInVietnamIsAPlausibleDay) {
  const date::year_month_day today{TodayInVietnam()};
  EXPECT_TRUE(today.ok());
  EXPECT_GE(today.year(), year{2025});
}

}  // namespace
}  // namespace mandate
