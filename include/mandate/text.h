// Text helpers shared by every parser: UTF-8 validation and the Vietnamese-aware folding
// that makes "Bộ KH&CN", "BO KH & CN" and an NFD "Bộ" compare equal.
#ifndef MANDATE_TEXT_H
#define MANDATE_TEXT_H

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mandate {

// Byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and code
// points above U+10FFFF are invalid), or nullopt when the whole text is valid.
std::optional<std::size_t> FindInvalidUtf8(std::string_view text);
inline bool IsValidUtf8(std::string_view text) { return !FindInvalidUtf8(text).has_value(); }

// Lower-cases and strips diacritics from Latin letters (NFC or NFD input alike; đ -> d);
// NBSP and other Unicode spaces become ' '. Everything else is kept byte for byte, so
// offsets of ASCII punctuation survive. Invalid UTF-8 bytes become '?'.
std::string FoldDiacritics(std::string_view text);

// The comparison key: FoldDiacritics, then '&' -> " va ", every run of characters that are
// not [a-z0-9] -> one space, trimmed. "Bộ KH&CN" -> "bo kh va cn".
std::string NormalizeKey(std::string_view text);

// Same folding, but keeps a map from each byte of the folded text back to the byte in the
// original where it came from, for parsers that report spans in the caller's text.
struct FoldedText {
  std::string text;                 // FoldDiacritics(original)
  std::vector<std::size_t> origin;  // origin[i]: byte offset in original of text[i]; size text+1
};
FoldedText FoldWithOffsets(std::string_view text);

}  // namespace mandate

#endif
