// mandate agencies [--registry FILE]: resolves agency cells, one JSON value per input line
// (a string, or {"text": ...}); writes one JSON object per line:
//   {"text", "ids": [sorted canonical ids], "collectives", "unresolved", "error": null|message}
// "error" is set when the line is not usable (bad JSON, not a string) or a part of the cell
// names no known agency. Exit status 0 when every line resolved, 1 otherwise, 2 on bad usage.
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "command.h"
#include "mandate/absl_compat.h"
#include "mandate/agency_registry.h"

namespace {

using nlohmann::ordered_json;

ordered_json ResolveLine(const mandate::AgencyRegistry& reg, const std::string& line) {
  ordered_json out;
  out["text"] = nullptr;
  out["ids"] = ordered_json::array();
  out["collectives"] = ordered_json::array();
  out["unresolved"] = ordered_json::array();
  out["error"] = nullptr;
  ordered_json in = ordered_json::parse(line, nullptr, false);
  if (in.is_discarded()) {
    out["error"] = "line is not valid JSON";
    return out;
  }
  if (in.is_object() && in.contains("text")) in = in["text"];
  if (!in.is_string()) {
    out["error"] = "expected a string or an object with a string \"text\"";
    return out;
  }
  const std::string text = in.get<std::string>();
  out["text"] = text;
  const mandate::Resolution r = reg.Resolve(text);
  out["ids"] = reg.Ids(r);
  out["collectives"] = r.collectives;
  out["unresolved"] = r.unresolved;
  if (!r.error.empty()) {
    out["error"] = r.error;
  } else if (!r.unresolved.empty()) {
    std::vector<std::string> quoted;
    for (const auto& u : r.unresolved) quoted.push_back(absl::StrCat("\"", u, "\""));
    out["error"] = absl::StrCat("unknown agency: ", absl::StrJoin(quoted, ", "));
  }
  return out;
}

int Run(const mandate::cli::Args& args) {
  std::optional<mandate::AgencyRegistry> loaded;
  if (auto path = args.Get("--registry")) {
    auto reg = mandate::AgencyRegistry::FromFile(*path);
    if (!reg.ok()) return mandate::cli::Fail("agencies", mandate::ToStd(reg.status().message()));
    loaded.emplace(std::move(*reg));
  }
  const mandate::AgencyRegistry& reg = loaded ? *loaded : mandate::AgencyRegistry::Bundled();
  int status = 0;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const ordered_json out = ResolveLine(reg, line);
    if (!out["error"].is_null()) status = 1;
    std::cout << out.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << "\n";
  }
  std::cout.flush();
  if (std::cin.bad()) return mandate::cli::Fail("agencies", "cannot read stdin");
  if (!std::cout.good()) return mandate::cli::Fail("agencies", "cannot write the output");
  return status;
}

const mandate::cli::Registration kReg{
    {.name = "agencies",
     .summary = "agency cells (JSON lines on stdin) to canonical ids",
     .synopsis = "[--registry FILE] < CELLS.jsonl",
     .options = {{"--registry", "FILE", "an agency registry (JSON) instead of the bundled one"}},
     .run = &Run,
     .details = "Reads one JSON value per line (a string, or {\"text\"}); prints one JSON object\n"
                "per line: {\"text\", \"ids\", \"collectives\", \"unresolved\", \"error\"}."}};
}  // namespace
