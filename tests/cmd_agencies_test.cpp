// The `mandate agencies` command, run as a process: JSON lines in, JSON lines out.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "seed_data.h"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct Output {
  int exit_code = -1;
  std::vector<nlohmann::json> lines;
  std::string raw;
};

std::string TempPath(const std::string& name) {
  // ctest runs the tests as parallel processes: one file set per test and process.
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  return ::testing::TempDir() + "/cmd_agencies_" + test->name() + "_" + std::to_string(getpid()) +
         "_" + name;
}

// Runs `mandate agencies ARGS < input`, stderr to a file.
Output RunAgencies(const std::string& input, const std::string& args = "") {
  const std::string in_path = TempPath("in.jsonl");
  std::ofstream(in_path, std::ios::binary) << input;
  const std::string cmd = std::string(MANDATE_BIN_DIR) + "/mandate agencies " + args + " < '" +
                          in_path + "' 2> '" + TempPath("err.txt") + "'";
  Output out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.raw.append(buf, n);
  const int status = pclose(p);
  std::remove(in_path.c_str());
  out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::istringstream lines(out.raw);
  std::string line;
  while (std::getline(lines, line)) out.lines.push_back(nlohmann::json::parse(line));
  return out;
}

std::string Stderr() {
  std::ifstream in(TempPath("err.txt"));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(CmdAgencies, ResolvesStringsAndTextObjects) {
  const Output out = RunAgencies(
      "\"Bộ Văn hóa, Thể thao và Du lịch, Bộ Công an\"\n"
      "{\"text\": \"UBND TP. Hà Nội\", \"row\": 7}\n"
      "\"-\"\n"
      "\"Các ngân hàng (BIDV, Agribank)\"\n");
  ASSERT_EQ(out.exit_code, 0) << out.raw;
  ASSERT_EQ(out.lines.size(), 4u);
  EXPECT_EQ(out.lines[0]["text"], "Bộ Văn hóa, Thể thao và Du lịch, Bộ Công an");
  EXPECT_EQ(out.lines[0]["ids"], nlohmann::json({"BCA", "BVHTTDL"}));
  EXPECT_TRUE(out.lines[0]["error"].is_null());
  EXPECT_EQ(out.lines[1]["ids"], nlohmann::json({"HNI"}));
  EXPECT_EQ(out.lines[2]["ids"], nlohmann::json::array());
  EXPECT_TRUE(out.lines[2]["error"].is_null());
  EXPECT_EQ(out.lines[3]["ids"], nlohmann::json({"AGRIBANK", "BIDV"}));
  EXPECT_EQ(out.lines[3]["collectives"], nlohmann::json({"Các ngân hàng"}));
  // UTF-8 stays UTF-8 on the way out.
  EXPECT_THAT(out.raw, HasSubstr("\"Bộ Văn hóa"));
}

TEST(CmdAgencies, ReportsUnknownNamesAndBadLinesAndGoesOn) {
  const Output out = RunAgencies(
      "\"Bộ Tài chính, Sở Ngoại vụ\"\n"
      "not json\n"
      "42\n"
      "{\"txt\": \"Bộ Y tế\"}\n"
      "\"Bộ Y tế\"\n");
  EXPECT_EQ(out.exit_code, 1);
  ASSERT_EQ(out.lines.size(), 5u);
  EXPECT_EQ(out.lines[0]["ids"], nlohmann::json({"BTC"}));
  EXPECT_EQ(out.lines[0]["unresolved"], nlohmann::json({"Sở Ngoại vụ"}));
  EXPECT_EQ(out.lines[0]["error"], "unknown agency: \"Sở Ngoại vụ\"");
  EXPECT_THAT(out.lines[1]["error"].get<std::string>(), HasSubstr("not valid JSON"));
  EXPECT_TRUE(out.lines[1]["text"].is_null());
  EXPECT_THAT(out.lines[2]["error"].get<std::string>(), HasSubstr("expected a string"));
  EXPECT_THAT(out.lines[3]["error"].get<std::string>(), HasSubstr("expected a string"));
  EXPECT_EQ(out.lines[4]["ids"], nlohmann::json({"BYT"}));
}

TEST(CmdAgencies, UsesARegistryFile) {
  const std::string reg = TempPath("registry.json");
  std::ofstream(reg) << R"({"agencies": [{"id": "SYT", "name": "Sở Y tế", "kind": "other"}]})";
  const Output out = RunAgencies("\"Sở Y tế\"\n\"Bộ Y tế\"\n", "--registry '" + reg + "'");
  EXPECT_EQ(out.exit_code, 1);
  ASSERT_EQ(out.lines.size(), 2u);
  EXPECT_EQ(out.lines[0]["ids"], nlohmann::json({"SYT"}));
  EXPECT_FALSE(out.lines[1]["error"].is_null());
}

TEST(CmdAgencies, RefusesABadRegistryOrUsage) {
  const std::string reg = TempPath("bad.json");
  std::ofstream(reg) << R"({"agencies": [{"id": "A", "name": "X", "kind": "ward"}]})";
  Output out = RunAgencies("\"Bộ Y tế\"\n", "--registry '" + reg + "'");
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_TRUE(out.lines.empty());
  EXPECT_THAT(Stderr(), HasSubstr("unknown kind \"ward\""));
  out = RunAgencies("", "--registry '" + TempPath("missing.json") + "'");
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_THAT(Stderr(), HasSubstr("cannot open"));
  out = RunAgencies("", "--verbose");
  EXPECT_EQ(out.exit_code, 2);
}

TEST(CmdAgencies, EverySeedCellRoundTrips) {
  std::string input;
  std::vector<std::string> cells;
  for (const auto& row : mandate::testing::ReadSeedJsonl("plan-2025-tasks.jsonl")) {
    cells.push_back(row["lead"].get<std::string>());
    input += nlohmann::json({{"text", cells.back()}}).dump() + "\n";
  }
  const Output out = RunAgencies(input);
  EXPECT_EQ(out.exit_code, 0) << out.raw;
  ASSERT_EQ(out.lines.size(), cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    EXPECT_EQ(out.lines[i]["text"], cells[i]);
    // Issue 17: "… liên quan" names no fixed set, so KH25-V-77 "Các địa phương liên quan"
    // gives no ids (and no error).
    if (cells[i].find("liên quan") == std::string::npos) {
      EXPECT_FALSE(out.lines[i]["ids"].empty()) << cells[i];
    } else {
      EXPECT_TRUE(out.lines[i]["ids"].empty()) << cells[i];
      EXPECT_TRUE(out.lines[i]["error"].is_null()) << cells[i];
    }
    const auto ids = out.lines[i]["ids"].get<std::vector<std::string>>();
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  }
}

}  // namespace
