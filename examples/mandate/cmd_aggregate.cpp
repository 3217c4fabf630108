// mandate aggregate --data FILE --as-of YYYY-MM-DD --by DIM[,DIM...]
//                   [--assigned-from D --assigned-to D] [--include-coordinators]
//                   [--soon-days N] [--category-level N] [--max-groups N]
// Prints one JSON object:
//   {"as_of", "by": [...], "groups": [{"key": {DIM: value, ...}, "total", the six status
//    counts, "completion_rate", "on_time_rate", "overdue_rate"}, ...], "totals": {...}}
// Groups are sorted by key (value by value in --by order, null = none first); agency keys
// are canonical ids. A task with several lead agencies counts in each agency's group and
// once in the totals. Rules: include/mandate/aggregate.h. More than --max-groups groups
// (default 1,000,000) is refused with exit code 2.
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
    out[std::string(mandate::TaskStatusName(static_cast<mandate::TaskStatus>(s)))] = c.n[s];
  }
  out["completion_rate"] = Rate(c.completion_rate());
  out["on_time_rate"] = Rate(c.on_time_rate());
  out["overdue_rate"] = Rate(c.overdue_rate());
  return out;
}

bool ParseCount(std::string_view flag, const std::string& text, int max, int& out) {
  int v = -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < 0 || v > max) {
    std::cerr << "mandate aggregate: " << flag << " needs a whole number 0.." << max << ", got \""
              << text << "\"\n";
    return false;
  }
  out = v;
  return true;
}

int Run(const std::vector<std::string>& argv) {
  auto args =
      mandate::cli::Args::Parse(argv,
                                {"--data", "--as-of", "--by", "--assigned-from", "--assigned-to",
                                 "--soon-days", "--category-level", "--max-groups"},
                                {"--include-coordinators"});
  if (!args) return 2;
  const auto data = args->Get("--data");
  const auto as_of_text = args->Get("--as-of");
  const auto by_text = args->Get("--by");
  if (!data || !as_of_text || !by_text) {
    std::cerr << "mandate aggregate: --data FILE, --as-of YYYY-MM-DD and --by DIM[,DIM...] are "
                 "required\n";
    return 2;
  }
  mandate::AggregateQuery q;
  auto as_of = mandate::ParseIsoDay(*as_of_text);
  if (!as_of.ok()) {
    std::cerr << "mandate aggregate: --as-of: " << as_of.status().message() << "\n";
    return 2;
  }
  q.as_of = *as_of;
  json by = json::array();
  for (absl::string_view name : absl::StrSplit(mandate::ToAbsl(*by_text), ',')) {
    const std::string_view dim_name = mandate::ToStd(absl::StripAsciiWhitespace(name));
    const auto dim = mandate::DimensionFromName(dim_name);
    if (!dim) {
      std::cerr << "mandate aggregate: --by: unknown dimension \"" << dim_name
                << "\" (lead, coordinator, agency_kind, category, source, due_month, "
                   "assigned_month, deadline_kind, status)\n";
      return 2;
    }
    q.by.push_back(*dim);
    by.push_back(mandate::DimensionName(*dim));
  }
  for (const auto& [flag, slot] : {std::pair{"--assigned-from", &q.assigned.from},
                                   std::pair{"--assigned-to", &q.assigned.to}}) {
    if (auto text = args->Get(flag)) {
      auto d = mandate::ParseIsoDay(*text);
      if (!d.ok()) {
        std::cerr << "mandate aggregate: " << flag << ": " << d.status().message() << "\n";
        return 2;
      }
      *slot = *d;
    }
  }
  if (auto n = args->Get("--soon-days")) {
    if (!ParseCount("--soon-days", *n, 36600, q.classify.soon_days)) return 2;
  }
  if (auto n = args->Get("--category-level")) {
    if (!ParseCount("--category-level", *n, 100, q.category_level)) return 2;
  }
  if (auto n = args->Get("--max-groups")) {
    int max_groups = 0;
    if (!ParseCount("--max-groups", *n, 2'000'000'000, max_groups)) return 2;
    q.max_groups = static_cast<std::size_t>(max_groups);
  }
  q.include_coordinators = args->Has("--include-coordinators");

  auto ds = mandate::cli::LoadDataset(*data);
  if (!ds.ok()) {
    std::cerr << "mandate aggregate: " << *data << ": " << ds.status().message() << "\n";
    return 1;
  }
  auto result = mandate::Aggregate(*ds, q);
  if (!result.ok()) {
    std::cerr << "mandate aggregate: " << result.status().message() << "\n";
    return 2;
  }
  // Streamed group by group (the bytes of one compact JSON object): a million groups are
  // never held as one JSON tree or one string.
  constexpr auto kDump = [](const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
  };
  std::cout << "{\"as_of\":" << kDump(mandate::FormatIsoDay(q.as_of)) << ",\"by\":" << kDump(by)
            << ",\"groups\":[";
  for (std::size_t g = 0; g < result->groups.size() && std::cout; ++g) {
    json key = json::object();
    for (std::size_t k = 0; k < q.by.size(); ++k) {
      auto label = result->Label(g, k);
      key[std::string(mandate::DimensionName(q.by[k]))] =
          label ? json(*std::move(label)) : json(nullptr);
    }
    json row = json::object();
    row["key"] = std::move(key);
    row.update(Measures(result->groups[g].counts));
    if (g > 0) std::cout << ',';
    std::cout << kDump(row);
  }
  std::cout << "],\"totals\":" << kDump(Measures(result->totals)) << "}\n";
  return 0;  // main() checks that the output was written
}

const mandate::cli::Registration kReg{
    "aggregate",
    "status counts per group as of a day (--data FILE --as-of YYYY-MM-DD --by lead,status)", &Run};

}  // namespace
