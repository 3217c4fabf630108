// The Markdown report: what the README's main command prints.
#include <sstream>

#include "mandate/report.h"
#include "mandate/report_document.h"
#include "report/render.h"

namespace mandate::report {
namespace {

// Text from the dataset, made inert: many Markdown viewers render raw HTML ("<script>") and
// links ("[x](javascript:…)"), so '<' and '>' become entities and brackets are escaped; '|'
// would end a table cell, a line break the row.
std::string Cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|' || c == '[' || c == ']') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '\n' || c == '\r') {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

// The document's blocks (report_document.h) as Markdown: the letterhead and title centred
// by plain lines, headings by level, the counting rule as a footnote.
std::string RenderMarkdown(const ReportData& d, ReportLanguage lang) {
  using Kind = ReportBlock::Kind;
  std::ostringstream o;
  for (const ReportBlock& b : ReportDocument(d, lang)) {
    switch (b.kind) {
      case Kind::kLetterhead:
        for (const auto& line : b.lines) {
          if (!line.empty()) o << "**" << Cell(line) << "**  \n";
        }
        o << "\n";
        break;
      case Kind::kTitle:
        o << "# " << Cell(b.text) << "\n\n";
        for (const auto& line : b.lines) o << "**" << Cell(line) << "**  \n";
        o << "\n";
        break;
      case Kind::kSection: o << "## " << Cell(b.text) << "\n\n"; break;
      case Kind::kSubsection: o << "### " << Cell(b.text) << "\n\n"; break;
      case Kind::kItem: o << "**" << Cell(b.text) << "**\n\n"; break;
      case Kind::kParagraph:
        o << Cell(b.text) << (b.has_footnote_marker ? "[^1]" : "") << "\n\n";
        break;
      case Kind::kBullet:
        o << "- " << Cell(b.text) << (b.has_footnote_marker ? "[^1]" : "") << "\n\n";
        break;
      case Kind::kNote: o << "*" << Cell(b.text) << "*\n\n"; break;
      case Kind::kFootnote: o << "[^1]: " << Cell(b.text) << "\n\n"; break;
      case Kind::kTable: {
        if (b.rows.empty()) break;
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
          o << "|";
          for (const auto& cell : b.rows[r]) o << " " << Cell(cell) << " |";
          o << "\n";
          if (r == 0) {
            o << "|";
            for (std::size_t c = 0; c < b.rows[0].size(); ++c) o << "---|";
            o << "\n";
          }
        }
        o << "\n";
        break;
      }
    }
  }
  std::string out = o.str();
  while (out.size() > 1 && out.ends_with("\n\n")) out.pop_back();
  return out;
}

}  // namespace mandate::report
