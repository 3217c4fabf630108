// Dates and enumeration names across the C ABI.
#include <cstring>
#include <string>

#include "capi_fixture.h"

namespace mandate::capi_test {
namespace {

TEST(CApiDate, ParseFormatRoundTripAtTheEdgesOfTheRange) {
  for (const char* iso : {"1900-01-01", "1970-01-01", "2000-02-29", "2025-09-23", "2200-12-31"}) {
    mdt_date d = MDT_NO_DATE;
    ASSERT_MDT_OK(mdt_date_parse(&d, iso, std::strlen(iso)));
    char buf[MDT_DATE_BUFFER_SIZE];
    size_t len = 0;
    ASSERT_MDT_OK(mdt_date_format(buf, sizeof buf, &len, d));
    EXPECT_STREQ(buf, iso);
    EXPECT_EQ(len, 10u);
  }
  mdt_date d = 0;
  ASSERT_MDT_OK(mdt_date_parse(&d, "1970-01-02", MDT_NUL_TERMINATED));
  EXPECT_EQ(d, 1);
  ASSERT_MDT_OK(mdt_date_parse(&d, "2025-09-23", MDT_NUL_TERMINATED));
  EXPECT_EQ(d, 20354);
}

TEST(CApiDate, BadDatesAreStatusCodes) {
  mdt_date d = 0;
  EXPECT_MDT_ERR(MDT_ERR_PARSE, "YYYY-MM-DD", mdt_date_parse(&d, "23/09/2025", MDT_NUL_TERMINATED));
  EXPECT_MDT_ERR(MDT_ERR_PARSE, "YYYY-MM-DD", mdt_date_parse(&d, "", 0));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "does not exist",
                 mdt_date_parse(&d, "2025-02-29", MDT_NUL_TERMINATED));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "month 13",
                 mdt_date_parse(&d, "2025-13-01", MDT_NUL_TERMINATED));
  EXPECT_MDT_ERR(MDT_ERR_OUT_OF_RANGE, "1899",
                 mdt_date_parse(&d, "1899-12-31", MDT_NUL_TERMINATED));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_UTF8, "byte 4", mdt_date_parse(&d, "2025\xff", 5));
  // An embedded NUL is part of the text when the length says so.
  EXPECT_MDT_ERR(MDT_ERR_PARSE, "", mdt_date_parse(&d, "2025-09-2\0", 10));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "out", mdt_date_parse(nullptr, "2025-01-01", 10));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "text", mdt_date_parse(&d, nullptr, 10));
}

TEST(CApiDate, FormatReportsTheNeededSize) {
  mdt_date d = Date("2025-09-23");
  char small[5] = "xxxx";
  size_t len = 0;
  EXPECT_MDT_ERR(MDT_ERR_BUFFER_TOO_SMALL, "11 are needed",
                 mdt_date_format(small, sizeof small, &len, d));
  EXPECT_EQ(len, 10u);
  EXPECT_STREQ(small, "xxxx");                              // nothing written
  EXPECT_EQ(mdt_date_format(nullptr, 0, &len, d), MDT_OK);  // a size query
  EXPECT_EQ(len, 10u);
  char buf[11];
  EXPECT_MDT_ERR(MDT_ERR_OUT_OF_RANGE, "outside", mdt_date_format(buf, sizeof buf, &len, 200000));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "MDT_NO_DATE",
                 mdt_date_format(buf, sizeof buf, &len, MDT_NO_DATE));
}

TEST(CApiDate, YearMonthDayAndToday) {
  mdt_date d = 0;
  ASSERT_MDT_OK(mdt_date_from_ymd(&d, 2024, 2, 29));
  EXPECT_EQ(d, Date("2024-02-29"));
  int32_t y = 0;
  uint32_t m = 0, day = 0;
  ASSERT_MDT_OK(mdt_date_to_ymd(&y, &m, &day, d));
  EXPECT_EQ(y, 2024);
  EXPECT_EQ(m, 2u);
  EXPECT_EQ(day, 29u);
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "day 29", mdt_date_from_ymd(&d, 2025, 2, 29));
  EXPECT_MDT_ERR(MDT_ERR_OUT_OF_RANGE, "year", mdt_date_from_ymd(&d, 2201, 1, 1));
  EXPECT_MDT_ERR(MDT_ERR_OUT_OF_RANGE, "outside", mdt_date_to_ymd(&y, &m, &day, -30000));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "out", mdt_date_from_ymd(nullptr, 2025, 1, 1));
  mdt_date today = 0;
  ASSERT_MDT_OK(mdt_date_today(&today));
  EXPECT_GT(today, Date("2025-01-01"));
  EXPECT_EQ(mdt_date_today(nullptr), MDT_ERR_INVALID_ARGUMENT);
}

TEST(CApiEnums, NamesMatchTheCoreAndRoundTrip) {
  EXPECT_STREQ(mdt_task_status_name(MDT_TASK_COMPLETED_ON_TIME), "completed_on_time");
  EXPECT_STREQ(mdt_task_status_name(MDT_TASK_CANCELLED), "cancelled");
  EXPECT_STREQ(mdt_task_status_name(MDT_TASK_NOT_YET_ASSIGNED), "not_yet_assigned");
  EXPECT_STREQ(mdt_task_status_name(static_cast<mdt_task_status>(77)), "unknown");
  for (int i = 0; i < MDT_TASK_STATUS_COUNT; ++i) {
    mdt_task_status s{};
    ASSERT_MDT_OK(
        mdt_task_status_from_name(&s, mdt_task_status_name(static_cast<mdt_task_status>(i))));
    EXPECT_EQ(s, i);
  }
  EXPECT_MDT_ERR(MDT_ERR_NOT_FOUND, "late!", [] {
    mdt_task_status s{};
    return mdt_task_status_from_name(&s, "late!");
  }());
  EXPECT_STREQ(mdt_deadline_kind_name(MDT_DEADLINE_QUARTER), "quarter");
  EXPECT_STREQ(mdt_deadline_kind_name(MDT_DEADLINE_OPEN_ENDED), "open_ended");
  EXPECT_STREQ(mdt_deadline_kind_name(MDT_DEADLINE_PERIOD), "period");
  EXPECT_STREQ(mdt_deadline_kind_name(static_cast<mdt_deadline_kind>(15)), "unknown");
  mdt_deadline_kind k{};
  ASSERT_MDT_OK(mdt_deadline_kind_from_name(&k, "recurring"));
  EXPECT_EQ(k, MDT_DEADLINE_RECURRING);
  EXPECT_EQ(mdt_deadline_kind_from_name(&k, nullptr), MDT_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(mdt_frequency_name(MDT_FREQ_SEMIANNUAL), "semiannual");
  EXPECT_STREQ(mdt_event_type_name(MDT_EVENT_DEADLINE_CHANGED), "deadline_changed");
  mdt_event_type e{};
  ASSERT_MDT_OK(mdt_event_type_from_name(&e, "cancelled"));
  EXPECT_EQ(e, MDT_EVENT_CANCELLED);
  EXPECT_EQ(mdt_event_type_from_name(&e, "done"), MDT_ERR_NOT_FOUND);
  EXPECT_STREQ(mdt_agency_kind_name(MDT_AGENCY_PROVINCE), "province");
  EXPECT_STREQ(mdt_agency_kind_name(MDT_AGENCY_MINISTRY_LEVEL), "ministry_level");
  EXPECT_STREQ(mdt_target_direction_name(MDT_TARGET_AT_MOST), "at_most");
  // Fixed forever.
  EXPECT_EQ(MDT_TASK_OVERDUE, 2);
  EXPECT_EQ(MDT_DEADLINE_NONE, 13);
  EXPECT_EQ(MDT_AGENCY_PROCURACY, 13);
}

}  // namespace
}  // namespace mandate::capi_test
