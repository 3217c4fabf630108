// mandate calendar: Vietnam's working-day calendar (rules + bundled official schedules).
//   mandate calendar --from D --to D [--json] [--rules-only]
//     prints each non-working day in [from, to]: "YYYY-MM-DD<TAB>reason<TAB>category", or with
//     --json one object per line {"date", "reason", "category"}; the category is "weekend",
//     "holiday", "substitute_day_off" or "swapped_day_off".
//   mandate calendar --add-working-days N --from D [--json] [--rules-only]
//     prints the N-th working day after D (before it when N < 0; D itself or the next working
//     day when N = 0).
// Dates are YYYY-MM-DD or DD/MM/YYYY. Bad input: a message on stderr, exit 2.
#include <charconv>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>

#include "command.h"
#include "mandate/absl_compat.h"
#include "mandate/calendar.h"

namespace {

using mandate::cli::Fail;

std::optional<mandate::Day> DayFlag(const mandate::cli::Args& args, const char* flag) {
  const auto text = args.Require({flag});
  if (!text) return std::nullopt;
  absl::StatusOr<mandate::Day> day = mandate::ParseDay(text->front());
  if (!day.ok()) {
    Fail("calendar",
         std::string(flag) + ": " + std::string(mandate::ToStd(day.status().message())));
    return std::nullopt;
  }
  return *day;
}

int Run(const mandate::cli::Args& args) {
  const mandate::WorkingCalendar rules = mandate::WorkingCalendar::RulesOnly();
  const mandate::WorkingCalendar& cal =
      args.Has("--rules-only") ? rules : mandate::WorkingCalendar::Vietnam();
  const bool json = args.Has("--json");
  const std::optional<mandate::Day> from = DayFlag(args, "--from");
  if (!from) return mandate::cli::kExitUsage;

  if (args.Has("--add-working-days")) {
    if (args.Has("--to")) return Fail("calendar", "--to does not go with --add-working-days");
    // Any int: the calendar itself refuses a result outside its range, with the day it hit.
    const auto n = args.Int("--add-working-days", std::numeric_limits<int>::min(),
                            std::numeric_limits<int>::max(), 0);
    if (!n) return mandate::cli::kExitUsage;
    absl::StatusOr<mandate::Day> result = cal.TryAddWorkingDays(*from, *n);
    if (!result.ok()) return Fail("calendar", mandate::ToStd(result.status().message()));
    if (json) {
      std::cout << nlohmann::json{{"from", mandate::FormatIsoDay(*from)},
                                  {"working_days", *n},
                                  {"date", mandate::FormatIsoDay(*result)}}
                       .dump(-1, ' ', false)
                << "\n";
    } else {
      std::cout << mandate::FormatIsoDay(*result) << "\n";
    }
    if (!std::cout.good()) return Fail("calendar", "cannot write the output");
    return mandate::cli::kExitOk;
  }

  const std::optional<mandate::Day> to = DayFlag(args, "--to");
  if (!to) return mandate::cli::kExitUsage;
  if (*to < *from) {
    return Fail("calendar", "--to " + mandate::FormatIsoDay(*to) + " is before --from " +
                                mandate::FormatIsoDay(*from));
  }
  for (const mandate::DayOff& off : cal.DaysOff(*from, *to)) {
    if (json) {
      std::cout << nlohmann::json{{"date", mandate::FormatIsoDay(off.day)},
                                  {"reason", off.reason},
                                  {"category", mandate::EnumName(off.category)}}
                       .dump(-1, ' ', false)
                << "\n";
    } else {
      std::cout << mandate::FormatIsoDay(off.day) << "\t" << off.reason << "\t"
                << mandate::EnumName(off.category) << "\n";
    }
  }
  if (!std::cout.good()) return Fail("calendar", "cannot write the output");
  return mandate::cli::kExitOk;
}

const mandate::cli::Registration kReg{
    {.name = "calendar",
     .summary = "Vietnam's working days: list the days off, or add working days",
     .synopsis = "--from D --to D [--json] [--rules-only]\n"
                 "--add-working-days N --from D [--json] [--rules-only]",
     .options = {{"--from", "D", "first day (YYYY-MM-DD or DD/MM/YYYY)"},
                 {"--to", "D", "last day of the listing"},
                 {"--add-working-days", "N",
                  "print the N-th working day after --from (before it if N < 0)"},
                 {"--json", nullptr, "one JSON object per line"},
                 {"--rules-only", nullptr, "statutory rules only, without the official schedules"}},
     .run = &Run,
     .details = "Lists each day off in [from, to] as \"YYYY-MM-DD<TAB>reason\"."}};

}  // namespace
