#include "agency_splitter.h"

#include <algorithm>

#include "mandate/text.h"

namespace mandate::internal {

std::vector<CellToken> SplitCell(std::string_view cell) {
  const FoldedText folded = FoldWithOffsets(cell);
  const std::string& t = folded.text;
  std::vector<CellToken> out;
  Gap gap = Gap::kNone;
  int depth = 0;
  unsigned serial = 0;
  auto note_gap = [&](Gap g) { gap = std::max(gap, g); };
  for (std::size_t i = 0; i < t.size();) {
    const char c = t[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum || c == '&') {
      std::size_t j = i + 1;
      if (alnum) {
        while (j < t.size() && ((t[j] >= 'a' && t[j] <= 'z') || (t[j] >= '0' && t[j] <= '9'))) ++j;
      }
      CellToken tok;
      tok.text = alnum ? t.substr(i, j - i) : std::string("va");
      tok.begin = folded.origin[i];
      tok.end = folded.origin[j];
      tok.gap = out.empty() ? Gap::kNone : gap;
      tok.group = depth > 0 ? serial : 0;
      out.push_back(std::move(tok));
      gap = Gap::kNone;
      i = j;
      continue;
    }
    switch (c) {
      case ',':
        note_gap(Gap::kComma);
        break;
      case ';':
      case ':':
      case '\n':
      case '\r':
        note_gap(Gap::kBreak);
        break;
      case '(':
        if (depth++ == 0) ++serial;
        note_gap(Gap::kBreak);
        break;
      case ')':
        if (depth > 0) --depth;
        note_gap(Gap::kBreak);
        break;
      default:
        break;
    }
    ++i;
  }
  return out;
}

}  // namespace mandate::internal
