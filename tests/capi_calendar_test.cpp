// Vietnam's working-day calendar and the lunar calendar across the C ABI.
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
  ASSERT_MDT_OK(mdt_calendar_working_days_between(&n, cal.get(), Date("2025-01-24"), Date("2025-02-10")));
  EXPECT_EQ(n, 6);  // 3..7 and 10 February (8/2 is not worked back)
  ASSERT_MDT_OK(mdt_calendar_working_days_between(&n, cal.get(), Date("2025-02-10"), Date("2025-01-24")));
  EXPECT_EQ(n, -6);
}

TEST(CApiCalendar, DaysOffIntoACallerArray) {
  Calendar cal = NewCalendar(MDT_CALENDAR_VIETNAM);
  size_t count = 0;
  // Size query first.
  EXPECT_MDT_ERR(MDT_ERR_BUFFER_TOO_SMALL, "11 are needed",
                 mdt_calendar_days_off(nullptr, 0, &count, cal.get(), Date("2025-01-24"), Date("2025-02-09")));
  ASSERT_EQ(count, 11u);
  std::vector<mdt_date> days(count);
  ASSERT_MDT_OK(mdt_calendar_days_off(days.data(), days.size(), &count, cal.get(), Date("2025-01-24"),
                                      Date("2025-02-09")));
  EXPECT_EQ(days.front(), Date("2025-01-25"));
  EXPECT_EQ(days.back(), Date("2025-02-09"));
  mdt_date small[3] = {0, 0, 0};
  EXPECT_EQ(mdt_calendar_days_off(small, 3, &count, cal.get(), Date("2025-01-24"), Date("2025-02-09")),
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
  ASSERT_MDT_OK(mdt_calendar_add_schedule(cal.get(),
      R"({"year": 2027, "days_off": [{"date": "2027-03-15", "reason": "Ngày nghỉ đặc biệt"}]})",
      MDT_NUL_TERMINATED));
  ASSERT_MDT_OK(mdt_calendar_is_working_day(&working, cal.get(), Date("2027-03-15")));
  EXPECT_EQ(working, 0);
  EXPECT_MDT_ERR(MDT_ERR_PARSE, "not valid JSON", mdt_calendar_add_schedule(cal.get(), "{", 1));
  EXPECT_MDT_ERR(MDT_ERR_PARSE, "year", mdt_calendar_add_schedule(cal.get(), R"({"days_off": []})", MDT_NUL_TERMINATED));
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
  EXPECT_EQ(mdt_calendar_is_working_day(&working, cal.get(), MDT_NO_DATE), MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_calendar_is_working_day(&working, cal.get(), 1000000), MDT_ERR_OUT_OF_RANGE);
  mdt_date d = 0;
  EXPECT_EQ(mdt_calendar_add_working_days(&d, cal.get(), Date("2200-12-30"), 5), MDT_ERR_OUT_OF_RANGE);
  EXPECT_EQ(mdt_calendar_add_working_days(&d, cal.get(), Date("2025-01-01"), 2000000000),
            MDT_ERR_OUT_OF_RANGE);
  EXPECT_EQ(mdt_calendar_next_working_day(&d, cal.get(), Date("2200-12-31")), MDT_ERR_OUT_OF_RANGE);
  int32_t n = 0;
  EXPECT_EQ(mdt_calendar_working_days_between(&n, cal.get(), Date("2025-01-01"), -999999),
            MDT_ERR_OUT_OF_RANGE);
  char* reason = nullptr;
  EXPECT_EQ(mdt_calendar_day_off_reason(&reason, nullptr, cal.get(), MDT_NO_DATE), MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_calendar_day_off_reason(nullptr, nullptr, cal.get(), Date("2025-01-01")),
            MDT_ERR_INVALID_ARGUMENT);
}

TEST(CApiLunar, TetAndHungKingsDay) {
  mdt_lunar_date l{};
  ASSERT_MDT_OK(mdt_lunar_from_solar(&l, Date("2025-01-29")));
  EXPECT_EQ(l.year, 2025);
  EXPECT_EQ(l.month, 1u);
  EXPECT_EQ(l.day, 1u);
  EXPECT_EQ(l.leap_month, 0);
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

}  // namespace
}  // namespace mandate::capi_test
