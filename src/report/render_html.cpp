// HTML: one self-contained file (inline CSS, inline SVG chart, no external assets) that a
// person opens in any browser.
#include <algorithm>
#include <sstream>

#include "absl/strings/str_format.h"
#include "mandate/classification.h"
#include "mandate/report.h"
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

std::string RenderHtml(const ReportData& d, ReportLanguage lang) {
  const Labels& L = LabelsFor(lang);
  const auto n = [&](std::int64_t v) { return FormatCount(v, lang); };
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"" << (lang == ReportLanguage::kEnglish ? "en" : "vi")
    << "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << Esc(L.title) << " — "
    << DayText(d.as_of, lang) << "</title>\n<style>\n"
    << "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;"
       "color:#222}\n"
    << "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;"
       "padding:4px 8px;vertical-align:top}th{background:#f2f2f2}td.n{text-align:right}\n"
    << ".kpi{display:flex;gap:1em;flex-wrap:wrap}.kpi div{border:1px solid #ddd;border-radius:6px;"
       "padding:.6em 1em}.kpi b{display:block;font-size:1.6em}\n"
    << "</style>\n</head>\n<body>\n";
  o << "<h1>" << Esc(L.title) << "</h1>\n<p>" << Esc(L.as_of) << " " << DayText(d.as_of, lang)
    << "</p>\n";
  o << "<h2>" << Esc(L.summary_heading) << "</h2>\n<p>" << Esc(SummarySentence(d, lang))
    << "</p>\n<div class=\"kpi\">";
  const std::pair<std::string_view, std::int64_t> kpis[] = {{L.total, d.totals.total},
                                                            {L.completed, d.totals.completed()},
                                                            {L.on_time, d.totals.completed_on_time},
                                                            {L.in_progress, d.totals.ongoing()},
                                                            {L.overdue, d.totals.overdue}};
  for (const auto& [label, v] : kpis) o << "<div>" << Esc(label) << "<b>" << n(v) << "</b></div>";
  o << "</div>\n";

  o << "<h2>" << Esc(L.top_heading) << "</h2>\n<table><tr><th>" << Esc(L.agency) << "</th><th>"
    << Esc(L.tasks) << "</th><th>" << Esc(L.completed) << "</th><th>" << Esc(L.overdue)
    << "</th></tr>\n";
  for (const auto& a : d.top_agencies) {
    o << "<tr><td>" << Esc(a.name) << "</td><td class=n>" << n(a.counts.total)
      << "</td><td class=n>" << n(a.counts.completed()) << "</td><td class=n>"
      << n(a.counts.overdue) << "</td></tr>\n";
  }
  o << "</table>\n<figure>" << Chart(d, L, lang) << "<figcaption>" << Esc(L.chart_title)
    << "</figcaption></figure>\n";

  if (d.change) {
    o << "<h2>" << Esc(L.change_heading) << "</h2>\n<p>" << Esc(ChangeSentence(d, lang))
      << "</p>\n";
  }

  o << "<h2>" << Esc(L.overdue_heading) << "</h2>\n";
  if (d.overdue.empty()) {
    o << "<p>" << Esc(L.none) << ".</p>\n";
  } else {
    for (const auto& [title, groups] : {std::pair{L.by_category, &d.overdue_by_category},
                                        std::pair{L.by_agency, &d.overdue_by_agency}}) {
      o << "<h3>" << Esc(title) << "</h3>\n<table>";
      for (const auto& g : *groups) {
        o << "<tr><td>" << Esc(g.label) << "</td><td class=n>" << n(g.count) << "</td></tr>";
      }
      o << "</table>\n";
    }
  }

  o << "<h2>" << Esc(L.next_heading) << " (" << DayText(d.next_from, lang) << " – "
    << DayText(d.next_to, lang) << ")</h2>\n";
  if (d.due_next.empty()) o << "<p>" << Esc(L.none) << ".</p>\n";
  for (const auto& g : d.due_next) {
    o << "<h3>" << Esc(g.category) << "</h3>\n<ul>";
    for (const auto& t : g.tasks) {
      std::string lead;
      for (const auto& l : t.lead) lead += (lead.empty() ? "" : ", ") + l;
      o << "<li>" << Esc(t.title) << " <i>(" << Esc(lead) << "; " << Esc(L.due) << " "
        << (t.due ? DayText(*t.due, lang) : "-") << ")</i></li>";
    }
    o << "</ul>\n";
  }

  if (!d.targets.empty()) {
    o << "<h2>" << Esc(L.targets_heading) << "</h2>\n<table><tr><th>" << Esc(L.target)
      << "</th><th>" << Esc(L.latest) << "</th><th>" << Esc(L.target) << "</th><th>"
      << Esc(L.achievement) << "</th><th>" << Esc(L.status) << "</th></tr>\n";
    for (const auto& t : d.targets) {
      o << "<tr><td>" << Esc(t.name) << "</td><td class=n>"
        << (t.latest ? Number(*t.latest, lang) : "-") << " " << Esc(t.unit) << "</td><td class=n>"
        << Number(t.target, lang) << " " << Esc(t.unit) << "</td><td class=n>"
        << (t.achievement ? FormatPercent(*t.achievement, lang) : "-") << "</td><td>"
        << Esc(t.status) << "</td></tr>\n";
    }
    o << "</table>\n";
  }

  if (!d.criteria.empty()) {
    o << "<h2>" << Esc(L.criteria_heading) << "</h2>\n";
    for (const auto& c : d.criteria) {
      o << "<h3>" << Esc(c.family) << "</h3>\n<ul>";
      for (const auto& s : CriteriaSentences(c, lang)) o << "<li>" << Esc(s) << "</li>";
      o << "</ul>\n";
    }
  }

  o << "<h2>" << Esc(L.appendix_heading) << "</h2>\n";
  if (d.overdue.empty()) {
    o << "<p>" << Esc(L.none) << ".</p>\n";
  } else {
    o << "<table><tr><th>#</th><th>" << Esc(L.id) << "</th><th>" << Esc(L.task) << "</th><th>"
      << Esc(L.lead) << "</th><th>" << Esc(L.deadline) << "</th><th>" << Esc(L.days_overdue)
      << "</th></tr>\n";
    int row = 0;
    for (const auto& t : d.overdue) {
      std::string lead;
      for (const auto& l : t.lead) lead += (lead.empty() ? "" : ", ") + l;
      o << "<tr><td class=n>" << ++row << "</td><td>" << Esc(t.id) << "</td><td>" << Esc(t.title)
        << "</td><td>" << Esc(lead) << "</td><td>" << Esc(t.deadline_text) << "</td><td class=n>"
        << n(t.days_overdue) << "</td></tr>\n";
    }
    o << "</table>\n";
  }
  o << "</body>\n</html>\n";
  return o.str();
}

}  // namespace mandate::report
