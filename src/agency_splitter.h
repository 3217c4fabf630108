// The token stream the agency resolver matches names against: the words of a cell as
// NormalizeKey sees them, each with its byte span in the raw cell, the punctuation before
// it and the parenthesis it sits in.
#ifndef MANDATE_SRC_AGENCY_SPLITTER_H
#define MANDATE_SRC_AGENCY_SPLITTER_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mandate::internal {

// What separates a token from the one before it.
enum class Gap : unsigned char {
  kNone,   // first token, or only spaces and soft punctuation (". - /")
  kComma,  // ','
  kBreak,  // ';', ':' or a line break: no name spans it
};

struct CellToken {
  std::string text;       // folded word, [a-z0-9]+ ("&" gives "va")
  std::size_t begin = 0;  // byte span in the raw cell
  std::size_t end = 0;
  Gap gap = Gap::kNone;
  unsigned group = 0;  // 0 outside parentheses, else the serial of the outermost "("
};

// Splits a cell into tokens; the joined texts equal NormalizeKey(cell).
std::vector<CellToken> SplitCell(std::string_view cell);

}  // namespace mandate::internal

#endif
