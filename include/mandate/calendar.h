// Vietnam's working-day calendar: weekends, the public holidays of the Labour Code 2019
// art. 112 (solar and lunar, the lunar ones computed with the Vietnamese calendar at UTC+7),
// and on top of the rules each year's official schedule as data (days off, swapped working
// Saturdays, substitute days). The official 2025 and 2026 schedules ship with the library.
#ifndef MANDATE_CALENDAR_H
#define MANDATE_CALENDAR_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "mandate/civil_day.h"

namespace mandate {

// A lunar date in the Vietnamese calendar.
struct LunarDate {
  int year = 0;
  unsigned month = 0;  // 1..12
  unsigned day = 0;    // 1..30
  bool leap_month = false;
  friend bool operator==(const LunarDate&, const LunarDate&) = default;
};

// Converts between solar days and Vietnamese lunar dates (astronomical new moons and solar
// terms, meridian 105°E / UTC+7). Valid for 1900..2199.
LunarDate ToLunar(Day day);
absl::StatusOr<Day> FromLunar(const LunarDate& lunar);

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

  // Adds an official schedule: JSON {"year": 2026, "days_off": [{"date","reason"}...],
  // "working_days": [{"date","reason"}...]} (working_days are swapped Saturdays/Sundays).
  absl::Status AddOfficialSchedule(std::string_view json);

  bool IsWorkingDay(Day day) const;
  // Reason the day is off, or nullopt when it is a working day.
  std::optional<std::string> DayOffReason(Day day) const;
  // n > 0: the n-th working day after from; n < 0: before; n == 0: from itself if working,
  // else the next working day.
  Day AddWorkingDays(Day from, int n) const;
  // Working days in (from, to], negative when to < from.
  int WorkingDaysBetween(Day from, Day to) const;
  // The first working day strictly after day.
  Day NextWorkingDay(Day day) const;
  // Every non-working day in [from, to] with its reason.
  std::vector<DayOff> DaysOff(Day from, Day to) const;

 private:
  absl::flat_hash_map<int, std::string> extra_off_;  // epoch day -> reason
  absl::flat_hash_map<int, std::string> extra_working_;
};

}  // namespace mandate

#endif
