// Vietnam's working-day calendar: weekends, the public holidays of the Labour Code in force
// each year (solar and lunar, the lunar ones computed with the Vietnamese calendar at UTC+7),
// and on top of the rules each year's official schedule as data (days off, swapped working
// Saturdays, substitute days). The official schedules 2020..2026 ship with the library
// (data/calendar/vietnam-YYYY.json, compiled in), each naming its source documents.
//
// The rules, for a year without an official schedule. Each law applies from the year it took
// effect; the calendar covers 1900..2200, and holidays are modelled from 1995 on (2200 has only
// the solar ones: the lunar calendar ends with 2199):
// - Saturday and Sunday are off, in every year. (State bodies worked on Saturdays until the
//   40-hour week of Quyết định 188/1999/QĐ-TTg, from 2/10/1999: not modelled.)
// - 1900..1994: weekends only. The holidays of that period (decrees before the Labour Code;
//   30/4 only from 1975) are not modelled.
// - 1995..2013, Labour Code 1994 (Bộ luật Lao động 1994, art. 73, in force 1/1/1995):
//   1/1 "Tết Dương lịch"; Tết Nguyên đán 4 days (the rules use the last day of the old lunar
//   year and days 1..3 of the new one); 30/4 "Ngày Chiến thắng"; 1/5 "Ngày Quốc tế Lao động"; 2/9
//   "Quốc khánh", one day. From 2007, Giỗ Tổ Hùng Vương, 10/3 lunar (Luật 84/2007/QH11 amending
//   art. 73; the regular month 3, never a leap month 3).
// - 2014..2020, Labour Code 2012 (10/2012/QH13, art. 115, in force 1/5/2013, so from Tết
//   2014): Tết Nguyên đán 5 days. The law fixes only the count; the Government picks the days
//   each year, and the rules use the last day of the old year and days 1..4 of the new one.
// - 2021.., Labour Code 2019 (45/2019/QH14, art. 112, in force 1/1/2021): Quốc khánh is 2/9
//   and one adjacent day, 1/9 or 3/9 as the Government picks. The rule follows the picks since
//   2021 (Thu 2021 -> 3/9; Fri 2022, Sat 2023, Tue 2025, Wed 2026 -> 1/9; Mon 2024 -> 3/9):
//   3/9 when 2/9 is a Monday or a Thursday, else 1/9.
// - Compensatory day (nghỉ bù; art. 73 of 1994, art. 115(3) of 2012, art. 111(3) of 2019): a
//   holiday on a Saturday or Sunday, or on a day already taken by another holiday, gives the
//   next working day off.
//
// An official schedule for a year REPLACES the rules' holidays of that year: its days_off are
// then every day off besides the plain weekends, and its working_days turn weekend days into
// working days. So a schedule must list the whole year (all holidays, swaps and
// compensatory days), as the bundled ones do.
//
// Every day off has a category (DayOffCategory) besides its text: a plain weekend day, a
// holiday (also when it falls on a weekend), a substitute day off for a holiday that fell on a
// weekend, or a weekday off swapped for a working Saturday.
#ifndef MANDATE_CALENDAR_H
#define MANDATE_CALENDAR_H

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "mandate/civil_day.h"
#include "mandate/enum_table.h"
#include "mandate/lunar_calendar.h"  // LunarDate, ToLunar, FromLunar

namespace mandate {

// An official schedule bundled with the library.
struct BundledSchedule {
  std::string_view name;  // "vietnam-2025.json"
  std::string_view json;  // the file's text, as AddOfficialSchedule takes it
};
std::vector<BundledSchedule> BundledSchedules();

// What kind of day off a day is. The numbers are stable (schedules name the categories by
// their names, the C ABI passes the numbers): never renumbered, new kinds only at the end.
// 0 is not a category (free for "a working day" where a number is needed).
enum class DayOffCategory : std::uint8_t {
  // "weekend": a Saturday or Sunday with no holiday on it.
  kWeekend = 1,
  // "holiday": a public holiday of the Labour Code (ngày lễ, Tết), also when it falls on a
  // Saturday or Sunday; in an official schedule, every day the schedule counts as the holiday.
  kHoliday = 2,
  // "substitute_day_off": nghỉ bù, a working day given off because a holiday fell on a weekend
  // (or on another holiday).
  kSubstituteDayOff = 3,
  // "swapped_day_off": nghỉ hoán đổi, a working day given off and worked back on a Saturday or
  // Sunday (that day's WorkingDayReason says which).
  kSwappedDayOff = 4,
};
template <>
struct EnumTable<DayOffCategory> {
  static constexpr EnumEntry<DayOffCategory> kEntries[] = {
      {DayOffCategory::kWeekend, "weekend"},
      {DayOffCategory::kHoliday, "holiday"},
      {DayOffCategory::kSubstituteDayOff, "substitute_day_off"},
      {DayOffCategory::kSwappedDayOff, "swapped_day_off"},
  };
};
static_assert(EnumTableIsDense<DayOffCategory>());

// What a day is (the C ABI's mdt_day_kind): a working weekday, a day off of each category (the
// same numbers and names), or a Saturday or Sunday worked back for a swapped day off.
enum class DayKind : std::uint8_t {
  kWorking = 0,
  kWeekend = 1,
  kHoliday = 2,
  kSubstituteDayOff = 3,
  kSwappedDayOff = 4,
  kSwappedWorkingDay = 5,
};
template <>
struct EnumTable<DayKind> {
  static constexpr EnumEntry<DayKind> kEntries[] = {
      {DayKind::kWorking, "working"},
      {DayKind::kWeekend, EnumName(DayOffCategory::kWeekend)},
      {DayKind::kHoliday, EnumName(DayOffCategory::kHoliday)},
      {DayKind::kSubstituteDayOff, EnumName(DayOffCategory::kSubstituteDayOff)},
      {DayKind::kSwappedDayOff, EnumName(DayOffCategory::kSwappedDayOff)},
      {DayKind::kSwappedWorkingDay, "swapped_working_day"},
  };
};
static_assert(EnumTableIsDense<DayKind>());

// A day that is not a working day: why (text) and what kind (category).
struct DayOff {
  Day day;
  // "Saturday", "Sunday", "Tết Nguyên đán", "Giỗ Tổ Hùng Vương", "Nghỉ bù Tết Dương lịch
  // (01/01/2022)", "Nghỉ hoán đổi (làm bù thứ Bảy 04/05/2024)", ...
  std::string reason;
  DayOffCategory category;
};

class WorkingCalendar {
 public:
  // The rules plus the bundled official schedules (2020..2026).
  static const WorkingCalendar& Vietnam();
  // Only the rules of the Labour Codes: no official schedule.
  static WorkingCalendar RulesOnly();

  // Adds an official schedule: JSON {"year": 2026, "source": "...", "documents": ["9441/TB-BNV",
  // ...], "days_off": [{"date": "YYYY-MM-DD", "reason": "...", "category": "holiday"}...],
  // "working_days": [{"date","reason"}...]} (working_days are swapped Saturdays/Sundays).
  // "source" (free text) and "documents" (the numbers of the documents it comes from) are
  // optional. A day off's "category" is "holiday" (the default), "substitute_day_off" or
  // "swapped_day_off"; the last two only on a weekday. Every date must lie in "year". Invalid
  // JSON, an unknown field, a bad or misplaced date, an unknown or misplaced category, a
  // weekday listed as a working day or a date listed twice: InvalidArgument naming the field
  // ("days_off[2].date: ..."), and the calendar is left unchanged. A second schedule for the
  // same year adds to the first.
  absl::Status AddOfficialSchedule(std::string_view json);
  // Years with an official schedule, ascending.
  std::vector<int> ScheduledYears() const;

  bool IsWorkingDay(Day day) const;
  // Reason the day is off, or nullopt when it is a working day.
  std::optional<std::string> DayOffReason(Day day) const;
  // The day off on `day`, with its reason and category, or nullopt when it is a working day.
  std::optional<DayOff> DayOffAt(Day day) const;
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
  // Every non-working day in [from, to] with its reason and category.
  std::vector<DayOff> DaysOff(Day from, Day to) const;

 private:
  struct Off {
    std::string reason;
    DayOffCategory category;
  };
  absl::flat_hash_map<int, Off> extra_off_;  // epoch day -> why
  absl::flat_hash_map<int, std::string> extra_working_;
  absl::flat_hash_set<int> scheduled_years_;  // years whose schedule replaces the rules
};

}  // namespace mandate

#endif
