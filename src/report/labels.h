// The report's words in each language. Vietnamese follows the wording of the steering
// committee's own summary report (seed 001).
#ifndef MANDATE_SRC_REPORT_LABELS_H
#define MANDATE_SRC_REPORT_LABELS_H

#include <string_view>

#include "mandate/report.h"

namespace mandate::report {

struct Labels {
  std::string_view title;
  std::string_view as_of;             // "Tính đến ngày"
  std::string_view summary_heading;
  std::string_view tasks;             // "nhiệm vụ"
  std::string_view agencies;          // "cơ quan"
  std::string_view central;           // "bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"
  std::string_view provinces;         // "tỉnh, thành"
  std::string_view completed;
  std::string_view on_time;
  std::string_view late;
  std::string_view in_progress;
  std::string_view due_soon;
  std::string_view overdue;
  std::string_view cancelled;
  std::string_view total;
  std::string_view top_heading;
  std::string_view change_heading;
  std::string_view assigned;
  std::string_view newly_overdue;
  std::string_view overdue_heading;
  std::string_view by_category;
  std::string_view by_agency;
  std::string_view appendix_heading;
  std::string_view id;
  std::string_view task;
  std::string_view lead;
  std::string_view deadline;
  std::string_view due;
  std::string_view days_overdue;
  std::string_view next_heading;
  std::string_view targets_heading;
  std::string_view criteria_heading;
  std::string_view target;
  std::string_view latest;
  std::string_view status;
  std::string_view achievement;
  std::string_view none;
  std::string_view agency;
  std::string_view category;
  std::string_view chart_title;
};

const Labels& LabelsFor(ReportLanguage lang);

}  // namespace mandate::report

#endif
