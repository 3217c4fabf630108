// CSV: the report as one long table (section, key, label, measure, value), so a
// spreadsheet can pivot any part of it. RFC 4180 quoting.
#include <sstream>

#include "mandate/csv.h"
#include "mandate/report.h"
#include "mandate/report_document.h"
#include "report/render.h"

namespace mandate::report {
namespace {

// Quoted as RFC 4180 needs, after the formula guard (include/mandate/csv.h): a title such
// as "=HYPERLINK(…)" must not run when the report is opened in a spreadsheet.
std::string Quote(std::string_view raw) {
  const std::string guarded = GuardFormula(raw);
  const std::string_view s = guarded;
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return guarded;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

class Writer {
 public:
  void Row(std::string_view section, std::string_view key, std::string_view label,
           std::string_view measure, const std::string& value) {
    o_ << Quote(section) << ',' << Quote(key) << ',' << Quote(label) << ',' << Quote(measure) << ','
       << Quote(value) << "\r\n";
  }
  void Counts(std::string_view section, std::string_view key, std::string_view label,
              const ReportCounts& c) {
    for (const auto& [m, v] : CountsByMeasure(c)) {
      Row(section, key, label, EnumName(m), std::to_string(v));
    }
  }
  std::string str() const { return o_.str(); }

 private:
  std::ostringstream o_;
};

}  // namespace

std::string RenderCsv(const ReportData& d, ReportLanguage lang) {
  Writer w;
  w.Row("section", "key", "label", "measure", "value");
  w.Row("report", "", "", "as_of", FormatIsoDay(d.as_of));
  if (d.since) w.Row("report", "", "", "since", FormatIsoDay(*d.since));
  for (const auto& [field, value] :
       {std::pair{"issuing_body", &d.header.issuing_body}, std::pair{"place", &d.header.place},
        std::pair{"meeting", &d.header.meeting},
        std::pair{"previous_meeting", &d.header.previous_meeting}}) {
    if (!value->empty()) w.Row("header", "", "", field, *value);
  }
  w.Row("coverage", "", "", "completions_recorded", std::to_string(d.coverage.completions_recorded));
  w.Row("coverage", "", "", "tasks_with_events", std::to_string(d.coverage.tasks_with_events));
  w.Row("coverage", "", "", "recurring", std::to_string(d.coverage.recurring));
  w.Row("coverage", "", "", "recurring_unreported", std::to_string(d.coverage.recurring_unreported));
  w.Counts("totals", "", "", d.totals);
  w.Row("agencies", "", "", "total", std::to_string(d.agencies));
  w.Row("agencies", "", "", "central", std::to_string(d.agencies_central));
  w.Row("agencies", "", "", "provinces", std::to_string(d.agencies_provinces));
  for (const auto& a : d.top_agencies) w.Counts("top_agencies", a.id, a.name, a.counts);
  for (const auto& a : d.by_agency) w.Counts("by_agency", a.id, a.name, a.counts);
  if (d.change) {
    w.Row("change", "", "", "assigned", std::to_string(d.change->assigned));
    w.Row("change", "", "", EnumName(Measure::kCompleted), std::to_string(d.change->completed));
    w.Row("change", "", "", EnumName(Measure::kCompletedOnTime),
          std::to_string(d.change->completed_on_time));
    w.Row("change", "", "", "newly_overdue", std::to_string(d.change->newly_overdue));
  }
  for (const auto& g : d.overdue_by_category) {
    w.Row("overdue_by_category", "", g.label, "count", std::to_string(g.count));
  }
  for (const auto& g : d.overdue_by_agency) {
    w.Row("overdue_by_agency", "", g.label, "count", std::to_string(g.count));
  }
  for (const auto& t : d.overdue) {
    w.Row("overdue", t.id, t.title, "due", t.due ? FormatIsoDay(*t.due) : "");
    w.Row("overdue", t.id, t.title, "days_overdue", std::to_string(t.days_overdue));
  }
  for (const auto& g : d.due_next) {
    for (const auto& t : g.tasks) {
      w.Row("due_next", t.id, g.category, "due", t.due ? FormatIsoDay(*t.due) : "");
    }
  }
  for (const auto& p : d.programmes) {
    const std::string& heading = p.heading.In(lang == ReportLanguage::kEnglish);
    w.Counts("programme", p.id, heading, p.totals);
    w.Row("programme", p.id, heading, "agencies", std::to_string(p.agencies));
    if (p.window) {
      w.Row("programme_window", p.id, heading, "assigned", std::to_string(p.window->assigned));
      w.Row("programme_window", p.id, heading, "completed", std::to_string(p.window->completed));
      w.Row("programme_window", p.id, heading, "completed_on_time",
            std::to_string(p.window->completed_on_time));
      w.Row("programme_window", p.id, heading, "overdue", std::to_string(p.window->overdue));
    }
    for (const auto& g : p.overdue_by_theme) {
      w.Row("programme_overdue_by_theme", p.id, g.label.In(lang == ReportLanguage::kEnglish),
            "count", std::to_string(g.count));
    }
    for (const auto& g : p.overdue_by_agency) {
      w.Row("programme_overdue_by_agency", p.id, g.label, "count", std::to_string(g.count));
    }
  }
  // Phụ lục 01, one row per cell: key = STT, label = the column's heading.
  const auto appendix = OverdueAppendixRows(d, lang);
  for (std::size_t r = 1; r < appendix.size(); ++r) {
    for (std::size_t c = 1; c < appendix[r].size(); ++c) {
      w.Row("appendix_01", appendix[r][0], appendix[0][c], "", appendix[r][c]);
    }
  }
  for (const auto& t : d.targets) {
    w.Row("targets", t.id, t.name, "status", t.status);
    if (t.achievement)
      w.Row("targets", t.id, t.name, "achievement", std::to_string(*t.achievement));
  }
  for (const auto& c : d.criteria) {
    w.Row("criteria", c.family, "", "threshold", Number(c.threshold, ReportLanguage::kEnglish));
    w.Row("criteria", c.family, "", "criteria", std::to_string(c.criteria));
    w.Row("criteria", c.family, "", "criteria_exceeding", std::to_string(c.criteria_exceeding));
    w.Row("criteria", c.family, "", "localities", std::to_string(c.localities));
    w.Row("criteria", c.family, "", "localities_meeting_all",
          std::to_string(c.localities_meeting_all));
    for (const auto& k : c.below_threshold) {
      w.Row("criteria_below_threshold", k.id, k.name, "national",
            k.national ? Number(*k.national, ReportLanguage::kEnglish) : "");
    }
  }
  return w.str();
}

}  // namespace mandate::report
