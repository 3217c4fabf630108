// The summary report of the bundled 2025 dataset as of 2025-09-23 (the seed report's day),
// checked against golden files in every format and against the status classification.
#include "mandate/report.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "mandate/classification.h"
#include "mandate/dataset_json.h"

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
  EXPECT_FALSE(EnumFromName<ReportFormat>("pdf").has_value());
  EXPECT_EQ(EnumFromName<ReportLanguage>("en"), ReportLanguage::kEnglish);
}

// Targets and per-locality criteria, on a hand-built dataset: three commune criteria over
// Hà Nội, TP HCM and Đà Nẵng, and one national target.
TEST(Report, TargetsAndPerLocalityCriteria) {
  const auto D = [](int y, unsigned m, unsigned d) {
    return Day{date::year{y} / date::month{m} / date::day{d}};
  };
  Dataset ds;
  const Day a = D(2025, 9, 1);
  const auto criterion = [&](std::string id, TargetDirection dir, double target,
                             std::vector<std::pair<std::string, double>> figures) {
    Target t{.id = id,
             .name = "Tiêu chí " + id,
             .unit = "%",
             .direction = dir,
             .baseline = dir == TargetDirection::kAtLeast ? 0.0 : 100.0,
             .target = target,
             .deadline = D(2025, 12, 31),
             .family = "commune-criteria"};
    for (auto& [loc, v] : figures)
      t.measurements.push_back({.day = a, .value = v, .locality = loc});
    ASSERT_TRUE(ds.AddTarget(t).ok());
  };
  // National values (means of the three): C1 96.67, C2 99.33, C3 (at most 5) 5.
  criterion("C1", TargetDirection::kAtLeast, 100, {{"HNI", 100}, {"HCM", 100}, {"DNG", 90}});
  criterion("C2", TargetDirection::kAtLeast, 100, {{"HNI", 100}, {"HCM", 98}, {"DNG", 100}});
  criterion("C3", TargetDirection::kAtMost, 5, {{"HNI", 2}, {"HCM", 4}, {"DNG", 9}});
  Target fiveg{.id = "5G",
               .name = "Phủ sóng 5G",
               .unit = "%",
               .baseline = 20,
               .baseline_day = D(2025, 1, 1),
               .target = 90,
               .deadline = D(2025, 12, 31)};
  fiveg.measurements.push_back({.day = D(2025, 9, 1), .value = 55});
  ASSERT_TRUE(ds.AddTarget(fiveg).ok());

  auto r = BuildReport(ds, {.as_of = D(2025, 9, 23), .criteria_threshold = 97});
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->targets.size(), 4u);
  const ReportTarget& t5g = r->targets[3];
  EXPECT_EQ(t5g.id, "5G");
  ASSERT_TRUE(t5g.latest && t5g.achievement);
  EXPECT_DOUBLE_EQ(*t5g.latest, 55);
  EXPECT_DOUBLE_EQ(*t5g.achievement, 0.5);  // (55 - 20) / (90 - 20)

  ASSERT_EQ(r->criteria.size(), 1u);  // the national target has no family
  const ReportCriteria& c = r->criteria[0];
  EXPECT_EQ(c.family, "commune-criteria");
  EXPECT_EQ(c.criteria, 3);
  EXPECT_EQ(c.criteria_exceeding, 2);  // C2 99.33 > 97; C3 5 < 97 (at most); C1 96.67 is not
  EXPECT_EQ(c.localities, 3);
  EXPECT_EQ(c.localities_meeting_all, 1);
  EXPECT_EQ(c.meeting_all, std::vector<std::string>{"Thành phố Hà Nội"});
  ASSERT_EQ(c.below_threshold.size(), 1u);
  EXPECT_EQ(c.below_threshold[0].id, "C1");
  EXPECT_EQ(c.weakest_localities,
            (std::vector<std::string>{"Thành phố Đà Nẵng", "Thành phố Hồ Chí Minh"}));

  const std::string md = RenderReport(*r, ReportFormat::kMarkdown, ReportLanguage::kVietnamese);
  EXPECT_NE(md.find("| Phủ sóng 5G | 55 % | 90 % | 50% | off_track |"), std::string::npos) << md;
  EXPECT_NE(md.find("## 7. Tiêu chí theo địa phương"), std::string::npos);
  EXPECT_NE(md.find("- Về mặt tiêu chí: 2/3 tiêu chí đạt tỷ lệ trên 97%."), std::string::npos);
  EXPECT_NE(md.find("- Xét theo địa phương: 1/3 địa phương đã hoàn thành đủ 3/3 tiêu chí, gồm: "
                    "Thành phố Hà Nội."),
            std::string::npos);
  EXPECT_NE(md.find("- Các tiêu chí chưa đạt tỷ lệ trên 97%: Tiêu chí C1 (96,67%)."),
            std::string::npos);
  EXPECT_NE(md.find("- Các địa phương có tỷ lệ hoàn thành thấp nhất: Thành phố Đà Nẵng, Thành "
                    "phố Hồ Chí Minh."),
            std::string::npos);
  const std::string en = RenderReport(*r, ReportFormat::kMarkdown, ReportLanguage::kEnglish);
  EXPECT_NE(en.find("- Criteria: 2/3 criteria are above 97% nationally."), std::string::npos) << en;
  EXPECT_NE(en.find("Criteria not above 97%: Tiêu chí C1 (96.67%)."), std::string::npos);
  const std::string html = RenderReport(*r, ReportFormat::kHtml, ReportLanguage::kVietnamese);
  EXPECT_NE(html.find("<h2>7. Tiêu chí theo địa phương</h2>"), std::string::npos);
  EXPECT_NE(html.find("<li>Về mặt tiêu chí: 2/3 tiêu chí đạt tỷ lệ trên 97%.</li>"),
            std::string::npos);
  const auto json =
      nlohmann::json::parse(RenderReport(*r, ReportFormat::kJson, ReportLanguage::kVietnamese));
  ASSERT_EQ(json["criteria"].size(), 1u);
  EXPECT_EQ(json["criteria"][0]["criteria_exceeding"], 2);
  EXPECT_EQ(json["criteria"][0]["localities_meeting_all"], 1);
  EXPECT_EQ(json["criteria"][0]["below_threshold"][0]["id"], "C1");
  EXPECT_EQ(json["targets"][3]["status"], "off_track");  // the line expects 70.96 on 23/9
  const std::string csv = RenderReport(*r, ReportFormat::kCsv, ReportLanguage::kVietnamese);
  EXPECT_NE(csv.find("criteria,commune-criteria,,criteria_exceeding,2\r\n"), std::string::npos)
      << csv;
  EXPECT_NE(csv.find("criteria_below_threshold,C1,Tiêu chí C1,national,96.67\r\n"),
            std::string::npos);

  // Before any locality figure, the family is left out.
  auto early = BuildReport(ds, {.as_of = D(2025, 8, 1)});
  ASSERT_TRUE(early.ok());
  EXPECT_TRUE(early->criteria.empty());
  EXPECT_EQ(RenderReport(*early, ReportFormat::kMarkdown, ReportLanguage::kVietnamese)
                .find("Tiêu chí theo địa phương"),
            std::string::npos);
}

}  // namespace
}  // namespace mandate
