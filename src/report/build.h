// Internal to BuildReport: the parts of ReportData built from per-task passes.
#ifndef MANDATE_SRC_REPORT_BUILD_H
#define MANDATE_SRC_REPORT_BUILD_H

#include <cstdint>
#include <vector>

#include "mandate/report.h"

namespace mandate::report {

// The name the report writes for an agency: a province by its short name ("Cao Bằng"), a
// centrally-run city and every other agency by its full name (seed 001's usage).
std::string DisplayName(const Agency& agency);

// Per programme (Programmes::Classify of each task): totals, agencies, the window, overdue
// tasks by theme and by agency, the programme's criteria; also ReportData::window and the
// programme of each listed task. d.criteria must be filled first.
void AddProgrammes(ReportData& d, const Dataset& ds, const ReportOptions& options,
                   const std::vector<std::uint8_t>& status);

// What the dataset records (completions, events, recurring tasks without any report).
ReportCoverage CoverageOf(const Dataset& ds, const std::vector<std::uint8_t>& status);

}  // namespace mandate::report

#endif
