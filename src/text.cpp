#include "mandate/text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <utility>

namespace mandate {
namespace {

struct FoldEntry {
  char32_t cp;
  char base;
};
constexpr FoldEntry kFoldTable[] = {
#include "fold_table.inc"
};

// Decodes one code point at text[i]; returns {code point, length} or {0, 0} if invalid.
std::pair<char32_t, std::size_t> Decode(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t len;
  char32_t cp;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return {0, 0};
  }
  if (i + len > text.size()) return {0, 0};
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
  return {cp, len};
}

bool IsUnicodeSpace(char32_t cp) {
  return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// Appends the folded form of the code point at text[i]; returns bytes consumed.
template <typename Emit>
std::size_t FoldOne(std::string_view text, std::size_t i, Emit&& emit) {
  auto [cp, len] = Decode(text, i);
  if (len == 0) {
    emit('?');
    return 1;
  }
  if (cp < 0x80) {
    emit(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    return 1;
  }
  if (cp >= 0x0300 && cp <= 0x036F) return len;  // combining marks (NFD tones and hats)
  if (IsUnicodeSpace(cp)) {
    if (cp != 0xFEFF) emit(' ');
    return len;
  }
  const auto* it = std::lower_bound(std::begin(kFoldTable), std::end(kFoldTable), cp,
                                    [](const FoldEntry& e, char32_t c) { return e.cp < c; });
  if (it != std::end(kFoldTable) && it->cp == cp) {
    emit(it->base);
    return len;
  }
  for (std::size_t k = 0; k < len; ++k) emit(text[i + k]);
  return len;
}

}  // namespace

std::optional<std::size_t> FindInvalidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    // ASCII runs eight bytes at a time (ids, dates, most of a Vietnamese line).
    while (i + 8 <= text.size()) {
      std::uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= text.size()) break;
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    auto [cp, len] = Decode(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

std::string FoldDiacritics(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();)
    i += FoldOne(text, i, [&](char c) { out.push_back(c); });
  return out;
}

FoldedText FoldWithOffsets(std::string_view text) {
  FoldedText out;
  out.text.reserve(text.size());
  out.origin.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    i += FoldOne(text, i, [&](char c) {
      out.text.push_back(c);
      out.origin.push_back(at);
    });
  }
  out.origin.push_back(text.size());
  return out;
}

std::string NormalizeKey(std::string_view text) {
  const std::string folded = FoldDiacritics(text);
  std::string out;
  out.reserve(folded.size() + 8);
  bool pending_space = false;
  auto word = [&](std::string_view w) {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.append(w);
  };
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word(std::string_view(&c, 1));
    } else if (c == '&') {
      pending_space = true;
      word("va");
      pending_space = true;
    } else {
      pending_space = true;
    }
  }
  return out;
}

}  // namespace mandate
