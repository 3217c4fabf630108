#include "mandate/csv.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>
#include "seed_data.h"

namespace mandate {
namespace {

struct Read {
  std::size_t line;
  std::vector<std::string> fields;
  std::optional<CsvError> error;
};

std::vector<Read> ReadAll(std::string_view text, CsvOptions options = {}) {
  CsvReader reader(text, options);
  CsvRecord record;
  std::vector<Read> out;
  while (reader.Next(record)) out.push_back({record.line(), record.ToVector(), record.error()});
  return out;
}

using Fields = std::vector<std::string>;

TEST(Csv, ReadsSimpleRecordsWithEveryLineEnd) {
  for (std::string_view eol : {"\n", "\r\n", "\r"}) {
    const std::string text = "id,title\n1,Một\n2,Hai";
    std::string converted;
    for (char c : text) {
      if (c == '\n') {
        converted.append(eol);
      } else {
        converted.push_back(c);
      }
    }
    const auto rows = ReadAll(converted);
    ASSERT_EQ(rows.size(), 3u) << "eol " << eol.size();
    EXPECT_EQ(rows[0].fields, (Fields{"id", "title"}));
    EXPECT_EQ(rows[1].fields, (Fields{"1", "Một"}));
    EXPECT_EQ(rows[2].fields, (Fields{"2", "Hai"}));
    EXPECT_EQ(rows[2].line, 3u);
    EXPECT_FALSE(rows[2].error);
  }
}

TEST(Csv, SkipsBomAndBlankLinesAndKeepsEmptyFields) {
  CsvReader reader(
      "\xEF\xBB\xBF"
      "a,,c,\r\n\r\n\n,\n");
  CsvRecord r;
  ASSERT_TRUE(reader.Next(r));
  EXPECT_TRUE(reader.had_bom());
  EXPECT_EQ(r.ToVector(), (Fields{"a", "", "c", ""}));
  ASSERT_TRUE(reader.Next(r));
  EXPECT_EQ(r.line(), 4u);
  EXPECT_EQ(r.ToVector(), (Fields{"", ""}));
  EXPECT_FALSE(reader.Next(r));
}

TEST(Csv, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  const auto rows = ReadAll(
      "lead,note\r\n"
      "\"Bộ Văn hóa, Thể thao và Du lịch, Bộ Công an\",\"gọi là \"\"đề án 06\"\"\"\r\n"
      "\"dòng 1\r\ndòng 2\ndòng 3\",\"\"\r\n"
      "x,y\r\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].fields,
            (Fields{"Bộ Văn hóa, Thể thao và Du lịch, Bộ Công an", "gọi là \"đề án 06\""}));
  EXPECT_EQ(rows[2].fields, (Fields{"dòng 1\r\ndòng 2\ndòng 3", ""}));
  EXPECT_EQ(rows[2].line, 3u);
  EXPECT_EQ(rows[3].line, 6u);  // the three physical lines of record 3 are counted
  EXPECT_EQ(rows[3].fields, (Fields{"x", "y"}));
}

TEST(Csv, StrayQuoteIsReportedAndNeighboursSurvive) {
  const auto rows = ReadAll("a,b\nBộ \"X\",2\n\"ok\"x,3\nc,d\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "b"}));
  ASSERT_TRUE(rows[1].error);
  EXPECT_EQ(rows[1].error->kind, CsvErrorKind::kStrayQuote);
  EXPECT_EQ(rows[1].error->line, 2u);
  EXPECT_EQ(rows[1].error->column, 1u);
  EXPECT_EQ(rows[1].error->offset, 4u + std::string("Bộ ").size());
  EXPECT_TRUE(rows[1].fields.empty());
  ASSERT_TRUE(rows[2].error);
  EXPECT_EQ(rows[2].error->kind, CsvErrorKind::kStrayQuote);
  EXPECT_EQ(rows[2].error->line, 3u);
  EXPECT_EQ(rows[3].fields, (Fields{"c", "d"}));
  EXPECT_EQ(rows[3].line, 4u);
}

TEST(Csv, UnterminatedQuoteResumesOnTheNextLine) {
  const auto rows = ReadAll("id,x\n1,\"never closed\n2,b\n3,c\n");
  ASSERT_EQ(rows.size(), 4u);
  ASSERT_TRUE(rows[1].error);
  EXPECT_EQ(rows[1].error->kind, CsvErrorKind::kUnterminatedQuote);
  EXPECT_EQ(rows[1].error->line, 2u);
  EXPECT_EQ(rows[1].error->column, 2u);
  EXPECT_EQ(rows[1].error->offset, 7u);
  EXPECT_EQ(rows[2].fields, (Fields{"2", "b"}));
  EXPECT_EQ(rows[2].line, 3u);
  EXPECT_EQ(rows[3].fields, (Fields{"3", "c"}));
}

TEST(Csv, InvalidUtf8AndNulNameTheByteOffset) {
  const std::string text =
      std::string("a,b\n1,Vi\xe1\xbb\n2,ok\n3,x") + '\0' + "y\n4,\"q\xc0\xaf\"\n";
  const auto rows = ReadAll(text);
  ASSERT_EQ(rows.size(), 5u);
  ASSERT_TRUE(rows[1].error);
  EXPECT_EQ(rows[1].error->kind, CsvErrorKind::kInvalidUtf8);
  EXPECT_EQ(rows[1].error->offset, 8u);
  EXPECT_EQ(rows[1].error->column, 2u);
  EXPECT_NE(rows[1].error->message.find("offset 8"), std::string::npos);
  EXPECT_EQ(rows[2].fields, (Fields{"2", "ok"}));
  ASSERT_TRUE(rows[3].error);
  EXPECT_EQ(rows[3].error->kind, CsvErrorKind::kNulByte);
  EXPECT_EQ(rows[3].error->line, 4u);
  EXPECT_EQ(rows[3].error->offset, text.find('\0'));
  ASSERT_TRUE(rows[4].error);
  EXPECT_EQ(rows[4].error->kind, CsvErrorKind::kInvalidUtf8);  // overlong, inside quotes
  EXPECT_EQ(rows[4].error->offset, text.find("\xc0"));
}

TEST(Csv, RefusesUtf16) {
  const auto rows =
      ReadAll(std::string("\xFF\xFE"
                          "a\0,\0b\0",
                          8));
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_TRUE(rows[0].error);
  EXPECT_EQ(rows[0].error->kind, CsvErrorKind::kUnsupportedEncoding);
}

TEST(Csv, LimitsOnFieldRecordAndColumns) {
  CsvOptions small;
  small.limits = {.max_field_bytes = 8, .max_columns = 3, .max_record_bytes = 12};
  const auto rows = ReadAll(
      "12345678,\"123456789\"\n"  // field over 8 (quoted)
      "1234,12345,1234\n"         // record over 12
      "a,b,c,d\n"                 // 4 columns
      "\"a,\nb\",c\n",            // fine, 2 physical lines
      small);
  ASSERT_EQ(rows.size(), 4u);
  ASSERT_TRUE(rows[0].error);
  EXPECT_EQ(rows[0].error->kind, CsvErrorKind::kFieldTooLong);
  EXPECT_EQ(rows[0].error->column, 2u);
  ASSERT_TRUE(rows[1].error);
  EXPECT_EQ(rows[1].error->kind, CsvErrorKind::kRecordTooLong);
  EXPECT_EQ(rows[1].error->column, 3u);
  ASSERT_TRUE(rows[2].error);
  EXPECT_EQ(rows[2].error->kind, CsvErrorKind::kTooManyColumns);
  EXPECT_EQ(rows[2].error->column, 4u);
  EXPECT_EQ(rows[3].fields, (Fields{"a,\nb", "c"}));
}

TEST(Csv, HundredMegabyteFieldIsRefusedWithDefaultLimits) {
  std::string text = "id,title\n1,\"";
  text.append(std::size_t{100} << 20, 'x');
  text.append("\"\n2,ok\n");
  const auto rows = ReadAll(text);
  ASSERT_EQ(rows.size(), 3u);
  ASSERT_TRUE(rows[1].error);
  EXPECT_EQ(rows[1].error->kind, CsvErrorKind::kFieldTooLong);
  EXPECT_NE(rows[1].error->message.find("1048576"), std::string::npos);
  EXPECT_EQ(rows[2].fields, (Fields{"2", "ok"}));
  EXPECT_EQ(rows[2].line, 3u);
}

TEST(Csv, MillionColumnsAreRefusedAndTheNextRecordIsRead) {
  std::string text;
  for (int i = 0; i < 1'000'000; ++i) text.append("a,");
  text.append("z\nnext,row\n");
  const auto rows = ReadAll(text);
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_TRUE(rows[0].error);
  EXPECT_EQ(rows[0].error->kind, CsvErrorKind::kTooManyColumns);
  EXPECT_EQ(rows[0].error->column, 1025u);
  EXPECT_EQ(rows[1].fields, (Fields{"next", "row"}));
}

TEST(Csv, WriterQuotesOnlyWhenNeeded) {
  CsvWriter w;
  w.WriteRecord({"plain", "a,b", "say \"hi\"", "two\nlines", "", " spaced "});
  w.WriteRecord({""});
  EXPECT_EQ(w.data(), "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",, spaced \r\n\"\"\r\n");
  CsvWriter semi({.delimiter = ';', .line_end = "\n", .bom = true});
  semi.WriteRecord({"a,b", "c;d"});
  EXPECT_EQ(semi.data(),
            "\xEF\xBB\xBF"
            "a,b;\"c;d\"\n");
  CsvOptions semicolon;
  semicolon.delimiter = ';';
  const auto rows = ReadAll(semi.data(), semicolon);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].fields, (Fields{"a,b", "c;d"}));
}

TEST(Csv, WriterThenReaderRoundTripsArbitraryFields) {
  std::mt19937 rng(57);
  const std::vector<std::string> pieces = {"a", ",", "\"", "\r",           "\n", "\r\n",
                                           " ", "Đ", "ộ",  "\xEF\xBB\xBF", ";"};
  std::vector<Fields> records;
  CsvWriter w;
  for (int r = 0; r < 2000; ++r) {
    Fields rec(1 + rng() % 6);
    for (auto& f : rec) {
      const int len = static_cast<int>(rng() % 6);
      for (int i = 0; i < len; ++i) f += pieces[rng() % pieces.size()];
    }
    w.WriteRecord(rec);
    records.push_back(rec);
  }
  const auto rows = ReadAll(w.data());
  ASSERT_EQ(rows.size(), records.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ASSERT_FALSE(rows[i].error) << i << ": " << rows[i].error->message;
    EXPECT_EQ(rows[i].fields, records[i]) << "record " << i;
  }
}

TEST(Csv, RoundTripsTheSeedPlanTable) {
  const std::vector<std::string> keys = {"id",           "title",         "lead",
                                         "coordinators", "deadline_text", "note"};
  std::vector<Fields> records;
  CsvWriter w({.bom = true});
  w.WriteRecord(keys);
  for (const auto& j : mandate::testing::ReadSeedJsonl("plan-2025-tasks.jsonl")) {
    Fields rec;
    for (const auto& k : keys) rec.push_back(j.at(k).get<std::string>());
    w.WriteRecord(rec);
    records.push_back(rec);
  }
  ASSERT_EQ(records.size(), 248u);
  const auto rows = ReadAll(w.data());
  ASSERT_EQ(rows.size(), 249u);
  std::size_t multiline = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(rows[i + 1].fields, records[i]);
    for (const auto& f : records[i]) multiline += f.find('\n') != std::string::npos;
  }
  EXPECT_GT(multiline, 0u);  // the seed has cells with line breaks: the test exercises them
}

TEST(Csv, ArbitraryBytesNeverCrashAndAlwaysTerminate) {
  std::mt19937 rng(4180);
  const std::string alphabet = std::string("a,\"\r\n\xc3\xa9\xff", 9) + '\0';
  CsvOptions tiny;
  tiny.limits = {.max_field_bytes = 16, .max_columns = 4, .max_record_bytes = 32};
  std::size_t records = 0;
  for (int t = 0; t < 3000; ++t) {
    std::string text(rng() % 64, 'a');
    for (auto& c : text) c = alphabet[rng() % alphabet.size()];
    for (const auto& opts : {CsvOptions{}, tiny}) {
      CsvReader reader(text, opts);
      CsvRecord r;
      std::size_t guard = 0;
      while (reader.Next(r)) {
        ASSERT_LE(++guard, 2 * text.size() + 2) << "reader does not advance";
        if (r.ok()) {
          for (std::size_t i = 0; i < r.size(); ++i) EXPECT_LE(r[i].size(), text.size());
        } else {
          EXPECT_FALSE(r.error()->message.empty());
          EXPECT_LE(r.error()->offset, text.size());
        }
        ++records;
      }
    }
  }
  EXPECT_GT(records, 3000u);
}

}  // namespace
}  // namespace mandate
