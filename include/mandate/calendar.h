// Vietnam's working-day calendar: weekends, the public holidays of the Labour Code 2019
// art. 112 (solar and lunar, the lunar ones computed with the Vietnamese calendar at UTC+7),
// and on top of the rules each year's official schedule as data (days off, swapped working
// Saturdays, substitute days). The official 2025 and 2026 schedules ship with the library
// (data/calendar/vietnam-YYYY.json, compiled in).
//
// The rules, for a year without an official schedule (years 1900..2200; outside, weekends only):
// - Saturday and Sunday are off.
// - 1/1 "Tết Dương lịch"; 30/4 "Ngày Chiến thắng"; 1/5 "Ngày Quốc tế Lao động".
// - Tết Nguyên đán, 5 days: the last day of the old lunar year and days 1..4 of the new one.
//   The law fixes only the count; the Government picks the days each year, and this is the
//   usual pick (2026: 16/2..20/2). The official schedule, where there is one, overrides it.
// - Giỗ Tổ Hùng Vương: 10/3 lunar (the regular month 3, never a leap month 3).
// - Quốc khánh: 2/9 and one adjacent day. The law lets the Government choose 1/9 or 3/9; the
//   practice since 2021 (2/9 Thu 2021 -> 3/9; Fri 2022, Sat 2023, Tue 2025 -> 1/9; Mon 2024 ->
//   3/9, which 1/9 = Sunday plus its compensatory day also gives) is the side that joins the
//   weekend. Rule: 3/9 when 2/9 is a Thursday, else 1/9.
// - Compensatory day (nghỉ bù, Labour Code art. 111(3)): a holiday on a Saturday or Sunday, or
//   on a day already taken by another holiday, gives the next working day off.
// These are the current law's rules applied to every year; holidays of earlier laws (one day
// of Quốc khánh before 2021, say) are not modelled.
//
// An official schedule for a year REPLACES the rules' holidays of that year: its days_off are
// then every day off besides the plain weekends, and its working_days turn weekend days into
// working days. So a schedule must list the whole year (all holidays, swaps and
// compensatory days), as the bundled ones do.
#ifndef MANDATE_CALENDAR_H
#define MANDATE_CALENDAR_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "mandate/civil_day.h"
#include "mandate/lunar_calendar.h"  // LunarDate, ToLunar, FromLunar

namespace mandate {

// An official schedule bundled with the library.
struct BundledSchedule {
  std::string_view name;  // "vietnam-2025.json"
  std::string_view json;  // the file's text, as AddOfficialSchedule takes it
};
std::vector<BundledSchedule> BundledSchedules();

// Why a day is not a working day.
struct DayOff {
  Day day;
  std::string reason;  // "Saturday", "Sunday", "Tết Nguyên đán", "Giỗ Tổ Hùng Vương", ...
};

class WorkingCalendar {
 public:
  // The rules plus the bundled official schedules (2025, 2026).
  static const WorkingCalendar& Vietnam();
  // Only the rules of the Labour Code: no official schedule.
  static WorkingCalendar RulesOnly();

  // Adds an official schedule: JSON {"year": 2026, "source": "...", "days_off":
  // [{"date": "YYYY-MM-DD", "reason": "..."}...], "working_days": [{"date","reason"}...]}
  // (working_days are swapped Saturdays/Sundays). Every date must lie in "year". Invalid
  // JSON, an unknown field, a bad or misplaced date, a weekday listed as a working day or a
  // date listed twice: InvalidArgument naming the field ("days_off[2].date: ..."), and the
  // calendar is left unchanged. A second schedule for the same year adds to the first.
  absl::Status AddOfficialSchedule(std::string_view json);
  // Years with an official schedule, ascending.
  std::vector<int> ScheduledYears() const;

  bool IsWorkingDay(Day day) const;
  // Reason the day is off, or nullopt when it is a working day.
  std::optional<std::string> DayOffReason(Day day) const;
  // Why a Saturday or Sunday is a working day (a swap of the official schedule), or nullopt.
  std::optional<std::string> WorkingDayReason(Day day) const;
  // n > 0: the n-th working day after from; n < 0: before; n == 0: from itself if working,
  // else the next working day. Saturates at 1900-01-01 / 2200-12-31 (the supported range):
  // a walk that would leave it stops on the boundary day; see TryAddWorkingDays.
  Day AddWorkingDays(Day from, int n) const;
  // As AddWorkingDays, but OutOfRange when from or the result is outside the range.
  absl::StatusOr<Day> TryAddWorkingDays(Day from, int n) const;
  // Working days in (from, to], negative when to < from.
  int WorkingDaysBetween(Day from, Day to) const;
  // The first working day strictly after day (saturating as AddWorkingDays).
  Day NextWorkingDay(Day day) const;
  // Every non-working day in [from, to] with its reason.
  std::vector<DayOff> DaysOff(Day from, Day to) const;

 private:
  absl::flat_hash_map<int, std::string> extra_off_;  // epoch day -> reason
  absl::flat_hash_map<int, std::string> extra_working_;
  absl::flat_hash_set<int> scheduled_years_;  // years whose schedule replaces the rules
};

}  // namespace mandate

#endif
