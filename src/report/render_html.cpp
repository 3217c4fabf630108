// HTML: one self-contained file (inline CSS, inline SVG chart, no external assets) that a
// person opens in any browser.
#include <algorithm>
#include <sstream>

#include "absl/strings/str_format.h"
#include "mandate/classification.h"
#include "mandate/report.h"
#include "mandate/report_document.h"
#include "report/labels.h"
#include "report/render.h"

namespace mandate::report {
namespace {

std::string Esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

struct Segment {
  TaskStatus status;  // its label is the status's (TaskStatus's table)
  const char* color;
  std::int64_t ReportCounts::*field;
};
constexpr Segment kSegments[] = {
    {TaskStatus::kCompletedOnTime, "#2e7d32", &ReportCounts::completed_on_time},
    {TaskStatus::kCompletedLate, "#81c784", &ReportCounts::completed_late},
    {TaskStatus::kInProgress, "#1976d2", &ReportCounts::in_progress},
    {TaskStatus::kDueSoon, "#f9a825", &ReportCounts::due_soon},
    {TaskStatus::kOverdue, "#c62828", &ReportCounts::overdue},
};

std::string_view SegmentLabel(const Segment& seg, ReportLanguage lang) {
  return EnumLabel(seg.status,
                   lang == ReportLanguage::kEnglish ? LabelLanguage::kEn : LabelLanguage::kVi);
}

// Horizontal stacked bars, one per agency: status counts side by side.
std::string Chart(const ReportData& d, const Labels& L, ReportLanguage lang) {
  const int bar_h = 16, gap = 6, label_w = 300, chart_w = 520, top = 40;
  std::int64_t max_total = 1;
  for (const auto& a : d.by_agency) max_total = std::max(max_total, a.counts.total);
  const int height = top + static_cast<int>(d.by_agency.size()) * (bar_h + gap) + 10;
  std::ostringstream s;
  s << absl::StrFormat(
      R"(<svg xmlns="http://www.w3.org/2000/svg" role="img" width="%d" height="%d" font-family="sans-serif" font-size="12">)",
      label_w + chart_w + 60, height);
  s << "<title>" << Esc(L.chart_title) << "</title>";
  int x = 0;
  for (const auto& seg : kSegments) {
    s << absl::StrFormat(R"(<rect x="%d" y="8" width="12" height="12" fill="%s"/>)", x, seg.color)
      << absl::StrFormat(R"(<text x="%d" y="18">%s</text>)", x + 16, Esc(SegmentLabel(seg, lang)));
    x += 40 + static_cast<int>(SegmentLabel(seg, lang).size()) * 6;
  }
  int y = top;
  for (const auto& a : d.by_agency) {
    s << absl::StrFormat(R"(<text x="%d" y="%d" text-anchor="end">%s</text>)", label_w - 6,
                         y + bar_h - 4, Esc(a.name));
    double bx = label_w;
    for (const auto& seg : kSegments) {
      const std::int64_t v = a.counts.*seg.field;
      if (v == 0) continue;
      const double w = static_cast<double>(v) * chart_w / static_cast<double>(max_total);
      s << absl::StrFormat(
          R"(<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"><title>%s: %s</title></rect>)",
          bx, y, w, bar_h, seg.color, Esc(SegmentLabel(seg, lang)), FormatCount(v, lang));
      bx += w;
    }
    s << absl::StrFormat(R"(<text x="%.1f" y="%d">%s</text>)", bx + 4, y + bar_h - 4,
                         FormatCount(a.counts.total, lang));
    y += bar_h + gap;
  }
  s << "</svg>";
  return s.str();
}

}  // namespace

// The document's blocks (report_document.h) as one page, with the chart after part I.
std::string RenderHtml(const ReportData& d, ReportLanguage lang) {
  using Kind = ReportBlock::Kind;
  const Labels& L = LabelsFor(lang);
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"" << (lang == ReportLanguage::kEnglish ? "en" : "vi")
    << "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << Esc(L.title) << " — "
    << DayText(d.as_of, lang) << "</title>\n<style>\n"
    << "body{font-family:'Times New Roman',serif;max-width:1100px;margin:2em auto;padding:0 1em;"
       "color:#222}\n"
    << ".head{text-align:center;font-weight:bold}.title{text-align:center}.note{font-style:italic}\n"
    << "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;"
       "padding:4px 8px;vertical-align:top}th{background:#f2f2f2}\n"
    << "</style>\n</head>\n<body>\n";
  int sections = 0;
  for (const ReportBlock& b : ReportDocument(d, lang)) {
    switch (b.kind) {
      case Kind::kLetterhead:
        o << "<div class=\"head\">";
        for (const auto& line : b.lines) {
          if (!line.empty()) o << "<div>" << Esc(line) << "</div>";
        }
        o << "</div>\n";
        break;
      case Kind::kTitle:
        o << "<h1 class=\"title\">" << Esc(b.text) << "</h1>\n";
        for (const auto& line : b.lines) o << "<p class=\"title\"><b>" << Esc(line) << "</b></p>\n";
        break;
      case Kind::kSection:
        // The chart belongs to part I (the results): drawn before part II opens.
        if (++sections == 2 && !d.by_agency.empty()) {
          o << "<figure>" << Chart(d, L, lang) << "<figcaption>" << Esc(L.chart_title)
            << "</figcaption></figure>\n";
        }
        o << "<h2>" << Esc(b.text) << "</h2>\n";
        break;
      case Kind::kSubsection: o << "<h3>" << Esc(b.text) << "</h3>\n"; break;
      case Kind::kItem: o << "<h4>" << Esc(b.text) << "</h4>\n"; break;
      case Kind::kParagraph:
      case Kind::kBullet:
        o << "<p>" << (b.kind == Kind::kBullet ? "- " : "") << Esc(b.text)
          << (b.has_footnote_marker ? "<sup><a href=\"#fn1\">1</a></sup>" : "") << "</p>\n";
        break;
      case Kind::kNote: o << "<p class=\"note\">" << Esc(b.text) << "</p>\n"; break;
      case Kind::kFootnote:
        o << "<p id=\"fn1\" class=\"note\"><sup>1</sup> " << Esc(b.text) << "</p>\n";
        break;
      case Kind::kTable:
        o << "<table>";
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
          o << "<tr>";
          for (const auto& cell : b.rows[r]) {
            o << (r == 0 ? "<th>" : "<td>") << Esc(cell) << (r == 0 ? "</th>" : "</td>");
          }
          o << "</tr>\n";
        }
        o << "</table>\n";
        break;
    }
  }
  o << "</body>\n</html>\n";
  return o.str();
}

}  // namespace mandate::report
