#include "mandate/text.h"

#include <gtest/gtest.h>

namespace mandate {
namespace {

TEST(Text, FoldsNfcAndNfdAlike) {
  const std::string nfc =
      "B\xe1\xbb\x99 Khoa h\xe1\xbb\x8d"
      "c";  // Bộ Khoa học
  const std::string nfd =
      "Bo\xcc\xa3\xcc\x82 Khoa ho\xcc\xa3"
      "c";  // NFD
  EXPECT_EQ(FoldDiacritics(nfc), "bo khoa hoc");
  EXPECT_EQ(FoldDiacritics(nfd), "bo khoa hoc");
}

TEST(Text, FoldsBothToneMarkConventionsAndDStroke) {
  EXPECT_EQ(NormalizeKey("Thanh Hóa"), NormalizeKey("Thanh Hoá"));
  EXPECT_EQ(NormalizeKey("Thủy"), NormalizeKey("Thuỷ"));
  EXPECT_EQ(NormalizeKey("Đà Nẵng"), "da nang");
  EXPECT_EQ(NormalizeKey("ĐIỆN BIÊN"), "dien bien");
}

TEST(Text, NormalizeKeyHandlesAmpersandSpacesAndPunctuation) {
  EXPECT_EQ(NormalizeKey("Bộ KH&CN"), "bo kh va cn");
  EXPECT_EQ(NormalizeKey("  Bộ  KH & CN. "), "bo kh va cn");
  EXPECT_EQ(NormalizeKey("UBND TP.\u00a0Hà Nội"), "ubnd tp ha noi");
  EXPECT_EQ(NormalizeKey(""), "");
}

TEST(Text, Utf8ValidationRejectsOverlongSurrogatesAndTruncation) {
  EXPECT_TRUE(IsValidUtf8("Việt Nam"));
  EXPECT_EQ(FindInvalidUtf8("ab\xc0\xaf"), 2u);         // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xed\xa0\x80"), 0u);       // surrogate U+D800
  EXPECT_EQ(FindInvalidUtf8("x\xf4\x90\x80\x80"), 1u);  // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("Vi\xe1\xbb"), 2u);         // truncated sequence
  EXPECT_EQ(FoldDiacritics("a\xffz"), "a?z");
}

TEST(Text, FoldWithOffsetsMapsBackToOriginalBytes) {
  const std::string s = "Hạn 30/11";
  const FoldedText f = FoldWithOffsets(s);
  EXPECT_EQ(f.text, "han 30/11");
  ASSERT_EQ(f.origin.size(), f.text.size() + 1);
  EXPECT_EQ(f.origin[4], s.find("30"));
  EXPECT_EQ(f.origin.back(), s.size());
}

}  // namespace
}  // namespace mandate
