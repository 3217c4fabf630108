// mandate aggregate --data FILE --as-of YYYY-MM-DD --by DIM[,DIM...]
//                   [--assigned-from D --assigned-to D] [--include-coordinators]
//                   [--soon-days N] [--category-level N]
// Prints one JSON object:
//   {"as_of", "by": [...], "groups": [{"key": {DIM: value, ...}, "total", the six status
//    counts, "completion_rate", "on_time_rate", "overdue_rate"}, ...], "totals": {...}}
// Groups are sorted by key (value by value in --by order, null = none first); agency keys
// are canonical ids. A task with several lead agencies counts in each agency's group and
// once in the totals. Rules: include/mandate/aggregate.h.
#include <charconv>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "command.h"
#include "load.h"
#include "mandate/absl_compat.h"
#include "mandate/aggregate.h"

namespace {

using json = nlohmann::ordered_json;

json Rate(std::optional<double> r) { return r ? json(*r) : json(nullptr); }

json Measures(const mandate::StatusCounts& c) {
  json out = json::object();
  out["total"] = c.total();
  for (int s = 0; s < mandate::kTaskStatusCount; ++s) {
    out[std::string(mandate::EnumName(static_cast<mandate::TaskStatus>(s)))] = c.n[s];
  }
  out["completion_rate"] = Rate(c.completion_rate());
  out["on_time_rate"] = Rate(c.on_time_rate());
  out["overdue_rate"] = Rate(c.overdue_rate());
  return out;
}

int Run(const mandate::cli::Args& args) {
  using mandate::cli::Fail;
  const auto required = args.Require({"--data", "--as-of", "--by"});
  if (!required) return mandate::cli::kExitUsage;
  const std::string& data = (*required)[0];
  mandate::AggregateQuery q;
  const auto as_of = args.IsoDay("--as-of");
  if (!as_of) return mandate::cli::kExitUsage;
  q.as_of = *as_of;
  json by = json::array();
  for (absl::string_view name : absl::StrSplit(mandate::ToAbsl((*required)[2]), ',')) {
    const std::string_view dim_name = mandate::ToStd(absl::StripAsciiWhitespace(name));
    const auto dim = mandate::EnumFromName<mandate::Dimension>(dim_name);
    if (!dim) {
      return Fail("aggregate", "--by: unknown dimension \"" + std::string(dim_name) +
                                   "\" (lead, coordinator, agency_kind, category, source, "
                                   "due_month, assigned_month, deadline_kind, status)");
    }
    q.by.push_back(*dim);
    by.push_back(mandate::EnumName(*dim));
  }
  for (const auto& [flag, slot] : {std::pair{"--assigned-from", &q.assigned.from},
                                   std::pair{"--assigned-to", &q.assigned.to}}) {
    if (args.Has(flag)) {
      const auto d = args.IsoDay(flag);
      if (!d) return mandate::cli::kExitUsage;
      *slot = *d;
    }
  }
  const auto soon = args.Int("--soon-days", 0, mandate::kMaxSoonDays, q.classify.soon_days);
  const auto level = args.Int("--category-level", 0, 100, q.category_level);
  const auto max_groups =
      args.Int("--max-groups", 1, 2'000'000'000, static_cast<int>(q.max_groups));
  if (!soon || !level || !max_groups) return mandate::cli::kExitUsage;
  q.classify.soon_days = *soon;
  q.category_level = *level;
  q.max_groups = static_cast<std::size_t>(*max_groups);
  q.include_coordinators = args.Has("--include-coordinators");

  std::size_t problems = 0;
  auto ds = mandate::cli::LoadDataset(data, &problems, args.Has("--strict"),
                                       args.Get("--sheet").value_or(""));
  if (!ds.ok()) return Fail("aggregate", data + ": " + std::string(ds.status().message()));
  auto result = mandate::Aggregate(*ds, q);
  if (!result.ok()) return Fail("aggregate", mandate::ToStd(result.status().message()));
  // Streamed group by group (the bytes of one compact JSON object): a million groups are
  // never held as one JSON tree or one string.
  const auto dump = [](const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
  };
  std::cout << "{\"as_of\":" << dump(mandate::FormatIsoDay(q.as_of)) << ",\"by\":" << dump(by)
            << ",\"groups\":[";
  for (std::size_t g = 0; g < result->groups.size() && std::cout; ++g) {
    json key = json::object();
    for (std::size_t k = 0; k < q.by.size(); ++k) {
      auto label = result->Label(g, k);
      key[std::string(mandate::EnumName(q.by[k]))] =
          label ? json(*std::move(label)) : json(nullptr);
    }
    json row = json::object();
    row["key"] = std::move(key);
    row.update(Measures(result->groups[g].counts));
    if (g > 0) std::cout << ',';
    std::cout << dump(row);
  }
  std::cout << "],\"totals\":" << dump(Measures(result->totals)) << "}\n";
  if (!std::cout.good()) return Fail("aggregate", "cannot write the output");
  return problems ? mandate::cli::kExitProblems : mandate::cli::kExitOk;
}

const mandate::cli::Registration kReg{
    {.name = "aggregate",
     .summary = "status counts per group as of a day",
     .synopsis = "--data FILE --as-of D --by DIM[,DIM...] [--assigned-from D] [--assigned-to D]\n"
                 "  [--include-coordinators] [--soon-days N] [--category-level N]\n"
                 "  [--max-groups N] [--sheet NAME] [--strict]",
     .options = {{"--data", "FILE", "the dataset (JSON, CSV or .xlsx)"},
                 {"--sheet", "NAME", "the workbook's sheet to read (default: the first)"},
                 {"--strict", nullptr, "refuse the whole file when it has any problem (exit 2)"},
                 {"--as-of", "D", "the day to classify at (YYYY-MM-DD)"},
                 {"--by", "DIM,...",
                  "lead, coordinator, agency_kind, category, source, due_month,"
                  " assigned_month, deadline_kind, status"},
                 {"--assigned-from", "D", "only tasks assigned on or after D"},
                 {"--assigned-to", "D", "only tasks assigned on or before D"},
                 {"--include-coordinators", nullptr, "count coordinating agencies too"},
                 {"--soon-days", "N", "due within N days counts as due_soon (default 7)"},
                 {"--category-level", "N", "group categories by their first N levels"},
                 {"--max-groups", "N",
                  "refuse a grouping of more than N groups (default 1000000; exit 2)"}},
     .run = &Run,
     .details =
         "Prints one JSON object {\"as_of\", \"by\", \"groups\": [{\"key\", \"total\", one count\n"
         "per status, rates}], \"totals\"}."}};

}  // namespace
