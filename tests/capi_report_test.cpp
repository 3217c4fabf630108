// mdt_report: the summary report through the C ABI equals the golden files of the C++
// renderer, in every format and both languages; bad options, handles and days are codes.
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

#include "capi_fixture.h"

namespace mandate::capi_test {
namespace {

std::string Golden(const std::string& name) {
  std::ifstream in(std::string(MANDATE_SOURCE_DIR) + "/tests/golden/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Dataset Bundled() {
  mdt_dataset* d = nullptr;
  const std::string path = std::string(MANDATE_SOURCE_DIR) + "/examples/data/plan-2025.json";
  EXPECT_EQ(mdt_dataset_load_json(&d, nullptr, path.c_str(), nullptr), MDT_OK) << mdt_last_error();
  return Dataset(d);
}

TEST(CApiReport, EqualsTheGoldenReportInEveryFormat) {
  Dataset ds = Bundled();
  ASSERT_TRUE(ds);
  mdt_report_options o = MDT_REPORT_OPTIONS_INIT;
  o.since = Date("2025-07-20");
  const std::pair<mdt_report_format, const char*> formats[] = {{MDT_REPORT_MARKDOWN, "md"},
                                                               {MDT_REPORT_HTML, "html"},
                                                               {MDT_REPORT_JSON, "json"},
                                                               {MDT_REPORT_CSV, "csv"}};
  for (const auto& [format, ext] : formats) {
    o.format = format;
    char* text = nullptr;
    size_t len = 0;
    ASSERT_MDT_OK(mdt_report(&text, &len, ds.get(), Date("2025-09-23"), &o));
    String owned(text);
    EXPECT_EQ(std::string(text, len), Golden(std::string("report-2025-09-23.") + ext)) << ext;
    EXPECT_EQ(len, std::strlen(text));
  }
  o.format = MDT_REPORT_MARKDOWN;
  o.language = MDT_REPORT_ENGLISH;
  char* text = nullptr;
  ASSERT_MDT_OK(mdt_report(&text, nullptr, ds.get(), Date("2025-09-23"), &o));
  String owned(text);
  EXPECT_EQ(std::string(text), Golden("report-2025-09-23.en.md"));
}

TEST(CApiReport, DefaultsSoonDaysAndThreshold) {
  Dataset ds = Bundled();
  ASSERT_TRUE(ds);
  char* text = nullptr;
  // NULL options: Markdown, Vietnamese, no change section.
  ASSERT_MDT_OK(mdt_report(&text, nullptr, ds.get(), Date("2025-09-23"), nullptr));
  String md(text);
  EXPECT_EQ(std::string(md.get()).rfind("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", 0), 0u);
  EXPECT_EQ(std::string(md.get()).find("Tính riêng trong khoảng thời gian"), std::string::npos);
  // soon_days 0: nothing is due soon, so the 40 tasks due on 30/9 and the 12 recurring
  // obligations with no report recorded (next due 28/9 or 30/9; not overdue: no data) count as
  // in progress; the JSON totals say so.
  mdt_report_options o = MDT_REPORT_OPTIONS_INIT;
  o.format = MDT_REPORT_JSON;
  o.soon_days = 0;
  ASSERT_MDT_OK(mdt_report(&text, nullptr, ds.get(), Date("2025-09-23"), &o));
  String js(text);
  const auto j = nlohmann::json::parse(js.get());
  EXPECT_EQ(j["totals"]["due_soon"], 0);
  EXPECT_EQ(j["totals"]["in_progress"], 269);
  EXPECT_EQ(j["totals"]["overdue"], 10);
}

// Version 2: the letterhead and the programmes. A version-1 caller's struct (which ends
// before them) still works, and mdt_report_options_init(…, 1) writes only its part.
TEST(CApiReport, LetterheadAndProgrammesOfVersion2) {
  Dataset ds = Bundled();
  ASSERT_TRUE(ds);
  mdt_report_options o = MDT_REPORT_OPTIONS_INIT;
  EXPECT_EQ(o.version, 2u);
  o.since = Date("2025-07-20");
  o.issuing_body = "BAN CHỈ ĐẠO CỦA CHÍNH PHỦ";
  o.place = "Hà Nội";
  o.meeting = "Phiên họp lần thứ tư";
  o.previous_meeting = "Phiên họp lần 3";
  char* text = nullptr;
  ASSERT_MDT_OK(mdt_report(&text, nullptr, ds.get(), Date("2025-09-23"), &o));
  String md(text);
  const std::string s = md.get();
  EXPECT_EQ(s.rfind("**BAN CHỈ ĐẠO CỦA CHÍNH PHỦ**", 0), 0u) << s.substr(0, 300);
  EXPECT_NE(s.find("**Hà Nội, ngày 23 tháng 9 năm 2025**"), std::string::npos);
  EXPECT_NE(s.find("**(Phục vụ Phiên họp lần thứ tư)**"), std::string::npos);
  EXPECT_NE(s.find("từ ngày 20/7/2025 (Phiên họp lần 3) đến ngày 23/9/2025"), std::string::npos);
  // One programme taking every task whose source cites 71/NQ-CP.
  o.programmes_json = R"({"programmes": [{"id": "only", "heading": {"vi": "Thực hiện NQ71"},
      "subject": {"vi": "Nghị quyết 71"}, "parts": [{"id": "NQ71", "sources": ["71/NQ-CP"]}]}]})";
  o.format = MDT_REPORT_JSON;
  ASSERT_MDT_OK(mdt_report(&text, nullptr, ds.get(), Date("2025-09-23"), &o));
  String js(text);
  const auto j = nlohmann::json::parse(js.get());
  ASSERT_EQ(j["programmes"].size(), 2u);
  EXPECT_EQ(j["programmes"][0]["id"], "only");
  // The 97 tasks whose first source is 71/NQ-CP, and one citing it after Kế hoạch 02 (which
  // this file does not know).
  EXPECT_EQ(j["programmes"][0]["totals"]["total"], 98);
  EXPECT_EQ(j["programmes"][1]["id"], "other");
  o.programmes_json = "{\"programmes\": 3}";
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "programmes: programmes: must be an array",
                 mdt_report(&text, nullptr, ds.get(), Date("2025-09-23"), &o));
  o.programmes_json = nullptr;
  o.place = "\xff";
  EXPECT_MDT_ERR(MDT_ERR_INVALID_UTF8, "options.place",
                 mdt_report(&text, nullptr, ds.get(), Date("2025-09-23"), &o));

  // Version 1: the fields after criteria_threshold are never read (here: garbage).
  mdt_report_options v1;
  std::memset(&v1, 0xAB, sizeof v1);
  ASSERT_MDT_OK(mdt_report_options_init(&v1, 1));
  EXPECT_EQ(v1.version, 1u);
  EXPECT_EQ(v1.soon_days, 7);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(v1.issuing_body), std::uintptr_t{0xABABABABABABABAB})
      << "init(…, 1) wrote past the version-1 struct";
  v1.since = Date("2025-07-20");
  ASSERT_MDT_OK(mdt_report(&text, nullptr, ds.get(), Date("2025-09-23"), &v1));
  String old(text);
  EXPECT_EQ(std::string(old.get()), Golden("report-2025-09-23.md"));
}

TEST(CApiReport, Errors) {
  Dataset ds = Bundled();
  ASSERT_TRUE(ds);
  char* text = reinterpret_cast<char*>(0x1);
  size_t len = 99;
  const mdt_date day = Date("2025-09-23");
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "out",
                 mdt_report(nullptr, &len, ds.get(), day, nullptr));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_HANDLE, "dataset is NULL",
                 mdt_report(&text, &len, nullptr, day, nullptr));
  EXPECT_EQ(text, nullptr);  // cleared on failure
  EXPECT_EQ(len, 0u);
  EXPECT_EQ(mdt_report(&text, &len, ds.get(), MDT_NO_DATE, nullptr), MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_report(&text, &len, ds.get(), 1'000'000, nullptr), MDT_ERR_OUT_OF_RANGE);
  mdt_report_options o = MDT_REPORT_OPTIONS_INIT;
  o.version = 99;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "version", mdt_report(&text, &len, ds.get(), day, &o));
  o = MDT_REPORT_OPTIONS_INIT;
  o.format = 7;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "options.format 7",
                 mdt_report(&text, &len, ds.get(), day, &o));
  o = MDT_REPORT_OPTIONS_INIT;
  o.language = -1;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "options.language",
                 mdt_report(&text, &len, ds.get(), day, &o));
  o = MDT_REPORT_OPTIONS_INIT;
  o.soon_days = -1;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "soon_days", mdt_report(&text, &len, ds.get(), day, &o));
  o = MDT_REPORT_OPTIONS_INIT;
  o.criteria_threshold = std::nan("");
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "criteria_threshold",
                 mdt_report(&text, &len, ds.get(), day, &o));
  o = MDT_REPORT_OPTIONS_INIT;
  o.since = Date("2025-10-01");
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "after as_of",
                 mdt_report(&text, &len, ds.get(), day, &o));
  // A freed dataset is caught by the liveness table.
  mdt_dataset* raw = ds.release();
  mdt_dataset_free(raw);
  EXPECT_MDT_ERR(MDT_ERR_INVALID_HANDLE, "not a live dataset",
                 mdt_report(&text, &len, raw, day, nullptr));
}

}  // namespace
}  // namespace mandate::capi_test
