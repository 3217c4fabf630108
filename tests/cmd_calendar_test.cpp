// The `mandate calendar` command, run as a process (build/bin/mandate).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace {

using Result = mandate::testing::CliResult;

// Runs `mandate calendar ARGS`; `streams` picks what is captured ("2>/dev/null" for stdout,
// "2>&1 >/dev/null" for stderr).
Result RunCalendar(const std::string& args, const std::string& streams = "2>/dev/null") {
  return mandate::testing::RunCli("calendar " + args, streams);
}

TEST(CmdCalendar, ListsDaysOffWithReasons) {
  const Result r = RunCalendar("--from 2025-04-25 --to 2025-05-05");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out,
            "2025-04-27\tSunday\tweekend\n"
            "2025-04-30\tNgày Chiến thắng\tholiday\n"
            "2025-05-01\tNgày Quốc tế Lao động\tholiday\n"
            "2025-05-02\tNghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)\tswapped_day_off\n"
            "2025-05-03\tSaturday\tweekend\n"
            "2025-05-04\tSunday\tweekend\n");
  // The official schedules of past years: Tết Giáp Thìn 2024 with its two substitute days.
  const Result tet = RunCalendar("--from 2024-02-07 --to 2024-02-15");
  EXPECT_EQ(tet.code, 0);
  EXPECT_EQ(tet.out,
            "2024-02-08\tTết Nguyên đán\tholiday\n"
            "2024-02-09\tTết Nguyên đán\tholiday\n"
            "2024-02-10\tTết Nguyên đán\tholiday\n"
            "2024-02-11\tTết Nguyên đán\tholiday\n"
            "2024-02-12\tTết Nguyên đán\tholiday\n"
            "2024-02-13\tNghỉ bù Tết Nguyên đán (10/02/2024)\tsubstitute_day_off\n"
            "2024-02-14\tNghỉ bù Tết Nguyên đán (11/02/2024)\tsubstitute_day_off\n");
  // Vietnamese date form on input too; a range with no day off prints nothing.
  const Result none = RunCalendar("--from 26/4/2025 --to 26/4/2025");  // a Saturday worked
  EXPECT_EQ(none.code, 0);
  EXPECT_EQ(none.out, "");
}

TEST(CmdCalendar, JsonLines) {
  const Result r = RunCalendar("--from 2026-02-13 --to 2026-02-23 --json");
  ASSERT_EQ(r.code, 0);
  std::istringstream lines(r.out);
  std::vector<nlohmann::json> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 9u);
  EXPECT_EQ(
      rows.front(),
      (nlohmann::json{{"date", "2026-02-14"}, {"reason", "Saturday"}, {"category", "weekend"}}));
  EXPECT_EQ(rows[3],
            (nlohmann::json{
                {"date", "2026-02-17"}, {"reason", "Tết Nguyên đán"}, {"category", "holiday"}}));
  EXPECT_EQ(rows.back()["date"], "2026-02-22");
  // UTF-8 stays UTF-8, not \u escapes.
  EXPECT_NE(r.out.find("Tết Nguyên đán"), std::string::npos);
}

TEST(CmdCalendar, AddsWorkingDays) {
  EXPECT_EQ(RunCalendar("--add-working-days 1 --from 2025-01-24").out, "2025-02-03\n");
  EXPECT_EQ(RunCalendar("--add-working-days 5 --from 24/01/2025").out, "2025-02-07\n");
  EXPECT_EQ(RunCalendar("--add-working-days -1 --from 2025-09-03").out, "2025-08-29\n");
  EXPECT_EQ(RunCalendar("--add-working-days 0 --from 2026-02-17").out, "2026-02-23\n");
  EXPECT_EQ(RunCalendar("--add-working-days 1 --from 2026-08-28").out, "2026-09-03\n");
  // The rules alone give Monday 3/2/2025 as the compensatory day for Saturday 1/2 (mùng 4).
  EXPECT_EQ(RunCalendar("--add-working-days 1 --from 2025-01-31 --rules-only").out, "2025-02-04\n");
  const Result j = RunCalendar("--add-working-days 3 --from 2026-04-24 --json");
  EXPECT_EQ(j.code, 0);
  EXPECT_EQ(nlohmann::json::parse(j.out),
            (nlohmann::json{{"from", "2026-04-24"}, {"working_days", 3}, {"date", "2026-05-04"}}));
}

TEST(CmdCalendar, BadInputExitsTwoWithAMessage) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"--from 2025-02-30 --to 2025-03-01", "day 30 does not exist"},
      {"--from 2025-01-01 --to tomorrow", "--to"},
      {"--from 2025-03-01 --to 2025-02-01", "before --from"},
      {"--to 2025-03-01", "missing --from"},
      {"--from 2025-01-01", "missing --to"},
      {"--add-working-days 2x --from 2025-01-01", "needs a whole number"},
      {"--add-working-days 99999999999 --from 2025-01-01", "needs a whole number"},
      {"--add-working-days 2147483647 --from 2025-01-01", "goes past 2200-12-31"},
      {"--add-working-days 1 --from 2025-01-01 --to 2025-02-01", "does not go with"},
      {"--from 2025-01-01 --to 2025-01-02 --bogus", "unknown option --bogus"},
      {"--from", "needs a value"},
  };
  for (const auto& [args, needle] : cases) {
    SCOPED_TRACE(args);
    const Result out = RunCalendar(args);
    EXPECT_EQ(out.code, 2);
    EXPECT_EQ(out.out, "");
    const Result err = RunCalendar(args, "2>&1 >/dev/null");
    EXPECT_NE(err.out.find(needle), std::string::npos) << err.out;
  }
}

}  // namespace
