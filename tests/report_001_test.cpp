// Seed 001, figure for figure: the fixture tests/data/report-001.json (made by
// tests/data/gen_report_001.py) holds the figures 001 publishes; the generated report must
// state each of them in 001's words (sections I.1 and II.1), in Vietnamese and English, and
// every format must carry the letterhead and Phụ lục 01.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "mandate/dataset_json.h"
#include "mandate/report.h"
#include "mandate/report_document.h"

namespace mandate {
namespace {

class Report001 : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto ds = LoadDatasetJson(std::string(MANDATE_SOURCE_DIR) + "/tests/data/report-001.json");
    ASSERT_TRUE(ds.ok()) << ds.status();
    ReportOptions o{.as_of = date::year{2025} / 9 / 23, .since = date::year{2025} / 7 / 20};
    o.header = {.issuing_body = "BAN CHỈ ĐẠO CỦA CHÍNH PHỦ",
                .place = "Hà Nội",
                .meeting = "Phiên họp lần thứ tư của Ban Chỉ đạo của Chính phủ",
                .previous_meeting = "Phiên họp lần 3 của Ban Chỉ đạo của Chính phủ"};
    auto r = BuildReport(*ds, o);
    ASSERT_TRUE(r.ok()) << r.status();
    data_ = new ReportData(*std::move(r));
  }
  static void TearDownTestSuite() { delete data_; }
  static std::string Md(ReportLanguage lang = ReportLanguage::kVietnamese) {
    return RenderReport(*data_, ReportFormat::kMarkdown, lang);
  }
  static ReportData* data_;
};
ReportData* Report001::data_ = nullptr;

#define EXPECT_SAYS(text, phrase) \
  EXPECT_NE((text).find(phrase), std::string::npos) << "missing: " << (phrase)

TEST_F(Report001, SectionI1aInItsWords) {
  const std::string md = Md();
  EXPECT_SAYS(md, "a) Thực hiện Chương trình hành động của Chính phủ thực hiện Nghị quyết "
                  "57-NQ/TW và Thông báo kết luận của Ban Chỉ đạo Trung ương");
  EXPECT_SAYS(md, "Năm 2025, Chương trình hành động của Chính phủ và các Thông báo kết luận của "
                  "Ban Chỉ đạo Trung ương có tổng số 679 nhiệm vụ giao cho 56 cơ quan (22 bộ, cơ "
                  "quan ngang bộ, cơ quan trực thuộc chính phủ; 34 tỉnh, thành). Tính đến ngày "
                  "23/9/2025, có 270 nhiệm vụ đã hoàn thành (trong đó có 180 nhiệm vụ hoàn thành "
                  "đúng hạn); 382 nhiệm vụ đang thực hiện và 27 nhiệm vụ quá hạn, chậm muộn. "
                  "Trong đó, có 05 bộ, ngành có nhiệm vụ nhiều nhất: Bộ Khoa học và Công nghệ "
                  "(297 nhiệm vụ), Bộ Tài chính (175 nhiệm vụ), Bộ Công an (163 nhiệm vụ), Bộ "
                  "Giáo dục và Đào tạo (138 nhiệm vụ), Bộ Nông nghiệp và Môi trường (129 nhiệm "
                  "vụ).");
  EXPECT_SAYS(md, "Tính riêng trong khoảng thời gian từ ngày 20/7/2025 (Phiên họp lần 3 của Ban "
                  "Chỉ đạo của Chính phủ) đến ngày 23/9/2025, các bộ, ngành, địa phương được giao "
                  "73 nhiệm vụ, đã hoàn thành 50 nhiệm vụ và còn 23 nhiệm vụ quá hạn, chậm muộn.");
  EXPECT_SAYS(md, "(Danh sách các nhiệm vụ quá hạn tại Phụ lục 01 kèm theo)");
}

TEST_F(Report001, SectionI1bAndcInItsWords) {
  const std::string md = Md();
  EXPECT_SAYS(md, "b) Thực hiện Kế hoạch số 02-KH/BCĐTW");
  EXPECT_SAYS(md, "Kế hoạch số 02-KH/BCĐTW có tổng số 70 nhiệm vụ giao cho 56 cơ quan");
  EXPECT_SAYS(md, "Tính đến ngày 23/9/2025, có 45 nhiệm vụ đã hoàn thành (trong đó có 27 nhiệm "
                  "vụ hoàn thành đúng hạn); 23 nhiệm vụ đang thực hiện và 02 nhiệm vụ quá hạn, "
                  "chậm muộn.");
  EXPECT_SAYS(md, "các bộ, ngành, địa phương được giao 12 nhiệm vụ, đã hoàn thành 10 nhiệm vụ "
                  "(trong đó, có 08 nhiệm vụ hoàn thành đúng hạn) và còn 02 nhiệm vụ quá hạn, "
                  "chậm muộn.");
  EXPECT_SAYS(md, "Đối với việc thực hiện 16 tiêu chí: (1) Về mặt tiêu chí: 12/16 tiêu chí đạt "
                  "tỷ lệ trên 95%; (2) Xét theo địa phương: 21/34 địa phương đã hoàn thành đủ "
                  "16/16 tiêu chí, gồm: Bắc Ninh, Cà Mau, Thành phố Đà Nẵng, Đắk Lắk, Đồng Nai, "
                  "Gia Lai, Thành phố Hà Nội, Thành phố Hồ Chí Minh, Thành phố Huế, Hưng Yên, "
                  "Lạng Sơn, Lào Cai, Nghệ An, Ninh Bình, Phú Thọ, Quảng Ninh, Quảng Trị, Sơn La, "
                  "Tây Ninh, Thanh Hóa, Tuyên Quang.");
  // I.1.c: the window's completions of both programmes, 50 + 10.
  EXPECT_SAYS(md, "c) Đánh giá chung");
  EXPECT_SAYS(md, "tính từ ngày 20/7/2025 đến ngày 23/9/2025, đã hoàn thành 60 nhiệm vụ");
}

TEST_F(Report001, SectionII1InItsWords) {
  const std::string md = Md();
  EXPECT_SAYS(md, "a) Về thực hiện Nghị quyết số 71-NQ/CP, các Thông báo kết luận của Ban Chỉ "
                  "đạo, Lãnh đạo Ban Chỉ đạo Trung ương");
  // 001 says "07 nhóm" and lists six; the six are what its figures add up to (27).
  EXPECT_SAYS(md, "27 nhiệm vụ quá hạn, chậm muộn, thuộc 06 nhóm nhiệm vụ: (1) Về hạ tầng: 17 "
                  "nhiệm vụ (06 nhiệm vụ theo NQ71; 11 nhiệm vụ theo TBKL); (2) Về công tác chỉ "
                  "đạo điều hành: 01 nhiệm vụ; (3) Về nhân lực: 01 nhiệm vụ; (4) Về chuyển đổi số "
                  "trong doanh nghiệp: 02 nhiệm vụ; (5) Về thể chế: 05 nhiệm vụ; (6) Về chuyển "
                  "đổi số trong hệ thống chính trị: 01 nhiệm vụ.");
  // 001's list, each agency with its count (the report sorts by count, then by name).
  const std::pair<const char*, const char*> agencies[] = {
      {"Bộ Giáo dục và Đào tạo", "07"}, {"Bộ Công an", "05"}, {"Bộ Tài chính", "05"},
      {"Thành phố Hà Nội", "05"}, {"Cao Bằng", "04"}, {"Vĩnh Long", "04"},
      {"Bộ Xây dựng", "03"}, {"Bộ Công Thương", "03"}, {"Bộ Nội vụ", "03"},
      {"Thái Nguyên", "01"}, {"Quảng Trị", "03"}, {"Lào Cai", "03"}, {"Ninh Bình", "03"},
      {"Đồng Nai", "03"}, {"Điện Biên", "03"}, {"Thanh Hóa", "02"},
      {"Thành phố Hồ Chí Minh", "02"}, {"Gia Lai", "02"}, {"Lai Châu", "02"},
      {"Viện Hàn lâm Khoa học xã hội Việt Nam", "02"}, {"Lạng Sơn", "02"},
      {"Thành phố Hải Phòng", "01"}, {"Nghệ An", "01"}, {"Bộ Y tế", "01"}, {"Bộ Tư pháp", "01"},
      {"Quảng Ninh", "01"}, {"Quảng Ngãi", "01"}, {"Ngân hàng Nhà nước Việt Nam", "01"},
      {"Bộ Ngoại giao", "01"}, {"Bộ Khoa học và Công nghệ", "01"}};
  const std::size_t start = md.find("Các nhiệm vụ này thuộc trách nhiệm của các cơ quan: ");
  ASSERT_NE(start, std::string::npos);
  const std::string sentence = md.substr(start, md.find('\n', start) - start);
  int listed = 0;
  for (const auto& [name, n] : agencies) {
    EXPECT_SAYS(sentence, std::string(name) + " (" + n + " nhiệm vụ)");
    ++listed;
  }
  // Exactly those 30 agencies: one "(NN nhiệm vụ)" each.
  int mentions = 0;
  for (std::size_t at = sentence.find(" nhiệm vụ)"); at != std::string::npos;
       at = sentence.find(" nhiệm vụ)", at + 1)) {
    ++mentions;
  }
  EXPECT_EQ(mentions, listed);
  EXPECT_SAYS(sentence, "Bộ Giáo dục và Đào tạo (07 nhiệm vụ), Bộ Công an (05 nhiệm vụ), Bộ Tài "
                        "chính (05 nhiệm vụ), Thành phố Hà Nội (05 nhiệm vụ), Cao Bằng (04 nhiệm "
                        "vụ), Vĩnh Long (04 nhiệm vụ), Bộ Công Thương (03 nhiệm vụ)");
  // II.1.b: the weak criteria and localities (weakest first).
  EXPECT_SAYS(md, "b) Về thực hiện Kế hoạch số 02-KH/BCĐTW");
  // 001 names two weak criteria while 4/16 are not above 95%; the report names the four.
  EXPECT_SAYS(md, "(1) Có 04 tiêu chí có tỉ lệ hoàn thành thấp là (i) ");
  EXPECT_SAYS(md, "Trang bị máy lấy số xếp hàng tự động (89,22%)");
  EXPECT_SAYS(md, "Trang bị màn hình hiển thị số thứ tự (88,38%)");
  EXPECT_SAYS(md, "(2) Có 05 địa phương có tỷ lệ hoàn thành thấp nhất, gồm: ");
  for (const char* weakest : {"Cao Bằng", "Điện Biên", "Đồng Tháp", "Lai Châu", "Vĩnh Long"}) {
    const std::size_t at = md.find("tỷ lệ hoàn thành thấp nhất, gồm: ");
    EXPECT_NE(md.find(weakest, at), std::string::npos) << weakest;
  }
  // The counting rule, once, as a footnote.
  EXPECT_SAYS(md, "[^1]: Nhiệm vụ giao cho nhiều cơ quan được tính cho mỗi cơ quan chủ trì");
}

TEST_F(Report001, TheDataBehindTheWords) {
  ASSERT_GE(data_->programmes.size(), 2u);
  const ReportProgramme& p = data_->programmes[0];
  EXPECT_EQ(p.id, "nq57");
  EXPECT_EQ(p.totals.total, 679);
  EXPECT_EQ(p.agencies, p.agencies_central + p.agencies_provinces + p.agencies_other);
  ASSERT_TRUE(p.window);
  EXPECT_EQ(*p.window, (ReportWindow{.assigned = 73, .completed = 50, .completed_on_time = 40,
                                     .ongoing = 0, .overdue = 23}));
  ASSERT_EQ(p.overdue_by_theme.size(), 6u);
  EXPECT_EQ(p.overdue_by_theme[0].label.vi, "hạ tầng");
  ASSERT_EQ(p.overdue_by_theme[0].by_part.size(), 2u);
  EXPECT_EQ(p.overdue_by_theme[0].by_part[0].label.vi, "NQ71");
  EXPECT_EQ(p.overdue_by_theme[0].by_part[0].count, 6);
  const ReportProgramme& kh02 = data_->programmes[1];
  EXPECT_EQ(kh02.id, "kh02");
  ASSERT_TRUE(kh02.window && kh02.criteria);
  EXPECT_EQ(kh02.window->completed_on_time, 8);
  // The whole dataset's window is the two programmes' together.
  ASSERT_TRUE(data_->window);
  EXPECT_EQ(data_->window->assigned, 85);
  EXPECT_EQ(data_->window->completed, 60);
  // The overdue appendix: every overdue task of both programmes, 27 + 2.
  EXPECT_EQ(data_->overdue.size(), 29u);
}

TEST_F(Report001, LetterheadAndAppendixInEveryFormat) {
  const std::string md = Md();
  EXPECT_SAYS(md, "**BAN CHỈ ĐẠO CỦA CHÍNH PHỦ**");
  EXPECT_SAYS(md, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  EXPECT_SAYS(md, "Độc lập - Tự do - Hạnh phúc");
  EXPECT_SAYS(md, "Hà Nội, ngày 23 tháng 9 năm 2025");
  EXPECT_SAYS(md, "(Phục vụ Phiên họp lần thứ tư của Ban Chỉ đạo của Chính phủ)");
  EXPECT_SAYS(md, "## IV. PHỤ LỤC 01. DANH SÁCH CÁC NHIỆM VỤ QUÁ HẠN");
  EXPECT_SAYS(md, "| STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn | Hạn | Văn bản giao | Số ngày "
                  "quá hạn |");
  // Due 10/9, as of 23/9: 13 days; the lead as written, no internal id.
  EXPECT_SAYS(md, "| ngày 10/9/2025 | 10/9/2025 | ");
  EXPECT_SAYS(md, " | 13 |");
  EXPECT_EQ(md.find("CT-0"), std::string::npos) << "internal ids in the report";
  EXPECT_EQ(md.find(" | 0 |"), std::string::npos);
  // The task lists name a collective by its collective name, not its 56 members.
  EXPECT_EQ(md.find("Bộ Quốc phòng, Bộ Công an, Bộ Ngoại giao"), std::string::npos);

  const std::string html = RenderReport(*data_, ReportFormat::kHtml, ReportLanguage::kVietnamese);
  EXPECT_SAYS(html, "<div>Hà Nội, ngày 23 tháng 9 năm 2025</div>");
  EXPECT_SAYS(html, "<th>Văn bản giao</th>");
  EXPECT_SAYS(html, "27 nhiệm vụ quá hạn, chậm muộn, thuộc 06 nhóm nhiệm vụ");
  const auto json =
      nlohmann::json::parse(RenderReport(*data_, ReportFormat::kJson, ReportLanguage::kVietnamese));
  EXPECT_EQ(json["header"]["place"], "Hà Nội");
  EXPECT_EQ(json["programmes"][0]["window"]["assigned"], 73);
  EXPECT_EQ(json["programmes"][0]["overdue_by_theme"][0]["by_part"][1]["count"], 11);
  EXPECT_EQ(json["appendix_01"].size(), 30u);  // header + 29 rows
  EXPECT_EQ(json["appendix_01"][1][6], "13");
  const std::string csv = RenderReport(*data_, ReportFormat::kCsv, ReportLanguage::kVietnamese);
  EXPECT_SAYS(csv, "header,,,meeting,Phiên họp lần thứ tư của Ban Chỉ đạo của Chính phủ\r\n");
  EXPECT_SAYS(csv, "programme_window,nq57,");
  EXPECT_SAYS(csv, "appendix_01,1,Số ngày quá hạn,,13\r\n");
}

TEST_F(Report001, EnglishStatesTheSameFigures) {
  const std::string en = Md(ReportLanguage::kEnglish);
  EXPECT_SAYS(en, "Hà Nội, 23 September 2025");
  EXPECT_SAYS(en, "SOCIALIST REPUBLIC OF VIETNAM");
  EXPECT_SAYS(en, "## I. RESULTS");
  EXPECT_SAYS(en, "## II. SHORTCOMINGS");
  EXPECT_SAYS(en, "## III. PRIORITIES FOR THE COMING PERIOD");
  EXPECT_SAYS(en, "## IV. APPENDIX 01. OVERDUE TASKS");
  EXPECT_SAYS(en, "679 tasks assigned to 56 agencies (22 ministries and central agencies; 34 "
                  "provinces and cities). As of 23 September 2025, 270 tasks are completed (180 "
                  "on time); 382 in progress and 27 overdue.");
  EXPECT_SAYS(en, "Bộ Khoa học và Công nghệ (297 tasks)");
  EXPECT_SAYS(en, "Between 20 July 2025 (Phiên họp lần 3 của Ban Chỉ đạo của Chính phủ) and 23 "
                  "September 2025, 73 tasks were assigned: 50 completed and 23 overdue.");
  EXPECT_SAYS(en, "12 tasks were assigned: 10 completed (8 on time) and 2 overdue.");
  EXPECT_SAYS(en, "they completed 60 tasks.");
  EXPECT_SAYS(en, "27 tasks overdue, in 6 groups: (1) On infrastructure: 17 tasks (6 tasks under "
                  "Resolution 71; 11 tasks under conclusion notices); (2) On direction and "
                  "management: 1 task;");
  EXPECT_SAYS(en, "Thái Nguyên (1 task)");
  EXPECT_SAYS(en, "Bộ Giáo dục và Đào tạo (7 tasks)");
  EXPECT_SAYS(en, "12/16 criteria are above 95%");
  EXPECT_SAYS(en, "21/34 localities meet all 16/16 criteria");
  EXPECT_SAYS(en, "| No. | Task | Lead agency | Deadline | Due | Source | Days overdue |");
  EXPECT_EQ(en.find(" 1 tasks"), std::string::npos);
  EXPECT_EQ(en.find("(1 tasks"), std::string::npos);
  EXPECT_EQ(en.find("2025-09-23"), std::string::npos) << "ISO dates in the English text";
  EXPECT_EQ(en.find("nhiệm vụ ("), std::string::npos) << "Vietnamese counts in the English text";
}

TEST_F(Report001, SectionNumbersHaveNoGaps) {
  for (ReportLanguage lang : {ReportLanguage::kVietnamese, ReportLanguage::kEnglish}) {
    int section = 0;
    for (const ReportBlock& b : ReportDocument(*data_, lang)) {
      if (b.kind != ReportBlock::Kind::kSection) continue;
      static constexpr const char* kRoman[] = {"I.", "II.", "III.", "IV.", "V."};
      EXPECT_EQ(b.text.rfind(kRoman[section++], 0), 0u) << b.text;
    }
    EXPECT_EQ(section, 4);
  }
}

}  // namespace
}  // namespace mandate
