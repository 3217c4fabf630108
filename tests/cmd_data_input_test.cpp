// Issue 19 through the command: a ".txt" CSV is read as CSV (the format is told by content),
// a hand-edited bundled JSON loads with the checksum problem, --strict refuses it, and
// `validate --fix` re-signs it; a Windows-1258 CSV gets the hint.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_runner.h"

namespace mandate::testing {
namespace {

namespace fs = std::filesystem;

fs::path Dir() { return ScratchDir("cmd_data_input"); }

TEST(CmdDataInput, ATxtOrTsvCsvIsReadAsCsv) {
  const fs::path txt = Dir() / "plan.txt";
  std::ofstream(txt) << "id\ttitle\tlead\tdeadline\n"
                        "T1\tMột\tBộ Tài chính\t31/12/2025\n"
                        "T2\tHai\tBộ Công an\t2025\n";
  const CliResult v = RunCli("validate --data " + txt.string(), "2>&1");
  EXPECT_NE(v.out.find("\"tasks\":2"), std::string::npos) << v.out;
  const CliResult s = RunCli("status --data " + txt.string() + " --as-of 2025-06-01");
  EXPECT_NE(s.out.find("\"id\":\"T1\""), std::string::npos) << s.out;
  EXPECT_NE(s.out.find("\"id\":\"T2\""), std::string::npos) << s.out;
  // A JSON file named .csv is JSON.
  const fs::path named_csv = Dir() / "plan-json.csv";
  fs::copy_file(BundledPlanPath(), named_csv, fs::copy_options::overwrite_existing);
  const CliResult j = RunCli("validate --data " + named_csv.string());
  EXPECT_EQ(j.code, 0) << j.out;
  EXPECT_NE(j.out.find("\"tasks\":333"), std::string::npos) << j.out;
}

TEST(CmdDataInput, AHandEditedDatasetLoadsAndValidateFixReSignsIt) {
  const fs::path path = Dir() / "edited.json";
  std::string text = Slurp(BundledPlanPath());
  const std::string from = "\"title\": \"";
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.insert(at + from.size(), "(sửa tay) ");  // a person's edit in a text editor
  std::ofstream(path, std::ios::binary) << text;
  const std::string data = " --data " + path.string();

  const CliResult v = RunCli("validate" + data);
  EXPECT_EQ(v.code, 1) << v.out;
  EXPECT_NE(v.out.find("\"field\":\"checksum\""), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("edited by hand or damaged"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("\"tasks\":333"), std::string::npos) << v.out;
  const CliResult status = RunCli("status" + data + " --as-of 2025-09-23");
  EXPECT_EQ(status.code, 1);
  EXPECT_NE(status.out.find("\"status\""), std::string::npos);
  for (const char* cmd : {"status", "targets", "aggregate --by lead", "report"}) {
    const CliResult strict =
        RunCli(std::string(cmd) + data + " --as-of 2025-09-23 --strict", "2>&1");
    EXPECT_EQ(strict.code, 2) << cmd << ": " << strict.out;
    EXPECT_NE(strict.out.find("checksum mismatch"), std::string::npos) << cmd << ": " << strict.out;
  }
  EXPECT_EQ(RunCli("validate --strict" + data).code, 2);

  const CliResult fix = RunCli("validate --fix" + data, "2>&1");
  EXPECT_EQ(fix.code, 0) << fix.out;
  EXPECT_NE(fix.out.find("rewritten with a new checksum"), std::string::npos) << fix.out;
  const CliResult clean = RunCli("validate --strict" + data);
  EXPECT_EQ(clean.code, 0) << clean.out;
  EXPECT_NE(Slurp(path).find("(sửa tay) "), std::string::npos) << "the edit is kept";
  const CliResult again = RunCli("validate --fix" + data, "2>&1");
  EXPECT_EQ(again.code, 0);
  EXPECT_NE(again.out.find("nothing to fix"), std::string::npos) << again.out;
}

TEST(CmdDataInput, FixDoesNotRewriteWhatWouldLoseRecords) {
  const fs::path path = Dir() / "other-problems.json";
  std::ofstream(path) << R"({"schema_version": 1, "checksum": "fnv1a64:0000000000000000",
    "dataset": {"tasks": [{"id": "A", "title": "x", "deadline": {"kind": "bogus"}}]}})";
  const std::string before = Slurp(path);
  const CliResult fix = RunCli("validate --fix --data " + path.string(), "2>&1");
  EXPECT_EQ(fix.code, 1) << fix.out;
  EXPECT_NE(fix.out.find("not rewritten"), std::string::npos) << fix.out;
  EXPECT_EQ(Slurp(path), before);
  const fs::path csv = Dir() / "fix.csv";
  std::ofstream(csv) << "id,title\nA,x\n";
  EXPECT_EQ(RunCli("validate --fix --data " + csv.string()).code, 2);
}

TEST(CmdDataInput, AWindows1258CsvGetsTheHint) {
  const fs::path path = Dir() / "cp1258.csv";
  std::ofstream(path, std::ios::binary) << "id,title,lead\r\nA,ASCII,BTC\r\n"
                                           "B,x,B\xF4\xF2 T\xE0i ch\xEDnh\r\n";
  const CliResult v = RunCli("validate --data " + path.string());
  EXPECT_EQ(v.code, 1) << v.out;
  EXPECT_NE(v.out.find("Windows-1258"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("File → Save As → CSV UTF-8 (Comma delimited)"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("\"tasks\":1"), std::string::npos) << v.out;
}

}  // namespace
}  // namespace mandate::testing
