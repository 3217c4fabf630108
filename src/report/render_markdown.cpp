// The Markdown report: what the README's main command prints.
#include <sstream>

#include "mandate/report.h"
#include "report/labels.h"
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

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

std::string RenderMarkdown(const ReportData& d, ReportLanguage lang) {
  const Labels& L = LabelsFor(lang);
  const auto n = [&](std::int64_t v) { return FormatCount(v, lang); };
  std::ostringstream o;
  o << "# " << L.title << "\n\n" << L.as_of << " " << DayText(d.as_of, lang) << "\n\n";
  o << "## " << L.summary_heading << "\n\n" << SummarySentence(d, lang) << "\n\n";
  o << "| " << L.total << " | " << L.completed << " | " << L.on_time << " | " << L.late << " | "
    << L.in_progress << " | " << L.due_soon << " | " << L.overdue << " |\n"
    << "|---:|---:|---:|---:|---:|---:|---:|\n"
    << "| " << n(d.totals.total) << " | " << n(d.totals.completed()) << " | "
    << n(d.totals.completed_on_time) << " | " << n(d.totals.completed_late) << " | "
    << n(d.totals.ongoing()) << " | " << n(d.totals.due_soon) << " | " << n(d.totals.overdue)
    << " |\n\n";

  o << "## " << L.top_heading << "\n\n";
  o << "| " << L.agency << " | " << L.tasks << " | " << L.completed << " | " << L.overdue
    << " |\n|---|---:|---:|---:|\n";
  for (const auto& a : d.top_agencies) {
    o << "| " << Cell(a.name) << " | " << n(a.counts.total) << " | " << n(a.counts.completed())
      << " | " << n(a.counts.overdue) << " |\n";
  }
  o << "\n";

  if (d.change) {
    o << "## " << L.change_heading << "\n\n" << ChangeSentence(d, lang) << "\n\n";
  }

  o << "## " << L.overdue_heading << "\n\n";
  if (d.overdue.empty()) {
    o << L.none << ".\n\n";
  } else {
    o << "### " << L.by_category << "\n\n| " << L.category << " | " << L.tasks
      << " |\n|---|---:|\n";
    for (const auto& g : d.overdue_by_category)
      o << "| " << Cell(g.label) << " | " << n(g.count) << " |\n";
    o << "\n### " << L.by_agency << "\n\n| " << L.agency << " | " << L.tasks << " |\n|---|---:|\n";
    for (const auto& g : d.overdue_by_agency)
      o << "| " << Cell(g.label) << " | " << n(g.count) << " |\n";
    o << "\n";
  }

  o << "## " << L.next_heading << " (" << DayText(d.next_from, lang) << " – "
    << DayText(d.next_to, lang) << ")\n\n";
  if (d.due_next.empty()) o << L.none << ".\n\n";
  for (const auto& group : d.due_next) {
    o << "### " << Cell(group.category) << "\n\n";
    for (const auto& t : group.tasks) {
      o << "- " << Cell(t.title) << " (" << Cell(Join(t.lead)) << "; " << L.due << " "
        << (t.due ? DayText(*t.due, lang) : std::string("-")) << ")\n";
    }
    o << "\n";
  }

  if (!d.targets.empty()) {
    o << "## " << L.targets_heading << "\n\n| " << L.target << " | " << L.latest << " | "
      << L.target << " | " << L.achievement << " | " << L.status
      << " |\n|---|---:|---:|---:|---|\n";
    for (const auto& t : d.targets) {
      o << "| " << Cell(t.name) << " | " << (t.latest ? Number(*t.latest, lang) : "-") << " "
        << Cell(t.unit) << " | " << Number(t.target, lang) << " " << Cell(t.unit) << " | "
        << (t.achievement ? FormatPercent(*t.achievement, lang) : "-") << " | " << t.status
        << " |\n";
    }
    o << "\n";
  }

  if (!d.criteria.empty()) {
    o << "## " << L.criteria_heading << "\n\n";
    for (const auto& c : d.criteria) {
      o << "### " << Cell(c.family) << "\n\n";
      for (const auto& s : CriteriaSentences(c, lang)) o << "- " << Cell(s) << "\n";
      o << "\n";
    }
  }

  o << "## " << L.appendix_heading << "\n\n";
  if (d.overdue.empty()) {
    o << L.none << ".\n";
  } else {
    o << "| # | " << L.id << " | " << L.task << " | " << L.lead << " | " << L.deadline << " | "
      << L.days_overdue << " |\n|---:|---|---|---|---|---:|\n";
    int row = 0;
    for (const auto& t : d.overdue) {
      o << "| " << ++row << " | " << Cell(t.id) << " | " << Cell(t.title) << " | "
        << Cell(Join(t.lead)) << " | " << Cell(t.deadline_text) << " | " << n(t.days_overdue)
        << " |\n";
    }
  }
  return o.str();
}

}  // namespace mandate::report
