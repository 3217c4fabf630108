// Issue 19: task tables from Excel workbooks. tests/data/xlsx/ holds the bundled plan as an
// agency would send it, written by python3-openpyxl (make_plan_workbook.py): a title block, a
// two-row Vietnamese header, merged group-heading rows instead of a category column, real
// date cells. It must load to exactly the tasks of examples/data/plan-2025.json; bad cells are
// reported by sheet and cell reference; a hostile archive is refused with a clear error.
#include "mandate/dataset_xlsx.h"

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "bundled_plan.h"
#include "mandate/atomic_file.h"
#include "mandate/dataset_json.h"

namespace mandate {
namespace {

const std::string kDir = std::string(MANDATE_SOURCE_DIR) + "/tests/data/xlsx/";

// Everything a task table carries. A deadline with no phrase has no kind to compare: the
// JSON says "unknown", an empty cell reads as "none"; both are "no deadline given".
using Row =
    std::tuple<std::string, std::string, std::string, std::vector<std::string>, std::string,
               std::vector<std::string>, std::string, std::vector<std::string>, std::optional<Day>,
               std::string, std::string, std::optional<Day>, std::string, std::string>;

std::vector<Row> Rows(const Dataset& ds) {
  std::vector<Row> out;
  for (TaskIndex i = 0; i < ds.task_count(); ++i) {
    const Task t = ds.GetTask(i);
    const std::string kind = t.deadline.text.empty() ? "" : std::string(EnumName(t.deadline.kind));
    out.emplace_back(t.id, t.title, t.lead_text, t.lead, t.coordinators_text, t.coordinators,
                     t.category, t.sources, t.assigned, t.deadline.text, kind, t.deadline.due,
                     t.expected_result, t.note);
  }
  return out;
}

const Dataset& Plan() { return testing::BundledPlan(); }

XlsxReadOptions PlanOptions() {
  XlsxReadOptions o;
  o.plan_year = 2025;  // the plan's phrases without a year ("Quý IV"), as the JSON has them
  return o;
}

bool Has(const std::vector<LoadProblem>& problems, std::string_view record, std::string_view field,
         std::string_view message_part) {
  return std::any_of(problems.begin(), problems.end(), [&](const LoadProblem& p) {
    return p.record == record && p.field == field &&
           p.message.find(message_part) != std::string::npos;
  });
}

TEST(DatasetXlsx, PlanWorkbookLoadsTheSameTasksAsTheJson) {
  std::vector<LoadProblem> problems;
  auto ds = LoadDatasetXlsx(kDir + "plan-2025.xlsx", PlanOptions(), &problems);
  ASSERT_TRUE(ds.ok()) << ds.status();
  EXPECT_EQ(ds->task_count(), 333u);
  std::vector<Row> want = Rows(Plan()), got = Rows(*ds);
  ASSERT_EQ(got.size(), want.size());
  // Known, as for CSV (CsvFromSpreadsheets.TheExportedPlanLoadsTheSameTasks), not a workbook
  // matter: a table keeps a deadline as its phrase and re-parses it, the JSON keeps the form
  // the importer extracted from the sentence; for PL2-27's "hoàn thành trước ngày 31/12/2025;
  // thực hiện báo cáo tiến độ hằng tuần" the two readings differ (kind and due).
  std::vector<std::string> other_deadline;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (std::get<10>(got[i]) != std::get<10>(want[i])) {
      other_deadline.push_back(std::get<0>(got[i]));
      std::get<10>(got[i]) = std::get<10>(want[i]);
      std::get<11>(got[i]) = std::get<11>(want[i]);
    }
    EXPECT_EQ(got[i], want[i]) << "task " << i;
  }
  EXPECT_EQ(other_deadline, std::vector<std::string>{"PL2-27"});
  // The header has no completion column: one header problem (the group headings stand for
  // the category column); every other problem is located by its cell.
  EXPECT_FALSE(Has(problems, "'Kế hoạch' row 5", "category", "missing column"));
  EXPECT_TRUE(Has(problems, "'Kế hoạch' row 5", "completed", "missing column"));
  for (const auto& p : problems) {
    if (p.record == "'Kế hoạch' row 5") continue;
    EXPECT_TRUE(p.record.starts_with("'Kế hoạch'!")) << FormatLoadProblem(p);
  }
}

TEST(DatasetXlsx, The1904DateSystemGivesTheSameDays) {
  auto a = LoadDatasetXlsx(kDir + "plan-2025.xlsx", PlanOptions());
  auto b = LoadDatasetXlsx(kDir + "plan-2025-1904.xlsx", PlanOptions());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(Rows(*a), Rows(*b));
  const auto i = b->FindTask("KH25-II-1");
  ASSERT_TRUE(i.has_value());
  EXPECT_EQ(b->assigned(*i), Plan().assigned(*Plan().FindTask("KH25-II-1")));
}

TEST(DatasetXlsx, BadCellsAreReportedByCellReferenceAndNothingValidIsDropped) {
  std::vector<LoadProblem> problems;
  auto ds = LoadDatasetXlsx(kDir + "bad-cells.xlsx", PlanOptions(), &problems);
  ASSERT_TRUE(ds.ok()) << ds.status();
  // The generator printed the rows: KH25-II-1 on 8, II-2 on 9, II-3 on 10, II-4 on 11.
  EXPECT_TRUE(Has(problems, "'Kế hoạch'!F9", "Ngày giao", "bad date \"32/13/2025\""));
  EXPECT_TRUE(Has(problems, "'Kế hoạch'!C10", "Cơ quan chủ trì", "unknown agency"));
  EXPECT_TRUE(Has(problems, "'Kế hoạch'!A11", "Mã nhiệm vụ",
                  "duplicate id \"KH25-II-1\" (first on 'Kế hoạch'!A8)"));
  // The bad date and the unknown agency keep their tasks; only the duplicate row is skipped.
  EXPECT_EQ(ds->task_count(), 332u);
  const auto two = ds->FindTask("KH25-II-2");
  ASSERT_TRUE(two.has_value());
  EXPECT_FALSE(ds->assigned(*two).has_value());
  EXPECT_EQ(ds->GetTask(*two).title, Plan().GetTask(*Plan().FindTask("KH25-II-2")).title);
  EXPECT_TRUE(ds->FindTask("KH25-II-3").has_value());
  auto strict = PlanOptions();
  strict.strict = true;
  EXPECT_FALSE(LoadDatasetXlsx(kDir + "bad-cells.xlsx", strict).ok());
}

// A workbook written with libxlsxwriter: shared strings (openpyxl writes inline ones), a
// header on row 1, numbers, a named second sheet.
std::string WriteSmallWorkbook(const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* first = workbook_add_worksheet(wb, "Ghi chú");
  worksheet_write_string(first, 0, 0, "Bảng nhiệm vụ ở trang sau", nullptr);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Nhiệm vụ");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  const char* header[] = {"Mã",       "Tên nhiệm vụ", "Đơn vị chủ trì",
                          "Thời hạn", "Ngày giao",    "Tiến độ"};
  for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  worksheet_write_string(ws, 1, 0, "NV-1", nullptr);
  worksheet_write_string(ws, 1, 1, "Xây dựng cơ sở dữ liệu", nullptr);
  worksheet_write_string(ws, 1, 2, "Bộ Công an", nullptr);
  worksheet_write_number(ws, 1, 3, 45930, date);  // 2025-09-30
  worksheet_write_number(ws, 1, 4, 45748, date);  // 2025-04-01
  worksheet_write_number(ws, 1, 5, 50, nullptr);
  worksheet_write_number(ws, 2, 0, 17, nullptr);  // a numeric id
  worksheet_write_string(ws, 2, 1, "Báo cáo", nullptr);
  worksheet_write_string(ws, 2, 2, "Bộ Tài chính", nullptr);
  worksheet_write_string(ws, 2, 3, "Quý IV/2025", nullptr);
  worksheet_write_string(ws, 2, 4, "hôm qua", nullptr);
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  return path;
}

TEST(DatasetXlsx, SharedStringsNumbersAndANamedSheet) {
  const std::string path = WriteSmallWorkbook(
      (std::filesystem::temp_directory_path() / "mandate_xlsx_small.xlsx").string());
  XlsxReadOptions o;
  EXPECT_FALSE(LoadDatasetXlsx(path, o).ok()) << "the first sheet has no header";
  o.sheet = "Khác";
  auto missing = LoadDatasetXlsx(path, o);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(std::string(missing.status().message()).find("\"Nhiệm vụ\""), std::string::npos);
  o.sheet = "Nhiệm vụ";
  std::vector<LoadProblem> problems;
  auto ds = LoadDatasetXlsx(path, o, &problems);
  ASSERT_TRUE(ds.ok()) << ds.status();
  ASSERT_EQ(ds->task_count(), 2u);
  const Task a = ds->GetTask(0), b = ds->GetTask(1);
  EXPECT_EQ(a.id, "NV-1");
  EXPECT_EQ(a.lead, std::vector<std::string>{"BCA"});
  EXPECT_EQ(a.deadline.due, ParseDay("2025-09-30").value());
  EXPECT_EQ(a.assigned, ParseDay("2025-04-01").value());
  EXPECT_EQ(b.id, "17");
  EXPECT_EQ(b.deadline.due, ParseDay("2025-12-31").value());
  EXPECT_TRUE(Has(problems, "'Nhiệm vụ'!E3", "Ngày giao", "bad date \"hôm qua\""));
  std::filesystem::remove(path);
}

TEST(DatasetXlsx, NotAWorkbookAndExpansionLimitsAreClearErrors) {
  EXPECT_TRUE(LooksLikeXlsx(std::string("PK\x03\x04rest", 8)));
  EXPECT_FALSE(LooksLikeXlsx("id,title\n"));
  auto junk = ReadDatasetXlsx(std::string("PK\x03\x04garbage", 11));
  ASSERT_FALSE(junk.ok());
  EXPECT_NE(std::string(junk.status().message()).find("not a readable .xlsx"), std::string::npos);

  auto bytes = FileBytes::Open(kDir + "plan-2025.xlsx");
  ASSERT_TRUE(bytes.ok());
  XlsxReadOptions o = PlanOptions();
  o.xlsx.max_part_bytes = 64 << 10;  // the sheet part is larger
  auto part = ReadDatasetXlsx(bytes->text(), o);
  ASSERT_FALSE(part.ok());
  EXPECT_EQ(part.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(std::string(part.status().message()).find("expands past 65536 bytes"),
            std::string::npos)
      << part.status();
  o = PlanOptions();
  o.xlsx.max_entries = 3;
  EXPECT_EQ(ReadDatasetXlsx(bytes->text(), o).status().code(),
            absl::StatusCode::kResourceExhausted);
  o = PlanOptions();
  o.xlsx.max_rows = 100;
  auto rows = ReadDatasetXlsx(bytes->text(), o);
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(std::string(rows.status().message()).find("past the limit of 100 rows"),
            std::string::npos)
      << rows.status();
  o = PlanOptions();
  o.xlsx.max_cell_text_bytes = 1000;
  EXPECT_EQ(ReadDatasetXlsx(bytes->text(), o).status().code(),
            absl::StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace mandate
