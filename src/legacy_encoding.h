// Which legacy 8-bit Vietnamese encoding a file that is not UTF-8 is probably in, so that a
// reader can say how to fix it instead of only "invalid UTF-8". Vietnamese spreadsheets are
// still saved as Windows-1258 (Excel's plain "CSV (Comma delimited)" on a Vietnamese Windows)
// or typed in TCVN3 (ABC) fonts such as .VnTime.
#ifndef MANDATE_SRC_LEGACY_ENCODING_H
#define MANDATE_SRC_LEGACY_ENCODING_H

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mandate::internal {

enum class LegacyEncoding { kUnknown, kWindows1258, kTcvn3 };

// A guess from byte frequencies. TCVN3 puts its precomposed lowercase letters in 0xA8..0xFE,
// and 0xA8..0xAE (ă â ê ô ơ ư đ) and 0xB5..0xBF (à ả ã á ạ, ằ ...) are among the most frequent;
// Windows-1258 uses those bytes for rare symbols (© « ® µ ¶ ·), writing its letters in
// 0xC0..0xFF and the tones it has no precomposed letter for as combining marks at 0xCC, 0xEC,
// 0xD2, 0xDE and 0xF2. So: TCVN3 when a fifth or more of the bytes >= 0x80 fall in TCVN3's
// ranges, else Windows-1258 (what Excel writes on a Vietnamese Windows). Only bytes outside
// valid UTF-8 sequences count; kUnknown when there are none, or fewer than the valid UTF-8
// sequences (a damaged UTF-8 file, or a cell pasted from elsewhere).
LegacyEncoding GuessLegacyEncoding(std::string_view bytes);

// The file-level message for text that is not UTF-8: where the first bad byte is, the likely
// encoding, and how to save the file as UTF-8 from Excel. Nullopt when the text is UTF-8.
std::optional<std::string> NotUtf8Hint(std::string_view text);

}  // namespace mandate::internal

#endif
