// mandate status --data FILE --as-of YYYY-MM-DD [--soon-days N] [--baseline]
//                [--inclusive-before]
// One JSON object per task assigned on or before the as-of day, in dataset order:
//   {"id","status","due","deadline_kind","completed","reason","no_reports", ...}
// (no_reports: a recurring task whose occurrence reports are not tracked: no data, not late)
// plus baseline_status / in_force_status when a deadline change makes a difference,
// behind_schedule with the percents, milestones, and the occurrence counts of recurring
// obligations. Rules: include/mandate/classification.h.
#include <charconv>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "command.h"
#include "load.h"
#include "mandate/civil_day.h"
#include "mandate/classification.h"

namespace {

using json = nlohmann::ordered_json;

json DayOrNull(const std::optional<mandate::Day>& d) {
  return d ? json(mandate::FormatIsoDay(*d)) : json(nullptr);
}

json Render(std::string_view id, const mandate::Classification& c) {
  json out = json::object();
  out["id"] = id;
  out["status"] = mandate::EnumName(c.status);
  out["due"] = DayOrNull(c.due);
  out["deadline_kind"] = mandate::EnumName(c.deadline_kind);
  out["completed"] = DayOrNull(c.completed);
  out["reason"] = c.reason;
  out["no_reports"] = c.no_reports;
  if (c.baseline_status) out["baseline_status"] = mandate::EnumName(*c.baseline_status);
  if (c.in_force_status) out["in_force_status"] = mandate::EnumName(*c.in_force_status);
  if (c.cancelled) out["cancelled"] = mandate::FormatIsoDay(*c.cancelled);
  if (c.expected_percent) {
    out["behind_schedule"] = c.behind_schedule;
    out["reported_percent"] = *c.reported_percent;
    out["expected_percent"] = *c.expected_percent;
  }
  if (!c.milestones.empty()) {
    json ms = json::array();
    for (const auto& m : c.milestones) {
      ms.push_back(
          {{"label", m.label}, {"due", DayOrNull(m.due)}, {"status", mandate::EnumName(m.status)}});
    }
    out["milestones"] = std::move(ms);
  }
  if (c.met_on_time + c.met_late + c.missed + c.not_reported > 0 || !c.occurrences.empty()) {
    out["occurrences"] = {
        {mandate::EnumName(mandate::OccurrenceOutcome::kMetOnTime), c.met_on_time},
        {mandate::EnumName(mandate::OccurrenceOutcome::kMetLate), c.met_late},
        {mandate::EnumName(mandate::OccurrenceOutcome::kMissed), c.missed},
        {"not_reported", c.not_reported}};
  }
  return out;
}

int Run(const mandate::cli::Args& args) {
  using mandate::cli::Fail;
  const auto required = args.Require({"--data", "--as-of"});
  if (!required) return mandate::cli::kExitUsage;
  const std::string& data = (*required)[0];
  const auto as_of = args.IsoDay("--as-of");
  if (!as_of) return mandate::cli::kExitUsage;
  mandate::ClassifyOptions options;
  const auto soon = args.Int("--soon-days", 0, mandate::kMaxSoonDays, options.soon_days);
  if (!soon) return mandate::cli::kExitUsage;
  options.soon_days = *soon;
  options.baseline = args.Has("--baseline");
  options.inclusive_before = args.Has("--inclusive-before");
  std::size_t problems = 0;
  auto ds = mandate::cli::LoadDataset(data, &problems, args.Has("--strict"),
                                       args.Get("--sheet").value_or(""));
  if (!ds.ok()) return Fail("status", data + ": " + std::string(ds.status().message()));
  for (mandate::TaskIndex i = 0; i < ds->task_count(); ++i) {
    auto c = mandate::ClassifyTask(*ds, i, *as_of, options);
    if (!c) continue;  // not yet assigned
    std::cout << Render(ds->task_id(i), *c).dump(-1, ' ', false, json::error_handler_t::replace)
              << "\n";
  }
  if (!std::cout.good()) return Fail("status", "cannot write the output");
  return problems ? mandate::cli::kExitProblems : mandate::cli::kExitOk;
}

const mandate::cli::Registration kReg{
    {.name = "status",
     .summary = "classify every task as of a day",
     .synopsis = "--data FILE --as-of D [--soon-days N] [--baseline] [--inclusive-before]\n"
                 "  [--sheet NAME] [--strict]",
     .options = {{"--data", "FILE", "the dataset (JSON, CSV or .xlsx)"},
                 {"--sheet", "NAME", "the workbook's sheet to read (default: the first)"},
                 {"--strict", nullptr, "refuse the whole file when it has any problem (exit 2)"},
                 {"--as-of", "D", "the day to classify at (YYYY-MM-DD)"},
                 {"--soon-days", "N", "due within N days counts as due_soon (default 7)"},
                 {"--baseline", nullptr, "also classify against the original deadline"},
                 {"--inclusive-before", nullptr, "read \"trước ngày D\" as due on D itself"}},
     .run = &Run,
     .details =
         "Prints one JSON object per task assigned on or before the day:\n"
         "{\"id\", \"status\", \"due\", \"deadline_kind\", \"completed\", \"reason\",\n"
         "\"no_reports\", ...}. no_reports is true for a recurring task whose occurrence reports\n"
         "are not tracked: its missed occurrences are unknown, not late."}};

}  // namespace
