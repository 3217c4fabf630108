// The `mandate aggregate` command, run as a process on a dataset file written by the library.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "aggregate_test_data.h"
#include "mandate/aggregate.h"
#include "mandate/dataset_json.h"

namespace mandate {
namespace {

using ::testing::HasSubstr;

struct Output {
  int exit_code = -1;
  std::string out, err;
};

std::string TempPath(const std::string& name) {
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  return ::testing::TempDir() + "/cmd_aggregate_" + test->name() + "_" + std::to_string(getpid()) +
         "_" + name;
}

Output RunCli(const std::string& args) {
  const std::string err_path = TempPath("err.txt");
  const std::string cmd =
      std::string(MANDATE_BIN_DIR) + "/mandate aggregate " + args + " 2> '" + err_path + "'";
  Output o;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return o;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) o.out.append(buf, n);
  const int status = pclose(p);
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_path);
  std::ostringstream ss;
  ss << in.rdbuf();
  o.err = ss.str();
  std::remove(err_path.c_str());
  return o;
}

std::string SaveSmall() {
  auto ds = testdata::SmallDataset();
  const std::string path = TempPath("small.json");
  EXPECT_TRUE(SaveDatasetJson(*ds, path).ok());
  return path;
}

TEST(CmdAggregate, LeadByStatusMatchesTheContract) {
  const std::string path = SaveSmall();
  const Output o = RunCli("--data '" + path + "' --as-of 2025-09-23 --by lead");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const auto j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j["as_of"], "2025-09-23");
  EXPECT_EQ(j["by"], nlohmann::json::array({"lead"}));
  ASSERT_EQ(j["groups"].size(), 5u);
  // Sorted by key, none first.
  EXPECT_TRUE(j["groups"][0]["key"]["lead"].is_null());
  EXPECT_EQ(j["groups"][1]["key"]["lead"], "BCA");
  EXPECT_EQ(j["groups"][2]["key"]["lead"], "BKHCN");
  const auto& bkhcn = j["groups"][2];
  EXPECT_EQ(bkhcn["total"], 2);
  EXPECT_EQ(bkhcn["completed_on_time"], 1);
  EXPECT_EQ(bkhcn["completed_late"], 1);
  EXPECT_EQ(bkhcn["overdue"], 0);
  EXPECT_DOUBLE_EQ(bkhcn["on_time_rate"].get<double>(), 0.5);
  const auto& t = j["totals"];
  EXPECT_EQ(t["total"], 7);
  EXPECT_EQ(t["overdue"], 2);
  EXPECT_EQ(t["due_soon"], 1);
  EXPECT_EQ(t["in_progress"], 1);
  EXPECT_EQ(t["cancelled"], 1);
  std::remove(path.c_str());
}

TEST(CmdAggregate, SeveralDimensionsWindowsAndFlags) {
  const std::string path = SaveSmall();
  Output o = RunCli("--data '" + path +
                    "' --as-of 2025-09-23 --by lead,status --assigned-from 2025-03-01 "
                    "--assigned-to 2025-04-30 --include-coordinators");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  auto j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j["totals"]["total"], 3);  // T1 T2 T3
  // BKHCN leads T1 T2 and coordinates T3.
  int bkhcn = 0;
  for (const auto& g : j["groups"]) {
    if (g["key"]["lead"] == "BKHCN") bkhcn += g["total"].get<int>();
    EXPECT_TRUE(g["key"].contains("status"));
  }
  EXPECT_EQ(bkhcn, 3);
  // --soon-days 1: T4 (due in 2 days) is in progress, not due soon.
  o = RunCli("--data '" + path + "' --as-of 2025-09-23 --by status --soon-days 1");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j["totals"]["due_soon"], 0);
  EXPECT_EQ(j["totals"]["in_progress"], 2);
  std::remove(path.c_str());
}

// The command's totals agree with `mandate status` on the bundled 2025 plan.
TEST(CmdAggregate, TotalsAgreeWithStatusCommandOnTheBundledPlan) {
  const std::string data = std::string(MANDATE_SOURCE_DIR) + "/examples/data/plan-2025.json";
  const Output o = RunCli("--data '" + data + "' --as-of 2025-09-23 --by lead,status");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const auto j = nlohmann::json::parse(o.out);
  std::map<std::string, int> from_status;
  FILE* p = popen((std::string(MANDATE_BIN_DIR) + "/mandate status --data '" + data +
                   "' --as-of 2025-09-23 2>/dev/null")
                      .c_str(),
                  "r");
  ASSERT_NE(p, nullptr);
  std::string text;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
  ASSERT_EQ(pclose(p), 0);
  std::istringstream lines(text);
  std::string line;
  int tasks = 0;
  while (std::getline(lines, line)) {
    ++from_status[nlohmann::json::parse(line)["status"].get<std::string>()];
    ++tasks;
  }
  EXPECT_EQ(j["totals"]["total"], tasks);
  EXPECT_EQ(tasks, 279);
  for (const char* s :
       {"completed_on_time", "completed_late", "overdue", "due_soon", "in_progress", "cancelled"}) {
    EXPECT_EQ(j["totals"][s].get<int>(), from_status[s]) << s;
  }
}

TEST(CmdAggregate, BadArgumentsAreClearErrors) {
  const std::string path = SaveSmall();
  Output o = RunCli("--data '" + path + "' --as-of 2025-09-23 --by lead,agency");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("unknown dimension \"agency\""));
  o = RunCli("--data '" + path + "' --as-of 2025-09-23");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("--by"));
  o = RunCli("--data '" + path + "' --as-of 2025-13-01 --by lead");
  EXPECT_EQ(o.exit_code, 2);
  o = RunCli("--data '" + path +
             "' --as-of 2025-09-23 --by lead --assigned-from 2025-05-01 --assigned-to 2025-04-01");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("assigned window"));
  o = RunCli("--data '" + path + "' --as-of 2025-09-23 --by lead,lead");
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_THAT(o.err, HasSubstr("named twice"));
  o = RunCli("--data '" + path + "' --as-of 2025-09-23 --by lead --soon-days -3");
  EXPECT_EQ(o.exit_code, 2);
  o = RunCli("--data '" + TempPath("missing.json") + "' --as-of 2025-09-23 --by lead");
  EXPECT_EQ(o.exit_code, 2);  // unreadable input
  EXPECT_TRUE(o.out.empty());
  std::remove(path.c_str());
}

}  // namespace
}  // namespace mandate
