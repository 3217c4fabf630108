// Hostile input, one test each (issue 9): every case ends in a clear error or a clean result,
// within limits that bound memory and time (the defaults are documented in SECURITY.md).
// Nothing here measures time or RSS; "bounded" is shown by where the limit trips (early in
// the input) and by what is kept (nothing past the limit).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "mandate/absl_compat.h"
#include "mandate/agency_registry.h"
#include "mandate/civil_day.h"
#include "mandate/csv.h"
#include "mandate/dataset_csv.h"
#include "mandate/dataset_json.h"
#include "mandate/deadline.h"
#include "mandate/document_ref.h"
#include "mandate/text.h"

namespace mandate {
namespace {

bool Mentions(const absl::Status& s, std::string_view what) {
  return std::string(s.message()).find(what) != std::string::npos;
}

// A ministry table with every required column (docs/dataset-format.md).
constexpr std::string_view kHeader =
    "id,title,lead,coordinators,category,source,assigned,deadline,completed\r\n";
std::string Row(std::string_view id, std::string_view title, std::string_view assigned = "",
                std::string_view deadline = "2025") {
  return absl::StrCat(ToAbsl(id), ",", ToAbsl(title), ",Bộ Tài chính,,,,", ToAbsl(assigned), ",",
                      ToAbsl(deadline), ",\r\n");
}

// --- CSV: a 100 MB field, a million columns ---

TEST(HostileInput, HundredMegabyteCsvFieldIsRefusedAndReadingGoesOn) {
  constexpr std::size_t kBig = std::size_t{100} << 20;
  std::string in = "id,title\r\nA,";
  const std::size_t field_at = in.size();
  in.append(kBig, 'x');
  in += "\r\nB,ok\r\n";
  CsvReader reader(in);
  CsvRecord rec;
  ASSERT_TRUE(reader.Next(rec));
  EXPECT_TRUE(rec.ok());
  ASSERT_TRUE(reader.Next(rec));
  ASSERT_FALSE(rec.ok());
  EXPECT_EQ(rec.error()->kind, CsvErrorKind::kFieldTooLong);
  EXPECT_EQ(rec.error()->line, 2u);
  EXPECT_EQ(rec.error()->column, 2u);
  EXPECT_EQ(rec.error()->offset, field_at);
  EXPECT_NE(rec.error()->message.find("1048576"), std::string::npos) << rec.error()->message;
  EXPECT_TRUE(rec.empty());       // nothing of the field is kept
  ASSERT_TRUE(reader.Next(rec));  // the framing survives: the next row is read
  ASSERT_TRUE(rec.ok());
  EXPECT_EQ(rec.ToVector(), (std::vector<std::string>{"B", "ok"}));
  EXPECT_FALSE(reader.Next(rec));

  in.clear();
  in.shrink_to_fit();

  // The same field quoted, through the dataset reader: that row is reported, the next loads.
  std::string table = std::string(kHeader) + "A,\"";
  table.append(kBig, 'x');
  table += "\",Bộ Tài chính,,,,,2025,\r\n" + Row("B", "ok");
  std::vector<LoadProblem> problems;
  auto ds = ReadDatasetCsv(table, {}, &problems);
  ASSERT_TRUE(ds.ok()) << ds.status();
  ASSERT_EQ(ds->task_count(), 1u);
  EXPECT_EQ(ds->task_id(0), "B");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].record, "line 2");
  EXPECT_NE(problems[0].message.find("limit"), std::string::npos) << problems[0].message;
}

TEST(HostileInput, MillionColumnsAreRefusedAtTheColumnLimit) {
  std::string in;
  in.reserve(2'000'001);
  for (int i = 0; i < 1'000'000; ++i) in += "a,";
  in += "a\nnext,row\n";
  CsvReader reader(in);
  CsvRecord rec;
  ASSERT_TRUE(reader.Next(rec));
  ASSERT_FALSE(rec.ok());
  EXPECT_EQ(rec.error()->kind, CsvErrorKind::kTooManyColumns);
  EXPECT_EQ(rec.error()->column, 1025u);
  EXPECT_EQ(rec.error()->offset, 2048u);  // tripped after 1024 fields, not after a million
  EXPECT_TRUE(rec.empty());
  ASSERT_TRUE(reader.Next(rec));
  EXPECT_EQ(rec.ToVector(), (std::vector<std::string>{"next", "row"}));

  // A configurable limit: a caller may allow more (or fewer).
  CsvOptions wide;
  wide.limits.max_columns = 2'000'000;
  wide.limits.max_record_bytes = 4'000'000;
  CsvReader wide_reader(in, wide);
  ASSERT_TRUE(wide_reader.Next(rec));
  ASSERT_TRUE(rec.ok());
  EXPECT_EQ(rec.size(), 1'000'001u);
}

// --- JSON: deep nesting ---

TEST(HostileInput, DeeplyNestedJsonIsRefusedWithoutRecursion) {
  for (const std::string& open : {std::string("["), std::string("{\"a\":")}) {
    std::string deep;
    for (int i = 0; i < 1'000'000; ++i) deep += open;
    auto ds = ReadDatasetJson(deep);
    ASSERT_FALSE(ds.ok());
    EXPECT_EQ(ds.status().code(), absl::StatusCode::kResourceExhausted) << ds.status();
    EXPECT_TRUE(Mentions(ds.status(), "nested deeper than the limit of 64")) << ds.status();

    // Inside an otherwise valid file, deep in one field.
    std::string inner = "{\"schema_version\":1,\"dataset\":{\"tasks\":[{\"id\":\"x\",\"title\":";
    inner += deep;
    auto ds2 = ReadDatasetJson(inner);
    ASSERT_FALSE(ds2.ok());
    EXPECT_EQ(ds2.status().code(), absl::StatusCode::kResourceExhausted);

    // The registry reader parses without recursion too (nlohmann's parser keeps an explicit
    // stack, and its destructor is iterative): a malformed-JSON error, no stack overflow.
    auto reg = AgencyRegistry::FromJson(deep);
    ASSERT_FALSE(reg.ok());
    EXPECT_TRUE(Mentions(reg.status(), "malformed JSON")) << reg.status();
  }
  // Balanced and complete deep nesting is refused too (not only truncated input).
  std::string balanced(200'000, '[');
  balanced.append(200'000, ']');
  EXPECT_EQ(ReadDatasetJson(balanced).status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_FALSE(AgencyRegistry::FromJson(balanced).ok());
  // Deep inside a field of an otherwise valid registry: that field is refused by name.
  auto reg = AgencyRegistry::FromJson(
      "{\"agencies\":[{\"id\":\"X\",\"name\":\"Bộ X\","
      "\"kind\":\"ministry\",\"aliases\":" +
      balanced + "}]}");
  ASSERT_FALSE(reg.ok());
  EXPECT_TRUE(Mentions(reg.status(), "aliases")) << reg.status();
}

// --- invalid UTF-8, overlong encodings ---

TEST(HostileInput, InvalidUtf8AndOverlongEncodingsAreReportedAtTheirOffset) {
  const std::vector<std::string> bad = {
      "\xC0\xAF",              // overlong '/'
      "\xE0\x80\xAF",          // overlong '/' in three bytes
      "\xF0\x80\x80\xAF",      // overlong '/' in four bytes
      "\xC1\xBF",              // overlong U+007F
      "\xED\xA0\x80",          // UTF-16 surrogate
      "\xF4\x90\x80\x80",      // above U+10FFFF
      "\xF8\x88\x80\x80\x80",  // 5-byte form
      "\xE1\x80",              // truncated
      "\x80",                  // lone continuation byte
      "\xFF",
  };
  for (const auto& b : bad) {
    const std::string text = "Bộ Tài chính " + b + " Quý IV";
    const std::size_t at = std::string("Bộ Tài chính ").size();
    SCOPED_TRACE(testing::PrintToString(b));
    EXPECT_EQ(FindInvalidUtf8(text), at);

    const std::string csv = "a,\"" + text + "\"\n";
    CsvReader reader(csv);
    CsvRecord rec;
    ASSERT_TRUE(reader.Next(rec));
    ASSERT_FALSE(rec.ok());
    EXPECT_EQ(rec.error()->kind, CsvErrorKind::kInvalidUtf8);
    EXPECT_EQ(rec.error()->offset, 3 + at);

    auto d = ParseDeadline(text);
    ASSERT_FALSE(d.ok());
    EXPECT_TRUE(Mentions(d.status(), "invalid UTF-8")) << d.status();

    const Resolution r = AgencyRegistry::Bundled().Resolve(text);
    EXPECT_FALSE(r.ok());
    EXPECT_NE(r.error.find("invalid UTF-8"), std::string::npos);

    std::vector<LoadProblem> problems;
    auto ds =
        ReadDatasetCsv(std::string(kHeader) + Row("X1", "ok") + Row("X2", text), {}, &problems);
    ASSERT_TRUE(ds.ok()) << ds.status();
    EXPECT_EQ(ds->task_count(), 1u);
    // Once for the file, the encoding hint (issue 19); then the row skipped.
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].field, "encoding");
    EXPECT_EQ(problems[1].record, "line 3");

    auto js = ReadDatasetJson("{\"schema_version\":1,\"dataset\":{\"tasks\":[{\"id\":\"" + text +
                              "\"}]}}");
    EXPECT_FALSE(js.ok());
  }
  // Folding never passes invalid bytes on.
  EXPECT_EQ(FoldDiacritics("a\xC0\xAF"
                           "b"),
            "a??b");
}

// --- NUL bytes ---

TEST(HostileInput, NulBytesAreReportedNotTruncatedAt) {
  const std::string nul(1, '\0');
  const std::string csv = "id,title\nX,ab" + nul + "cd\nY,ok\n";
  CsvReader reader(csv);
  CsvRecord rec;
  ASSERT_TRUE(reader.Next(rec));
  ASSERT_TRUE(reader.Next(rec));
  ASSERT_FALSE(rec.ok());
  EXPECT_EQ(rec.error()->kind, CsvErrorKind::kNulByte);
  ASSERT_TRUE(reader.Next(rec));
  EXPECT_EQ(rec.ToVector(), (std::vector<std::string>{"Y", "ok"}));

  // A NUL inside a deadline phrase is not silently cut off at the NUL.
  auto d = ParseDeadline("Tháng 9" + nul + "/2025");
  EXPECT_FALSE(d.ok());
  const auto x = ExtractDeadline("hạn" + nul + nul + " tháng 9/2025" + nul);
  EXPECT_EQ(x.deadline.kind, DeadlineKind::kMonth);
  EXPECT_EQ(x.deadline.text, "tháng 9/2025");

  // Raw NUL in JSON is malformed; an escaped one is refused as an id.
  EXPECT_EQ(ReadDatasetJson("{\"schema_version\":1," + nul + "}").status().code(),
            absl::StatusCode::kDataLoss);
  std::vector<LoadProblem> problems;
  auto js = ReadDatasetJson(
      "{\"schema_version\":1,\"dataset\":{\"tasks\":[{\"id\":\"a\\u0000b\",\"deadline\":"
      "{\"kind\":\"year\",\"text\":\"2025\",\"due\":\"2025-12-31\"}}]}}",
      {}, &problems);
  ASSERT_TRUE(js.ok()) << js.status();
  EXPECT_EQ(js->task_count(), 0u);
  bool named = false;
  for (const auto& p : problems)
    named |= p.message.find("control character U+0000") != std::string::npos;
  EXPECT_TRUE(named) << problems.size() << " problems";
  // A NUL in an agency cell separates words like any punctuation; it does not end the text.
  EXPECT_FALSE(AgencyRegistry::Bundled().FindByName("Bộ Tài chính" + nul + "Hà Nội").has_value());
  const Resolution two = AgencyRegistry::Bundled().Resolve("Bộ Tài chính" + nul + ", Bộ Công an");
  EXPECT_EQ(AgencyRegistry::Bundled().Ids(two), (std::vector<std::string>{"BCA", "BTC"}));
}

// --- impossible dates ---

TEST(HostileInput, ImpossibleDatesAreRefusedByName) {
  for (const char* s : {"0/0/0", "31/12/99999", "00/00/0000", "0000-00-00", "99999-12-31",
                        "32/1/2025", "29/2/2025", "31/4/2025", "1/13/2025", "-1/-1/-1"}) {
    SCOPED_TRACE(s);
    auto day = ParseDay(s);
    ASSERT_FALSE(day.ok());
    EXPECT_FALSE(day.status().message().empty());
    auto d = ParseDeadline(s);
    EXPECT_FALSE(d.ok()) << EnumName(d->kind);
    std::vector<LoadProblem> problems;
    auto ds = ReadDatasetCsv(std::string(kHeader) + Row("X", "t", s), {}, &problems);
    ASSERT_TRUE(ds.ok()) << ds.status();
    ASSERT_EQ(ds->task_count(), 1u);  // the row is kept, the bad cell reported
    EXPECT_FALSE(ds->assigned(0).has_value());
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems[0].field, "assigned");
  }
  EXPECT_TRUE(Mentions(ParseDay("31/12/99999").status(), "99999"));
  EXPECT_EQ(ParseDay("29/2/2024").value(), MakeDay(2024, 2, 29).value());
}

// --- numbers that overflow ---

TEST(HostileInput, OverflowingNumbersAreRefusedNotWrapped) {
  for (const char* s : {"4294967297/1/2025", "1/4294967297/2025", "1/1/18446744073709551617",
                        "99999999999999999999-01-01"}) {
    EXPECT_FALSE(ParseDay(s).ok()) << s;
  }
  for (const char* s : {"Tháng 99999999999999999999/2025", "Tháng 4294967305/2025",
                        "Quý 4294967300/2025", "31/12/18446744073709551617",
                        "Năm 99999999999999999999", "Trước ngày 4294967321 hàng tháng"}) {
    auto d = ParseDeadline(s);
    EXPECT_FALSE(d.ok()) << s << " read as " << EnumName(d->kind);
  }
  // A relative offset too large for any calendar: refused, not wrapped into a small one.
  auto rel = ParseDeadline("trong vòng 99999999999 ngày làm việc",
                           {.assigned = MakeDay(2025, 1, 1).value()});
  if (rel.ok()) {
    EXPECT_GT(static_cast<long long>(rel->relative_days), 100000LL);
    EXPECT_FALSE(rel->due.has_value());
  }

  // JSON numbers out of their field's range, or of any integer's.
  const std::string head =
      "{\"schema_version\":1,\"dataset\":{\"tasks\":[{\"id\":\"X\",\"deadline\":"
      "{\"kind\":\"relative\",\"text\":\"t\",\"relative_days\":";
  for (const char* n : {"99999999999999999999", "1e400", "-1e400", "4294967296", "1e6"}) {
    std::vector<LoadProblem> problems;
    auto ds = ReadDatasetJson(head + n + "}}]}}", {}, &problems);
    SCOPED_TRACE(n);
    if (ds.ok()) {
      ASSERT_FALSE(problems.empty());
      bool named = false;
      for (const auto& p : problems)
        named |= p.field.find("relative_days") != std::string::npos ||
                 p.message.find("relative_days") != std::string::npos;
      EXPECT_TRUE(named) << FormatLoadProblem(problems[0]);
      for (TaskIndex i = 0; i < ds->task_count(); ++i) {
        EXPECT_LE(std::abs(ds->GetTask(i).deadline.relative_days), 100000);
      }
    }
  }
  auto version = ReadDatasetJson("{\"schema_version\":18446744073709551617,\"dataset\":{}}");
  EXPECT_FALSE(version.ok());
  std::vector<LoadProblem> problems;
  CsvReadOptions as_of;
  as_of.as_of = MakeDay(2025, 9, 23).value();
  auto pct = ReadDatasetCsv(
      "id,title,lead,coordinators,category,source,assigned,deadline,completed,progress\n"
      "X,t,Bộ Tài chính,,,,,2025,,99999999999999999999%\n",
      as_of, &problems);
  ASSERT_TRUE(pct.ok()) << pct.status();
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0].field, "progress");
}

// --- a 1 MB deadline phrase ---

TEST(HostileInput, MegabyteDeadlinePhraseIsRefusedByTheLengthLimit) {
  std::string phrase;
  while (phrase.size() < (std::size_t{1} << 20)) phrase += "Tháng 12/2025 và năm 2026; ";
  auto d = ParseDeadline(phrase);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_TRUE(Mentions(d.status(), "limit of 4096")) << d.status();

  const auto x = ExtractDeadline(phrase);
  EXPECT_EQ(x.deadline.kind, DeadlineKind::kUnknown);
  EXPECT_EQ(x.status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_TRUE(Mentions(x.status, "limit of 16384")) << x.status;

  // The limits are configurable, and a phrase under them still reads.
  EXPECT_TRUE(ParseDeadline("Tháng 12/2025", {.max_text_bytes = 16}).ok());
  EXPECT_FALSE(ParseDeadline("Tháng 12/2025 ", {.max_text_bytes = 13}).ok());

  // Through the dataset reader: the row loads with the phrase kept and the problem named.
  std::vector<LoadProblem> problems;
  const std::string cell = phrase.substr(0, 100'000);
  auto ds = ReadDatasetCsv(std::string(kHeader) + Row("X", "t", "", cell), {}, &problems);
  ASSERT_TRUE(ds.ok()) << ds.status();
  ASSERT_EQ(ds->task_count(), 1u);
  EXPECT_EQ(ds->original_deadline(0).kind, DeadlineKind::kUnknown);
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0].field, "deadline");

  // Document references and agency cells of 1 MB finish too (linear scans).
  EXPECT_FALSE(ParseDocumentRef(phrase).ok());
  EXPECT_TRUE(FindDocumentRefs(phrase).empty());
  std::string cell_list;
  while (cell_list.size() < (std::size_t{1} << 20)) cell_list += "Bộ Tài chính, ";
  const Resolution r = AgencyRegistry::Bundled().Resolve(cell_list);
  EXPECT_EQ(AgencyRegistry::Bundled().Ids(r), (std::vector<std::string>{"BTC"}));
}

// --- ten million duplicate ids ---

// The dataset reader keeps one task and at most max_problems problems however many
// duplicates follow: each further duplicate costs one hash lookup and a counter increment,
// nothing stored. So 200,000 rows exercise exactly the path 10,000,000 would (the state
// after the cap is the same), at a cost that suits every CI run, sanitizers included.
TEST(HostileInput, ManyDuplicateIdsKeepOneTaskAndBoundedProblems) {
  constexpr int kRows = 200'000;
  std::string csv(kHeader);
  const std::string row = Row("KH25-II-1", "Họp Ban Chỉ đạo", "", "Quý IV");
  csv.reserve(csv.size() + kRows * row.size());
  for (int i = 0; i < kRows; ++i) csv += row;
  std::vector<LoadProblem> problems;
  CsvReadOptions opt;
  opt.plan_year = 2025;
  auto ds = ReadDatasetCsv(csv, opt, &problems);
  ASSERT_TRUE(ds.ok()) << ds.status();
  EXPECT_EQ(ds->task_count(), 1u);
  ASSERT_EQ(problems.size(), opt.max_problems + 1);  // 1000 listed + one summary
  EXPECT_NE(problems[0].message.find("duplicate id \"KH25-II-1\" (first on line 2)"),
            std::string::npos)
      << problems[0].message;
  EXPECT_NE(problems.back().message.find(std::to_string(kRows - 1 - 1000)), std::string::npos)
      << problems.back().message;

  opt.strict = true;
  problems.clear();
  auto strict = ReadDatasetCsv(csv, opt, &problems);
  ASSERT_FALSE(strict.ok());
  EXPECT_TRUE(Mentions(strict.status(), "duplicate id")) << strict.status();

  // The same in JSON: duplicates are reported, the first is kept.
  std::string json = "{\"schema_version\":1,\"dataset\":{\"tasks\":[";
  for (int i = 0; i < 20'000; ++i) {
    if (i) json += ',';
    json +=
        "{\"id\":\"X\",\"deadline\":{\"kind\":\"year\",\"text\":\"2025\",\"due\":\"2025-12-31\"}}";
  }
  json += "]}}";
  problems.clear();
  auto js = ReadDatasetJson(json, {}, &problems);
  ASSERT_TRUE(js.ok()) << js.status();
  EXPECT_EQ(js->task_count(), 1u);
  EXPECT_FALSE(problems.empty());
}

}  // namespace
}  // namespace mandate
