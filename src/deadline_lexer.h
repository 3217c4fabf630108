// Internal: the token stream the deadline and document-reference parsers share. Tokens are
// cut from the folded text (lower case, no diacritics), and keep offsets back to the
// caller's bytes so results can quote and point at the original.
#ifndef MANDATE_SRC_DEADLINE_LEXER_H
#define MANDATE_SRC_DEADLINE_LEXER_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mandate/text.h"

namespace mandate::internal {

struct Token {
  enum Kind : std::uint8_t { kWord, kNumber, kPunct };
  Kind kind = kPunct;
  char punct = 0;            // kPunct: the ASCII character; dashes map to '-', others to '?'
  bool space_before = true;  // whitespace or the start of the text precedes it
  std::uint32_t value = 0;   // kNumber: the value (capped), digits() gives the length
  std::size_t begin = 0;     // byte offsets in the folded text
  std::size_t end = 0;
  std::size_t digits() const { return end - begin; }
};

// The folded text, its tokens and the way back to the original bytes.
struct Lexed {
  std::string_view original;
  FoldedText folded;
  std::vector<Token> tokens;
  // Token i's text in the folded form (computed: the struct may move, SSO strings with it).
  std::string_view Text(std::size_t i) const {
    return std::string_view(folded.text).substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
  }
  // Byte offsets in the original of token i's first byte / one past its last byte.
  std::size_t OrigBegin(std::size_t i) const { return folded.origin[tokens[i].begin]; }
  std::size_t OrigEnd(std::size_t i) const { return folded.origin[tokens[i].end]; }
  // The original text of tokens [b, e).
  std::string_view Quote(std::size_t b, std::size_t e) const {
    if (b >= e || e > tokens.size()) return {};
    return original.substr(OrigBegin(b), OrigEnd(e - 1) - OrigBegin(b));
  }
  bool IsWord(std::size_t i, std::string_view w) const {
    return i < tokens.size() && tokens[i].kind == Token::kWord && Text(i) == w;
  }
  bool IsWord(std::size_t i) const { return i < tokens.size() && tokens[i].kind == Token::kWord; }
  bool IsPunct(std::size_t i, char c) const {
    return i < tokens.size() && tokens[i].kind == Token::kPunct && tokens[i].punct == c;
  }
  bool IsNumber(std::size_t i) const {
    return i < tokens.size() && tokens[i].kind == Token::kNumber;
  }
  // Token i starts right after token i-1 (no space between).
  bool Adjacent(std::size_t i) const { return i < tokens.size() && !tokens[i].space_before; }
};

Lexed Lex(std::string_view original);

}  // namespace mandate::internal

#endif
