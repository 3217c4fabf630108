#include "legacy_encoding.h"

#include "absl/strings/str_format.h"
#include "mandate/text.h"

namespace mandate::internal {

namespace {

// The length of the valid UTF-8 sequence of two or more bytes at text[i], or 0.
std::size_t Utf8SequenceAt(std::string_view text, std::size_t i) {
  const std::size_t n = text.size() - i;
  for (std::size_t len = 2; len <= 4 && len <= n; ++len) {
    if (IsValidUtf8(text.substr(i, len))) return len;
  }
  return 0;
}

}  // namespace

LegacyEncoding GuessLegacyEncoding(std::string_view bytes) {
  std::size_t legacy = 0;  // bytes >= 0x80 that are not part of valid UTF-8
  std::size_t tcvn3 = 0;   // of them, in TCVN3's own ranges
  std::size_t utf8 = 0;    // valid multi-byte UTF-8 sequences
  for (std::size_t i = 0; i < bytes.size();) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      ++i;
    } else if (const std::size_t len = Utf8SequenceAt(bytes, i); len > 0) {
      ++utf8;
      i += len;
    } else {
      ++legacy;
      tcvn3 += (c >= 0xA8 && c <= 0xAE) || (c >= 0xB5 && c <= 0xBF);
      ++i;
    }
  }
  // Mostly UTF-8 with a few bad bytes is damage or a pasted cell, not a legacy file.
  if (legacy == 0 || utf8 >= legacy) return LegacyEncoding::kUnknown;
  // In TCVN3 text a third or more of the high bytes are in those two ranges; in Windows-1258
  // text next to none.
  return tcvn3 * 5 >= legacy ? LegacyEncoding::kTcvn3 : LegacyEncoding::kWindows1258;
}

std::optional<std::string> NotUtf8Hint(std::string_view text) {
  const auto bad = FindInvalidUtf8(text);
  if (!bad) return std::nullopt;
  std::string_view likely;
  switch (GuessLegacyEncoding(text)) {
    case LegacyEncoding::kWindows1258:
      likely =
          "it looks like Windows-1258 (what Excel's plain \"CSV (Comma delimited)\" writes "
          "on a Vietnamese Windows)";
      break;
    case LegacyEncoding::kTcvn3:
      likely =
          "it looks like TCVN3 (ABC), the encoding of .Vn fonts such as .VnTime; convert "
          "it to Unicode first (e.g. with Unikey's converter)";
      break;
    case LegacyEncoding::kUnknown:
      likely =
          "it is not in a known Vietnamese encoding (damaged, or cells pasted from "
          "another encoding)";
      break;
  }
  return absl::StrFormat(
      "the file is not UTF-8 (first invalid byte at offset %d): %s. Save it as CSV UTF-8 in "
      "Excel: File → Save As → CSV UTF-8 (Comma delimited). Rows whose cells are not UTF-8 are "
      "skipped; the other rows are loaded",
      *bad, likely);
}

}  // namespace mandate::internal
