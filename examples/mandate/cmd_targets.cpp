// mandate targets --data FILE --as-of YYYY-MM-DD [--tolerance F]
// One JSON object per target, and per locality where measured at or before the as-of day:
//   {"id","name","locality","status","value","day","achievement","achievement_unclamped",
//    "expected","reason"}. Rules: include/mandate/target_status.h.
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "command.h"
#include "load.h"
#include "mandate/civil_day.h"
#include "mandate/target_status.h"

namespace {

using json = nlohmann::ordered_json;

json OrNull(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

int Run(const std::vector<std::string>& argv) {
  auto args = mandate::cli::Args::Parse(argv, {"--data", "--as-of", "--tolerance"}, {});
  if (!args) return 2;
  const auto data = args->Get("--data");
  const auto as_of_text = args->Get("--as-of");
  if (!data || !as_of_text) {
    std::cerr << "mandate targets: --data FILE and --as-of YYYY-MM-DD are required\n";
    return 2;
  }
  auto as_of = mandate::ParseIsoDay(*as_of_text);
  if (!as_of.ok()) {
    std::cerr << "mandate targets: --as-of: " << as_of.status().message() << "\n";
    return 2;
  }
  mandate::TargetOptions options;
  if (auto t = args->Get("--tolerance")) {
    const auto v = mandate::cli::ParseDecimal(*t, 0, 1);
    if (!v) {
      std::cerr << "mandate targets: --tolerance needs a fraction 0..1, got \"" << *t << "\"\n";
      return 2;
    }
    options.tolerance = *v;
  }
  auto ds = mandate::cli::LoadDataset(*data);
  if (!ds.ok()) {
    std::cerr << "mandate targets: " << *data << ": " << ds.status().message() << "\n";
    return 1;
  }
  for (const mandate::Target& t : ds->targets()) {
    for (const auto& ev : mandate::EvaluateTargetLocalities(t, *as_of, options)) {
      json out = json::object();
      out["id"] = t.id;
      out["name"] = t.name;
      out["locality"] = ev.locality.empty() ? json(nullptr) : json(ev.locality);
      out["status"] = mandate::TargetStatusName(ev.status);
      out["value"] = ev.measurement ? json(ev.measurement->value) : json(nullptr);
      out["day"] =
          ev.measurement ? json(mandate::FormatIsoDay(ev.measurement->day)) : json(nullptr);
      out["achievement"] = OrNull(ev.achievement);
      out["achievement_unclamped"] = OrNull(ev.achievement_unclamped);
      out["expected"] = OrNull(ev.expected);
      out["reason"] = ev.reason;
      std::cout << out.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
    }
  }
  return std::cout.good() ? 0 : 1;
}

const mandate::cli::Registration kReg{
    "targets", "evaluate every target as of a day (--data FILE --as-of YYYY-MM-DD)", &Run};

}  // namespace
