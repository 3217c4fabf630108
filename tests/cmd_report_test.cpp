// `mandate report`, run as a process: it goes through the C ABI (mdt_report) and prints the
// golden reports byte for byte; bad arguments exit 2 with a message.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli_runner.h"

namespace mandate {
namespace {

using testing::RunCli;

std::string Golden(const std::string& ext) {
  std::ifstream in(std::string(MANDATE_SOURCE_DIR) + "/tests/golden/report-2025-09-23." + ext,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kData = std::string("--data ") + MANDATE_SOURCE_DIR + "/examples/data/plan-2025.json";

TEST(CmdReport, PrintsTheGoldenReportsThroughTheCApi) {
  for (const std::string ext : {"md", "html", "json", "csv"}) {
    auto r = RunCli("report " + kData + " --as-of 2025-09-23 --since 2025-07-20 --format " + ext);
    EXPECT_EQ(r.code, 0) << ext;
    EXPECT_EQ(r.out, Golden(ext)) << ext;
  }
  auto en = RunCli("report " + kData + " --as-of 2025-09-23 --since 2025-07-20 --lang en");
  EXPECT_EQ(en.code, 0);
  EXPECT_EQ(en.out, Golden("en.md"));
}

TEST(CmdReport, WritesOutFileAtomically) {
  const std::string out = ::testing::TempDir() + "/cmd_report_out.md";
  auto r = RunCli("report " + kData + " --as-of 2025-09-23 --since 2025-07-20 --out " + out);
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "");
  std::ifstream in(out, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  EXPECT_EQ(s.str(), Golden("md"));
}

TEST(CmdReport, LetterheadMeetingAndProgrammesFromOptions) {
  const std::string fixture =
      std::string("--data ") + MANDATE_SOURCE_DIR + "/tests/data/report-001.json";
  auto r = RunCli("report " + fixture +
                  " --as-of 2025-09-23 --since 2025-07-20 --issuing-body 'BAN CHỈ ĐẠO' "
                  "--place 'Hà Nội' --meeting 'Phiên họp lần thứ tư' "
                  "--previous-meeting 'Phiên họp lần 3 của Ban Chỉ đạo'");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.rfind("**BAN CHỈ ĐẠO**", 0), 0u) << r.out.substr(0, 200);
  EXPECT_NE(r.out.find("**Hà Nội, ngày 23 tháng 9 năm 2025**"), std::string::npos);
  EXPECT_NE(r.out.find("(Phục vụ Phiên họp lần thứ tư)"), std::string::npos);
  EXPECT_NE(r.out.find("từ ngày 20/7/2025 (Phiên họp lần 3 của Ban Chỉ đạo) đến ngày 23/9/2025, "
                       "các bộ, ngành, địa phương được giao 73 nhiệm vụ, đã hoàn thành 50 nhiệm vụ "
                       "và còn 23 nhiệm vụ quá hạn, chậm muộn."),
            std::string::npos);
  // --programmes: a file of one programme; the rest of the tasks are "other".
  const std::string file = ::testing::TempDir() + "/cmd_report_programmes.json";
  std::ofstream(file) << R"({"programmes": [{"id": "kh", "heading": {"vi": "Thực hiện KH02"},
      "subject": {"vi": "Kế hoạch 02"}, "parts": [{"id": "KH02", "sources": ["02-KH/BCĐTW"]}]}]})";
  r = RunCli("report " + fixture + " --as-of 2025-09-23 --programmes " + file);
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("**a) Thực hiện KH02**"), std::string::npos);
  EXPECT_NE(r.out.find("Năm 2025, Kế hoạch 02 có tổng số 70 nhiệm vụ"), std::string::npos);
  EXPECT_NE(r.out.find("**b) Thực hiện các nhiệm vụ khác**"), std::string::npos);
  r = RunCli("report " + fixture + " --as-of 2025-09-23 --programmes /nonexistent.json", "2>&1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--programmes: cannot open /nonexistent.json"), std::string::npos) << r.out;
}

TEST(CmdReport, BadArgumentsExit2WithAMessage) {
  auto r = RunCli("report " + kData + " --as-of 2025-02-30", "2>&1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--as-of: day 30 does not exist in 02/2025"), std::string::npos) << r.out;
  r = RunCli("report " + kData + " --as-of 2025-09-23 --format pdf", "2>&1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("--format is md, html, json, csv, xlsx or docx"), std::string::npos) << r.out;
  r = RunCli("report " + kData + " --as-of 2025-09-23 --since 2025-10-01", "2>&1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("since is after as_of"), std::string::npos) << r.out;
  r = RunCli("report --data /nonexistent.json --as-of 2025-09-23", "2>&1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("/nonexistent.json"), std::string::npos) << r.out;
  r = RunCli("report --as-of 2025-09-23", "2>&1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("mandate report: missing --data (see mandate report --help)"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace mandate
