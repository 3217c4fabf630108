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
#include <nlohmann/json.hpp>

#include "command.h"
#include "mandate/absl_compat.h"
#include "mandate/calendar.h"

namespace {

constexpr const char* kUsage =
    "usage: mandate calendar --from D --to D [--json] [--rules-only]\n"
    "       mandate calendar --add-working-days N --from D [--json] [--rules-only]\n";

std::optional<mandate::Day> DayFlag(const mandate::cli::Args& args, const char* flag) {
  const std::optional<std::string> text = args.Get(flag);
  if (!text) {
    std::cerr << "mandate calendar: " << flag << " is required\n" << kUsage;
    return std::nullopt;
  }
  absl::StatusOr<mandate::Day> day = mandate::ParseDay(*text);
  if (!day.ok()) {
    std::cerr << "mandate calendar: " << flag << ": " << mandate::ToStd(day.status().message())
              << "\n";
    return std::nullopt;
  }
  return *day;
}

int Run(const std::vector<std::string>& argv) {
  const auto args = mandate::cli::Args::Parse(argv, {"--from", "--to", "--add-working-days"},
                                              {"--json", "--rules-only", "--help"});
  if (!args) {
    std::cerr << kUsage;
    return 2;
  }
  if (args->Has("--help")) {
    std::cout << kUsage;
    return 0;
  }
  const mandate::WorkingCalendar rules = mandate::WorkingCalendar::RulesOnly();
  const mandate::WorkingCalendar& cal =
      args->Has("--rules-only") ? rules : mandate::WorkingCalendar::Vietnam();
  const bool json = args->Has("--json");
  const std::optional<mandate::Day> from = DayFlag(*args, "--from");
  if (!from) return 2;

  if (const std::optional<std::string> n_text = args->Get("--add-working-days")) {
    if (args->Has("--to")) {
      std::cerr << "mandate calendar: --to does not go with --add-working-days\n" << kUsage;
      return 2;
    }
    int n = 0;
    const char* end = n_text->data() + n_text->size();
    auto [p, ec] = std::from_chars(n_text->data(), end, n);
    if (n_text->empty() || ec != std::errc() || p != end) {
      std::cerr << "mandate calendar: --add-working-days: \"" << *n_text
                << "\" is not a whole number of days\n";
      return 2;
    }
    absl::StatusOr<mandate::Day> result = cal.TryAddWorkingDays(*from, n);
    if (!result.ok()) {
      std::cerr << "mandate calendar: " << mandate::ToStd(result.status().message()) << "\n";
      return 2;
    }
    if (json) {
      std::cout << nlohmann::json{{"from", mandate::FormatIsoDay(*from)},
                                  {"working_days", n},
                                  {"date", mandate::FormatIsoDay(*result)}}
                       .dump(-1, ' ', false)
                << "\n";
    } else {
      std::cout << mandate::FormatIsoDay(*result) << "\n";
    }
    return 0;
  }

  const std::optional<mandate::Day> to = DayFlag(*args, "--to");
  if (!to) return 2;
  if (*to < *from) {
    std::cerr << "mandate calendar: --to " << mandate::FormatIsoDay(*to) << " is before --from "
              << mandate::FormatIsoDay(*from) << "\n";
    return 2;
  }
  for (const mandate::DayOff& off : cal.DaysOff(*from, *to)) {
    if (json) {
      std::cout << nlohmann::json{{"date", mandate::FormatIsoDay(off.day)},
                                  {"reason", off.reason},
                                  {"category", mandate::DayOffCategoryName(off.category)}}
                       .dump(-1, ' ', false)
                << "\n";
    } else {
      std::cout << mandate::FormatIsoDay(off.day) << "\t" << off.reason << "\t"
                << mandate::DayOffCategoryName(off.category) << "\n";
    }
  }
  return 0;
}

const mandate::cli::Registration kReg{
    "calendar", "working days: list days off (--from --to) or add working days", &Run};

}  // namespace
