// Every command checks its writes (issue 21): with stdout on /dev/full or closed, a command
// exits non-zero with a message instead of 0 with nothing written; numbers in options parse
// whole; `aggregate` refuses a grouping past --max-groups.
#include <gtest/gtest.h>

#include <string>

#include "cli_runner.h"

namespace mandate {
namespace {

using testing::RunCli;

const std::string kData = std::string(MANDATE_SOURCE_DIR) + "/examples/data/plan-2025.json";

bool Has(const std::string& s, const std::string& what) {
  return s.find(what) != std::string::npos;
}

// Each command with arguments that print something, and its stdin.
struct Case {
  std::string args;
  std::string in;
};
const Case kCases[] = {
    {"report --data " + kData + " --as-of 2025-09-23", "/dev/null"},
    {"report --data " + kData + " --as-of 2025-09-23 --format html", "/dev/null"},
    {"validate --data " + kData, "/dev/null"},
    {"status --data " + kData + " --as-of 2025-09-23", "/dev/null"},
    {"aggregate --data " + kData + " --as-of 2025-09-23 --by lead", "/dev/null"},
    {"calendar --from 2025-01-01 --to 2025-12-31", "/dev/null"},
    {"deadline --year 2025", std::string(MANDATE_SOURCE_DIR) + "/README.md"},
    {"agencies", std::string(MANDATE_SOURCE_DIR) + "/README.md"},
};

TEST(CmdOutput, StdoutOnDevFullFailsWithAMessage) {
  for (const Case& c : kCases) {
    // stderr into the pipe, stdout to the full device.
    const auto r = RunCli(c.args, "< '" + c.in + "' 2>&1 >/dev/full");
    EXPECT_NE(r.code, 0) << c.args;
    EXPECT_TRUE(Has(r.out, "cannot write the output")) << c.args << "\n" << r.out;
  }
}

TEST(CmdOutput, ClosedStdoutFailsWithAMessage) {
  for (const Case& c : kCases) {
    const auto r = RunCli(c.args, "< '" + c.in + "' 2>&1 >&-");
    EXPECT_NE(r.code, 0) << c.args;
    EXPECT_TRUE(Has(r.out, "cannot write the output")) << c.args << "\n" << r.out;
  }
}

TEST(CmdOutput, WorkingOutputStillExitsZero) {
  const auto r = RunCli("report --data " + kData + " --as-of 2025-09-23", "2>&1");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_FALSE(Has(r.out, "cannot write"));
}

TEST(CmdOutput, NumbersInOptionsParseWhole) {
  const std::string bad[] = {
      "report --data " + kData + " --as-of 2025-09-23 --soon-days 5abc",
      "report --data " + kData + " --as-of 2025-09-23 --soon-days ' 5'",
      "report --data " + kData + " --as-of 2025-09-23 --soon-days ''",
      "status --data " + kData + " --as-of 2025-09-23 --soon-days 5abc",
      "aggregate --data " + kData + " --as-of 2025-09-23 --by lead --soon-days 5abc",
      "aggregate --data " + kData + " --as-of 2025-09-23 --by lead --max-groups 10x",
      "targets --data " + kData + " --as-of 2025-09-23 --tolerance 0.5x",
      "targets --data " + kData + " --as-of 2025-09-23 --tolerance ' 0.5'",
      "calendar --from 2025-01-01 --add-working-days 5abc",
      "deadline --year 2025x",
  };
  for (const auto& args : bad) {
    const auto r = RunCli(args, "</dev/null 2>&1");
    EXPECT_EQ(r.code, 2) << args << "\n" << r.out;
  }
  EXPECT_EQ(RunCli("report --data " + kData + " --as-of 2025-09-23 --soon-days 5").code, 0);
  EXPECT_EQ(RunCli("targets --data " + kData + " --as-of 2025-09-23 --tolerance 0.5").code, 0);
}

TEST(CmdOutput, AggregatePastMaxGroupsIsRefusedByName) {
  auto r = RunCli(
      "aggregate --data " + kData + " --as-of 2025-09-23 --by lead,status --max-groups 3", "2>&1");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(Has(r.out, "more than 3 groups")) << r.out;
  EXPECT_TRUE(Has(r.out, "--max-groups")) << r.out;
  r = RunCli("aggregate --data " + kData + " --as-of 2025-09-23 --by lead,status");
  EXPECT_EQ(r.code, 0);
  EXPECT_TRUE(Has(r.out, "\"groups\":[{\"key\"")) << r.out.substr(0, 200);
}

}  // namespace
}  // namespace mandate
