#include "mandate/calendar.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"

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

TEST(WorkingCalendar, Tet2025OfficialNineDaysNoSwap) {
  // 25/1 to 2/2/2025: the Tết days Monday 27 to Friday 31 January and two weekends; nothing
  // worked back (8/2 is a plain Saturday).
  EXPECT_EQ(OffDays(Vn(), D(2025, 1, 24), D(2025, 2, 9)),
            (std::vector<std::string>{"2025-01-25", "2025-01-26", "2025-01-27", "2025-01-28",
                                      "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01",
                                      "2025-02-02", "2025-02-08", "2025-02-09"}));
  EXPECT_FALSE(Vn().IsWorkingDay(D(2025, 2, 8)));
  EXPECT_EQ(Vn().WorkingDayReason(D(2025, 2, 8)), std::nullopt);
  EXPECT_TRUE(Vn().IsWorkingDay(D(2025, 2, 3)));  // no compensatory day in the schedule
  EXPECT_EQ(*Vn().DayOffReason(D(2025, 1, 27)), "Tết Nguyên đán");
  EXPECT_EQ(*Vn().DayOffReason(D(2025, 1, 29)), "Tết Nguyên đán");
  EXPECT_EQ(*Vn().DayOffReason(D(2025, 1, 25)), "Saturday");
  EXPECT_EQ(*Vn().DayOffReason(D(2025, 2, 1)), "Saturday");  // mùng 4: not a Tết day in 2025
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2025, 1, 24), 1)), "2025-02-03");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2025, 1, 20), 5)), "2025-02-03");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2025, 2, 3), -1)), "2025-01-24");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2025, 2, 7), 1)), "2025-02-10");
  EXPECT_EQ(Iso(Vn().NextWorkingDay(D(2025, 1, 25))), "2025-02-03");
  EXPECT_EQ(Vn().WorkingDaysBetween(D(2025, 1, 24), D(2025, 2, 3)), 1);
  // 3, 4, 5, 6, 7 and 10 February.
  EXPECT_EQ(Vn().WorkingDaysBetween(D(2025, 1, 24), D(2025, 2, 10)), 6);
  EXPECT_EQ(Vn().WorkingDaysBetween(D(2025, 2, 10), D(2025, 1, 24)), -6);
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
  // 2023: Giỗ Tổ Hùng Vương on Saturday 29/4 and 30/4 on the Sunday; Monday 1/5 is a holiday
  // too, so their compensatory days are Tuesday 2/5 and Wednesday 3/5 (as the official
  // schedule had them). 10/3 lunar falls 30/3..29/4 in 2007..2199, so Giỗ Tổ never shares
  // a day with 30/4 under the law that has it.
  EXPECT_EQ(OffDays(rules, D(2023, 4, 28), D(2023, 5, 4)),
            (std::vector<std::string>{"2023-04-29", "2023-04-30", "2023-05-01", "2023-05-02",
                                      "2023-05-03"}));
  EXPECT_EQ(*rules.DayOffReason(D(2023, 5, 2)), "Nghỉ bù Giỗ Tổ Hùng Vương (29/04/2023)");
  EXPECT_EQ(*rules.DayOffReason(D(2023, 5, 3)), "Nghỉ bù Ngày Chiến thắng (30/04/2023)");
  EXPECT_EQ(rules.DayOffAt(D(2023, 5, 3))->category, DayOffCategory::kSubstituteDayOff);
  EXPECT_EQ(rules.DayOffAt(D(2023, 4, 29))->category, DayOffCategory::kHoliday);
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
  EXPECT_EQ(OffDays(rules, D(2024, 8, 30), D(2024, 9, 4)),  // Mon -> Tue 3/9
            (std::vector<std::string>{"2024-08-31", "2024-09-01", "2024-09-02", "2024-09-03"}));
  EXPECT_EQ(*rules.DayOffReason(D(2024, 9, 1)), "Sunday");
  EXPECT_EQ(*rules.DayOffReason(D(2024, 9, 3)), "Quốc khánh (ngày liền kề)");  // as in 2024
  EXPECT_EQ(rules.DayOffAt(D(2024, 9, 3))->category, DayOffCategory::kHoliday);
  EXPECT_EQ(OffDays(rules, D(2029, 8, 30), D(2029, 9, 5)),  // Sun -> Sat 1/9 + Mon, Tue (bù)
            (std::vector<std::string>{"2029-09-01", "2029-09-02", "2029-09-03", "2029-09-04"}));
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
  ASSERT_EQ(files.size(), 7u);
  const std::vector<BundledSchedule> bundled = BundledSchedules();
  ASSERT_EQ(bundled.size(), files.size()) << "run python3 tools/gen_calendar_data.py";
  for (const BundledSchedule& b : bundled) {
    SCOPED_TRACE(b.name);
    ASSERT_TRUE(files.contains(std::string(b.name))) << "run python3 tools/gen_calendar_data.py";
    EXPECT_EQ(files[std::string(b.name)], b.json) << "run python3 tools/gen_calendar_data.py";
    WorkingCalendar cal = WorkingCalendar::RulesOnly();
    EXPECT_TRUE(cal.AddOfficialSchedule(b.json).ok()) << cal.AddOfficialSchedule(b.json);
    // Each file names its source documents and gives every day off its category.
    const nlohmann::json j = nlohmann::json::parse(b.json);
    EXPECT_EQ(b.name, "vietnam-" + std::to_string(j["year"].get<int>()) + ".json");
    EXPECT_FALSE(j["source"].get<std::string>().empty());
    EXPECT_GE(j["documents"].size(), 2u);
    for (const auto& off : j["days_off"]) EXPECT_TRUE(off.contains("category")) << off;
  }
  EXPECT_EQ(Vn().ScheduledYears(), (std::vector<int>{2020, 2021, 2022, 2023, 2024, 2025, 2026}));
}

TEST(WorkingCalendar, OfficialSchedulesAgreeWithTheLunarHolidays) {
  // The data's Tết and Hùng Kings' days are the computed lunar dates, and the notices' lunar
  // names of the first day of each Tết break (29 tháng Chạp, or 26/28 in 2025/2026) hold.
  for (int y = 2020; y <= 2026; ++y) {
    SCOPED_TRACE(y);
    EXPECT_EQ(*Vn().DayOffReason(*FromLunar({y, 1, 1, false})), "Tết Nguyên đán");
    EXPECT_EQ(*Vn().DayOffReason(*FromLunar({y, 3, 10, false})), "Giỗ Tổ Hùng Vương");
  }
  EXPECT_EQ(ToLunar(D(2020, 1, 23)), (LunarDate{2019, 12, 29, false}));
  EXPECT_EQ(ToLunar(D(2021, 2, 10)), (LunarDate{2020, 12, 29, false}));
  EXPECT_EQ(ToLunar(D(2022, 1, 31)), (LunarDate{2021, 12, 29, false}));  // the year's last day
  EXPECT_EQ(ToLunar(D(2023, 1, 20)), (LunarDate{2022, 12, 29, false}));
  EXPECT_EQ(ToLunar(D(2024, 2, 8)), (LunarDate{2023, 12, 29, false}));
  EXPECT_EQ(ToLunar(D(2025, 1, 25)), (LunarDate{2024, 12, 26, false}));
  EXPECT_EQ(ToLunar(D(2025, 1, 27)), (LunarDate{2024, 12, 28, false}));
  EXPECT_EQ(ToLunar(D(2026, 2, 14)), (LunarDate{2025, 12, 27, false}));
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
  // 1/9, 2/9) + 1 worked Saturday (26/4) = 250.
  EXPECT_EQ(Vn().WorkingDaysBetween(D(2024, 12, 31), D(2025, 12, 31)), 365 - 104 - 12 + 1);
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
  // Clamped to Monday 1/1/1900 (a working day: no holidays before 1995), then one day on.
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

// ---- The official schedules 2020..2026, day by day ----
//
// Written from the notices (see data/calendar/vietnam-YYYY.json "documents"), not read from
// the data files: each break of the year as [first, last] with its weekends, the weekend days
// worked, and within the breaks the days that are not holidays (substitute and swapped days
// off) and the holidays that fall on a weekend. Every other weekday in a break is a holiday;
// every other weekend day in a break is a plain weekend.
struct OfficialYear {
  int year;
  std::vector<std::pair<std::string, std::string>> breaks;  // "MM-DD" .. "MM-DD"
  std::vector<std::string> worked;                          // weekend days worked
  std::vector<std::string> substitute;                      // nghỉ bù
  std::vector<std::string> swapped;                         // nghỉ hoán đổi
  std::vector<std::string> weekend_holidays;                // a holiday on a Saturday/Sunday
};

const std::vector<OfficialYear>& OfficialYears() {
  static const std::vector<OfficialYear> years = {
      // 4544/TB-LĐTBXH; Labour Code 2012: Tết 5 days, Quốc khánh one day.
      {2020,
       {{"01-01", "01-01"},
        {"01-23", "01-29"},
        {"04-02", "04-02"},
        {"04-30", "05-03"},
        {"09-02", "09-02"}},
       {},
       {"01-28", "01-29"},
       {},
       {"01-25", "01-26"}},
      // 9895/VPCP-KGVX, 4875/TB-LĐTBXH; Labour Code 2019 from here on.
      {2021,
       {{"01-01", "01-03"},
        {"02-10", "02-16"},
        {"04-21", "04-21"},
        {"04-30", "05-03"},
        {"09-02", "09-05"}},
       {},
       {"02-15", "02-16", "05-03"},
       {},
       {"02-13", "02-14", "05-01"}},
      // 245/VPCP-KGVX, 119/TB-LĐTBXH.
      {2022,
       {{"01-01", "01-03"},
        {"01-29", "02-06"},
        {"04-09", "04-11"},
        {"04-30", "05-03"},
        {"09-01", "09-04"}},
       {},
       {"01-03", "04-11", "05-02", "05-03"},
       {},
       {"01-01", "04-10", "04-30", "05-01"}},
      // 8056/VPCP-KGVX, 5034/TB-LĐTBXH.
      {2023,
       {{"01-01", "01-02"}, {"01-20", "01-26"}, {"04-29", "05-03"}, {"09-01", "09-04"}},
       {},
       {"01-02", "01-25", "01-26", "05-02", "05-03", "09-04"},
       {},
       {"01-01", "01-21", "01-22", "04-29", "04-30", "09-02"}},
      // 8662/VPCP-KGVX, 5015/TB-LĐTBXH; 2450/VPCP-KGVX, 1570/TB-LĐTBXH (the 29/4 swap).
      {2024,
       {{"01-01", "01-01"},
        {"02-08", "02-14"},
        {"04-18", "04-18"},
        {"04-27", "05-01"},
        {"08-31", "09-03"}},
       {"05-04"},
       {"02-13", "02-14"},
       {"04-29"},
       {"02-10", "02-11"}},
      // 8726/VPCP-KGVX, 6150/TB-BLĐTBXH.
      {2025,
       {{"01-01", "01-01"},
        {"01-25", "02-02"},
        {"04-05", "04-07"},
        {"04-30", "05-04"},
        {"08-30", "09-02"}},
       {"04-26"},
       {},
       {"05-02"},
       {}},
      // 12729/VPCP-KGVX and the Bộ Nội vụ's schedule.
      {2026,
       {{"01-01", "01-04"},
        {"02-14", "02-22"},
        {"04-25", "04-27"},
        {"04-30", "05-03"},
        {"08-29", "09-02"}},
       {"01-10", "08-22"},
       {"04-27"},
       {"01-02", "08-31"},
       {"04-26"}},
  };
  return years;
}

bool IsWeekendDay(Day d) {
  const date::weekday wd{d};
  return wd == date::Saturday || wd == date::Sunday;
}

TEST(WorkingCalendar, OfficialSchedules2020To2026DayByDay) {
  for (const OfficialYear& y : OfficialYears()) {
    SCOPED_TRACE(y.year);
    auto day_of = [&](const std::string& mmdd) {
      return *ParseIsoDay(absl::StrCat(y.year, "-", mmdd));
    };
    std::set<Day> in_break, worked, substitute, swapped, weekend_holidays;
    for (const auto& [first, last] : y.breaks) {
      for (Day d = day_of(first); d <= day_of(last); d += date::days{1}) in_break.insert(d);
    }
    for (const std::string& d : y.worked) worked.insert(day_of(d));
    for (const std::string& d : y.substitute) substitute.insert(day_of(d));
    for (const std::string& d : y.swapped) swapped.insert(day_of(d));
    for (const std::string& d : y.weekend_holidays) weekend_holidays.insert(day_of(d));
    // The table itself: worked days are weekend days outside the breaks; the others lie in a
    // break, on the right kind of day.
    for (Day d : worked) EXPECT_TRUE(IsWeekendDay(d) && !in_break.contains(d)) << Iso(d);
    for (const auto* set : {&substitute, &swapped}) {
      for (Day d : *set) EXPECT_TRUE(!IsWeekendDay(d) && in_break.contains(d)) << Iso(d);
    }
    for (Day d : weekend_holidays) EXPECT_TRUE(IsWeekendDay(d) && in_break.contains(d)) << Iso(d);

    int working_days = 0;
    for (Day d = D(y.year, 1, 1); d <= D(y.year, 12, 31); d += date::days{1}) {
      const bool off = in_break.contains(d) || (IsWeekendDay(d) && !worked.contains(d));
      ASSERT_EQ(Vn().IsWorkingDay(d), !off) << Iso(d);
      const std::optional<DayOff> at = Vn().DayOffAt(d);
      ASSERT_EQ(at.has_value(), off) << Iso(d);
      ASSERT_EQ(Vn().DayOffReason(d).has_value(), off) << Iso(d);
      ASSERT_EQ(Vn().WorkingDayReason(d).has_value(), worked.contains(d)) << Iso(d);
      if (!off) {
        ++working_days;
        continue;
      }
      DayOffCategory want = DayOffCategory::kWeekend;
      if (substitute.contains(d)) {
        want = DayOffCategory::kSubstituteDayOff;
      } else if (swapped.contains(d)) {
        want = DayOffCategory::kSwappedDayOff;
      } else if (!IsWeekendDay(d) || weekend_holidays.contains(d)) {
        want = DayOffCategory::kHoliday;
      }
      EXPECT_EQ(EnumName(at->category), EnumName(want)) << Iso(d) << " " << at->reason;
      EXPECT_EQ(at->day, d);
      EXPECT_EQ(at->reason, *Vn().DayOffReason(d));
      if (want == DayOffCategory::kWeekend) {
        EXPECT_TRUE(at->reason == "Saturday" || at->reason == "Sunday") << Iso(d);
      }
    }
    // And the count the arithmetic gives agrees with the walk.
    EXPECT_EQ(Vn().WorkingDaysBetween(D(y.year - 1, 12, 31), D(y.year, 12, 31)), working_days);
  }
}

TEST(WorkingCalendar, OfficialSchedulesAreNotTheRules) {
  // What the issue measured: by the rules alone Tết 2024 is 9/2..13/2 with 14 and 15 off;
  // officially it was 8/2..14/2.
  const WorkingCalendar rules = WorkingCalendar::RulesOnly();
  EXPECT_EQ(OffDays(rules, D(2024, 2, 7), D(2024, 2, 16)),
            (std::vector<std::string>{"2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12",
                                      "2024-02-13", "2024-02-14", "2024-02-15"}));
  EXPECT_EQ(OffDays(Vn(), D(2024, 2, 7), D(2024, 2, 16)),
            (std::vector<std::string>{"2024-02-08", "2024-02-09", "2024-02-10", "2024-02-11",
                                      "2024-02-12", "2024-02-13", "2024-02-14"}));
  // 2/9/2020 was a Wednesday and the only day of Quốc khánh (Labour Code 2012).
  EXPECT_TRUE(Vn().IsWorkingDay(D(2020, 9, 1)));
  EXPECT_TRUE(Vn().IsWorkingDay(D(2020, 9, 3)));
  EXPECT_FALSE(Vn().IsWorkingDay(D(2020, 9, 2)));
}

TEST(WorkingCalendar, WorkingDayArithmeticAcrossTet2024) {
  // Wednesday 7/2/2024 is the last working day before Tết Giáp Thìn, Thursday 15/2 the first
  // after it.
  EXPECT_EQ(Iso(Vn().NextWorkingDay(D(2024, 2, 7))), "2024-02-15");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2024, 2, 7), 1)), "2024-02-15");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2024, 2, 15), -1)), "2024-02-07");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2024, 2, 10), 0)), "2024-02-15");
  EXPECT_EQ(Vn().WorkingDaysBetween(D(2024, 2, 7), D(2024, 2, 15)), 1);
  EXPECT_EQ(Vn().WorkingDaysBetween(D(2024, 2, 15), D(2024, 2, 7)), -1);
  // "10 ngày làm việc" from Monday 5/2: 6, 7, 15, 16, 19, 20, 21, 22, 23, 26 February.
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2024, 2, 5), 10)), "2024-02-26");
  EXPECT_EQ(Vn().WorkingDaysBetween(D(2024, 2, 5), D(2024, 2, 26)), 10);
  // The rules alone would put the first working day after Tết on Friday 16/2.
  EXPECT_EQ(Iso(WorkingCalendar::RulesOnly().AddWorkingDays(D(2024, 2, 7), 2)), "2024-02-16");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2024, 2, 7), 2)), "2024-02-16");
  EXPECT_EQ(Iso(WorkingCalendar::RulesOnly().AddWorkingDays(D(2024, 2, 7), 1)), "2024-02-08");
  // The swap of 29/4/2024: off Saturday 27/4 to Wednesday 1/5, Saturday 4/5 worked.
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2024, 4, 26), 1)), "2024-05-02");
  EXPECT_EQ(Iso(Vn().AddWorkingDays(D(2024, 5, 3), 1)), "2024-05-04");
  EXPECT_EQ(*Vn().WorkingDayReason(D(2024, 5, 4)), "Làm bù cho thứ Hai 29/04/2024");
  EXPECT_EQ(Vn().DayOffAt(D(2024, 4, 29))->category, DayOffCategory::kSwappedDayOff);
  EXPECT_EQ(Vn().DayOffAt(D(2024, 2, 13))->category, DayOffCategory::kSubstituteDayOff);
  EXPECT_EQ(Vn().DayOffAt(D(2024, 2, 10))->category, DayOffCategory::kHoliday);  // mùng 1
  EXPECT_EQ(Vn().DayOffAt(D(2024, 2, 17))->category, DayOffCategory::kWeekend);
}

// ---- The law's history, by the rules alone ----

// Weekdays (Mon..Fri) off in [from, to].
int WeekdaysOff(const WorkingCalendar& cal, Day from, Day to) {
  int n = 0;
  for (Day d = from; d <= to; d += date::days{1}) {
    if (!IsWeekendDay(d) && !cal.IsWorkingDay(d)) ++n;
  }
  return n;
}

TEST(WorkingCalendar, LawHistoryNationalDaySecondDayOnlyFrom2021) {
  const WorkingCalendar rules = WorkingCalendar::RulesOnly();
  for (int y = 1995; y <= 2199; ++y) {
    SCOPED_TRACE(y);
    // Quốc khánh with its compensatory days: one weekday under the Codes of 1994 and 2012,
    // two under the Code of 2019.
    EXPECT_EQ(WeekdaysOff(rules, D(y, 8, 28), D(y, 9, 8)), y >= 2021 ? 2 : 1);
  }
  // 2/9/2020 was a Wednesday: 1/9 and 3/9 were working days; 2/9/2021 a Thursday: 3/9 off.
  EXPECT_TRUE(rules.IsWorkingDay(D(2020, 9, 1)));
  EXPECT_TRUE(rules.IsWorkingDay(D(2020, 9, 3)));
  EXPECT_FALSE(rules.IsWorkingDay(D(2021, 9, 3)));
  EXPECT_EQ(*rules.DayOffReason(D(2021, 9, 3)), "Quốc khánh (ngày liền kề)");
  // 2/9/2018 was a Sunday: its compensatory day was Monday 3/9, and nothing else.
  EXPECT_EQ(OffDays(rules, D(2018, 8, 31), D(2018, 9, 5)),
            (std::vector<std::string>{"2018-09-01", "2018-09-02", "2018-09-03"}));
  EXPECT_EQ(*rules.DayOffReason(D(2018, 9, 3)), "Nghỉ bù Quốc khánh (02/09/2018)");
}

TEST(WorkingCalendar, LawHistoryTetHungKingsAndTheFirstYear) {
  const WorkingCalendar rules = WorkingCalendar::RulesOnly();
  for (int y = 1995; y <= 2199; ++y) {
    SCOPED_TRACE(y);
    const Day tet = *FromLunar({y, 1, 1, false});
    // Tết with its compensatory days: 4 weekdays under the Code of 1994 (to Tết 2013), 5 from
    // Tết 2014 (the Code of 2012 was in force from 1/5/2013).
    EXPECT_EQ(WeekdaysOff(rules, tet - date::days{7}, tet + date::days{14}), y >= 2014 ? 5 : 4);
    // A whole year's weekdays off: 8 days of holidays under the Code of 1994, 9 with Giỗ Tổ
    // Hùng Vương from 2007, 10 with the fifth day of Tết from 2014, 11 with the second day of
    // Quốc khánh from 2021 (compensatory days make up for holidays on weekends).
    const int want = y >= 2021 ? 11 : y >= 2014 ? 10 : y >= 2007 ? 9 : 8;
    EXPECT_EQ(WeekdaysOff(rules, D(y, 1, 1), D(y, 12, 31)), want);
  }
  // Giỗ Tổ Hùng Vương: 10/3 Bính Tuất = Friday 7/4/2006 was a working day; 10/3 Đinh Hợi =
  // Thursday 26/4/2007 the first holiday.
  ASSERT_EQ(*FromLunar({2006, 3, 10, false}), D(2006, 4, 7));
  EXPECT_TRUE(rules.IsWorkingDay(D(2006, 4, 7)));
  ASSERT_EQ(*FromLunar({2007, 3, 10, false}), D(2007, 4, 26));
  EXPECT_EQ(*rules.DayOffReason(D(2007, 4, 26)), "Giỗ Tổ Hùng Vương");
  // Tết Quý Tỵ 2013 (mùng 1 = Sunday 10/2): the last day of the year (Saturday 9/2) and days
  // 1..3 (to Tuesday 12/2), and for the two on the weekend Wednesday 13/2 and Thursday 14/2.
  EXPECT_EQ(OffDays(rules, D(2013, 2, 8), D(2013, 2, 15)),
            (std::vector<std::string>{"2013-02-09", "2013-02-10", "2013-02-11", "2013-02-12",
                                      "2013-02-13", "2013-02-14"}));
  // Before 1995 the calendar has weekends only: Monday 1/1/1990 and Monday 30/4/1990 worked.
  EXPECT_TRUE(rules.IsWorkingDay(D(1990, 1, 1)));
  EXPECT_TRUE(rules.IsWorkingDay(D(1990, 4, 30)));
  EXPECT_TRUE(rules.IsWorkingDay(D(1994, 5, 2)));
  EXPECT_FALSE(rules.IsWorkingDay(D(1995, 5, 1)));  // Monday 1/5/1995, Labour Code 1994
  EXPECT_EQ(WeekdaysOff(rules, D(1900, 1, 1), D(1994, 12, 31)), 0);
}

TEST(WorkingCalendar, DayOffCategoriesHaveStableNumbersAndNames) {
  EXPECT_EQ(static_cast<int>(DayOffCategory::kWeekend), 1);
  EXPECT_EQ(static_cast<int>(DayOffCategory::kHoliday), 2);
  EXPECT_EQ(static_cast<int>(DayOffCategory::kSubstituteDayOff), 3);
  EXPECT_EQ(static_cast<int>(DayOffCategory::kSwappedDayOff), 4);
  std::vector<std::string> names;
  for (const auto& e : EnumTable<DayOffCategory>::kEntries) {
    const DayOffCategory c = e.value;
    names.emplace_back(EnumName(c));
    EXPECT_EQ(EnumFromName<DayOffCategory>(EnumName(c)), c);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"weekend", "holiday", "substitute_day_off",
                                             "swapped_day_off"}));
  EXPECT_EQ(EnumName(static_cast<DayOffCategory>(0)), "unknown");
  EXPECT_EQ(EnumName(static_cast<DayOffCategory>(9)), "unknown");
  EXPECT_EQ(EnumFromName<DayOffCategory>("Holiday"), std::nullopt);
  EXPECT_EQ(EnumFromName<DayOffCategory>(""), std::nullopt);
  // DaysOff carries the categories too.
  const std::vector<DayOff> off = Vn().DaysOff(D(2026, 4, 24), D(2026, 4, 28));
  ASSERT_EQ(off.size(), 3u);
  EXPECT_EQ(off[0].category, DayOffCategory::kWeekend);           // Saturday 25/4
  EXPECT_EQ(off[1].category, DayOffCategory::kHoliday);           // Giỗ Tổ on Sunday 26/4
  EXPECT_EQ(off[2].category, DayOffCategory::kSubstituteDayOff);  // Monday 27/4
  EXPECT_EQ(Vn().DayOffAt(D(2026, 4, 28)), std::nullopt);
}

TEST(WorkingCalendar, OfficialScheduleCategories) {
  WorkingCalendar cal = WorkingCalendar::RulesOnly();
  ASSERT_TRUE(cal.AddOfficialSchedule(R"({"year": 2027, "documents": ["1/TB-X"],
      "days_off": [{"date": "2027-01-01", "reason": "Tết Dương lịch"},
                   {"date": "2027-01-02", "reason": "Tết Dương lịch, thứ Bảy", "category": "holiday"},
                   {"date": "2027-01-04", "reason": "Nghỉ bù", "category": "substitute_day_off"},
                   {"date": "2027-01-05", "reason": "Hoán đổi", "category": "swapped_day_off"}],
      "working_days": [{"date": "2027-01-09", "reason": "Làm bù"}]})")
                  .ok());
  EXPECT_EQ(cal.DayOffAt(D(2027, 1, 1))->category, DayOffCategory::kHoliday);  // the default
  EXPECT_EQ(cal.DayOffAt(D(2027, 1, 2))->category, DayOffCategory::kHoliday);
  EXPECT_EQ(cal.DayOffAt(D(2027, 1, 3))->category, DayOffCategory::kWeekend);
  EXPECT_EQ(cal.DayOffAt(D(2027, 1, 4))->category, DayOffCategory::kSubstituteDayOff);
  EXPECT_EQ(cal.DayOffAt(D(2027, 1, 5))->reason, "Hoán đổi");
  EXPECT_EQ(cal.DayOffAt(D(2027, 1, 5))->category, DayOffCategory::kSwappedDayOff);
  EXPECT_EQ(cal.DayOffAt(D(2027, 1, 9)), std::nullopt);
}

TEST(WorkingCalendar, OfficialScheduleCategoryErrorsNameTheField) {
  ExpectRejected(R"({"year": 2027, "days_off": [{"date": "2027-01-04", "reason": "a",
                  "category": "weekend"}]})",
                 "days_off[0].category: must be \"holiday\", \"substitute_day_off\" or");
  ExpectRejected(R"({"year": 2027, "days_off": [{"date": "2027-01-04", "reason": "a",
                  "category": "bù"}]})",
                 "days_off[0].category: must be");
  ExpectRejected(R"({"year": 2027, "days_off": [{"date": "2027-01-04", "reason": "a",
                  "category": 3}]})",
                 "days_off[0].category: must be");
  ExpectRejected(R"({"year": 2027, "days_off": [{"date": "2027-01-02", "reason": "a",
                  "category": "substitute_day_off"}]})",
                 "days_off[0].category: 2027-01-02 is a Saturday: a Saturday or Sunday cannot "
                 "be a substitute_day_off");
  ExpectRejected(R"({"year": 2027, "working_days": [{"date": "2027-01-02", "reason": "a",
                  "category": "holiday"}]})",
                 "working_days[0]: unknown field \"category\" (expected \"date\", \"reason\")");
  ExpectRejected(R"({"year": 2027, "documents": "1/TB", "days_off": []})",
                 "documents: must be an array of strings");
  ExpectRejected(R"({"year": 2027, "documents": ["1/TB", ""], "days_off": []})",
                 "documents[1]: must be a non-empty string");
}

}  // namespace
}  // namespace mandate
