// mandate deadline [--year Y] [--assigned YYYY-MM-DD] [--extract] [--inclusive-before]
// One JSON value per stdin line (a string, or {"text", "year", "assigned"} overriding the
// flags); one JSON object per stdout line. Bad lines give an "error" line, never a crash.
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "command.h"
#include "mandate/civil_day.h"
#include "mandate/deadline.h"

namespace {

using json = nlohmann::ordered_json;

json DayOrNull(const std::optional<mandate::Day>& d) {
  return d ? json(mandate::FormatIsoDay(*d)) : json(nullptr);
}

json Render(const json& text, const mandate::Deadline& d, const json& span, const json& error) {
  json out = json::object();
  out["text"] = text;
  out["kind"] = std::string(mandate::EnumName(d.kind));
  out["due"] = DayOrNull(d.due);
  out["anchor"] = DayOrNull(d.anchor);
  json ms = json::array();
  for (const auto& m : d.milestones) ms.push_back({{"label", m.label}, {"due", DayOrNull(m.due)}});
  out["milestones"] = ms;
  if (d.recurrence) {
    out["recurrence"] = {
        {"freq", std::string(mandate::EnumName(d.recurrence->freq))},
        {"day", d.recurrence->day_of_period ? json(*d.recurrence->day_of_period) : json(nullptr)},
        {"before", d.recurrence->before}};
  } else {
    out["recurrence"] = nullptr;
  }
  out["first_due"] = DayOrNull(d.first_due);
  out["span"] = span;
  out["error"] = error;
  out["explanation"] = d.explanation;
  return out;
}

json ErrorLine(const json& text, const std::string& message) {
  mandate::Deadline d;
  return Render(text, d, nullptr, message);
}

int Run(const mandate::cli::Args& args) {
  using mandate::cli::Fail;
  mandate::DeadlineContext base;
  if (args.Has("--year")) {
    const auto year = args.Int("--year", 1900, 2199, 0);
    if (!year) return mandate::cli::kExitUsage;
    base.plan_year = *year;
  }
  if (args.Has("--assigned")) {
    const auto day = args.IsoDay("--assigned");
    if (!day) return mandate::cli::kExitUsage;
    base.assigned = *day;
  }
  base.inclusive_before = args.Has("--inclusive-before");
  const bool extract = args.Has("--extract");
  std::size_t problems = 0;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank: no value
    json in = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (in.is_discarded()) {
      ++problems;
      std::cout << ErrorLine(line, "invalid JSON line")
                       .dump(-1, ' ', false, json::error_handler_t::replace)
                << "\n";
      continue;
    }
    mandate::DeadlineContext ctx = base;
    json text_json;
    std::string text;
    std::string problem;
    if (in.is_string()) {
      text = in.get<std::string>();
      text_json = in;
    } else if (in.is_object()) {
      text_json = in.contains("text") ? in["text"] : json(nullptr);
      if (!text_json.is_string())
        problem = "the object needs a string \"text\"";
      else
        text = text_json.get<std::string>();
      if (problem.empty() && in.contains("year") && !in["year"].is_null()) {
        if (!in["year"].is_number_integer())
          problem = "\"year\" must be an integer";
        else
          ctx.plan_year = in["year"].get<int>();
      }
      if (problem.empty() && in.contains("assigned") && !in["assigned"].is_null()) {
        auto day = in["assigned"].is_string()
                       ? mandate::ParseIsoDay(in["assigned"].get<std::string>())
                       : absl::StatusOr<mandate::Day>(absl::InvalidArgumentError("not a string"));
        if (!day.ok())
          problem = "\"assigned\": " + std::string(day.status().message());
        else
          ctx.assigned = *day;
      }
    } else {
      text_json = in;
      problem = "expected a string or an object {\"text\", \"year\", \"assigned\"}";
    }
    json out;
    if (!problem.empty()) {
      out = ErrorLine(text_json, problem);
    } else if (extract) {
      const auto x = mandate::ExtractDeadline(text, ctx);
      const bool found = x.deadline.kind != mandate::DeadlineKind::kNone;
      out = Render(text_json, x.deadline,
                   found ? json{{"begin", x.begin}, {"end", x.end}} : json(nullptr),
                   x.status.ok() ? json(nullptr) : json(std::string(x.status.message())));
    } else {
      auto d = mandate::ParseDeadline(text, ctx);
      if (d.ok()) {
        out = Render(text_json, *d, nullptr, nullptr);
      } else {
        out = ErrorLine(text_json, std::string(d.status().message()));
      }
    }
    if (!out["error"].is_null()) ++problems;
    std::cout << out.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  }
  if (std::cin.bad()) return Fail("deadline", "cannot read stdin");
  if (!std::cout.good()) return Fail("deadline", "cannot write the output");
  return problems ? mandate::cli::kExitProblems : mandate::cli::kExitOk;
}

const mandate::cli::Registration kReg{
    {.name = "deadline",
     .summary = "deadline phrases (JSON lines on stdin) to due days",
     .synopsis = "[--year Y] [--assigned D] [--extract] [--inclusive-before] < PHRASES.jsonl",
     .options = {{"--year", "Y", "the plan's year, for phrases without one (\"Tháng 6\")"},
                 {"--assigned", "D", "the day the task was assigned, for relative phrases"},
                 {"--extract", nullptr, "find the deadline inside free text (a bullet, a title)"},
                 {"--inclusive-before", nullptr, "read \"trước ngày D\" as due on D itself"}},
     .run = &Run,
     .details =
         "Reads one JSON value per line (a string, or {\"text\", \"year\", \"assigned\"});\n"
         "prints one JSON object per line: {\"text\", \"kind\", \"due\", \"milestones\",\n"
         "\"recurrence\", \"first_due\", \"span\", \"error\", \"explanation\"}. A line that\n"
         "cannot be read gets an \"error\" (exit 1), never stops the run."}};

}  // namespace
