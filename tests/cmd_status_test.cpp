// `mandate status` and `mandate targets`, run as processes (build/bin/mandate) on a dataset
// written with SaveDatasetJson.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli_runner.h"
#include "mandate/dataset.h"
#include "mandate/dataset_json.h"

namespace mandate {
namespace {

using date::year;

using Result = testing::CliResult;
using testing::RunCli;

std::map<std::string, nlohmann::json> ById(const std::string& out) {
  std::map<std::string, nlohmann::json> m;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    std::string key = j["id"].get<std::string>();
    if (j.contains("locality") && !j["locality"].is_null())
      key += "@" + j["locality"].get<std::string>();
    m[key] = j;
  }
  return m;
}

class CmdStatus : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("mandate_cmd_status_" + std::to_string(getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".json"))
                .string();
    Dataset ds;
    auto add = [&](std::string id, Deadline d, std::optional<Day> assigned,
                   std::vector<TaskEvent> history = {}) {
      Task t;
      t.id = std::move(id);
      t.title = "Nhiệm vụ";
      t.lead = {"BKHCN"};
      t.deadline = std::move(d);
      t.assigned = assigned;
      t.history = std::move(history);
      auto i = ds.AddTask(t);
      ASSERT_TRUE(i.ok()) << i.status();
    };
    Deadline sep;
    sep.kind = DeadlineKind::kMonth;
    sep.text = "Tháng 9/2025";
    sep.due = year{2025} / 9 / 30;
    Deadline oct = sep;
    oct.text = "Tháng 10/2025";
    oct.due = year{2025} / 10 / 31;
    const Day assigned = year{2025} / 4 / 14;
    add("A-overdue", sep, assigned);
    add("B-done-late", sep, assigned,
        {{.day = year{2025} / 10 / 2, .type = EventType::kCompleted}});
    add("C-extended", sep, assigned,
        {{.day = year{2025} / 9 / 20, .type = EventType::kDeadlineChanged, .new_deadline = oct},
         {.day = year{2025} / 10 / 2, .type = EventType::kCompleted}});
    add("D-later", oct, year{2025} / 10 / 16);
    add("E-due-soon", oct, assigned);
    Target t;
    t.id = "CT-5G";
    t.name = "Phủ sóng 5G";
    t.unit = "%";
    t.baseline = 20;
    t.baseline_day = year{2025} / 1 / 1;
    t.target = 90;
    t.deadline = year{2025} / 12 / 31;
    t.measurements = {{.day = year{2025} / 9 / 1, .value = 95, .locality = "HNI"},
                      {.day = year{2025} / 9 / 1, .value = 30, .locality = ""}};
    ASSERT_TRUE(ds.AddTarget(t).ok());
    auto saved = SaveDatasetJson(ds, path_);
    ASSERT_TRUE(saved.ok()) << saved;
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::string path_;
};

TEST_F(CmdStatus, OneObjectPerAssignedTask) {
  const Result r = RunCli("status --data " + path_ + " --as-of 2025-10-25");
  ASSERT_EQ(r.code, 0) << r.out;
  auto m = ById(r.out);
  ASSERT_EQ(m.size(), 5u);
  EXPECT_EQ(m["A-overdue"]["status"], "overdue");
  EXPECT_EQ(m["A-overdue"]["due"], "2025-09-30");
  EXPECT_EQ(m["A-overdue"]["deadline_kind"], "month");
  EXPECT_TRUE(m["A-overdue"]["completed"].is_null());
  EXPECT_EQ(m["B-done-late"]["status"], "completed_late");
  EXPECT_EQ(m["B-done-late"]["completed"], "2025-10-02");
  EXPECT_EQ(m["C-extended"]["status"], "completed_on_time");
  EXPECT_EQ(m["C-extended"]["due"], "2025-10-31");
  EXPECT_EQ(m["C-extended"]["baseline_status"], "completed_late");
  EXPECT_NE(m["C-extended"]["reason"].get<std::string>().find("would be completed late"),
            std::string::npos);
  EXPECT_EQ(m["D-later"]["status"], "due_soon");
  EXPECT_EQ(m["E-due-soon"]["status"], "due_soon");
  for (const auto& [id, j] : m) {
    for (const char* key :
         {"id", "status", "due", "deadline_kind", "completed", "reason", "no_reports"}) {
      EXPECT_TRUE(j.contains(key)) << id << " " << key;
    }
  }
}

TEST_F(CmdStatus, AsOfSoonDaysAndBaseline) {
  // Not yet assigned on 15/10: D-later is left out.
  auto m = ById(RunCli("status --data " + path_ + " --as-of 2025-10-15 --soon-days 3").out);
  EXPECT_EQ(m.size(), 4u);
  EXPECT_EQ(m.count("D-later"), 0u);
  EXPECT_EQ(m["E-due-soon"]["status"], "in_progress");
  EXPECT_EQ(m["B-done-late"]["status"], "completed_late");  // completed 2/10, before D
  auto b = ById(RunCli("status --data " + path_ + " --as-of 2025-10-25 --baseline").out);
  EXPECT_EQ(b["C-extended"]["status"], "completed_late");
  EXPECT_EQ(b["C-extended"]["in_force_status"], "completed_on_time");
}

// Missing data is not lateness: a monthly obligation with no report recorded says no_reports and
// counts its occurrences as not reported; one with a report is tracked and misses the rest.
TEST_F(CmdStatus, RecurringWithoutReportsSaysNoReports) {
  Dataset ds;
  Deadline monthly;
  monthly.kind = DeadlineKind::kRecurring;
  monthly.text = "Hằng tháng";
  monthly.recurrence = Recurrence{Frequency::kMonthly, std::nullopt, false};
  for (const char* id : {"R-none", "R-one"}) {
    Task t;
    t.id = id;
    t.title = "Báo cáo hằng tháng";
    t.lead = {"BKHCN"};
    t.deadline = monthly;
    t.assigned = year{2025} / 4 / 14;
    if (std::string(id) == "R-one") {
      t.history = {{.day = year{2025} / 4 / 20, .type = EventType::kProgress}};
    }
    ASSERT_TRUE(ds.AddTask(t).ok());
  }
  ASSERT_TRUE(SaveDatasetJson(ds, path_).ok());
  const Result r = RunCli("status --data " + path_ + " --as-of 2025-10-25");
  ASSERT_EQ(r.code, 0) << r.out;
  auto m = ById(r.out);
  EXPECT_EQ(m["R-none"]["status"], "due_soon");  // the October report, due 31/10
  EXPECT_EQ(m["R-none"]["no_reports"], true);
  EXPECT_EQ(m["R-none"]["due"], "2025-10-31");
  EXPECT_EQ(m["R-none"]["occurrences"]["not_reported"], 6);
  EXPECT_EQ(m["R-none"]["occurrences"]["missed"], 0);
  EXPECT_NE(m["R-none"]["reason"].get<std::string>().find("(no data), so none counts as missed"),
            std::string::npos);
  EXPECT_EQ(m["R-one"]["status"], "overdue");
  EXPECT_EQ(m["R-one"]["no_reports"], false);
  EXPECT_EQ(m["R-one"]["occurrences"]["met_on_time"], 1);
  EXPECT_EQ(m["R-one"]["occurrences"]["missed"], 5);
  EXPECT_EQ(m["R-one"]["occurrences"]["not_reported"], 0);
}

TEST_F(CmdStatus, BadArgumentsAndFilesAreErrors) {
  EXPECT_EQ(RunCli("status --as-of 2025-10-25").code, 2);
  EXPECT_EQ(RunCli("status --data " + path_ + " --as-of 25/10/2025").code, 2);
  EXPECT_EQ(RunCli("status --data " + path_ + " --as-of 2025-02-30").code, 2);
  EXPECT_EQ(RunCli("status --data " + path_ + " --as-of 2025-10-25 --soon-days x").code, 2);
  EXPECT_EQ(RunCli("status --data " + path_ + " --as-of 2025-10-25 --soon-days -1").code, 2);
  const Result missing = RunCli("status --data /nonexistent/x.json --as-of 2025-10-25", "2>&1");
  EXPECT_EQ(missing.code, 2);  // unreadable input
  EXPECT_NE(missing.out.find("mandate status: /nonexistent/x.json"), std::string::npos);
  EXPECT_EQ(RunCli("targets --data " + path_ + " --as-of 2025-10-25 --tolerance 2").code, 2);
}

TEST_F(CmdStatus, TargetsPerLocality) {
  const Result r = RunCli("targets --data " + path_ + " --as-of 2025-10-01");
  ASSERT_EQ(r.code, 0);
  auto m = ById(r.out);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m["CT-5G"]["status"], "off_track");
  EXPECT_TRUE(m["CT-5G"]["locality"].is_null());
  EXPECT_EQ(m["CT-5G"]["value"], 30.0);
  EXPECT_EQ(m["CT-5G@HNI"]["status"], "achieved");
  EXPECT_EQ(m["CT-5G@HNI"]["day"], "2025-09-01");
  auto none = ById(RunCli("targets --data " + path_ + " --as-of 2025-08-01").out);
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none["CT-5G"]["status"], "no_data");
}

}  // namespace
}  // namespace mandate
