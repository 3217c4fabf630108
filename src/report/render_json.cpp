// JSON: the machine-readable twin of the report. Field names are an interface: extend,
// never rename. Days are YYYY-MM-DD; labels stay in the requested language.
#include <nlohmann/json.hpp>

#include "mandate/report.h"
#include "mandate/report_document.h"
#include "report/render.h"

namespace mandate::report {
namespace {

using nlohmann::json;
using ordered = nlohmann::ordered_json;

ordered Counts(const ReportCounts& c) {
  ordered o;
  for (const auto& [m, v] : CountsByMeasure(c)) o[std::string(EnumName(m))] = v;
  return o;
}

ordered Day(std::optional<mandate::Day> d) {
  return d ? ordered(FormatIsoDay(*d)) : ordered(nullptr);
}

ordered Task(const ReportTask& t, bool overdue) {
  ordered o{{"id", t.id},
            {"title", t.title},
            {"category", t.category},
            {"lead", t.lead},
            {"deadline", t.deadline_text},
            {"due", Day(t.due)},
            {"lead_text", t.lead_text},
            {"source", t.source},
            {"programme", t.programme}};
  if (overdue) o["days_overdue"] = t.days_overdue;
  return o;
}

ordered Agencies(const std::vector<ReportAgency>& v) {
  ordered out = ordered::array();
  for (const auto& a : v) {
    ordered o{{"id", a.id}, {"name", a.name}, {"kind", EnumName(a.kind)}};
    o.update(Counts(a.counts));
    out.push_back(std::move(o));
  }
  return out;
}

ordered Groups(const std::vector<ReportGroup>& v) {
  ordered out = ordered::array();
  for (const auto& g : v) out.push_back({{"label", g.label}, {"count", g.count}});
  return out;
}

ordered Text(const ReportText& t) { return {{"vi", t.vi}, {"en", t.en}}; }

ordered Window(const std::optional<ReportWindow>& w) {
  if (!w) return nullptr;
  return {{"assigned", w->assigned},
          {EnumName(Measure::kCompleted), w->completed},
          {EnumName(Measure::kCompletedOnTime), w->completed_on_time},
          {"ongoing", w->ongoing},
          {EnumName(Measure::kOverdue), w->overdue}};
}

ordered Programme(const ReportProgramme& p) {
  ordered themes = ordered::array();
  for (const auto& g : p.overdue_by_theme) {
    ordered parts = ordered::array();
    for (const auto& part : g.by_part) parts.push_back({{"label", Text(part.label)}, {"count", part.count}});
    themes.push_back({{"label", Text(g.label)}, {"count", g.count}, {"by_part", std::move(parts)}});
  }
  return {{"id", p.id},
          {"heading", Text(p.heading)},
          {"subject", Text(p.subject)},
          {"overdue_heading", Text(p.overdue_heading)},
          {"totals", Counts(p.totals)},
          {"agencies",
           {{"total", p.agencies}, {"central", p.agencies_central},
            {"provinces", p.agencies_provinces}, {"other", p.agencies_other}}},
          {"top_agencies", Agencies(p.top_agencies)},
          {"window", Window(p.window)},
          {"overdue_by_theme", std::move(themes)},
          {"overdue_by_agency", Groups(p.overdue_by_agency)},
          {"criteria_family", p.criteria ? ordered(p.criteria->family) : ordered(nullptr)}};
}

ordered Document(const ReportData& d, ReportLanguage lang) {
  ordered out = ordered::array();
  for (const ReportBlock& b : ReportDocument(d, lang)) {
    ordered o{{"kind", EnumName(b.kind)}};
    if (!b.text.empty()) o["text"] = b.text;
    if (!b.lines.empty()) o["lines"] = b.lines;
    if (!b.rows.empty()) o["rows"] = b.rows;
    if (b.has_footnote_marker) o["footnote"] = 1;
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

std::string RenderJson(const ReportData& d, ReportLanguage lang) {
  ordered o;
  o["as_of"] = FormatIsoDay(d.as_of);
  o["since"] = Day(d.since);
  o["language"] = lang == ReportLanguage::kEnglish ? "en" : "vi";
  o["summary"] = SummarySentence(d, lang);
  o["totals"] = Counts(d.totals);
  o["agencies"] = {
      {"total", d.agencies}, {"central", d.agencies_central}, {"provinces", d.agencies_provinces}};
  o["top_agencies"] = Agencies(d.top_agencies);
  o["by_agency"] = Agencies(d.by_agency);
  if (d.change) {
    o["change"] = {{"from", Day(d.since)},
                   {"to", FormatIsoDay(d.as_of)},
                   {"assigned", d.change->assigned},
                   {EnumName(Measure::kCompleted), d.change->completed},
                   {EnumName(Measure::kCompletedOnTime), d.change->completed_on_time},
                   {"newly_overdue", d.change->newly_overdue}};
  } else {
    o["change"] = nullptr;
  }
  o["overdue_by_category"] = Groups(d.overdue_by_category);
  o["overdue_by_agency"] = Groups(d.overdue_by_agency);
  ordered overdue = ordered::array();
  for (const auto& t : d.overdue) overdue.push_back(Task(t, true));
  o["overdue"] = std::move(overdue);
  ordered next = ordered::array();
  for (const auto& g : d.due_next) {
    ordered tasks = ordered::array();
    for (const auto& t : g.tasks) tasks.push_back(Task(t, false));
    next.push_back({{"category", g.category}, {"tasks", std::move(tasks)}});
  }
  o["due_next"] = {{"from", FormatIsoDay(d.next_from)},
                   {"to", FormatIsoDay(d.next_to)},
                   {"groups", std::move(next)}};
  ordered targets = ordered::array();
  for (const auto& t : d.targets) {
    targets.push_back(
        {{"id", t.id},
         {"name", t.name},
         {"unit", t.unit},
         {"status", t.status},
         {"latest", t.latest ? ordered(*t.latest) : ordered(nullptr)},
         {"target", t.target},
         {"achievement", t.achievement ? ordered(*t.achievement) : ordered(nullptr)}});
  }
  o["targets"] = std::move(targets);
  ordered criteria = ordered::array();
  for (const auto& c : d.criteria) {
    ordered below = ordered::array();
    for (const auto& k : c.below_threshold) {
      below.push_back({{"id", k.id},
                       {"name", k.name},
                       {"unit", k.unit},
                       {"national", k.national ? ordered(*k.national) : ordered(nullptr)},
                       {"localities_met", k.localities_met},
                       {"localities_measured", k.localities_measured}});
    }
    criteria.push_back({{"family", c.family},
                        {"threshold", c.threshold},
                        {"criteria", c.criteria},
                        {"criteria_exceeding", c.criteria_exceeding},
                        {"localities", c.localities},
                        {"localities_meeting_all", c.localities_meeting_all},
                        {"meeting_all", c.meeting_all},
                        {"below_threshold", std::move(below)},
                        {"weakest_localities", c.weakest_localities}});
  }
  o["criteria"] = std::move(criteria);
  o["header"] = {{"issuing_body", d.header.issuing_body},
                 {"place", d.header.place},
                 {"meeting", d.header.meeting},
                 {"previous_meeting", d.header.previous_meeting}};
  o["agencies"]["other"] = d.agencies_other;
  o["window"] = Window(d.window);
  o["coverage"] = {{"tasks", d.coverage.tasks},
                   {"completions_recorded", d.coverage.completions_recorded},
                   {"tasks_with_events", d.coverage.tasks_with_events},
                   {"recurring", d.coverage.recurring},
                   {"recurring_unreported", d.coverage.recurring_unreported}};
  ordered programmes = ordered::array();
  for (const auto& p : d.programmes) programmes.push_back(Programme(p));
  o["programmes"] = std::move(programmes);
  o["appendix_01"] = OverdueAppendixRows(d, lang);
  o["document"] = Document(d, lang);
  return o.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace mandate::report
