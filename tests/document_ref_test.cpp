#include "mandate/document_ref.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include "seed_data.h"

namespace mandate {
namespace {

std::string Iso(const std::optional<Day>& d) { return d ? FormatIsoDay(*d) : "-"; }

TEST(DocumentRef, ParsesTheSeedForms) {
  struct Row {
    const char* text;
    const char* number;
    const char* type;
    const char* issuer;
    const char* type_name;
    const char* symbol;
    const char* date;
  };
  const Row rows[] = {
      {"Thông báo số 45-TB/TGV ngày 30/09/2025", "45", "TB", "TGV", "Thông báo", "45-TB/TGV",
       "2025-09-30"},
      {"45 -TB/TGV", "45", "TB", "TGV", "Thông báo", "45-TB/TGV", "-"},
      {"Nghị định 82/2024/NĐ-CP ngày 10/7/2024", "82/2024", "NĐ-CP", "CP", "Nghị định",
       "82/2024/NĐ-CP", "2024-07-10"},
      {"Kế hoạch số 02-KH/BCĐTW", "02", "KH", "BCĐTW", "Kế hoạch", "02-KH/BCĐTW", "-"},
      {"07-TB-CQTTBCĐ", "07", "TB", "CQTTBCĐ", "Thông báo", "07-TB-CQTTBCĐ", "-"},
      {"Nghị quyết số 71/NQ-CP", "71", "NQ", "CP", "Nghị quyết", "71/NQ-CP", "-"},
      {"Quyết định số 06/QĐ-TTg, ngày 06/01/2022", "06", "QĐ", "TTg", "Quyết định", "06/QĐ-TTg",
       "2022-01-06"},
      {"Thông báo kết luận số 35-TB/TGV, ngày 11/7/2025", "35", "TB", "TGV", "Thông báo",
       "35-TB/TGV", "2025-07-11"},
      {"Kế hoạch 02", "02", "KH", "", "Kế hoạch", "02", "-"},
      {"Nghị định 118 ngày 9/6/2025", "118", "NĐ-CP", "", "Nghị định", "118", "2025-06-09"},
      {"thong bao so 45-TB/TGV ngay 30/9/2025.", "45", "TB", "TGV", "Thông báo", "45-TB/TGV",
       "2025-09-30"},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.text);
    auto d = ParseDocumentRef(r.text);
    ASSERT_TRUE(d.ok()) << d.status();
    EXPECT_EQ(d->number, r.number);
    EXPECT_EQ(d->type, r.type);
    EXPECT_EQ(d->issuer, r.issuer);
    EXPECT_EQ(d->type_name, r.type_name);
    EXPECT_EQ(d->symbol, r.symbol);
    EXPECT_EQ(Iso(d->date), r.date);
    EXPECT_EQ(d->begin, 0u);
  }
}

TEST(DocumentRef, RejectsWhatIsNotAReference) {
  struct Row {
    const char* text;
    const char* part;
  };
  const Row rows[] = {
      {"", "empty"},
      {"hạn 31/12/2025", "no document reference"},
      {"Thông báo 45-TB/TGV và nhiều nữa", "\"và nhiều nữa\""},
      {"Đề án 06", "no document reference"},
      {"6-12 tháng", "no document reference"},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.text);
    auto d = ParseDocumentRef(r.text);
    ASSERT_FALSE(d.ok());
    EXPECT_NE(d.status().message().find(r.part), std::string_view::npos) << d.status();
  }
}

TEST(DocumentRef, FindsReferencesInSentencesWithOffsets) {
  const std::string s =
      "Hoàn thành xây dựng các CSDL theo Kế hoạch 02-KH/BCĐTW; Nghị quyết 71/NQ-CP theo lộ trình "
      "(Kế hoạch 02; Nghị quyết 71/NQ-CP; Thông báo số 42-TB/TGV ngày 22/8/2025; Thông báo số "
      "44-TB/TGV ngày 12/9/2025; Thông báo số 07-TB/CQTTBCĐ ngày 15/10/2025)";
  const auto refs = FindDocumentRefs(s);
  ASSERT_EQ(refs.size(), 7u);
  EXPECT_EQ(refs[0].raw, "Kế hoạch 02-KH/BCĐTW");
  EXPECT_EQ(refs[2].raw, "Kế hoạch 02");
  EXPECT_EQ(refs[4].symbol, "42-TB/TGV");
  EXPECT_EQ(Iso(refs[6].date), "2025-10-15");
  for (const auto& r : refs) EXPECT_EQ(s.substr(r.begin, r.end - r.begin), r.raw);
}

TEST(DocumentRef, OcrSpellingsOfSeed003) {
  const auto refs = FindDocumentRefs(
      "Thong bao s6 44-TB/TGV,\nngdy 12/9/2025 (tao lap) va Quy dinh sd 05-QB/BCDTW, ngay "
      "27/8/2025 "
      "theo K& hoach s6 02 KH/BCDTW");
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(Iso(refs[0].date), "2025-09-12");
  EXPECT_EQ(refs[0].type_name, "Thông báo");
  EXPECT_EQ(refs[1].issuer, "BCDTW");
  EXPECT_EQ(Iso(refs[1].date), "2025-08-27");
  EXPECT_EQ(refs[2].type, "KH");
}

// Every notice cited in the appendix bullets is found with its date.
TEST(DocumentRef, EveryDatedNoticeOfTheAppendix) {
  int dated = 0;
  for (const auto& item : mandate::testing::ReadSeedJsonl("appendix-2025-items.jsonl")) {
    const std::string text = item["text"];
    for (const auto& r : FindDocumentRefs(text)) {
      EXPECT_FALSE(r.symbol.empty()) << r.raw;
      if (r.date) ++dated;
    }
  }
  // 81 dated citations (notices, decisions, resolutions, the decree); counted independently
  // with a regular expression over the file.
  EXPECT_EQ(dated, 81);
}

}  // namespace
}  // namespace mandate
