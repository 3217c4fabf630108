// The command-line contract every `mandate` command shares (examples/mandate/command.h,
// README "The mandate command"): help and version, option syntax, one error prefix, and the
// exit status 0 success / 1 the input has problems / 2 usage error or unreadable input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "mandate.h"

namespace mandate {
namespace {

using ::testing::HasSubstr;
using testing::RunCli;
using ::testing::StartsWith;

const std::vector<std::string> kCommands = {"agencies", "aggregate", "calendar", "convert",
                                            "deadline", "report",    "status",   "targets",
                                            "validate", "version"};
// The commands that read --data FILE, with the other arguments each needs.
const std::vector<std::pair<std::string, std::string>> kDataCommands = {
    {"status", "--as-of 2025-09-23"},
    {"aggregate", "--as-of 2025-09-23 --by lead"},
    {"targets", "--as-of 2025-09-23"},
    {"report", "--as-of 2025-09-23"},
    {"validate", ""},
};

std::string Write(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

const std::string& BundledData() {
  static const std::string path = std::string(MANDATE_SOURCE_DIR) + "/examples/data/plan-2025.json";
  return path;
}

TEST(CliContract, TopLevelHelpListsEveryCommandAndExitsZero) {
  for (const char* flag : {"--help", "-h", "help"}) {
    const auto r = RunCli(flag);
    EXPECT_EQ(r.code, 0) << flag;
    EXPECT_THAT(r.out, StartsWith("usage: mandate COMMAND")) << flag;
    for (const auto& c : kCommands) EXPECT_THAT(r.out, HasSubstr("\n  " + c + " ")) << c;
    EXPECT_THAT(r.out, HasSubstr("exit status: 0 success; 1 the input has problems"));
    // Developer tools are not user commands.
    EXPECT_THAT(r.out, ::testing::Not(HasSubstr("import-seed")));
  }
  // The listing holds exactly the commands above: a new command joins this test.
  const auto r = RunCli("--help");
  std::istringstream lines(r.out.substr(r.out.find("commands:\n") + 10));
  std::vector<std::string> listed;
  for (std::string line; std::getline(lines, line) && line.starts_with("  ");) {
    listed.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  EXPECT_EQ(listed, kCommands);
}

TEST(CliContract, NoArgumentsIsAUsageError) {
  const auto r = RunCli("", "2>&1");
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.out, StartsWith("usage: mandate COMMAND"));
}

TEST(CliContract, VersionFlagAndCommand) {
  for (const char* args : {"--version", "version"}) {
    const auto r = RunCli(args);
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, std::string("mandate ") + MDT_VERSION_STRING + " (C ABI " +
                         std::to_string(MDT_SOVERSION) + ")\n");
  }
}

TEST(CliContract, EveryCommandHasHelpWithEveryOption) {
  for (const auto& c : kCommands) {
    SCOPED_TRACE(c);
    const auto help = RunCli("help " + c);
    EXPECT_EQ(help.code, 0);
    EXPECT_THAT(help.out, StartsWith("usage: mandate " + c));
    EXPECT_THAT(help.out, HasSubstr("-h, --help"));
    EXPECT_THAT(help.out, HasSubstr("exit status:"));
    for (const char* flag : {"--help", "-h"}) {
      const auto r = RunCli(c + " " + flag);
      EXPECT_EQ(r.code, 0) << flag;
      EXPECT_EQ(r.out, help.out) << flag;
    }
    // --help wins wherever it stands, even after other (even bad) arguments.
    EXPECT_EQ(RunCli(c + " --bogus --help").code, 0);
  }
  // Every option a command accepts is in its help.
  const auto status = RunCli("status --help").out;
  for (const char* o :
       {"--data FILE", "--as-of D", "--soon-days N", "--baseline", "--inclusive-before"}) {
    EXPECT_THAT(status, HasSubstr(o));
  }
  EXPECT_EQ(RunCli("help nope", "2>&1").code, 2);
  EXPECT_THAT(RunCli("help nope", "2>&1").out, HasSubstr("mandate help: unknown command nope"));
}

TEST(CliContract, UnknownCommandOrOptionIsAUsageErrorWithTheOnePrefix) {
  auto r = RunCli("frobnicate", "2>&1");
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.out, HasSubstr("mandate: unknown command frobnicate"));
  for (const auto& c : kCommands) {
    r = RunCli(c + " --bogus 1", "2>&1 </dev/null");
    EXPECT_EQ(r.code, 2) << c;
    EXPECT_THAT(r.out, StartsWith("mandate " + c + ": unknown option --bogus")) << c;
  }
  r = RunCli("status --data", "2>&1");
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.out, StartsWith("mandate status: --data needs a value FILE"));
  r = RunCli("status --baseline=yes", "2>&1");
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.out, StartsWith("mandate status: --baseline takes no value"));
}

TEST(CliContract, EqualsAndSpaceFormsGiveTheSameResult) {
  const auto spaced =
      RunCli("status --data " + BundledData() + " --as-of 2025-09-23 --soon-days 10");
  const auto equals =
      RunCli("status --data=" + BundledData() + " --as-of=2025-09-23 --soon-days=10");
  EXPECT_EQ(spaced.code, 0);
  EXPECT_EQ(equals.code, 0);
  EXPECT_FALSE(spaced.out.empty());
  EXPECT_EQ(spaced.out, equals.out);
}

TEST(CliContract, NumbersMustParseWhole) {
  for (const auto& [cmd, args] : std::vector<std::pair<std::string, std::string>>{
           {"status", "--as-of 2025-09-23"},
           {"aggregate", "--as-of 2025-09-23 --by lead"},
           {"report", "--as-of 2025-09-23"}}) {
    for (const char* bad : {"5abc", "", "-1", "3661", "1e2", " 5"}) {
      const auto r = RunCli(
          cmd + " --data " + BundledData() + " " + args + " --soon-days '" + bad + "'", "2>&1");
      EXPECT_EQ(r.code, 2) << cmd << " " << bad;
      EXPECT_THAT(r.out,
                  StartsWith("mandate " + cmd + ": --soon-days needs a whole number 0..3660"))
          << cmd << " " << bad;
    }
  }
  EXPECT_EQ(RunCli("deadline --year 2025x", "2>&1 </dev/null").code, 2);
}

TEST(CliContract, MissingRequiredOptionsAreNamed) {
  for (const auto& [cmd, args] : kDataCommands) {
    const auto r = RunCli(cmd + " " + args, "2>&1");
    EXPECT_EQ(r.code, 2) << cmd;
    EXPECT_THAT(r.out, StartsWith("mandate " + cmd + ": missing --data")) << cmd;
  }
}

TEST(CliContract, UnreadableInputExitsTwoForEveryDataCommand) {
  const std::string not_json = Write("exit-codes-not-a-dataset.json", "{ this is not json");
  for (const auto& [cmd, args] : kDataCommands) {
    for (const std::string& data : {std::string("/nonexistent/tasks.json"), not_json}) {
      const auto r = RunCli(cmd + " --data " + data + " " + args, "2>&1");
      EXPECT_EQ(r.code, 2) << cmd << " " << data;
      EXPECT_THAT(r.out, HasSubstr("mandate " + cmd + ": ")) << cmd << " " << r.out;
      EXPECT_THAT(r.out, HasSubstr(data)) << cmd;
    }
  }
}

TEST(CliContract, InputWithProblemsExitsOneAndKeepsTheValidRecords) {
  const std::string csv =
      Write("exit-codes-problems.csv",
            "id,title,lead,coordinators,category,source,assigned,deadline,completed\n"
            "T1,Valid task,Bộ Tài chính,,I,KH,2025-01-15,31/12/2025,\n"
            "T2,Bad assigned day,Bộ Tài chính,,I,KH,2025-02-30,31/12/2025,\n");
  for (const auto& [cmd, args] : kDataCommands) {
    const auto r = RunCli(cmd + " --data " + csv + " " + args, "2>/dev/null");
    EXPECT_EQ(r.code, 1) << cmd;
    // The output was still written (the file holds no targets: `targets` prints nothing).
    if (cmd != "targets") {
      EXPECT_FALSE(r.out.empty()) << cmd;
    }
  }
  const auto status = RunCli("status --data " + csv + " --as-of 2025-09-23");
  EXPECT_THAT(status.out, HasSubstr("\"id\":\"T1\""));
  EXPECT_EQ(RunCli("status --data " + BundledData() + " --as-of 2025-09-23").code, 0);
  // Stdin commands: a line that cannot be used makes the run exit 1, every line answered.
  const auto stdin_of = [](const std::string& name, const std::string& text) {
    return "2>/dev/null < " + Write(name, text);
  };
  EXPECT_EQ(RunCli("deadline --year 2025", stdin_of("exit-codes-d1", "\"Quý IV\"\n")).code, 0);
  EXPECT_EQ(RunCli("deadline --year 2025", stdin_of("exit-codes-d2", "not json\n")).code, 1);
  EXPECT_EQ(RunCli("agencies", stdin_of("exit-codes-a1", "\"Bộ Tài chính\"\n")).code, 0);
  EXPECT_EQ(RunCli("agencies", stdin_of("exit-codes-a2", "\"Bộ Không Tồn Tại\"\n")).code, 1);
}

// --strict (issue 19): a file with any problem cannot be used, so it is refused (2), whatever
// the problem; a clean file still exits 0.
TEST(CliContract, StrictRefusesInputWithProblemsWithExitTwo) {
  const std::string csv = Write("exit-codes-strict.csv",
                                "id,title,lead,coordinators,category,source,assigned,deadline,"
                                "completed\n"
                                "T1,Valid task,Bộ Tài chính,,I,KH,2025-01-15,31/12/2025,\n"
                                "T2,Bad assigned day,Bộ Tài chính,,I,KH,2025-02-30,31/12/2025,\n");
  for (const auto& [cmd, args] : kDataCommands) {
    const auto r = RunCli(cmd + " --data " + csv + " " + args + " --strict", "2>&1");
    EXPECT_EQ(r.code, 2) << cmd << ": " << r.out;
    EXPECT_THAT(r.out, HasSubstr("strict mode refuses the file")) << cmd;
    EXPECT_EQ(RunCli(cmd + " --data " + BundledData() + " " + args + " --strict").code, 0) << cmd;
  }
}

}  // namespace
}  // namespace mandate
