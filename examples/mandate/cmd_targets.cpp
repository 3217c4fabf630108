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

int Run(const mandate::cli::Args& args) {
  using mandate::cli::Fail;
  const auto required = args.Require({"--data", "--as-of"});
  if (!required) return mandate::cli::kExitUsage;
  const std::string& data = (*required)[0];
  const auto as_of = args.IsoDay("--as-of");
  if (!as_of) return mandate::cli::kExitUsage;
  mandate::TargetOptions options;
  if (auto t = args.Get("--tolerance")) {
    const auto v = mandate::cli::ParseDecimal(*t, 0, 1);
    if (!v) return Fail("targets", "--tolerance needs a fraction 0..1, got \"" + *t + "\"");
    options.tolerance = *v;
  }
  std::size_t problems = 0;
  auto ds = mandate::cli::LoadDataset(data, &problems, args.Has("--strict"),
                                       args.Get("--sheet").value_or(""));
  if (!ds.ok()) return Fail("targets", data + ": " + std::string(ds.status().message()));
  for (const mandate::Target& t : ds->targets()) {
    for (const auto& ev : mandate::EvaluateTargetLocalities(t, *as_of, options)) {
      json out = json::object();
      out["id"] = t.id;
      out["name"] = t.name;
      out["locality"] = ev.locality.empty() ? json(nullptr) : json(ev.locality);
      out["status"] = mandate::EnumName(ev.status);
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
  if (!std::cout.good()) return Fail("targets", "cannot write the output");
  return problems ? mandate::cli::kExitProblems : mandate::cli::kExitOk;
}

const mandate::cli::Registration kReg{
    {.name = "targets",
     .summary = "evaluate every target (and locality) as of a day",
     .synopsis = "--data FILE --as-of D [--tolerance F] [--sheet NAME] [--strict]",
     .options = {{"--data", "FILE", "the dataset (JSON, CSV or .xlsx)"},
                 {"--sheet", "NAME", "the workbook's sheet to read (default: the first)"},
                 {"--strict", nullptr, "refuse the whole file when it has any problem (exit 2)"},
                 {"--as-of", "D", "the day to evaluate at (YYYY-MM-DD)"},
                 {"--tolerance", "F",
                  "how far behind the straight line still counts as on track (0..1)"}},
     .run = &Run,
     .details =
         "Prints one JSON object per target and locality: {\"id\", \"name\", \"locality\",\n"
         "\"status\", \"value\", \"day\", \"achievement\", \"expected\", \"reason\", ...}."}};

}  // namespace
