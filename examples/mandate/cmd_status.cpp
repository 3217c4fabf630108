// mandate status --data FILE --as-of YYYY-MM-DD [--soon-days N] [--baseline]
//                [--inclusive-before]
// One JSON object per task assigned on or before the as-of day, in dataset order:
//   {"id","status","due","deadline_kind","completed","reason", ...}
// plus baseline_status / in_force_status when a deadline change makes a difference,
// behind_schedule with the percents, milestones, and the occurrence counts of recurring
// obligations. Rules: include/mandate/status.h.
#include <charconv>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "command.h"
#include "load.h"
#include "mandate/civil_day.h"
#include "mandate/status.h"

namespace {

using json = nlohmann::ordered_json;

json DayOrNull(const std::optional<mandate::Day>& d) {
  return d ? json(mandate::FormatIsoDay(*d)) : json(nullptr);
}

json Render(std::string_view id, const mandate::Classification& c) {
  json out = json::object();
  out["id"] = id;
  out["status"] = mandate::TaskStatusName(c.status);
  out["due"] = DayOrNull(c.due);
  out["deadline_kind"] = mandate::DeadlineKindName(c.deadline_kind);
  out["completed"] = DayOrNull(c.completed);
  out["reason"] = c.reason;
  if (c.baseline_status) out["baseline_status"] = mandate::TaskStatusName(*c.baseline_status);
  if (c.in_force_status) out["in_force_status"] = mandate::TaskStatusName(*c.in_force_status);
  if (c.cancelled) out["cancelled"] = mandate::FormatIsoDay(*c.cancelled);
  if (c.expected_percent) {
    out["behind_schedule"] = c.behind_schedule;
    out["reported_percent"] = *c.reported_percent;
    out["expected_percent"] = *c.expected_percent;
  }
  if (!c.milestones.empty()) {
    json ms = json::array();
    for (const auto& m : c.milestones) {
      ms.push_back({{"label", m.label},
                    {"due", DayOrNull(m.due)},
                    {"status", mandate::TaskStatusName(m.status)}});
    }
    out["milestones"] = std::move(ms);
  }
  if (c.met_on_time + c.met_late + c.missed > 0 || !c.occurrences.empty()) {
    out["occurrences"] = {
        {"met_on_time", c.met_on_time}, {"met_late", c.met_late}, {"missed", c.missed}};
  }
  return out;
}

int Run(const std::vector<std::string>& argv) {
  auto args = mandate::cli::Args::Parse(argv, {"--data", "--as-of", "--soon-days"},
                                        {"--baseline", "--inclusive-before"});
  if (!args) return 2;
  const auto data = args->Get("--data");
  const auto as_of_text = args->Get("--as-of");
  if (!data || !as_of_text) {
    std::cerr << "mandate status: --data FILE and --as-of YYYY-MM-DD are required\n";
    return 2;
  }
  auto as_of = mandate::ParseIsoDay(*as_of_text);
  if (!as_of.ok()) {
    std::cerr << "mandate status: --as-of: " << as_of.status().message() << "\n";
    return 2;
  }
  mandate::ClassifyOptions options;
  if (auto n = args->Get("--soon-days")) {
    int v = -1;
    const auto [end, ec] = std::from_chars(n->data(), n->data() + n->size(), v);
    if (ec != std::errc() || end != n->data() + n->size() || v < 0 || v > 36600) {
      std::cerr << "mandate status: --soon-days needs a whole number of days 0..36600, got \"" << *n
                << "\"\n";
      return 2;
    }
    options.soon_days = v;
  }
  options.baseline = args->Has("--baseline");
  options.inclusive_before = args->Has("--inclusive-before");
  auto ds = mandate::cli::LoadDataset(*data);
  if (!ds.ok()) {
    std::cerr << "mandate status: " << *data << ": " << ds.status().message() << "\n";
    return 1;
  }
  for (mandate::TaskIndex i = 0; i < ds->task_count(); ++i) {
    auto c = mandate::ClassifyTask(*ds, i, *as_of, options);
    if (!c) continue;  // not yet assigned
    std::cout << Render(ds->task_id(i), *c).dump(-1, ' ', false, json::error_handler_t::replace)
              << "\n";
  }
  return std::cout.good() ? 0 : 1;
}

const mandate::cli::Registration kReg{
    "status", "classify every task as of a day (--data FILE --as-of YYYY-MM-DD)", &Run};

}  // namespace
