// Internal: the sentences of the report's document, worded as seed 001 words them (and
// their English).
#ifndef MANDATE_SRC_REPORT_PHRASES_H
#define MANDATE_SRC_REPORT_PHRASES_H

#include <string>

#include "mandate/report.h"

namespace mandate::report {

// A count as 001 writes it: under 10 with two digits ("07"); English plainly.
std::string Num(std::int64_t n, ReportLanguage lang);
// "07 nhiệm vụ" / "7 tasks", "1 task".
std::string Tasks(std::int64_t n, ReportLanguage lang);
// "23/9/2025" / "23 September 2025".
std::string ShortDay(Day day, ReportLanguage lang);
// "ngày 23 tháng 9 năm 2025" / "23 September 2025".
std::string LongDay(Day day, ReportLanguage lang);

std::string ProgrammeSummary(const ReportProgramme& p, const ReportData& d, ReportLanguage lang);
std::string WindowSentence(const ReportProgramme& p, const ReportData& d, ReportLanguage lang);
// The window's completions summed over the programmes (001 I.1.c: 50 + 10 = 60).
std::string CombinedSentence(const ReportData& d, ReportLanguage lang);
std::string ThemeSentence(const ReportProgramme& p, ReportLanguage lang);
std::string AgencySentence(const ReportProgramme& p, ReportLanguage lang);
std::string CountingRule(ReportLanguage lang);
std::string CriteriaSummary(const ReportCriteria& c, ReportLanguage lang);
std::string CriteriaWeaknesses(const ReportCriteria& c, ReportLanguage lang);  // "" = none
std::string CoverageNote(const ReportData& d, ReportLanguage lang);            // "" = none

}  // namespace mandate::report

#endif
