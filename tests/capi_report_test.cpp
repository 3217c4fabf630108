// mdt_report: the summary report through the C ABI equals the golden files of the C++
// renderer, in every format and both languages; bad options, handles and days are codes.
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
  EXPECT_EQ(std::string(md.get()).rfind("# Báo cáo tóm tắt tình hình thực hiện nhiệm vụ", 0), 0u);
  EXPECT_EQ(std::string(md.get()).find("3. Kết quả kể từ phiên họp trước"), std::string::npos);
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
  EXPECT_EQ(j["totals"]["in_progress"], 271);
  EXPECT_EQ(j["totals"]["overdue"], 10);
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
