// The compact storage under a dataset (issue 20): Column (owned or borrowed, copied on the
// first write), IndexColumn (2 bytes a value until one needs 4) and StringColumn (4 bytes a
// string plus its text, chunks of consecutive strings).
#include "mandate/column.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "mandate/index_column.h"
#include "mandate/string_pool.h"

namespace mandate {
namespace {

TEST(Column, BorrowedIsReadInPlaceAndCopiedOnTheFirstWrite) {
  auto lender = std::make_shared<std::vector<int>>(std::vector<int>{5, 6, 7});
  Column<int> c = Column<int>::Borrow(lender, *lender);
  EXPECT_TRUE(c.borrowed());
  EXPECT_EQ(c.data(), lender->data());  // no copy
  EXPECT_EQ(c.size(), 3u);
  EXPECT_EQ(c.MemoryBytes(), 0u);  // the lender's memory
  Column<int> shared = c;          // a copy still borrows
  EXPECT_EQ(shared.data(), lender->data());
  c[1] = 60;  // the first write copies
  EXPECT_FALSE(c.borrowed());
  EXPECT_NE(c.data(), lender->data());
  EXPECT_EQ((*lender)[1], 6);  // the lender is untouched
  EXPECT_EQ(c, (Column<int>{5, 60, 7}));
  EXPECT_EQ(shared, (Column<int>{5, 6, 7}));
  shared.push_back(8);
  EXPECT_EQ(shared, (Column<int>{5, 6, 7, 8}));
  EXPECT_EQ(lender->size(), 3u);
}

TEST(Column, MovesKeepTheValuesAndLeaveAnEmptyColumn) {
  Column<int> a{1, 2, 3};
  const int* data = a.data();
  Column<int> b = std::move(a);
  EXPECT_EQ(b.data(), data);
  EXPECT_EQ(b.size(), 3u);
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): documented state
  a.push_back(4);
  EXPECT_EQ(a, (Column<int>{4}));
  b.reserve(100);
  b.append(a.begin(), a.end());
  EXPECT_EQ(b, (Column<int>{1, 2, 3, 4}));
  b.shrink_to_fit();
  EXPECT_EQ(b.capacity(), 4u);
}

TEST(IndexColumn, TwoBytesUntilAValueNeedsFour) {
  IndexColumn c;
  for (std::uint32_t v = 0; v < 1000; ++v) c.push_back(v * 65);
  EXPECT_FALSE(c.wide());
  EXPECT_EQ(c[999], 64935u);
  EXPECT_EQ(c.MemoryBytes(), c.narrow().capacity() * 2);
  c.push_back(0xFFFE);
  EXPECT_FALSE(c.wide());
  c.push_back(0xFFFF);  // the first value past 65,534 widens, keeping every value
  EXPECT_TRUE(c.wide());
  c.push_back(4000000000u);
  ASSERT_EQ(c.size(), 1003u);
  for (std::uint32_t v = 0; v < 1000; ++v) ASSERT_EQ(c[v], v * 65);
  EXPECT_EQ(c[1000], 0xFFFEu);
  EXPECT_EQ(c[1001], 0xFFFFu);
  EXPECT_EQ(c[1002], 4000000000u);
  EXPECT_TRUE(c.narrow().empty());
}

// Strings of every size around the chunk limits: small ones filling doubling chunks, large
// ones (over 256 KiB) in chunks of their own, empty ones anywhere.
std::vector<std::string> Mixed() {
  std::vector<std::string> v;
  for (int i = 0; i < 30000; ++i) {
    v.push_back(i % 97 == 0 ? std::string() : "T" + std::to_string(1000000 + i * 7) + "-x");
    if (i % 5000 == 17) v.push_back(std::string(300000 + i, static_cast<char>('a' + i % 26)));
    if (i % 7001 == 3) v.push_back(std::string(262144, 'q'));  // exactly the limit: shared
  }
  return v;
}

TEST(StringColumn, EveryStringReadsBackAcrossChunks) {
  const std::vector<std::string> in = Mixed();
  StringColumn col;
  for (std::size_t i = 0; i < in.size(); ++i) ASSERT_EQ(col.Append(in[i]), i);
  ASSERT_EQ(col.size(), in.size());
  for (std::size_t i = 0; i < in.size(); ++i) ASSERT_EQ(col[i], in[i]) << i;
  const StringColumn::Image im = col.image();
  EXPECT_GT(im.chunks.size(), 10u);
  EXPECT_EQ(im.ends.size(), in.size());
}

TEST(StringColumn, EachStringCostsFourBytesBeyondItsText) {
  StringColumn col;
  const std::size_t n = 200000;
  for (std::size_t i = 0; i < n; ++i) col.Append("T" + std::to_string(1000000 + i));  // 8 bytes
  col.ShrinkToFit();
  // 8 bytes of text and a 4-byte end a string, plus at most one chunk's slack.
  EXPECT_LE(col.MemoryBytes(), n * 12 + (1u << 20));
  EXPECT_GE(col.MemoryBytes(), n * 12);
}

TEST(StringColumn, BorrowedColumnReadsTheLendersBytesAndAppendsToItsOwn) {
  const std::vector<std::string> in = Mixed();
  StringColumn col;
  for (const auto& s : in) col.Append(s);
  const StringColumn::Image im = col.image();
  // A lender holding copies of the ends and the chunks, as a snapshot's mapping does.
  struct Lender {
    std::vector<std::uint32_t> ends;
    std::vector<std::string> chunks;
  };
  auto lender = std::make_shared<Lender>();
  lender->ends.assign(im.ends.begin(), im.ends.end());
  std::vector<std::string_view> views;
  for (auto c : im.chunks) lender->chunks.emplace_back(c);
  for (const auto& c : lender->chunks) views.push_back(c);
  std::vector<std::uint32_t> first(im.chunk_first.begin(), im.chunk_first.end());
  auto borrowed = StringColumn::Borrow(lender, lender->ends, first, views);
  ASSERT_TRUE(borrowed.ok()) << borrowed.status();
  for (std::size_t i = 0; i < in.size(); ++i) ASSERT_EQ((*borrowed)[i], in[i]) << i;
  EXPECT_EQ(borrowed->Append("after"), in.size());
  EXPECT_EQ((*borrowed)[in.size()], "after");
  EXPECT_EQ((*borrowed)[in.size() - 1], in.back());

  // Bad layouts are refused, naming the chunk.
  auto ends = lender->ends;
  ends[2] = ends[1] - 1;  // an end below the string before: inside chunk 0
  auto bad = StringColumn::Borrow(lender, ends, first, views);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("chunk 0"), std::string::npos);
  ends = lender->ends;
  ends[first[1] - 1] = static_cast<std::uint32_t>(views[0].size() + 1);  // past its chunk
  EXPECT_FALSE(StringColumn::Borrow(lender, ends, first, views).ok());
  auto shuffled = first;
  std::swap(shuffled[1], shuffled[2]);
  EXPECT_FALSE(StringColumn::Borrow(lender, lender->ends, shuffled, views).ok());
  shuffled = first;
  shuffled[0] = 1;
  EXPECT_FALSE(StringColumn::Borrow(lender, lender->ends, shuffled, views).ok());
  first.pop_back();
  EXPECT_FALSE(StringColumn::Borrow(lender, lender->ends, first, views).ok());
}

TEST(StringColumn, StrictlyAscendingIsByteOrderAcrossChunks) {
  StringColumn col;
  EXPECT_TRUE(col.StrictlyAscending());
  for (int i = 0; i < 100000; ++i) col.Append("T" + std::to_string(1000000 + i));
  col.Append(std::string(300000, 'U'));  // a chunk of its own, still ascending
  col.Append("V");
  EXPECT_TRUE(col.StrictlyAscending());
  col.Append("V");  // equal is not ascending
  EXPECT_FALSE(col.StrictlyAscending());
  StringColumn down;
  down.Append("b");
  down.Append("a");
  EXPECT_FALSE(down.StrictlyAscending());
}

TEST(StringPool, InternsOnceAndOpensWithoutAnIndex) {
  StringPool pool;
  const auto a = pool.Intern("Bộ Tài chính, Bộ Công an");
  EXPECT_EQ(pool.Intern("Bộ Tài chính, Bộ Công an"), a);
  EXPECT_EQ(pool.Intern(""), 0u);
  const auto b = pool.Intern("ghi chú");
  EXPECT_NE(a, b);
  StringColumn text;
  text.Append("");
  text.Append("x");
  text.Append("y");
  text.Append("x");  // stored twice: both ids read it, Intern finds the first
  auto opened = StringPool::FromColumn(std::move(text));
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ(opened->Get(3), "x");
  EXPECT_EQ(opened->Intern("x"), 1u);
  EXPECT_EQ(opened->Intern("y"), 2u);
  EXPECT_EQ(opened->Intern("z"), 4u);
  StringColumn bad;
  bad.Append("not empty");
  EXPECT_FALSE(StringPool::FromColumn(std::move(bad)).ok());
}

}  // namespace
}  // namespace mandate
