// CSV formula injection (issue 21, OWASP): what a spreadsheet would run ("=HYPERLINK(…)",
// "+cmd|' /C calc'!A0", "@SUM(…)", a leading tab or CR) is written with a leading "'" in the
// dataset CSV export and the CSV report, plain numbers are left alone, and the export reads
// back to the same values.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "mandate/absl_compat.h"
#include "mandate/csv.h"
#include "mandate/dataset_csv.h"
#include "mandate/report.h"

namespace mandate {
namespace {

TEST(CsvFormula, GuardsFormulaStartsAndLeavesNumbersAndTextAlone) {
  for (std::string_view bad :
       {"=1+1", "=HYPERLINK(\"http://x\";\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx",
        "\rx", "-", "+", "=", "-1e5", "- Xây dựng"}) {
    EXPECT_TRUE(NeedsFormulaGuard(bad)) << bad;
    EXPECT_EQ(GuardFormula(bad), absl::StrCat("'", ToAbsl(bad)));
    EXPECT_EQ(UnguardFormula(GuardFormula(bad)), bad);
  }
  for (std::string_view fine :
       {"", "Bộ Tài chính", "-5", "+3.5", "42", "0.25", "a=b", "'", "'x", "2025-01-02"}) {
    EXPECT_FALSE(NeedsFormulaGuard(fine)) << fine;
    EXPECT_EQ(GuardFormula(fine), fine);
    EXPECT_EQ(UnguardFormula(GuardFormula(fine)), fine);
  }
  // A value that already looks guarded gets one more "'", so reading back is exact.
  EXPECT_EQ(GuardFormula("'=1"), "''=1");
  EXPECT_EQ(UnguardFormula("''=1"), "'=1");
  EXPECT_EQ(UnguardFormula("'=1"), "=1");
}

constexpr char kHeader[] =
    "id,title,lead,coordinators,category,source,assigned,deadline,completed,note\r\n";

TEST(CsvFormula, DatasetExportIsGuardedAndReadsBackTheSameValues) {
  const std::string csv =
      absl::StrCat(kHeader, "T1,\"=HYPERLINK(\"\"http://evil\"\";\"\"Bấm\"\")\",Bộ Tài chính,,",
                   "+cmd|' /C calc'!A0,@SUM(1),2025-01-02,2025-12-31,,\"\tx\"\r\n",
                   "T2,- Xây dựng đề án,Bộ Y tế,,''=1,-5,,2025,,-2\r\n");
  auto ds = ReadDatasetCsv(csv);
  ASSERT_TRUE(ds.ok()) << ds.status();
  ASSERT_EQ(ds->task_count(), 2u);
  const std::string out = WriteDatasetCsv(*ds);
  // No field of the export starts a formula.
  CsvReader reader(out);
  CsvRecord rec;
  std::size_t guarded = 0;
  while (reader.Next(rec)) {
    ASSERT_TRUE(rec.ok());
    for (std::size_t i = 0; i < rec.size(); ++i) {
      const std::string_view f = rec[i];
      if (!f.empty() && f[0] == '\'') ++guarded;
      EXPECT_TRUE(f.empty() || f[0] == '\'' || !NeedsFormulaGuard(f)) << f;
    }
  }
  EXPECT_GE(guarded, 5u);
  EXPECT_NE(out.find("'=HYPERLINK("), std::string::npos);
  EXPECT_NE(out.find(",-5,"), std::string::npos);  // a number stays a number
  auto back = ReadDatasetCsv(out);
  ASSERT_TRUE(back.ok()) << back.status();
  ASSERT_EQ(back->task_count(), 2u);
  for (TaskIndex i = 0; i < 2; ++i) EXPECT_EQ(back->GetTask(i), ds->GetTask(i)) << i;
  EXPECT_EQ(back->GetTask(0).title, "=HYPERLINK(\"http://evil\";\"Bấm\")");
  EXPECT_EQ(back->GetTask(1).category, "'=1");
}

TEST(CsvFormula, CsvReportIsGuardedAndMarkdownReportEscapesHtml) {
  const std::string csv = absl::StrCat(
      kHeader, "T1,\"=HYPERLINK(\"\"x\"\")\",Bộ Tài chính,,=cmd,,2025-01-02,2025-02-01,,\r\n",
      "T2,<script>alert(1)</script> [bấm](javascript:alert(1)),Bộ Y tế,,@x,,2025-01-02,"
      "2025-03-01,,\r\n");
  auto ds = ReadDatasetCsv(csv);
  ASSERT_TRUE(ds.ok()) << ds.status();
  ReportOptions o;
  o.as_of = date::sys_days{date::year{2025} / 9 / 23};
  auto data = BuildReport(*ds, o);
  ASSERT_TRUE(data.ok()) << data.status();

  const std::string report_csv = RenderReport(*data, ReportFormat::kCsv, ReportLanguage::kEnglish);
  CsvReader reader(report_csv);
  CsvRecord rec;
  bool saw_title = false;
  while (reader.Next(rec)) {
    ASSERT_TRUE(rec.ok());
    for (std::size_t i = 0; i < rec.size(); ++i) {
      const std::string_view f = rec[i];
      EXPECT_TRUE(f.empty() || f[0] == '\'' || !NeedsFormulaGuard(f)) << f;
      saw_title = saw_title || f == "'=HYPERLINK(\"x\")";
    }
  }
  EXPECT_TRUE(saw_title) << report_csv;

  const std::string md = RenderReport(*data, ReportFormat::kMarkdown, ReportLanguage::kEnglish);
  EXPECT_EQ(md.find("<script>"), std::string::npos) << md;
  EXPECT_EQ(md.find(" [bấm]("), std::string::npos) << md;
  EXPECT_NE(md.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << md;
  EXPECT_NE(md.find("\\[bấm\\](javascript:alert(1))"), std::string::npos) << md;
}

}  // namespace
}  // namespace mandate
