// Vietnam's working-day calendar and the lunar calendar across the C ABI.
#include <algorithm>
#include <string>
#include <vector>

#include "capi_fixture.h"

namespace mandate::capi_test {
namespace {

Calendar NewCalendar(mdt_calendar_source source) {
  mdt_calendar* c = nullptr;
  EXPECT_EQ(mdt_calendar_new(&c, source), MDT_OK) << mdt_last_error();
  return Calendar(c);
}

TEST(CApiCalendar, Tet2025FromTheOfficialSchedule) {
  Calendar cal = NewCalendar(MDT_CALENDAR_VIETNAM);
  int working = -1;
  ASSERT_MDT_OK(mdt_calendar_is_working_day(&working, cal.get(), Date("2025-01-29")));
  EXPECT_EQ(working, 0);
  ASSERT_MDT_OK(mdt_calendar_is_working_day(&working, cal.get(), Date("2025-04-26")));
  EXPECT_EQ(working, 1);  // a Saturday worked back
  char* reason = nullptr;
  size_t len = 0;
  ASSERT_MDT_OK(mdt_calendar_day_off_reason(&reason, &len, cal.get(), Date("2025-01-29")));
  String r(reason);
  EXPECT_EQ(std::string(reason, len), "Tết Nguyên đán");
  ASSERT_MDT_OK(mdt_calendar_day_off_reason(&reason, &len, cal.get(), Date("2025-02-03")));
  EXPECT_EQ(reason, nullptr);  // a working day has no reason
  EXPECT_EQ(len, 0u);

  ASSERT_MDT_OK(mdt_calendar_working_day_reason(&reason, &len, cal.get(), Date("2025-04-26")));
  String worked(reason);
  EXPECT_EQ(std::string(reason, len), "Làm bù cho thứ Sáu 02/05/2025");
  char* none = nullptr;
  ASSERT_MDT_OK(mdt_calendar_working_day_reason(&none, nullptr, cal.get(), Date("2025-02-10")));
  EXPECT_EQ(none, nullptr);
  EXPECT_EQ(mdt_calendar_working_day_reason(nullptr, nullptr, cal.get(), Date("2025-02-10")),
            MDT_ERR_INVALID_ARGUMENT);
  mdt_date d = 0;
  ASSERT_MDT_OK(mdt_calendar_add_working_days(&d, cal.get(), Date("2025-01-24"), 1));
  EXPECT_EQ(d, Date("2025-02-03"));
  ASSERT_MDT_OK(mdt_calendar_add_working_days(&d, cal.get(), Date("2025-02-03"), -1));
  EXPECT_EQ(d, Date("2025-01-24"));
  ASSERT_MDT_OK(mdt_calendar_next_working_day(&d, cal.get(), Date("2025-01-25")));
  EXPECT_EQ(d, Date("2025-02-03"));
  int32_t n = 0;
  ASSERT_MDT_OK(
      mdt_calendar_working_days_between(&n, cal.get(), Date("2025-01-24"), Date("2025-02-10")));
  EXPECT_EQ(n, 6);  // 3..7 and 10 February (8/2 is not worked back)
  ASSERT_MDT_OK(
      mdt_calendar_working_days_between(&n, cal.get(), Date("2025-02-10"), Date("2025-01-24")));
  EXPECT_EQ(n, -6);
}

TEST(CApiCalendar, DaysOffIntoACallerArray) {
  Calendar cal = NewCalendar(MDT_CALENDAR_VIETNAM);
  size_t count = 0;
  // Size query first: answered with MDT_OK.
  ASSERT_MDT_OK(
      mdt_calendar_days_off(nullptr, 0, &count, cal.get(), Date("2025-01-24"), Date("2025-02-09")));
  ASSERT_EQ(count, 11u);
  std::vector<mdt_date> days(count);
  ASSERT_MDT_OK(mdt_calendar_days_off(days.data(), days.size(), &count, cal.get(),
                                      Date("2025-01-24"), Date("2025-02-09")));
  EXPECT_EQ(days.front(), Date("2025-01-25"));
  EXPECT_EQ(days.back(), Date("2025-02-09"));
  mdt_date small[3] = {0, 0, 0};
  EXPECT_EQ(
      mdt_calendar_days_off(small, 3, &count, cal.get(), Date("2025-01-24"), Date("2025-02-09")),
      MDT_ERR_BUFFER_TOO_SMALL);
  EXPECT_EQ(small[0], 0);  // nothing written
  EXPECT_EQ(mdt_calendar_days_off(days.data(), days.size(), nullptr, cal.get(), Date("2025-01-24"),
                                  Date("2025-02-09")),
            MDT_ERR_INVALID_ARGUMENT);
}

TEST(CApiCalendar, RulesOnlyAndAddedSchedules) {
  Calendar cal = NewCalendar(MDT_CALENDAR_RULES_ONLY);
  int working = -1;
  ASSERT_MDT_OK(mdt_calendar_is_working_day(&working, cal.get(), Date("2027-03-15")));
  EXPECT_EQ(working, 1);
  ASSERT_MDT_OK(mdt_calendar_add_schedule(
      cal.get(),
      R"({"year": 2027, "days_off": [{"date": "2027-03-15", "reason": "Ngày nghỉ đặc biệt"}]})",
      MDT_NUL_TERMINATED));
  ASSERT_MDT_OK(mdt_calendar_is_working_day(&working, cal.get(), Date("2027-03-15")));
  EXPECT_EQ(working, 0);
  EXPECT_MDT_ERR(MDT_ERR_PARSE, "not valid JSON", mdt_calendar_add_schedule(cal.get(), "{", 1));
  EXPECT_MDT_ERR(MDT_ERR_PARSE, "year",
                 mdt_calendar_add_schedule(cal.get(), R"({"days_off": []})", MDT_NUL_TERMINATED));
  EXPECT_EQ(mdt_calendar_add_schedule(cal.get(), "{\"\xff\"}", 5), MDT_ERR_INVALID_UTF8);
  // The Vietnam calendar is a copy: adding to it leaves other calendars alone.
  Calendar vn = NewCalendar(MDT_CALENDAR_VIETNAM);
  ASSERT_MDT_OK(mdt_calendar_is_working_day(&working, vn.get(), Date("2027-03-15")));
  EXPECT_EQ(working, 1);
  mdt_calendar* bad = nullptr;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "mdt_calendar_source",
                 mdt_calendar_new(&bad, static_cast<mdt_calendar_source>(7)));
  EXPECT_EQ(mdt_calendar_new(nullptr, MDT_CALENDAR_VIETNAM), MDT_ERR_INVALID_ARGUMENT);
}

TEST(CApiCalendar, BadDatesAndOutOfRangeResults) {
  Calendar cal = NewCalendar(MDT_CALENDAR_VIETNAM);
  int working = 0;
  EXPECT_EQ(mdt_calendar_is_working_day(&working, cal.get(), MDT_NO_DATE),
            MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_calendar_is_working_day(&working, cal.get(), 1000000), MDT_ERR_OUT_OF_RANGE);
  mdt_date d = 0;
  EXPECT_EQ(mdt_calendar_add_working_days(&d, cal.get(), Date("2200-12-30"), 5),
            MDT_ERR_OUT_OF_RANGE);
  EXPECT_EQ(mdt_calendar_add_working_days(&d, cal.get(), Date("2025-01-01"), 2000000000),
            MDT_ERR_OUT_OF_RANGE);
  EXPECT_EQ(mdt_calendar_next_working_day(&d, cal.get(), Date("2200-12-31")), MDT_ERR_OUT_OF_RANGE);
  int32_t n = 0;
  EXPECT_EQ(mdt_calendar_working_days_between(&n, cal.get(), Date("2025-01-01"), -999999),
            MDT_ERR_OUT_OF_RANGE);
  char* reason = nullptr;
  EXPECT_EQ(mdt_calendar_day_off_reason(&reason, nullptr, cal.get(), MDT_NO_DATE),
            MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_calendar_day_off_reason(nullptr, nullptr, cal.get(), Date("2025-01-01")),
            MDT_ERR_INVALID_ARGUMENT);
}

TEST(CApiLunar, TetAndHungKingsDay) {
  mdt_lunar_date l{};
  ASSERT_MDT_OK(mdt_lunar_from_solar(&l, Date("2025-01-29")));
  EXPECT_EQ(l.year, 2025);
  EXPECT_EQ(l.month, 1u);
  EXPECT_EQ(l.day, 1u);
  EXPECT_EQ(l.is_leap_month, 0);
  mdt_date d = 0;
  const mdt_lunar_date hung = {2025, 3, 10, 0};
  ASSERT_MDT_OK(mdt_lunar_to_solar(&d, &hung));
  EXPECT_EQ(d, Date("2025-04-07"));
  const mdt_lunar_date bad = {2025, 13, 1, 0};
  EXPECT_NE(mdt_lunar_to_solar(&d, &bad), MDT_OK);
  EXPECT_NE(std::string(mdt_last_error()), "");
  EXPECT_EQ(mdt_lunar_to_solar(&d, nullptr), MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_lunar_from_solar(&l, Date("2200-06-01")), MDT_ERR_OUT_OF_RANGE);
  EXPECT_EQ(mdt_lunar_from_solar(nullptr, Date("2025-01-01")), MDT_ERR_INVALID_ARGUMENT);
}

TEST(CApiCalendar, ScheduleYearsAndKindsOfDays) {
  Calendar cal = NewCalendar(MDT_CALENDAR_VIETNAM);
  size_t n = 0;
  ASSERT_MDT_OK(mdt_calendar_schedule_years(nullptr, 0, &n, cal.get()));
  ASSERT_GE(n, 2u);
  std::vector<int32_t> years(n);
  ASSERT_MDT_OK(mdt_calendar_schedule_years(years.data(), years.size(), &n, cal.get()));
  // The bundled schedules, ascending: 2025 and 2026 among them.
  EXPECT_TRUE(std::is_sorted(years.begin(), years.end()));
  EXPECT_NE(std::find(years.begin(), years.end(), 2025), years.end());
  EXPECT_EQ(years.back(), 2026);
  Calendar rules = NewCalendar(MDT_CALENDAR_RULES_ONLY);
  ASSERT_MDT_OK(mdt_calendar_schedule_years(nullptr, 0, &n, rules.get()));
  EXPECT_EQ(n, 0u);
  ASSERT_MDT_OK(mdt_calendar_add_schedule(
      rules.get(), R"({"year": 2031, "days_off": [{"date": "2031-01-02", "reason": "Tết"}]})",
      MDT_NUL_TERMINATED));
  int32_t one = 0;
  ASSERT_MDT_OK(mdt_calendar_schedule_years(&one, 1, &n, rules.get()));
  EXPECT_EQ(one, 2031);

  struct Case {
    const char* day;
    mdt_day_kind kind;
  };
  for (const Case& c :
       {Case{"2025-02-03", MDT_DAY_WORKING}, Case{"2025-02-09", MDT_DAY_WEEKEND},
        Case{"2025-01-29", MDT_DAY_HOLIDAY}, Case{"2025-09-02", MDT_DAY_HOLIDAY},
        Case{"2025-01-27", MDT_DAY_HOLIDAY}, Case{"2026-01-02", MDT_DAY_SWAPPED_OFF},
        Case{"2025-05-02", MDT_DAY_SWAPPED_OFF}, Case{"2025-04-26", MDT_DAY_SWAPPED_WORKING},
        Case{"2026-04-27", MDT_DAY_SUBSTITUTE}}) {
    SCOPED_TRACE(c.day);
    int32_t kind = -1;
    ASSERT_MDT_OK(mdt_calendar_day_kind(&kind, cal.get(), Date(c.day)));
    EXPECT_EQ(kind, c.kind) << mdt_day_kind_name(static_cast<mdt_day_kind>(kind));
  }
  EXPECT_STREQ(mdt_day_kind_name(MDT_DAY_SUBSTITUTE), "substitute_day_off");
  EXPECT_STREQ(mdt_day_kind_name(MDT_DAY_SWAPPED_WORKING), "swapped_working_day");
  EXPECT_STREQ(mdt_day_kind_name(static_cast<mdt_day_kind>(6)), "unknown");
  // Rules only: the compensatory day of a holiday on a weekend is a substitute day
  // (Quốc khánh 2/9/2029 is a Sunday).
  int32_t kind = -1;
  ASSERT_MDT_OK(mdt_calendar_day_kind(&kind, rules.get(), Date("2029-09-02")));
  EXPECT_EQ(kind, MDT_DAY_HOLIDAY);
  ASSERT_MDT_OK(mdt_calendar_day_kind(&kind, rules.get(), Date("2029-09-04")));
  EXPECT_EQ(kind, MDT_DAY_SUBSTITUTE);
  EXPECT_EQ(mdt_calendar_day_kind(&kind, cal.get(), MDT_NO_DATE), MDT_ERR_INVALID_ARGUMENT);
}

TEST(CApiLunar, LeapMonthsAndMonthLengths) {
  uint32_t m = 99;
  ASSERT_MDT_OK(mdt_lunar_leap_month(&m, 2025));
  EXPECT_EQ(m, 6u);  // Ất Tỵ has a leap sixth month
  ASSERT_MDT_OK(mdt_lunar_leap_month(&m, 2024));
  EXPECT_EQ(m, 0u);
  ASSERT_MDT_OK(mdt_lunar_leap_month(&m, 2023));
  EXPECT_EQ(m, 2u);
  // Every month of 2025 has 29 or 30 days, and the months add up to the year.
  uint32_t total = 0;
  for (uint32_t month = 1; month <= 12; ++month) {
    for (int32_t leap : {0, 1}) {
      if (leap && month != 6) continue;
      uint32_t len = 0;
      ASSERT_MDT_OK(mdt_lunar_month_length(&len, 2025, month, leap));
      EXPECT_TRUE(len == 29 || len == 30) << month;
      total += len;
    }
  }
  mdt_date tet2025 = 0, tet2026 = 0;
  const mdt_lunar_date a = {2025, 1, 1, 0}, b = {2026, 1, 1, 0};
  ASSERT_MDT_OK(mdt_lunar_to_solar(&tet2025, &a));
  ASSERT_MDT_OK(mdt_lunar_to_solar(&tet2026, &b));
  EXPECT_EQ(static_cast<int32_t>(total), tet2026 - tet2025);
  uint32_t len = 0;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "leap", mdt_lunar_month_length(&len, 2025, 5, 1));
  EXPECT_NE(mdt_lunar_month_length(&len, 2025, 13, 0), MDT_OK);
  EXPECT_NE(mdt_lunar_leap_month(&m, 1500), MDT_OK);
}

}  // namespace
}  // namespace mandate::capi_test
