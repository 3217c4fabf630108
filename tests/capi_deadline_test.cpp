// Deadline phrases across the C ABI: parse, extract, read every field.
#include <cmath>
#include <string>
#include <vector>

#include "capi_fixture.h"

namespace mandate::capi_test {
namespace {

mdt_deadline_context Year2025() {
  mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
  ctx.plan_year = 2025;
  return ctx;
}

DeadlinePtr Parse(const std::string& text, const mdt_deadline_context* ctx) {
  mdt_deadline* d = nullptr;
  EXPECT_EQ(mdt_deadline_parse(&d, text.data(), text.size(), ctx), MDT_OK)
      << text << ": " << mdt_last_error();
  return DeadlinePtr(d);
}

mdt_deadline_info Info(const mdt_deadline* d) {
  mdt_deadline_info info = MDT_DEADLINE_INFO_INIT;
  EXPECT_EQ(mdt_deadline_get_info(&info, d), MDT_OK) << mdt_last_error();
  return info;
}

TEST(CApiDeadline, QuarterNeedsThePlanYear) {
  const mdt_deadline_context ctx = Year2025();
  DeadlinePtr d = Parse("Quý IV", &ctx);
  const mdt_deadline_info info = Info(d.get());
  EXPECT_EQ(info.kind, MDT_DEADLINE_QUARTER);
  EXPECT_EQ(info.due, Date("2025-12-31"));
  EXPECT_EQ(std::string(info.text, info.text_len), "Quý IV");
  EXPECT_EQ(info.anchor, MDT_NO_DATE);
  EXPECT_EQ(info.has_recurrence, 0);
  EXPECT_GT(info.explanation_count, 0u);
  const char* line = nullptr;
  size_t len = 0;
  ASSERT_MDT_OK(mdt_deadline_explanation(&line, &len, d.get(), 0));
  EXPECT_GT(len, 0u);
  EXPECT_EQ(mdt_deadline_explanation(&line, &len, d.get(), info.explanation_count),
            MDT_ERR_OUT_OF_RANGE);

  mdt_deadline* none = nullptr;
  EXPECT_MDT_ERR(MDT_ERR_PARSE, "plan year",
                 mdt_deadline_parse(&none, "Quý IV", MDT_NUL_TERMINATED, nullptr));
  EXPECT_EQ(none, nullptr);
}

TEST(CApiDeadline, BeforeIsExclusiveUnlessAskedOtherwise) {
  DeadlinePtr d = Parse("trước ngày 20/12/2025", nullptr);
  mdt_deadline_info info = Info(d.get());
  EXPECT_EQ(info.kind, MDT_DEADLINE_BEFORE);
  EXPECT_EQ(info.due, Date("2025-12-19"));
  EXPECT_EQ(info.anchor, Date("2025-12-20"));
  mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
  ctx.inclusive_before = 1;
  DeadlinePtr inc = Parse("trước ngày 20/12/2025", &ctx);
  EXPECT_EQ(Info(inc.get()).due, Date("2025-12-20"));
}

TEST(CApiDeadline, MultiMilestones) {
  const mdt_deadline_context ctx = Year2025();
  DeadlinePtr d = Parse("Tháng 9/2025 xong thí điểm; phát triển 2025 và những năm tiếp theo", &ctx);
  const mdt_deadline_info info = Info(d.get());
  EXPECT_EQ(info.kind, MDT_DEADLINE_MULTI);
  ASSERT_EQ(info.milestone_count, 2u);
  const char* label = nullptr;
  size_t len = 0;
  mdt_deadline_kind kind{};
  mdt_date due = 0;
  ASSERT_MDT_OK(mdt_deadline_milestone(&label, &len, &kind, &due, d.get(), 0));
  EXPECT_EQ(std::string(label, len), "Tháng 9/2025 xong thí điểm");
  EXPECT_EQ(due, Date("2025-09-30"));
  ASSERT_MDT_OK(mdt_deadline_milestone(nullptr, nullptr, nullptr, &due, d.get(), 1));
  EXPECT_EQ(due, MDT_NO_DATE);
  EXPECT_EQ(mdt_deadline_milestone(&label, &len, &kind, &due, d.get(), 2), MDT_ERR_OUT_OF_RANGE);
}

TEST(CApiDeadline, RecurringOccurrencesIntoACallerArray) {
  DeadlinePtr d = Parse("Hằng tháng", nullptr);
  const mdt_deadline_info info = Info(d.get());
  EXPECT_EQ(info.kind, MDT_DEADLINE_RECURRING);
  EXPECT_EQ(info.has_recurrence, 1);
  EXPECT_EQ(info.frequency, MDT_FREQ_MONTHLY);
  EXPECT_EQ(info.due, MDT_NO_DATE);
  size_t n = 0;
  ASSERT_MDT_OK(  // a count query
      mdt_deadline_occurrences(nullptr, 0, &n, d.get(), Date("2025-01-01"), Date("2025-12-31")));
  ASSERT_EQ(n, 12u);
  std::vector<mdt_date> days(n);
  ASSERT_MDT_OK(mdt_deadline_occurrences(days.data(), n, &n, d.get(), Date("2025-01-01"),
                                         Date("2025-12-31")));
  EXPECT_EQ(days[0], Date("2025-01-31"));
  EXPECT_EQ(days[1], Date("2025-02-28"));
  EXPECT_EQ(days[11], Date("2025-12-31"));
  mdt_date eff = 0;
  ASSERT_MDT_OK(mdt_deadline_effective_due(&eff, d.get(), MDT_NO_DATE));
  EXPECT_EQ(eff, MDT_NO_DATE);

  DeadlinePtr once = Parse("Tháng 10/2025", nullptr);
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "does not recur",
                 mdt_deadline_occurrences(days.data(), n, &n, once.get(), Date("2025-01-01"),
                                          Date("2025-12-31")));
  ASSERT_MDT_OK(mdt_deadline_effective_due(&eff, once.get(), MDT_NO_DATE));
  EXPECT_EQ(eff, Date("2025-10-31"));
}

TEST(CApiDeadline, RelativeWorkingDaysUseTheCallersCalendar) {
  mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
  ctx.assigned = Date("2025-06-02");
  DeadlinePtr d = Parse("05 ngày làm việc", &ctx);
  mdt_deadline_info info = Info(d.get());
  EXPECT_EQ(info.kind, MDT_DEADLINE_RELATIVE);
  EXPECT_EQ(info.relative_days, 5);
  EXPECT_EQ(info.relative_working_days, 1);
  EXPECT_EQ(info.due, Date("2025-06-09"));
  // A calendar where Friday 6/6/2025 is a day off moves the due day by one.
  mdt_calendar* cal = nullptr;
  ASSERT_MDT_OK(mdt_calendar_new(&cal, MDT_CALENDAR_VIETNAM));
  Calendar owned(cal);
  ASSERT_MDT_OK(mdt_calendar_add_schedule(
      cal, R"({"year": 2025, "days_off": [{"date": "2025-06-06", "reason": "test"}]})",
      MDT_NUL_TERMINATED));
  ctx.calendar = cal;
  DeadlinePtr moved = Parse("05 ngày làm việc", &ctx);
  EXPECT_EQ(Info(moved.get()).due, Date("2025-06-10"));
  // Without an assignment day: no due, and effective_due computes it from one.
  DeadlinePtr open = Parse("05 ngày làm việc", nullptr);
  EXPECT_EQ(Info(open.get()).due, MDT_NO_DATE);
  mdt_date eff = 0;
  ASSERT_MDT_OK(mdt_deadline_effective_due(&eff, open.get(), Date("2025-06-02")));
  EXPECT_EQ(eff, Date("2025-06-09"));
  EXPECT_EQ(mdt_deadline_effective_due(&eff, open.get(), 999999), MDT_ERR_OUT_OF_RANGE);
}

TEST(CApiDeadline, ExtractSkipsTheDateOfTheCitedNotice) {
  const std::string s = "(Bộ KHCN, hạn tháng 11/2025; Thông báo 45-TB/TGV ngày 30/9/2025)";
  mdt_deadline* d = nullptr;
  ASSERT_MDT_OK(mdt_deadline_extract(&d, s.data(), s.size(), nullptr));
  DeadlinePtr owned(d);
  const mdt_deadline_info info = Info(d);
  EXPECT_EQ(info.kind, MDT_DEADLINE_MONTH);
  EXPECT_EQ(info.due, Date("2025-11-30"));
  EXPECT_EQ(s.substr(info.span_begin, info.span_end - info.span_begin), "hạn tháng 11/2025");
  mdt_deadline* none = nullptr;
  ASSERT_MDT_OK(mdt_deadline_extract(&none, "Tổ chức hội nghị", MDT_NUL_TERMINATED, nullptr));
  DeadlinePtr none_owned(none);
  EXPECT_EQ(Info(none).kind, MDT_DEADLINE_NONE);
}

TEST(CApiDeadline, ErrorPaths) {
  mdt_deadline* d = nullptr;
  EXPECT_MDT_ERR(MDT_ERR_PARSE, "month 13",
                 mdt_deadline_parse(&d, "Tháng 13/2025", MDT_NUL_TERMINATED, nullptr));
  EXPECT_MDT_ERR(MDT_ERR_PARSE, "empty", mdt_deadline_parse(&d, "", 0, nullptr));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_UTF8, "byte 1", mdt_deadline_parse(&d, "a\xff", 2, nullptr));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_UTF8, "sentence",
                 mdt_deadline_extract(&d, "\xc0\x80", 2, nullptr));
  EXPECT_EQ(mdt_deadline_parse(nullptr, "2025", 4, nullptr), MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_deadline_parse(&d, nullptr, 4, nullptr), MDT_ERR_INVALID_ARGUMENT);
  mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
  ctx.version = 99;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "version 99", mdt_deadline_parse(&d, "2025", 4, &ctx));
  ctx = MDT_DEADLINE_CONTEXT_INIT;
  ctx.plan_year = 3000;
  EXPECT_MDT_ERR(MDT_ERR_OUT_OF_RANGE, "plan_year",
                 mdt_deadline_parse(&d, "Quý IV", MDT_NUL_TERMINATED, &ctx));
  ctx = MDT_DEADLINE_CONTEXT_INIT;
  ctx.assigned = 9999999;
  EXPECT_MDT_ERR(MDT_ERR_OUT_OF_RANGE, "assigned", mdt_deadline_parse(&d, "2025", 4, &ctx));
  ctx = MDT_DEADLINE_CONTEXT_INIT;
  ctx.calendar = reinterpret_cast<const mdt_calendar*>(&ctx);  // not a calendar
  EXPECT_MDT_ERR(MDT_ERR_INVALID_HANDLE, "calendar", mdt_deadline_parse(&d, "2025", 4, &ctx));
  // An info struct from the future is refused rather than overrun.
  DeadlinePtr ok = Parse("2025", nullptr);
  mdt_deadline_info info = MDT_DEADLINE_INFO_INIT;
  info.version = 2;
  EXPECT_EQ(mdt_deadline_get_info(&info, ok.get()), MDT_ERR_INVALID_ARGUMENT);
  info.version = 0;
  EXPECT_EQ(mdt_deadline_get_info(&info, ok.get()), MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_deadline_get_info(nullptr, ok.get()), MDT_ERR_INVALID_ARGUMENT);
}

}  // namespace
}  // namespace mandate::capi_test

namespace mandate::capi_test {
namespace {

TEST(CApiDeadline, ExtractReportsAnImpossibleMarkedDate) {
  mdt_deadline* d = nullptr;
  EXPECT_MDT_ERR(
      MDT_ERR_PARSE, "day 31 does not exist",
      mdt_deadline_extract(&d, "Bộ KHCN (hạn 31/02/2025; Thông báo 45-TB/TGV ngày 30/9/2025)",
                           MDT_NUL_TERMINATED, nullptr));
  EXPECT_EQ(d, nullptr);
}

}  // namespace
}  // namespace mandate::capi_test
