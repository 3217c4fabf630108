// The summary report of the bundled 2025 dataset as of 2025-09-23 (the seed report's day),
// checked against golden files in every format and against the status classification.
#include "mandate/report.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "mandate/dataset_json.h"
#include "mandate/status.h"

namespace mandate {
namespace {

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class BundledReport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto ds = LoadDatasetJson(std::string(MANDATE_SOURCE_DIR) + "/examples/data/plan-2025.json");
    ASSERT_TRUE(ds.ok()) << ds.status();
    dataset_ = new Dataset(*std::move(ds));
  }
  static void TearDownTestSuite() { delete dataset_; }
  static ReportOptions Options() {
    return {.as_of = date::year{2025} / 9 / 23, .since = date::year{2025} / 7 / 20};
  }
  static Dataset* dataset_;
};
Dataset* BundledReport::dataset_ = nullptr;

TEST_F(BundledReport, MatchesGoldenFilesInEveryFormat) {
  auto data = BuildReport(*dataset_, Options());
  ASSERT_TRUE(data.ok()) << data.status();
  const std::string dir = std::string(MANDATE_SOURCE_DIR) + "/tests/golden/";
  const std::pair<ReportFormat, std::string> formats[] = {{ReportFormat::kMarkdown, "md"},
                                                          {ReportFormat::kHtml, "html"},
                                                          {ReportFormat::kJson, "json"},
                                                          {ReportFormat::kCsv, "csv"}};
  for (const auto& [format, ext] : formats) {
    EXPECT_EQ(RenderReport(*data, format, ReportLanguage::kVietnamese),
              ReadText(dir + "report-2025-09-23." + ext))
        << "regenerate with: build/bin/mandate report --data examples/data/plan-2025.json "
           "--as-of 2025-09-23 --since 2025-07-20 --format "
        << ext << " --out tests/golden/report-2025-09-23." << ext;
  }
  EXPECT_EQ(RenderReport(*data, ReportFormat::kMarkdown, ReportLanguage::kEnglish),
            ReadText(dir + "report-2025-09-23.en.md"));
}

TEST_F(BundledReport, TotalsAgreeWithStatusClassification) {
  auto data = BuildReport(*dataset_, Options());
  ASSERT_TRUE(data.ok());
  std::vector<std::uint8_t> status;
  ClassifyAll(*dataset_, Options().as_of, {}, status);
  std::array<std::int64_t, kTaskStatusCount> n{};
  std::int64_t assigned = 0;
  for (std::uint8_t s : status) {
    if (s == kNotYetAssigned) continue;
    ++assigned;
    ++n[s];
  }
  const ReportCounts& t = data->totals;
  EXPECT_EQ(t.total + t.cancelled, assigned);
  EXPECT_EQ(t.completed_on_time, n[0]);
  EXPECT_EQ(t.completed_late, n[1]);
  EXPECT_EQ(t.overdue, n[2]);
  EXPECT_EQ(t.due_soon, n[3]);
  EXPECT_EQ(t.in_progress, n[4]);
  // The overdue appendix lists every overdue task once.
  EXPECT_EQ(static_cast<std::int64_t>(data->overdue.size()), t.overdue);
  // Per-agency counts add up to at least the total: multi-agency tasks count for each.
  std::int64_t per_agency = 0;
  for (const auto& a : data->by_agency) per_agency += a.counts.total;
  EXPECT_GT(per_agency, t.total);
  ASSERT_EQ(data->top_agencies.size(), 5u);
  EXPECT_EQ(data->top_agencies[0].id, "BKHCN");
}

TEST(ReportFormat, VietnameseAndEnglishNumbers) {
  EXPECT_EQ(FormatCount(1234, ReportLanguage::kVietnamese), "1.234");
  EXPECT_EQ(FormatCount(1234567, ReportLanguage::kEnglish), "1,234,567");
  EXPECT_EQ(FormatCount(12, ReportLanguage::kVietnamese), "12");
  EXPECT_EQ(FormatPercent(0.955, ReportLanguage::kVietnamese), "95,5%");
  EXPECT_EQ(FormatPercent(0.955, ReportLanguage::kEnglish), "95.5%");
  EXPECT_EQ(FormatPercent(1.0, ReportLanguage::kVietnamese), "100%");
  EXPECT_FALSE(ReportFormatFromName("pdf").has_value());
  EXPECT_EQ(ReportLanguageFromName("en"), ReportLanguage::kEnglish);
}

}  // namespace
}  // namespace mandate
