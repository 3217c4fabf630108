#include "deadline_lexer.h"

namespace mandate::internal {

Lexed Lex(std::string_view original) {
  Lexed out;
  out.original = original;
  out.folded = FoldWithOffsets(original);
  const std::string& s = out.folded.text;
  out.tokens.reserve(s.size() / 3 + 1);
  bool space = true;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      ++i;
      continue;
    }
    Token t;
    t.begin = i;
    t.space_before = space;
    space = false;
    if (c >= 'a' && c <= 'z') {
      while (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
      t.kind = Token::kWord;
    } else if (c >= '0' && c <= '9') {
      std::uint32_t v = 0;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        if (v < 100000000) v = v * 10 + static_cast<std::uint32_t>(s[i] - '0');
        ++i;
      }
      t.kind = Token::kNumber;
      t.value = v;
    } else if (c < 0x80) {
      t.kind = Token::kPunct;
      t.punct = static_cast<char>(c);
      ++i;
    } else {
      // A non-ASCII character that folding kept (quotes, dashes, ellipsis, OCR symbols).
      std::size_t len = (c & 0xE0) == 0xC0   ? 2
                        : (c & 0xF0) == 0xE0 ? 3
                        : (c & 0xF8) == 0xF0 ? 4
                                             : 1;
      if (i + len > s.size()) len = 1;
      const std::string_view ch(s.data() + i, len);
      t.kind = Token::kPunct;
      t.punct = (ch == "\xe2\x80\x93" || ch == "\xe2\x80\x94") ? '-' : '?';  // en/em dash
      i += len;
    }
    t.end = i;
    out.tokens.push_back(t);
  }
  return out;
}

}  // namespace mandate::internal
