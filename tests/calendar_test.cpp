#include "mandate/calendar.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string>

namespace mandate {
namespace {

using date::year;

Day D(int y, unsigned m, unsigned d) { return year{y} / m / d; }
std::string Iso(Day d) { return FormatIsoDay(d); }
const WorkingCalendar& Vn() { return WorkingCalendar::Vietnam(); }

// Non-working days in [from, to] as "YYYY-MM-DD" strings.
std::vector<std::string> OffDays(const WorkingCalendar& cal, Day from, Day to) {
  std::vector<std::string> out;
  for (const DayOff& d : cal.DaysOff(from, to)) out.push_back(Iso(d.day));
  return out;
}

TEST(WorkingCalendar, Tet2025OfficialNineDaysWithSwappedSaturday) {
  EXPECT_EQ(OffDays(Vn(), D(2025, 1, 24), D(2025, 2, 9)),
            (std::vector<std::string>{"2025-01-25", "2025-01-26", "2025-01-27", "2025-01-28",
                                      "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01",
                                      "2025-02-02", "2025-02-09"}));
  EXPECT_TRUE(Vn().IsWorkingDay(D(2025, 2, 8)));  // Saturday worked back for 27/1
  EXPECT_TRUE(Vn().IsWorkingDay(D(2025, 2, 3)));  // no compensatory day in the schedule
  EXPECT_EQ(*Vn().WorkingDayReason(D(2025, 2, 8)),
            "Làm bù cho thứ Hai 27/01/2025 (Tết Nguyên đán)");
  EXPECT_EQ(*Vn().DayOffReason(D(2025, 1, 29)), "Tết Nguyên đán");
  EXPECT_EQ(*Vn().DayOffReason(D(2025, 1, 25)), "Saturday");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2025, 1, 24), 1)), "2025-02-03");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2025, 1, 20), 5)), "2025-02-03");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2025, 2, 3), -1)), "2025-01-24");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2025, 2, 7), 1)), "2025-02-08");
  EXPECT_EQ(Iso(Vn().NextWorkingDay(D(2025, 1, 25))), "2025-02-03");
  EXPECT_EQ(Vn().WorkingDaysBetween(D(2025, 1, 24), D(2025, 2, 3)), 1);
  // 3,4,5,6,7,8 (Saturday) and 10 February.
  EXPECT_EQ(Vn().WorkingDaysBetween(D(2025, 1, 24), D(2025, 2, 10)), 7);
  EXPECT_EQ(Vn().WorkingDaysBetween(D(2025, 2, 10), D(2025, 1, 24)), -7);
}

TEST(WorkingCalendar, April2025HungKingsAndReunificationWithSwap) {
  EXPECT_EQ(*Vn().DayOffReason(D(2025, 4, 7)), "Giỗ Tổ Hùng Vương");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2025, 4, 4), 1)), "2025-04-08");
  EXPECT_TRUE(Vn().IsWorkingDay(D(2025, 4, 26)));  // Saturday worked back for 2/5
  EXPECT_EQ(OffDays(Vn(), D(2025, 4, 26), D(2025, 5, 5)),
            (std::vector<std::string>{"2025-04-27", "2025-04-30", "2025-05-01", "2025-05-02",
                                      "2025-05-03", "2025-05-04"}));
  EXPECT_EQ(*Vn().DayOffReason(D(2025, 4, 30)), "Ngày Chiến thắng");
  EXPECT_EQ(*Vn().DayOffReason(D(2025, 5, 1)), "Ngày Quốc tế Lao động");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2025, 4, 29), 1)), "2025-05-05");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2025, 4, 25), 1)), "2025-04-26");
  // 25, 26 (Saturday), 28, 29 April, 5, 6 May.
  EXPECT_EQ(Vn().WorkingDaysBetween(D(2025, 4, 24), D(2025, 5, 6)), 6);
}

TEST(WorkingCalendar, NationalDay2025) {
  EXPECT_EQ(OffDays(Vn(), D(2025, 8, 29), D(2025, 9, 3)),
            (std::vector<std::string>{"2025-08-30", "2025-08-31", "2025-09-01", "2025-09-02"}));
  EXPECT_EQ(*Vn().DayOffReason(D(2025, 9, 1)), "Quốc khánh (ngày liền kề)");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2025, 8, 29), 1)), "2025-09-03");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2025, 9, 3), -1)), "2025-08-29");
  EXPECT_EQ(Vn().WorkingDaysBetween(D(2025, 8, 28), D(2025, 9, 4)), 3);
}

TEST(WorkingCalendar, NewYear2026SwapAndTet2026) {
  EXPECT_EQ(OffDays(Vn(), D(2025, 12, 31), D(2026, 1, 11)),
            (std::vector<std::string>{"2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04",
                                      "2026-01-11"}));
  EXPECT_TRUE(Vn().IsWorkingDay(D(2026, 1, 10)));
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2025, 12, 31), 1)), "2026-01-05");
  EXPECT_EQ(Vn().WorkingDaysBetween(D(2025, 12, 31), D(2026, 1, 11)), 6);
  // Tết Bính Ngọ: 1/1 lunar = 17/2/2026; off Saturday 14/2 to Sunday 22/2.
  EXPECT_EQ(OffDays(Vn(), D(2026, 2, 13), D(2026, 2, 23)),
            (std::vector<std::string>{"2026-02-14", "2026-02-15", "2026-02-16", "2026-02-17",
                                      "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21",
                                      "2026-02-22"}));
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2026, 2, 13), 1)), "2026-02-23");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2026, 2, 10), 10)), "2026-03-03");
  EXPECT_EQ(Vn().WorkingDaysBetween(D(2026, 2, 13), D(2026, 2, 27)), 5);
}

TEST(WorkingCalendar, April2026HungKingsOnSundayAndNationalDay2026) {
  EXPECT_EQ(*Vn().DayOffReason(D(2026, 4, 26)), "Giỗ Tổ Hùng Vương");
  EXPECT_EQ(*Vn().DayOffReason(D(2026, 4, 27)), "Nghỉ bù Giỗ Tổ Hùng Vương (26/04/2026)");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2026, 4, 24), 1)), "2026-04-28");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2026, 4, 24), 3)), "2026-05-04");
  EXPECT_EQ(Vn().WorkingDaysBetween(D(2026, 4, 24), D(2026, 5, 4)), 3);
  EXPECT_EQ(OffDays(Vn(), D(2026, 8, 22), D(2026, 9, 3)),
            (std::vector<std::string>{"2026-08-23", "2026-08-29", "2026-08-30", "2026-08-31",
                                      "2026-09-01", "2026-09-02"}));
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2026, 8, 28), 1)), "2026-09-03");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2026, 8, 21), 1)), "2026-08-22");
}

TEST(WorkingCalendar, RulesOnlyTetConventionAndCompensatoryDay) {
  const WorkingCalendar rules = WorkingCalendar::RulesOnly();
  EXPECT_TRUE(rules.ScheduledYears().empty());
  // 2025 by the rules: 28/1 (last day of Giáp Thìn) .. 1/2 (mùng 4, a Saturday), whose
  // compensatory day is Monday 3/2; 27/1 and 8/2 are plain days.
  EXPECT_EQ(OffDays(rules, D(2025, 1, 27), D(2025, 2, 8)),
            (std::vector<std::string>{"2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
                                      "2025-02-01", "2025-02-02", "2025-02-03", "2025-02-08"}));
  EXPECT_EQ(*rules.DayOffReason(D(2025, 2, 3)), "Nghỉ bù Tết Nguyên đán (01/02/2025)");
  EXPECT_EQ(*rules.DayOffReason(D(2025, 2, 1)), "Tết Nguyên đán");
  // Tết 2020 (25/1, a Saturday): two weekend Tết days give Wednesday 29 and Thursday 30.
  EXPECT_EQ(OffDays(rules, D(2020, 1, 23), D(2020, 1, 31)),
            (std::vector<std::string>{"2020-01-24", "2020-01-25", "2020-01-26", "2020-01-27",
                                      "2020-01-28", "2020-01-29", "2020-01-30"}));
  // 1/1/2022 was a Saturday: Monday 3/1 off (as it was).
  EXPECT_EQ(*rules.DayOffReason(D(2022, 1, 3)), "Nghỉ bù Tết Dương lịch (01/01/2022)");
  // Hùng Kings' day on Sunday 26/4/2026: Monday 27/4, as the official schedule says.
  EXPECT_FALSE(rules.IsWorkingDay(D(2026, 4, 27)));
  // 1947: 10/3 lunar = 30/4, two holidays on one day; 1/5 is a holiday too, so Friday 2/5.
  EXPECT_EQ(*rules.DayOffReason(D(1947, 4, 30)), "Giỗ Tổ Hùng Vương; Ngày Chiến thắng");
  EXPECT_EQ(*rules.DayOffReason(D(1947, 5, 2)), "Nghỉ bù Ngày Chiến thắng (30/04/1947)");
}

TEST(WorkingCalendar, RulesOnlyNationalDayAdjacentDay) {
  const WorkingCalendar rules = WorkingCalendar::RulesOnly();
  // The practice since 2021, reproduced by the rule (3/9 when 2/9 is a Thursday, else 1/9).
  EXPECT_EQ(OffDays(rules, D(2021, 9, 1), D(2021, 9, 6)),  // Thu 2/9 -> Fri 3/9
            (std::vector<std::string>{"2021-09-02", "2021-09-03", "2021-09-04", "2021-09-05"}));
  EXPECT_EQ(OffDays(rules, D(2022, 8, 31), D(2022, 9, 5)),  // Fri -> Thu 1/9
            (std::vector<std::string>{"2022-09-01", "2022-09-02", "2022-09-03", "2022-09-04"}));
  EXPECT_EQ(OffDays(rules, D(2023, 8, 31), D(2023, 9, 5)),  // Sat -> Fri 1/9 + Mon 4/9 (bù)
            (std::vector<std::string>{"2023-09-01", "2023-09-02", "2023-09-03", "2023-09-04"}));
  EXPECT_EQ(OffDays(rules, D(2024, 8, 30), D(2024, 9, 4)),  // Mon -> Sun 1/9 + Tue 3/9 (bù)
            (std::vector<std::string>{"2024-08-31", "2024-09-01", "2024-09-02", "2024-09-03"}));
  EXPECT_EQ(*rules.DayOffReason(D(2024, 9, 1)), "Quốc khánh (ngày liền kề)");
  EXPECT_EQ(*rules.DayOffReason(D(2024, 9, 3)), "Nghỉ bù Quốc khánh (ngày liền kề) (01/09/2024)");
  // 2026 by the rules: Tuesday 1/9 and Wednesday 2/9, no swap (the schedule adds Monday 31/8).
  EXPECT_TRUE(rules.IsWorkingDay(D(2026, 8, 31)));
  EXPECT_FALSE(Vn().IsWorkingDay(D(2026, 8, 31)));
  EXPECT_FALSE(rules.IsWorkingDay(D(2026, 9, 1)));
}

TEST(WorkingCalendar, OfficialScheduleReplacesTheRulesOfItsYear) {
  WorkingCalendar cal = WorkingCalendar::RulesOnly();
  EXPECT_FALSE(cal.IsWorkingDay(D(2027, 4, 30)));  // Friday, a holiday by the rules
  ASSERT_TRUE(cal.AddOfficialSchedule(R"({"year": 2027, "source": "test",
      "days_off": [{"date": "2027-01-01", "reason": "Tết Dương lịch"},
                   {"date": "2027-03-15", "reason": "Ngày nghỉ đặc biệt"}],
      "working_days": [{"date": "2027-03-20", "reason": "Làm bù"}]})")
                  .ok());
  EXPECT_EQ(cal.ScheduledYears(), std::vector<int>{2027});
  EXPECT_TRUE(cal.IsWorkingDay(D(2027, 4, 30)));  // the schedule does not list it
  EXPECT_EQ(*cal.DayOffReason(D(2027, 3, 15)), "Ngày nghỉ đặc biệt");
  EXPECT_TRUE(cal.IsWorkingDay(D(2027, 3, 20)));
  EXPECT_EQ(*cal.WorkingDayReason(D(2027, 3, 20)), "Làm bù");
  EXPECT_FALSE(cal.IsWorkingDay(D(2028, 1, 3)));  // 2028 still follows the rules
  // A second schedule for the year adds to the first and may turn a day back.
  ASSERT_TRUE(cal.AddOfficialSchedule(
                     R"({"year": 2027, "days_off": [{"date": "2027-03-20", "reason": "Đổi lại"}]})")
                  .ok());
  EXPECT_EQ(*cal.DayOffReason(D(2027, 3, 20)), "Đổi lại");
  EXPECT_EQ(cal.WorkingDayReason(D(2027, 3, 20)), std::nullopt);
}

void ExpectRejected(std::string_view json, std::string_view needle) {
  WorkingCalendar cal = WorkingCalendar::RulesOnly();
  const absl::Status s = cal.AddOfficialSchedule(json);
  ASSERT_FALSE(s.ok()) << json;
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(s.message()).find(needle), std::string::npos)
      << "message: " << s.message() << "\nwanted: " << needle;
  EXPECT_TRUE(cal.ScheduledYears().empty());  // unchanged
  EXPECT_FALSE(cal.IsWorkingDay(D(2027, 4, 30)));
}

TEST(WorkingCalendar, OfficialScheduleErrorsNameTheField) {
  ExpectRejected("", "not valid JSON");
  ExpectRejected(R"({"year": 2027, "days_off": [)", "not valid JSON");
  ExpectRejected("[1, 2]", "must be a JSON object");
  ExpectRejected(R"({"days_off": []})", "year: missing");
  ExpectRejected(R"({"year": "2027", "days_off": []})", "year: missing or not an integer");
  ExpectRejected(R"({"year": 1800, "days_off": []})", "year: 1800 is outside");
  ExpectRejected(R"({"year": 2027})", "days_off: missing");
  ExpectRejected(R"({"year": 2027, "holidays": []})", "holidays: unknown field");
  ExpectRejected(R"({"year": 2027, "days_off": {}})", "days_off: must be an array");
  ExpectRejected(R"({"year": 2027, "source": 5, "days_off": []})", "source: must be a string");
  ExpectRejected(R"({"year": 2027, "days_off": ["2027-01-01"]})", "days_off[0]: must be an object");
  ExpectRejected(R"({"year": 2027, "days_off": [{"date": "2027-01-01", "reason": "a"},
                  {"date": "2027-01-02", "rason": "b"}]})",
                 "days_off[1]: unknown field \"rason\"");
  ExpectRejected(R"({"year": 2027, "days_off": [{"reason": "a"}]})", "days_off[0].date: missing");
  ExpectRejected(R"({"year": 2027, "days_off": [{"date": "2027-01-01"}]})",
                 "days_off[0].reason: missing");
  ExpectRejected(R"({"year": 2027, "days_off": [{"date": "2027-02-30", "reason": "a"}]})",
                 "days_off[0].date: day 30 does not exist in 02/2027");
  ExpectRejected(R"({"year": 2027, "days_off": [{"date": "30/01/2027", "reason": "a"}]})",
                 "days_off[0].date: \"30/01/2027\" is not a date in YYYY-MM-DD form");
  ExpectRejected(R"({"year": 2027, "days_off": [{"date": "2026-12-31", "reason": "a"}]})",
                 "days_off[0].date: 2026-12-31 is not in year 2027");
  ExpectRejected(R"({"year": 2027, "working_days": [{"date": "2027-03-19", "reason": "a"}]})",
                 "working_days[0].date: 2027-03-19 is a weekday");
  ExpectRejected(R"({"year": 2027, "days_off": [{"date": "2027-03-20", "reason": "a"}],
                  "working_days": [{"date": "2027-03-20", "reason": "b"}]})",
                 "working_days[0].date: 2027-03-20 is listed twice");
}

TEST(WorkingCalendar, BundledSchedulesMatchTheJsonFilesAndLoad) {
  std::map<std::string, std::string> files;
  const std::filesystem::path dir = std::filesystem::path(MANDATE_SOURCE_DIR) / "data/calendar";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files[entry.path().filename().string()] = text.str();
  }
  ASSERT_EQ(files.size(), 2u);
  const std::vector<BundledSchedule> bundled = BundledSchedules();
  ASSERT_EQ(bundled.size(), files.size()) << "run python3 tools/gen_calendar_data.py";
  for (const BundledSchedule& b : bundled) {
    SCOPED_TRACE(b.name);
    ASSERT_TRUE(files.contains(std::string(b.name))) << "run python3 tools/gen_calendar_data.py";
    EXPECT_EQ(files[std::string(b.name)], b.json) << "run python3 tools/gen_calendar_data.py";
    WorkingCalendar cal = WorkingCalendar::RulesOnly();
    EXPECT_TRUE(cal.AddOfficialSchedule(b.json).ok()) << cal.AddOfficialSchedule(b.json);
  }
  EXPECT_EQ(Vn().ScheduledYears(), (std::vector<int>{2025, 2026}));
}

TEST(WorkingCalendar, OfficialSchedulesAgreeWithTheLunarHolidays) {
  // The data's Tết and Hùng Kings' days are the computed lunar dates.
  EXPECT_EQ(*Vn().DayOffReason(*FromLunar({2025, 1, 1, false})), "Tết Nguyên đán");
  EXPECT_EQ(*Vn().DayOffReason(*FromLunar({2026, 1, 1, false})), "Tết Nguyên đán");
  EXPECT_EQ(*Vn().DayOffReason(*FromLunar({2025, 3, 10, false})), "Giỗ Tổ Hùng Vương");
  EXPECT_EQ(*Vn().DayOffReason(*FromLunar({2026, 3, 10, false})), "Giỗ Tổ Hùng Vương");
  // 2026's Tết days are exactly the rules' convention (last day of the year + 4).
  const WorkingCalendar rules = WorkingCalendar::RulesOnly();
  EXPECT_EQ(OffDays(rules, D(2026, 2, 13), D(2026, 2, 23)),
            OffDays(Vn(), D(2026, 2, 13), D(2026, 2, 23)));
}

TEST(WorkingCalendar, ArithmeticIsConsistent) {
  for (Day d = D(2024, 12, 1); d <= D(2027, 1, 31); d += date::days{3}) {
    for (int n : {1, 2, 5, 20, 60}) {
      const Day later = Vn().AddWorkingDays(d, n);
      ASSERT_TRUE(Vn().IsWorkingDay(later));
      ASSERT_EQ(Vn().WorkingDaysBetween(d, later), n) << Iso(d) << " + " << n;
      if (Vn().IsWorkingDay(d)) {
        ASSERT_EQ(Vn().AddWorkingDays(later, -n), d) << Iso(d) << " + " << n;
      }
    }
    const Day zero = Vn().AddWorkingDays(d, 0);
    ASSERT_EQ(zero, Vn().IsWorkingDay(d) ? d : Vn().NextWorkingDay(d));
  }
  // 2025: 365 days - 104 weekend days - 12 weekdays off (1/1; 27..31/1; 7/4; 30/4, 1/5, 2/5;
  // 1/9, 2/9) + 2 worked Saturdays = 251.
  EXPECT_EQ(Vn().WorkingDaysBetween(D(2024, 12, 31), D(2025, 12, 31)), 365 - 104 - 12 + 2);
}

TEST(WorkingCalendar, SaturatesAtTheRangeEndsWithoutOverflow) {
  const Day last = year{2200} / 12 / 31;
  const Day first = year{1900} / 1 / 1;
  EXPECT_EQ(Vn().AddWorkingDays(last - date::days{1}, 5), last);
  EXPECT_EQ(Vn().TryAddWorkingDays(last - date::days{1}, 5).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Vn().AddWorkingDays(first, std::numeric_limits<int>::min()), first);
  EXPECT_EQ(Vn().AddWorkingDays(D(2025, 1, 1), std::numeric_limits<int>::max()), last);
  EXPECT_EQ(Vn().TryAddWorkingDays(D(1800, 1, 1), 1).status().code(),
            absl::StatusCode::kOutOfRange);
  // Clamped to Monday 1/1/1900 (a holiday), then one working day on.
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(1800, 1, 1), 1)), "1900-01-02");
  // Outside the range only weekends count; the count is exact and antisymmetric.
  const Day far_past = Day{date::days{-2000000}};
  const Day far_future = Day{date::days{2000000}};
  const int n = Vn().WorkingDaysBetween(far_past, far_future);
  EXPECT_GT(n, 2800000);
  EXPECT_EQ(Vn().WorkingDaysBetween(far_future, far_past), -n);
  EXPECT_EQ(Vn().WorkingDaysBetween(D(2025, 1, 1), D(2025, 1, 1)), 0);
  EXPECT_TRUE(Vn().DaysOff(D(2025, 2, 1), D(2025, 1, 1)).empty());
  EXPECT_EQ(Vn().DayOffReason(far_past).has_value(), !Vn().IsWorkingDay(far_past));
}

}  // namespace
}  // namespace mandate
