// Internal to the report renderers: one function per format, and the sentences they share.
#ifndef MANDATE_SRC_REPORT_RENDER_H
#define MANDATE_SRC_REPORT_RENDER_H

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "mandate/aggregate_rank.h"
#include "mandate/report.h"

namespace mandate::report {

std::string RenderMarkdown(const ReportData& d, ReportLanguage lang);
std::string RenderHtml(const ReportData& d, ReportLanguage lang);
std::string RenderJson(const ReportData& d, ReportLanguage lang);
std::string RenderCsv(const ReportData& d, ReportLanguage lang);

// A group's counts under their measures (named by Measure's table), in the report's order.
inline std::array<std::pair<Measure, std::int64_t>, 8> CountsByMeasure(const ReportCounts& c) {
  return {{{Measure::kTotal, c.total},
           {Measure::kCompleted, c.completed()},
           {Measure::kCompletedOnTime, c.completed_on_time},
           {Measure::kCompletedLate, c.completed_late},
           {Measure::kInProgress, c.in_progress},
           {Measure::kDueSoon, c.due_soon},
           {Measure::kOverdue, c.overdue},
           {Measure::kCancelled, c.cancelled}}};
}

// "23/09/2025" (vi) or "2025-09-23" (en).
std::string DayText(Day day, ReportLanguage lang);
// A measurement: up to two decimals, the language's separators.
std::string Number(double v, ReportLanguage lang);
// The report's opening sentence, worded as seed 001 words it.
std::string SummarySentence(const ReportData& d, ReportLanguage lang);
std::string ChangeSentence(const ReportData& d, ReportLanguage lang);
// The per-locality criteria of one family, as seed 001 words them: the criteria over the
// threshold, the localities meeting every criterion, then (when any) the weak criteria and
// the weakest localities. One sentence per item.
std::vector<std::string> CriteriaSentences(const ReportCriteria& c, ReportLanguage lang);

}  // namespace mandate::report

#endif
