// The summary report as office files: an Excel workbook (the report's tables as formatted
// sheets, and every task's status) written with libxlsxwriter, and a Word document. RenderReport(…,
// ReportFormat::kXlsx, …) gives the same workbook without the per-task sheet (ReportData
// holds no per-task statuses); the C ABI's report call, which has the dataset, adds it.
#ifndef MANDATE_REPORT_OFFICE_H
#define MANDATE_REPORT_OFFICE_H

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "mandate/classification.h"
#include "mandate/dataset.h"
#include "mandate/report.h"

namespace mandate {

// One row of the per-task status sheet.
struct ReportTaskStatus {
  std::string id, title, lead, coordinators;  // agencies as the table names them
  std::string deadline_text;                  // the deadline phrase as written
  std::optional<Day> due;                     // the due day the status was judged against
  TaskStatus status = TaskStatus::kInProgress;
  std::string reason;  // ClassifyTask's one sentence
};

// Every task assigned by options.as_of, in dataset order.
std::vector<ReportTaskStatus> ReportTaskStatuses(const Dataset& ds, const ReportOptions& options);

// The workbook's bytes. Sheets: totals, per agency, overdue by group and by agency, due in
// the coming period, and (when `tasks` is not empty) the per-task statuses; real dates,
// filters and a frozen header row. Fails only when the temporary file libxlsxwriter writes
// cannot be written or read.
absl::StatusOr<std::string> RenderReportXlsx(const ReportData& data, ReportLanguage lang,
                                             std::span<const ReportTaskStatus> tasks = {});

// A Word document in the administrative format of Decree 30/2020/NĐ-CP: A4, Times New Roman
// 13-14 pt, the issuing body beside the national motto, the place and date line, the title,
// numbered sections, bordered tables, the appendix of overdue tasks and "Nơi nhận". The
// letterhead comes from data.header (empty fields are left out). Written as OOXML parts
// zipped with libzip. Fails only when the zip cannot be built.
absl::StatusOr<std::string> RenderReportDocx(const ReportData& data, ReportLanguage lang);

}  // namespace mandate

#endif
