// mandate agencies [--registry FILE]: resolves agency cells, one JSON value per input line
// (a string, or {"text": ...}); writes one JSON object per line:
//   {"text", "ids": [sorted canonical ids], "collectives", "unresolved", "error": null|message}
// "error" is set when the line is not usable (bad JSON, not a string) or a part of the cell
// names no known agency. Exit code 0 when every line resolved, 1 otherwise, 2 on bad usage.
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "command.h"
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

int Run(const std::vector<std::string>& args) {
  auto parsed = mandate::cli::Args::Parse(args, {"--registry"}, {});
  if (!parsed) return 2;
  std::optional<mandate::AgencyRegistry> loaded;
  if (auto path = parsed->Get("--registry")) {
    auto reg = mandate::AgencyRegistry::FromFile(*path);
    if (!reg.ok()) {
      std::cerr << "mandate agencies: " << reg.status().message() << "\n";
      return 2;
    }
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
  return status;
}

const mandate::cli::Registration kReg{"agencies",
                                      "resolve agency cells (JSON lines on stdin) to ids", &Run};
}  // namespace
