// The `mandate deadline` command-line contract, run as a process.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace {

using nlohmann::json;

struct Result {
  int exit_code = -1;
  std::vector<json> lines;
};

std::string BinDir() {
  const char* env = std::getenv("MANDATE_BIN_DIR");
  return env ? env : MANDATE_BIN_DIR;
}

Result RunDeadline(const std::string& flags, const std::string& input) {
  char path[] = "/tmp/mandate_deadline_inXXXXXX";
  const int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  if (fd >= 0) close(fd);
  std::ofstream(path) << input;
  const std::string cmd = BinDir() + "/mandate deadline " + flags + " < " + path;
  Result r;
  FILE* p = popen(cmd.c_str(), "r");
  EXPECT_NE(p, nullptr);
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = pclose(p);
  std::remove(path);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::size_t start = 0;
  while (start < out.size()) {
    const std::size_t nl = out.find('\n', start);
    const std::string line = out.substr(start, nl - start);
    r.lines.push_back(json::parse(line));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return r;
}

void ExpectExactFields(const json& line) {
  std::set<std::string> keys;
  for (auto it = line.begin(); it != line.end(); ++it) keys.insert(it.key());
  EXPECT_EQ(keys,
            (std::set<std::string>{"text", "kind", "due", "anchor", "milestones", "recurrence",
                                   "first_due", "span", "error", "explanation"}))
      << line.dump();
}

TEST(CmdDeadline, ParsesStringsAndObjectsOnePerLine) {
  const Result r =
      RunDeadline("--year 2025",
                  "\"Quý IV\"\n"
                  "\"trước ngày 20/12/2025\"\n"
                  "{\"text\": \"Quý IV\", \"year\": 2026}\n"
                  "\"Trước ngày 25 hàng tháng\"\n"
                  "\"Tháng 9/2025 xong thí điểm; phát triển 2025 và những năm tiếp theo\"\n"
                  "{\"text\": \"05 ngày làm việc\", \"assigned\": \"2025-06-02\"}\n");
  EXPECT_EQ(r.exit_code, 0);
  ASSERT_EQ(r.lines.size(), 6u);
  for (const auto& l : r.lines) ExpectExactFields(l);
  EXPECT_EQ(r.lines[0]["kind"], "quarter");
  EXPECT_EQ(r.lines[0]["due"], "2025-12-31");
  EXPECT_TRUE(r.lines[0]["error"].is_null());
  EXPECT_TRUE(r.lines[0]["span"].is_null());
  EXPECT_EQ(r.lines[1]["kind"], "before");
  EXPECT_EQ(r.lines[1]["due"], "2025-12-19");
  EXPECT_EQ(r.lines[1]["anchor"], "2025-12-20");
  EXPECT_EQ(r.lines[2]["due"], "2026-12-31");
  EXPECT_EQ(r.lines[3]["kind"], "recurring");
  EXPECT_EQ(r.lines[3]["recurrence"], (json{{"freq", "monthly"}, {"day", 25}, {"before", true}}));
  EXPECT_TRUE(r.lines[3]["due"].is_null());
  EXPECT_EQ(r.lines[4]["kind"], "multi");
  EXPECT_EQ(r.lines[4]["due"], "2025-09-30");
  EXPECT_EQ(r.lines[4]["first_due"], "2025-12-31");
  ASSERT_EQ(r.lines[4]["milestones"].size(), 2u);
  EXPECT_EQ(r.lines[4]["milestones"][0],
            (json{{"label", "Tháng 9/2025 xong thí điểm"}, {"due", "2025-09-30"}}));
  EXPECT_TRUE(r.lines[4]["milestones"][1]["due"].is_null());
  EXPECT_EQ(r.lines[5]["kind"], "relative");
  EXPECT_EQ(r.lines[5]["due"], "2025-06-09");
}

TEST(CmdDeadline, BadInputGivesErrorLinesNeverACrash) {
  const Result r =
      RunDeadline("",
                  "\"Quý IV\"\nnot json\n\"31/02/2025\"\n42\n{\"x\": 1}\n\"\"\n"
                  "{\"text\": \"2025\", \"assigned\": \"30/02/2025\"}\n\"\\u0000\\u00ff\"\n");
  EXPECT_EQ(r.exit_code, 1);  // the input had problems; every line still answered
  ASSERT_EQ(r.lines.size(), 8u);
  for (const auto& l : r.lines) {
    ExpectExactFields(l);
    EXPECT_EQ(l["kind"], "unknown") << l.dump();
    ASSERT_TRUE(l["error"].is_string()) << l.dump();
  }
  EXPECT_NE(r.lines[0]["error"].get<std::string>().find("plan year"), std::string::npos);
  EXPECT_EQ(r.lines[1]["error"], "invalid JSON line");
  EXPECT_EQ(r.lines[1]["text"], "not json");
  EXPECT_NE(r.lines[2]["error"].get<std::string>().find("day 31 does not exist in 02/2025"),
            std::string::npos);
  EXPECT_EQ(r.lines[5]["error"], "empty deadline text");
  EXPECT_NE(r.lines[6]["error"].get<std::string>().find("assigned"), std::string::npos);
}

TEST(CmdDeadline, ExtractGivesSpansAndNone) {
  const std::string sentence =
      "Cơ chế đặc thù (Bộ GDĐT, hạn tháng 11/2025; Thông báo 45-TB/TGV ngày 30/9/2025)";
  const Result r = RunDeadline(
      "--extract --year 2025",
      json(sentence).dump() + "\n" + json("Thông báo số 45-TB/TGV ngày 30/09/2025").dump() + "\n");
  EXPECT_EQ(r.exit_code, 0);
  ASSERT_EQ(r.lines.size(), 2u);
  ExpectExactFields(r.lines[0]);
  EXPECT_EQ(r.lines[0]["kind"], "month");
  EXPECT_EQ(r.lines[0]["due"], "2025-11-30");
  const std::size_t b = r.lines[0]["span"]["begin"], e = r.lines[0]["span"]["end"];
  EXPECT_EQ(sentence.substr(b, e - b), "hạn tháng 11/2025");
  EXPECT_EQ(r.lines[1]["kind"], "none");
  EXPECT_TRUE(r.lines[1]["span"].is_null());
  EXPECT_TRUE(r.lines[1]["due"].is_null());
  EXPECT_TRUE(r.lines[1]["error"].is_null());
}

TEST(CmdDeadline, InclusiveBeforeFlag) {
  const Result r = RunDeadline("--inclusive-before", "\"hạn trước 15/11/2025\"\n");
  ASSERT_EQ(r.lines.size(), 1u);
  EXPECT_EQ(r.lines[0]["due"], "2025-11-15");
  EXPECT_EQ(r.lines[0]["anchor"], "2025-11-15");
}

TEST(CmdDeadline, BadFlagsExitNonZero) {
  EXPECT_EQ(RunDeadline("--year abc", "").exit_code, 2);
  EXPECT_EQ(RunDeadline("--assigned 2025-13-01", "").exit_code, 2);
  EXPECT_EQ(RunDeadline("--bogus", "").exit_code, 2);
}

}  // namespace
