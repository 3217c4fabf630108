#include <string>

#include "mandate/report_office.h"

namespace mandate {
namespace {

std::string Names(const Dataset& ds, const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    auto a = ds.registry().FindById(id);
    out += (out.empty() ? "" : ", ") + (a ? ds.registry().agency(*a).name : id);
  }
  return out;
}

}  // namespace

std::vector<ReportTaskStatus> ReportTaskStatuses(const Dataset& ds, const ReportOptions& options) {
  std::vector<ReportTaskStatus> out;
  ClassifyOptions classify;
  classify.soon_days = options.soon_days;
  for (TaskIndex i = 0; i < ds.task_count(); ++i) {
    auto c = ClassifyTask(ds, i, options.as_of, classify);
    if (!c) continue;  // assigned after the report's day
    const Task t = ds.GetTask(i);
    out.push_back({.id = t.id,
                   .title = t.title,
                   .lead = t.lead_text.empty() ? Names(ds, t.lead) : t.lead_text,
                   .coordinators = t.coordinators_text.empty() ? Names(ds, t.coordinators)
                                                               : t.coordinators_text,
                   .deadline_text = t.deadline.text,
                   .due = c->due,
                   .status = c->status,
                   .reason = c->reason});
  }
  return out;
}

}  // namespace mandate
