// The summary report of the bundled 2025 dataset as of 2025-09-23 (the seed report's day),
// checked against golden files in every format and against the status classification.
#include "mandate/report.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "mandate/classification.h"
#include "mandate/dataset_json.h"
#include "mandate/report_programmes.h"

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

// The seed plan's sections map to 001's programmes through data/programmes.json: section
// III (Nghị quyết 71) and IV (conclusion notices) to the action programme, the tasks citing
// Kế hoạch 02 to it, section V to Đề án 06; the rest is "other". The parts add up.
TEST_F(BundledReport, ProgrammesPartitionTheSeedPlan) {
  auto data = BuildReport(*dataset_, Options());
  ASSERT_TRUE(data.ok());
  std::vector<std::string> ids;
  ReportCounts sum;
  std::int64_t window = 0;
  for (const ReportProgramme& p : data->programmes) {
    ids.push_back(p.id);
    sum.total += p.totals.total;
    sum.overdue += p.totals.overdue;
    ASSERT_TRUE(p.window);
    window += p.window->assigned;
    EXPECT_EQ(p.agencies, p.agencies_central + p.agencies_provinces + p.agencies_other) << p.id;
    std::int64_t themed = 0;
    for (const auto& g : p.overdue_by_theme) themed += g.count;
    EXPECT_EQ(themed, p.totals.overdue) << p.id;
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"nq57", "kh02", "da06", "other"}));
  EXPECT_EQ(sum.total, data->totals.total);
  EXPECT_EQ(sum.overdue, data->totals.overdue);
  ASSERT_TRUE(data->window);
  EXPECT_EQ(window, data->window->assigned);
  EXPECT_EQ(data->window->assigned,
            data->window->completed + data->window->ongoing + data->window->overdue);
  EXPECT_EQ(data->agencies,
            data->agencies_central + data->agencies_provinces + data->agencies_other);
  const auto programmes = Programmes::Bundled();
  const auto of = [&](std::vector<std::string> sources, std::string category) {
    const auto m = programmes->Classify(sources, category);
    return m.programme < 0 ? std::string("other")
                           : programmes->programmes()[m.programme].parts[m.part].id;
  };
  EXPECT_EQ(of({"71/NQ-CP ngày 01/4/2025"}, ""), "NQ71");
  EXPECT_EQ(of({"Thông báo số 45 -TB/TGV ngày 30/09/2025"}, ""), "TBKL");
  EXPECT_EQ(of({"Thống báo số 07-TB-CQTTBCĐ ngày 15/10/2025"}, ""), "TBKL");
  EXPECT_EQ(of({"Kế hoạch 02", "Thông báo số 05-TB/BCĐTW ngày 04/07/2025"}, ""), "KH02");
  EXPECT_EQ(of({"Quyết định số 2618/QĐ-BKHCN", "Thông báo số 46-TB/TGV ngày 30/09/2025"}, ""),
            "TBKL");
  EXPECT_EQ(of({"Kế hoạch hành động chiến lược số 01-KH/BCĐTW"}, ""), "other");
  EXPECT_EQ(of({}, "IV. NHIỆM VỤ THEO THÔNG BÁO KẾT LUẬN CỦA BAN CHỈ ĐẠO TRUNG ƯƠNG"), "TBKL");
  EXPECT_EQ(of({}, "V.  NHIỆM VỤ CỦA ĐỀ ÁN 06, CẢI CÁCH THỦ TỤC HÀNH CHÍNH / NHIỆM VỤ CHUNG"),
            "DA06");
  const auto theme = [&](std::string category) {
    const int t = programmes->ThemeOf(category);
    return t < 0 ? std::string("-") : programmes->themes()[t].label.vi;
  };
  EXPECT_EQ(theme("III. NHIỆM VỤ TRỌNG TÂM THEO NGHỊ QUYẾT SỐ 71/NQ-CP / III. Tăng cường đầu tư, "
                  "hoàn thiện hạ tầng cho khoa học, công nghệ"),
            "hạ tầng");
  EXPECT_EQ(theme("II. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH; KIỂM TRA, GIÁM SÁT"),
            "công tác chỉ đạo điều hành");
  EXPECT_EQ(theme("IV. NHIỆM VỤ THEO THÔNG BÁO KẾT LUẬN CỦA BAN CHỈ ĐẠO TRUNG ƯƠNG"), "-");
}

// The bundled plan records no completion and no occurrence report: the report says so, with
// the number of recurring tasks counted from the data.
TEST_F(BundledReport, StatesWhatTheDataCovers) {
  auto data = BuildReport(*dataset_, Options());
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(data->coverage.completions_recorded, 0);
  std::vector<std::uint8_t> status;
  ClassifyAll(*dataset_, Options().as_of, {}, status);
  std::int64_t recurring = 0;  // assigned by the report's day
  for (TaskIndex i = 0; i < dataset_->task_count(); ++i) {
    recurring += status[i] != kNotYetAssigned && (dataset_->columns().flags[i] & kTaskRecurring);
  }
  EXPECT_EQ(data->coverage.recurring, recurring);
  EXPECT_EQ(data->coverage.recurring_unreported, recurring);  // no events at all
  const std::string md = RenderReport(*data, ReportFormat::kMarkdown, ReportLanguage::kVietnamese);
  EXPECT_NE(md.find("bộ dữ liệu chưa ghi nhận nhiệm vụ nào hoàn thành, các số liệu về hoàn thành "
                    "chỉ phản ánh dữ liệu đã được cập nhật"),
            std::string::npos);
  EXPECT_NE(md.find("nhiệm vụ định kỳ chưa có báo cáo kỳ nào được ghi nhận"), std::string::npos);
  // Collectives by their collective name; no raw all-caps section as a theme; no ids.
  EXPECT_EQ(md.find("Bộ Quốc phòng, Bộ Công an, Bộ Ngoại giao, Bộ Nội vụ, Bộ Tư pháp, Bộ Tài "
                    "chính, Bộ Công Thương, Bộ Nông nghiệp và Môi trường, Bộ Xây dựng, Bộ Văn hóa"),
            std::string::npos);
  EXPECT_NE(md.find("(Các bộ, ngành, địa phương; hạn "), std::string::npos);
  EXPECT_EQ(md.find("Về III. NHIỆM VỤ"), std::string::npos);
  EXPECT_EQ(md.find("KH25-"), std::string::npos);
  const std::string en = RenderReport(*data, ReportFormat::kMarkdown, ReportLanguage::kEnglish);
  EXPECT_NE(en.find("Data coverage: the dataset records no completion"), std::string::npos);
}

TEST(ReportProgrammes, BundledJsonMatchesDataFile) {
  EXPECT_EQ(Programmes::BundledJson(),
            ReadText(std::string(MANDATE_SOURCE_DIR) + "/data/programmes.json"))
      << "run python3 tools/gen_programmes_inc.py";
  EXPECT_EQ(Programmes::Bundled()->programmes().size(), 3u);
}

TEST(ReportProgrammes, BadFilesNameTheField) {
  const auto error = [](std::string_view json) {
    auto p = Programmes::FromJson(json);
    return p.ok() ? std::string("ok") : std::string(p.status().message());
  };
  EXPECT_EQ(error("[]"), "programmes: file: is not a JSON object");
  EXPECT_EQ(error(R"({"programmes": [{"id": "x", "heading": {"vi": "H"}}]})"),
            "programmes: programmes[0] (x).subject: must be an object {\"vi\": …, \"en\": …}");
  EXPECT_EQ(error(R"({"programmes": [{"id": "x", "heading": {"vi": "H"}, "subject": {"vi": "S"},
                     "parts": [{"id": "P", "sources": [""]}]}]})"),
            "programmes: programmes[0] (x).parts[0].sources[0]: must be a non-empty string");
  EXPECT_EQ(error(R"({"programmes": [], "themes": [{"label": {"en": "x"}}]})"),
            "programmes: themes[0].label.vi: is required");
  auto missing = Programmes::FromFile("/nonexistent/programmes.json");
  EXPECT_FALSE(missing.ok());
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

  // The bundled programmes report the commune criteria under Kế hoạch 02 (I.1.b, II.1.b),
  // even with no task of the plan in the dataset; the targets table keeps the national one.
  const std::string md = RenderReport(*r, ReportFormat::kMarkdown, ReportLanguage::kVietnamese);
  // The reader's words for the status; the JSON keeps its stable name.
  EXPECT_NE(md.find("| Phủ sóng 5G | 55 % | 90 % | 50% | chậm tiến độ |"), std::string::npos)
      << md;
  EXPECT_EQ(md.find("| Tiêu chí C1 |"), std::string::npos) << md;
  EXPECT_NE(md.find("**a) Thực hiện Kế hoạch số 02-KH/BCĐTW**"), std::string::npos) << md;
  EXPECT_NE(md.find("- Đối với việc thực hiện 3 tiêu chí: (1) Về mặt tiêu chí: 2/3 tiêu chí đạt "
                    "tỷ lệ trên 97%; (2) Xét theo địa phương: 1/3 địa phương đã hoàn thành đủ 3/3 "
                    "tiêu chí, gồm: Thành phố Hà Nội."),
            std::string::npos);
  EXPECT_NE(md.find("**a) Về thực hiện Kế hoạch số 02-KH/BCĐTW**"), std::string::npos) << md;
  EXPECT_NE(md.find("Đối với việc thực hiện 3 tiêu chí: (1) Có 01 tiêu chí có tỉ lệ hoàn thành "
                    "thấp là (i) Tiêu chí C1 (96,67%); (2) Có 02 địa phương có tỷ lệ hoàn thành "
                    "thấp nhất, gồm: Thành phố Đà Nẵng, Thành phố Hồ Chí Minh."),
            std::string::npos);
  const std::string en = RenderReport(*r, ReportFormat::kMarkdown, ReportLanguage::kEnglish);
  EXPECT_NE(en.find("(1) by criterion: 2/3 criteria are above 97%"), std::string::npos) << en;
  EXPECT_NE(en.find("(1) 1 criterion has a low completion rate: (i) Tiêu chí C1 (96.67%)"),
            std::string::npos);
  const std::string html = RenderReport(*r, ReportFormat::kHtml, ReportLanguage::kVietnamese);
  EXPECT_NE(html.find("<h4>a) Thực hiện Kế hoạch số 02-KH/BCĐTW</h4>"), std::string::npos);
  EXPECT_NE(html.find("<p>- Đối với việc thực hiện 3 tiêu chí: (1) Về mặt tiêu chí: 2/3 tiêu chí "
                      "đạt tỷ lệ trên 97%;"),
            std::string::npos);
  // Programmes that name no criteria family: the family gets its own item.
  auto plain = Programmes::FromJson(R"({"programmes": [{"id": "p", "heading": {"vi": "Thực hiện P"},
      "subject": {"vi": "P"}, "parts": [{"id": "P", "sources": ["P-1"]}]}]})");
  ASSERT_TRUE(plain.ok()) << plain.status();
  ReportOptions po{.as_of = D(2025, 9, 23), .criteria_threshold = 97};
  po.programmes = std::make_shared<const Programmes>(*plain);
  auto own = BuildReport(ds, po);
  ASSERT_TRUE(own.ok());
  EXPECT_NE(RenderReport(*own, ReportFormat::kMarkdown, ReportLanguage::kVietnamese)
                .find("**a) Tiêu chí theo địa phương: commune-criteria**"),
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
                .find("Đối với việc thực hiện"),
            std::string::npos);
}

}  // namespace
}  // namespace mandate
