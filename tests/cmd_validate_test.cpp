// mandate validate: problems as JSON lines naming record and field; exit 0 / 1 / 2.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

namespace {

struct Result {
  int exit_code;
  std::string out;
};

Result Validate(const std::string& path) {
  const std::string cmd =
      std::string(MANDATE_BIN_DIR) + "/mandate validate --data " + path + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  Result r{-1, ""};
  if (!p) return r;
  std::array<char, 4096> buf;
  while (std::fgets(buf.data(), buf.size(), p)) r.out += buf.data();
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

TEST(CmdValidate, BundledDatasetIsClean) {
  const Result r = Validate(std::string(MANDATE_SOURCE_DIR) + "/examples/data/plan-2025.json");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("\"tasks\":333"), std::string::npos) << r.out;
}

TEST(CmdValidate, CsvProblemsNameRecordAndFieldAndKeepGoodRows) {
  const std::string path = ::testing::TempDir() + "/validate-bad.csv";
  std::ofstream(path) << "id,title,lead,coordinators,category,source,assigned,deadline,completed\n"
                         "T1,Good,Bộ Tài chính,,,,2025-01-05,Tháng 10/2025,\n"
                         "T2,Bad date,Bộ Công an,,,,2025-02-30,2025,\n"
                         "T3,Unknown agency,Bộ Không Tồn Tại,,,,2025-01-05,2025,\n"
                         "T1,Duplicate,Bộ Tài chính,,,,2025-01-05,2025,\n";
  const Result r = Validate(path);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("\"field\":\"assigned\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"field\":\"lead\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("duplicate"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"tasks\":3"), std::string::npos) << r.out;
}

TEST(CmdValidate, UnreadableFileExitsTwo) {
  EXPECT_EQ(Validate("/nonexistent/dataset.json").exit_code, 2);
}

}  // namespace
