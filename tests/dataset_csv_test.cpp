#include "mandate/dataset_csv.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "mandate/dataset_json.h"
#include "seed_data.h"

namespace mandate {
namespace {

using date::year;

bool Has(const std::vector<LoadProblem>& problems, std::string_view record, std::string_view field,
         std::string_view what) {
  for (const auto& p : problems) {
    if (p.record == record && p.field == field && p.message.find(what) != std::string::npos) {
      return true;
    }
  }
  return false;
}

std::string Dump(const std::vector<LoadProblem>& problems) {
  std::string s;
  for (const auto& p : problems) s += FormatLoadProblem(p) + "\n";
  return s;
}

constexpr std::string_view kHeader =
    "id,title,lead,coordinators,category,source,assigned,deadline,completed,progress,note\r\n";

TEST(DatasetCsv, ReadsQuotedCommasLineBreaksBomAndCrlf) {
  const std::string text = std::string("\xEF\xBB\xBF") + std::string(kHeader) +
                           "T-1,\"Xây dựng, ban hành\r\nNghị định\",\"Bộ Văn hóa, Thể thao và Du "
                           "lịch, Bộ Công an\",Bộ Tài chính,2. Chuyển đổi số,"
                           "\"45-TB/TGV ngày 30/9/2025; 12-TB/TGV ngày 14/4/2025\",14/04/2025,"
                           "Quý IV,2025-11-03,,\"ghi chú \"\"quan trọng\"\"\"\r\n"
                           "T-2,Họp,UBND TP. Hà Nội,,,,2025-01-02,Tháng 10/2025,,,\r\n";
  std::vector<LoadProblem> problems;
  auto ds = ReadDatasetCsv(text, {}, &problems);
  ASSERT_TRUE(ds.ok()) << ds.status();
  EXPECT_TRUE(problems.empty()) << Dump(problems);
  ASSERT_EQ(ds->task_count(), 2u);
  const Task t = ds->GetTask(0);
  EXPECT_EQ(t.title, "Xây dựng, ban hành\r\nNghị định");
  std::vector<std::string> lead = t.lead;
  std::sort(lead.begin(), lead.end());
  EXPECT_EQ(lead, (std::vector<std::string>{"BCA", "BVHTTDL"}));
  EXPECT_EQ(t.lead_text, "Bộ Văn hóa, Thể thao và Du lịch, Bộ Công an");
  EXPECT_EQ(t.coordinators, std::vector<std::string>{"BTC"});
  EXPECT_EQ(t.sources,
            (std::vector<std::string>{"45-TB/TGV ngày 30/9/2025", "12-TB/TGV ngày 14/4/2025"}));
  EXPECT_EQ(t.assigned, Day{year{2025} / 4 / 14});
  EXPECT_EQ(t.deadline.kind, DeadlineKind::kQuarter);
  EXPECT_EQ(t.deadline.due, Day{year{2025} / 12 / 31});  // plan year from the assigned date
  EXPECT_EQ(t.note, "ghi chú \"quan trọng\"");
  ASSERT_EQ(t.history.size(), 1u);
  EXPECT_EQ(t.history[0].type, EventType::kCompleted);
  EXPECT_EQ(t.history[0].day, Day{year{2025} / 11 / 3});
  const Task t2 = ds->GetTask(1);
  EXPECT_EQ(t2.lead, std::vector<std::string>{"HNI"});
  EXPECT_EQ(t2.deadline.due, Day{year{2025} / 10 / 31});
}

TEST(DatasetCsv, BadRowsAmongGoodOnesAreReportedAndNothingValidIsLost) {
  const std::string text = std::string(kHeader) +
                           "A,ok,Bộ Khoa học và Công nghệ,,,,2025-03-01,Tháng 10/2025,,,\n"  // 2
                           "B,unknown agency,\"Bộ KHCN, Bộ Không Tồn Tại\",,,,,31/12/2025,,,\n"
                           "C,bad deadline,Bộ Tài chính,,,,,khi nào xong,,,\n"              // 4
                           "D,bad dates,Bộ Tài chính,,,,31/02/2025,2025-12-31,hôm qua,,\n"  // 5
                           "A,duplicate,Bộ Tài chính,,,,,2025-12-31,,,\n"                   // 6
                           "E,st\"ray,Bộ Tài chính,,,,,2025-12-31,,,\n"                     // 7
                           ",no id,Bộ Tài chính,,,,,2025-12-31,,,\n"                        // 8
                           "F,bad utf8 \xC3,Bộ Tài chính,,,,,2025-12-31,,,\n"               // 9
                           "G,progress,Bộ Tài chính,,,,,2025-12-31,,150%,\n"                // 10
                           ",,,,,,,,,,\n"                                                   // 11
                           "H,short row,Bộ Tài chính\n";                                    // 12
  std::vector<LoadProblem> problems;
  auto ds = ReadDatasetCsv(text, {}, &problems);
  ASSERT_TRUE(ds.ok()) << ds.status();
  EXPECT_EQ(ds->task_count(), 6u) << Dump(problems);
  for (const char* id : {"A", "B", "C", "D", "G", "H"}) EXPECT_TRUE(ds->FindTask(id)) << id;
  EXPECT_FALSE(ds->FindTask("E"));
  EXPECT_FALSE(ds->FindTask("F"));

  EXPECT_TRUE(Has(problems, "line 3", "lead", "unknown agency \"Bộ Không Tồn Tại\""));
  const Task b = ds->GetTask(*ds->FindTask("B"));
  EXPECT_EQ(b.lead, std::vector<std::string>{"BKHCN"});  // the known part is kept
  EXPECT_EQ(b.lead_text, "Bộ KHCN, Bộ Không Tồn Tại");   // and the raw cell
  EXPECT_TRUE(Has(problems, "line 4", "deadline", "khi nào xong"));
  const Task c = ds->GetTask(*ds->FindTask("C"));
  EXPECT_EQ(c.deadline.kind, DeadlineKind::kUnknown);
  EXPECT_EQ(c.deadline.text, "khi nào xong");
  EXPECT_TRUE(Has(problems, "line 5", "assigned", "bad date \"31/02/2025\""));
  EXPECT_TRUE(Has(problems, "line 5", "completed", "bad date \"hôm qua\""));
  const Task d = ds->GetTask(*ds->FindTask("D"));
  EXPECT_EQ(d.attributes, (std::vector<std::pair<std::string, std::string>>{
                              {"raw:assigned", "31/02/2025"}, {"raw:completed", "hôm qua"}}));
  EXPECT_TRUE(Has(problems, "line 6", "id", "duplicate id \"A\" (first on line 2)"));
  EXPECT_EQ(ds->GetTask(*ds->FindTask("A")).title, "ok");
  EXPECT_TRUE(Has(problems, "line 7", "title", "'\"' inside an unquoted field"));
  EXPECT_TRUE(Has(problems, "line 8", "id", "empty id"));
  EXPECT_TRUE(Has(problems, "line 9", "title", "invalid UTF-8 at byte offset"));
  EXPECT_TRUE(Has(problems, "line 10", "progress", "\"150%\" is not a percentage"));
  EXPECT_TRUE(Has(problems, "line 12", "", "row has 3 cells, the header has 11"));
  EXPECT_TRUE(Has(problems, "line 12", "deadline", "empty"));
  EXPECT_FALSE(Has(problems, "line 11", "", ""));  // an all-empty spreadsheet row is skipped

  CsvReadOptions strict;
  strict.strict = true;
  std::vector<LoadProblem> again;
  auto refused = ReadDatasetCsv(text, strict, &again);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
  // The file-level problem first: line 9's bytes are not UTF-8 (issue 19's encoding hint).
  EXPECT_NE(refused.status().message().find("First: file: encoding: the file is not UTF-8"),
            std::string::npos)
      << refused.status();
  EXPECT_EQ(again, problems);
}

TEST(DatasetCsv, ColumnOrderIsFreeUnknownColumnsBecomeAttributesMissingOnesAreReported) {
  const std::string text =
      "Ghi chú,Thời hạn,Mã nhiệm vụ,Tên nhiệm vụ,Cơ quan chủ trì,Ưu tiên,Tiến độ\n"
      "n1,Tháng 11/2025,X-1,Tiêu đề,Bộ Y tế,cao,60%\n";
  std::vector<LoadProblem> problems;
  CsvReadOptions opt;
  opt.as_of = year{2025} / 10 / 15;
  auto ds = ReadDatasetCsv(text, opt, &problems);
  ASSERT_TRUE(ds.ok()) << ds.status();
  for (const char* missing : {"coordinators", "category", "source", "assigned", "completed"}) {
    EXPECT_TRUE(Has(problems, "header", missing, "missing column")) << missing;
  }
  EXPECT_EQ(problems.size(), 5u) << Dump(problems);
  const Task t = ds->GetTask(0);
  EXPECT_EQ(t.id, "X-1");
  EXPECT_EQ(t.note, "n1");
  EXPECT_EQ(t.lead, std::vector<std::string>{"BYT"});
  EXPECT_EQ(t.attributes, (std::vector<std::pair<std::string, std::string>>{{"Ưu tiên", "cao"}}));
  ASSERT_EQ(t.history.size(), 1u);
  EXPECT_EQ(t.history[0].percent, 60);
  EXPECT_EQ(t.history[0].day, Day{year{2025} / 10 / 15});

  EXPECT_EQ(ReadDatasetCsv("title,lead\nx,y\n").status().code(),
            absl::StatusCode::kInvalidArgument);  // no id column: nothing can be identified
  EXPECT_EQ(ReadDatasetCsv("").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ReadDatasetCsv("\xFF\xFEi\0d\0", {}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(DatasetCsv, ProblemFloodIsBounded) {
  std::string text(kHeader);
  for (int i = 0; i < 20000; ++i) text += "DUP,t,Bộ Y tế,,,,,2025-12-31,,,\n";
  std::vector<LoadProblem> problems;
  CsvReadOptions opt;
  opt.max_problems = 100;
  auto ds = ReadDatasetCsv(text, opt, &problems);
  ASSERT_TRUE(ds.ok());
  EXPECT_EQ(ds->task_count(), 1u);
  ASSERT_EQ(problems.size(), 101u);
  EXPECT_NE(problems.back().message.find("19899 more problems"), std::string::npos);
}

// The seed plan (248 real rows with line breaks, NFD text, collective assignees) written as a
// ministry CSV and read back: every row becomes a task with its raw cells intact.
TEST(DatasetCsv, LoadsTheSeedPlanAsAMinistryExport) {
  CsvWriter w({.bom = true});
  w.WriteRecord({"id", "title", "lead", "coordinators", "category", "source", "assigned",
                 "deadline", "completed", "note", "expected_result"});
  std::vector<nlohmann::json> rows;
  for (const auto& row : mandate::testing::ReadSeedJsonl("plan-2025-tasks.jsonl")) {
    rows.push_back(row);
    const auto& j = rows.back();
    w.WriteRecord(std::vector<std::string>{j["id"], j["title"], j["lead"], j["coordinators"],
                                           j["section"], "", "2025-01-01", j["deadline_text"], "",
                                           j["note"], j["expected_result"]});
  }
  std::vector<LoadProblem> problems;
  auto ds = ReadDatasetCsv(w.data(), {}, &problems);
  ASSERT_TRUE(ds.ok()) << ds.status();
  ASSERT_EQ(ds->task_count(), 248u) << Dump(problems);
  for (TaskIndex i = 0; i < ds->task_count(); ++i) {
    const Task t = ds->GetTask(i);
    EXPECT_EQ(t.title, rows[i]["title"]);
    EXPECT_EQ(t.lead_text, rows[i]["lead"]);
    EXPECT_EQ(t.deadline.text, rows[i]["deadline_text"]);
  }
  // Every problem names a line and a column of the file.
  for (const auto& p : problems) {
    EXPECT_EQ(p.record.rfind("line ", 0), 0u) << FormatLoadProblem(p);
    EXPECT_FALSE(p.field.empty()) << FormatLoadProblem(p);
  }
  const std::size_t unknown_agency = std::count_if(
      problems.begin(), problems.end(), [](const LoadProblem& p) { return p.field == "lead"; });
  EXPECT_LT(unknown_agency, 10u) << Dump(problems);
}

TEST(DatasetCsv, WriteThenReadKeepsTheTable) {
  const std::string text = std::string(kHeader) +
                           "A,\"a, b\",Bộ Khoa học và Công nghệ,\"Bộ Tài chính; Bộ Công an\",c,"
                           "s1; s2,2025-03-01,Quý IV,2025-11-02,,note\n"
                           "B,t,Bộ Không Tồn Tại,,,,31/02/2025,khi nào,,70,\n";
  std::vector<LoadProblem> p1, p2;
  auto ds = ReadDatasetCsv(text, {}, &p1);
  ASSERT_TRUE(ds.ok());
  const std::string out = WriteDatasetCsv(*ds);
  auto back = ReadDatasetCsv(out, {}, &p2);
  ASSERT_TRUE(back.ok()) << back.status();
  ASSERT_EQ(back->task_count(), 2u);
  for (TaskIndex i = 0; i < 2; ++i) EXPECT_EQ(back->GetTask(i), ds->GetTask(i)) << i;
  EXPECT_EQ(WriteDatasetCsv(*back), out);
  EXPECT_EQ(p1.size(), p2.size()) << Dump(p1) << "--\n" << Dump(p2);

  const std::string path = std::filesystem::temp_directory_path() /
                           ("mandate_csv_" + std::to_string(::getpid()) + ".csv");
  ASSERT_TRUE(SaveDatasetCsv(*ds, path).ok());
  auto loaded = LoadDatasetCsv(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->task_count(), 2u);
  std::filesystem::remove(path);
  // And the CSV-loaded dataset survives the lossless JSON format too.
  const std::string json = WriteDatasetJson(*ds).value();
  EXPECT_EQ(WriteDatasetJson(ReadDatasetJson(json).value()).value(), json);
}

}  // namespace
}  // namespace mandate
