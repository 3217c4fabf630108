#include "mandate/lunar_calendar.h"

#include <gtest/gtest.h>

#include <string>

namespace mandate {
namespace {

using date::year;

// Tết (1/1 lunar) and Giỗ Tổ Hùng Vương (10/3 lunar) in Vietnam, 1985..2030. Source: the
// npm package date-chinese 2.1.4 (CalendarVietnamese: VSOP87 sun and ELP moon from
// astronomia, meridian UTC+7), an implementation independent of ours; the Tết dates also match
// the published Vietnamese calendars (1985-01-21 and 2007-02-17, which differ from China's
// 1985-02-20 and 2007-02-18; 2030-02-02, China 2030-02-03, the new moon falling at 23:07 UTC+7).
struct KnownYear {
  int year;
  unsigned tet_month, tet_day, hung_month, hung_day;
};
constexpr KnownYear kKnown[] = {
    {1985, 1, 21, 4, 29}, {1986, 2, 9, 4, 18},  {1987, 1, 29, 4, 7},  {1988, 2, 17, 4, 25},
    {1989, 2, 6, 4, 15},  {1990, 1, 27, 4, 5},  {1991, 2, 15, 4, 24}, {1992, 2, 4, 4, 12},
    {1993, 1, 23, 4, 1},  {1994, 2, 10, 4, 20}, {1995, 1, 31, 4, 9},  {1996, 2, 19, 4, 27},
    {1997, 2, 7, 4, 16},  {1998, 1, 28, 4, 6},  {1999, 2, 16, 4, 25}, {2000, 2, 5, 4, 14},
    {2001, 1, 24, 4, 3},  {2002, 2, 12, 4, 22}, {2003, 2, 1, 4, 11},  {2004, 1, 22, 4, 28},
    {2005, 2, 9, 4, 18},  {2006, 1, 29, 4, 7},  {2007, 2, 17, 4, 26}, {2008, 2, 7, 4, 15},
    {2009, 1, 26, 4, 4},  {2010, 2, 14, 4, 23}, {2011, 2, 3, 4, 12},  {2012, 1, 23, 3, 31},
    {2013, 2, 10, 4, 19}, {2014, 1, 31, 4, 9},  {2015, 2, 19, 4, 28}, {2016, 2, 8, 4, 16},
    {2017, 1, 28, 4, 6},  {2018, 2, 16, 4, 25}, {2019, 2, 5, 4, 14},  {2020, 1, 25, 4, 2},
    {2021, 2, 12, 4, 21}, {2022, 2, 1, 4, 10},  {2023, 1, 22, 4, 29}, {2024, 2, 10, 4, 18},
    {2025, 1, 29, 4, 7},  {2026, 2, 17, 4, 26}, {2027, 2, 6, 4, 16},  {2028, 1, 26, 4, 4},
    {2029, 2, 13, 4, 23}, {2030, 2, 2, 4, 12},
};

TEST(LunarCalendar, TetEveryYear1985To2030) {
  for (const KnownYear& k : kKnown) {
    SCOPED_TRACE(k.year);
    const Day tet = year{k.year} / k.tet_month / k.tet_day;
    absl::StatusOr<Day> got = FromLunar({k.year, 1, 1, false});
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(FormatIsoDay(*got), FormatIsoDay(tet));
    EXPECT_EQ(ToLunar(tet), (LunarDate{k.year, 1, 1, false}));
    // The day before is the last day of the old year's month 12.
    const LunarDate eve = ToLunar(tet - date::days{1});
    EXPECT_EQ(eve.year, k.year - 1);
    EXPECT_EQ(eve.month, 12u);
    EXPECT_GE(eve.day, 29u);
    // Independent property: Tết falls between 21/1 and 20/2.
    EXPECT_GE(tet, year{k.year} / 1 / 21);
    EXPECT_LE(tet, year{k.year} / 2 / 20);
  }
}

TEST(LunarCalendar, HungKingsDayEveryYear1985To2030) {
  for (const KnownYear& k : kKnown) {
    SCOPED_TRACE(k.year);
    const Day hung = year{k.year} / k.hung_month / k.hung_day;
    absl::StatusOr<Day> got = FromLunar({k.year, 3, 10, false});
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(FormatIsoDay(*got), FormatIsoDay(hung));
    EXPECT_EQ(ToLunar(hung), (LunarDate{k.year, 3, 10, false}));
  }
}

TEST(LunarCalendar, DiffersFromTheChineseCalendarWhereItShould) {
  EXPECT_EQ(FormatIsoDay(*FromLunar({1985, 1, 1, false})), "1985-01-21");
  EXPECT_EQ(FormatIsoDay(*FromLunar({2007, 1, 1, false})), "2007-02-17");
  // China's Tết 2007 is Vietnam's 2/1 lunar.
  EXPECT_EQ(ToLunar(year{2007} / 2 / 18), (LunarDate{2007, 1, 2, false}));
  // In 1985 Vietnam's lunar 1984 had no 12th month of China's shape: 20/2/1985 is 1/2.
  EXPECT_EQ(ToLunar(year{1985} / 2 / 20), (LunarDate{1985, 2, 1, false}));
}

TEST(LunarCalendar, LeapMonths) {
  // Leap months as date-chinese gives them: 2020 leap 4, 2023 leap 2, 2025 leap 6, 2028
  // leap 5, 1985 leap 2 (China: none in 1985, its leap 10 was in 1984), 2024 none.
  EXPECT_EQ(*LeapMonthOf(2020), 4u);
  EXPECT_EQ(*LeapMonthOf(2023), 2u);
  EXPECT_EQ(*LeapMonthOf(2025), 6u);
  EXPECT_EQ(*LeapMonthOf(2028), 5u);
  EXPECT_EQ(*LeapMonthOf(1985), 2u);
  EXPECT_EQ(*LeapMonthOf(2024), 0u);
  // 2025: leap 6 begins 25/7/2025, right after the regular month 6 (25/6/2025).
  EXPECT_EQ(FormatIsoDay(*FromLunar({2025, 6, 1, false})), "2025-06-25");
  EXPECT_EQ(FormatIsoDay(*FromLunar({2025, 6, 1, true})), "2025-07-25");
  EXPECT_EQ(ToLunar(year{2025} / 7 / 25), (LunarDate{2025, 6, 1, true}));
  EXPECT_EQ(FormatIsoDay(*FromLunar({2025, 7, 1, false})), "2025-08-23");
  // A leap flag on a month that is not leap is an error naming it.
  absl::StatusOr<Day> bad = FromLunar({2025, 5, 1, true});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(std::string(bad.status().message()).find("no leap month 5"), std::string::npos);
  EXPECT_FALSE(FromLunar({2024, 1, 1, true}).ok());
}

TEST(LunarCalendar, RoundTripsEveryDay1900To2199) {
  const Day first = year{1900} / 1 / 1;
  const Day last = year{2199} / 12 / 31;
  LunarDate prev = ToLunar(first);
  int leap_months = 0;
  for (Day d = first; d <= last; d += date::days{1}) {
    const LunarDate l = ToLunar(d);
    absl::StatusOr<Day> back = FromLunar(l);
    ASSERT_TRUE(back.ok()) << FormatIsoDay(d) << ": " << back.status();
    ASSERT_EQ(*back, d) << FormatIsoDay(d);
    // Consecutive days: next day of the month, or day 1 of the next month.
    if (d != first) {
      if (l.day != 1) {
        ASSERT_EQ(l.day, prev.day + 1) << FormatIsoDay(d);
        ASSERT_EQ(l.month, prev.month);
      } else {
        ASSERT_GE(prev.day, 29u) << FormatIsoDay(d);
        ASSERT_LE(prev.day, 30u);
        if (l.leap_month) ++leap_months;
      }
    }
    prev = l;
  }
  // About 7 leap months in 19 years: 300 years hold about 110.
  EXPECT_GT(leap_months, 100);
  EXPECT_LT(leap_months, 115);
}

TEST(LunarCalendar, MonthLengths) {
  // 12th month of Giáp Thìn (2024) has 29 days: 28/1/2025 is its last day.
  EXPECT_EQ(*LunarMonthLength(2024, 12, false), 29);
  EXPECT_EQ(ToLunar(year{2025} / 1 / 28), (LunarDate{2024, 12, 29, false}));
  absl::StatusOr<Day> bad = FromLunar({2024, 12, 30, false});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(bad.status().message()).find("day 30"), std::string::npos);
}

TEST(LunarCalendar, RejectsBadFieldsAndOutOfRange) {
  EXPECT_EQ(FromLunar({2025, 13, 1, false}).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FromLunar({2025, 0, 1, false}).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FromLunar({2025, 1, 0, false}).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FromLunar({2025, 1, 31, false}).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FromLunar({1800, 1, 1, false}).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(FromLunar({2300, 1, 1, false}).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(FromLunar({-2147483647 - 1, 1, 1, false}).status().code(),
            absl::StatusCode::kOutOfRange);
  // Lunar 1899 month 1 is in solar 1899: out of range; its month 12 starts in 1900: fine.
  EXPECT_EQ(FromLunar({1899, 1, 1, false}).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_TRUE(FromLunar(ToLunar(year{1900} / 1 / 1)).ok());
  EXPECT_EQ(ToLunar(year{1899} / 12 / 31), LunarDate{});
  EXPECT_EQ(ToLunar(year{2200} / 1 / 1), LunarDate{});
  EXPECT_EQ(ToLunarChecked(year{2200} / 1 / 1).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(LeapMonthOf(3000).status().code(), absl::StatusCode::kOutOfRange);
}

}  // namespace
}  // namespace mandate
