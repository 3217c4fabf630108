// The Vietnamese lunar calendar (âm lịch), computed astronomically with Hồ Ngọc Đức's
// algorithm: new moons and the sun's longitude after Meeus, "Astronomical Algorithms", with
// days counted at the meridian 105°E (UTC+7). That meridian is why it differs from the Chinese
// calendar (UTC+8) in some years: Tết 1985 is 21/1 in Vietnam, 20/2 in China; Tết 2007 is
// 17/2 in Vietnam, 18/2 in China. Month 11 always holds the winter solstice; in a year of 13
// months the first month without a major solar term is the leap month. UTC+7 applies to every
// year, as in Hồ Ngọc Đức's published tables; Vietnam itself reckoned at UTC+8 before 1968, so
// Tết 1903, 1916, 1935 and 1965 were then kept a day later than computed here.
#ifndef MANDATE_LUNAR_CALENDAR_H
#define MANDATE_LUNAR_CALENDAR_H

#include "absl/status/statusor.h"
#include "mandate/civil_day.h"

namespace mandate {

// A lunar date in the Vietnamese calendar. year is the solar year in which its month 1
// begins (lunar year 2025 = Ất Tỵ, from 29/1/2025 to 16/2/2026).
struct LunarDate {
  int year = 0;
  unsigned month = 0;  // 1..12
  unsigned day = 0;    // 1..30
  bool leap_month = false;
  friend bool operator==(const LunarDate&, const LunarDate&) = default;
};

// Solar days 1900-01-01 .. 2199-12-31 are supported.
inline constexpr date::year kMinLunarSolarYear{1900};
inline constexpr date::year kMaxLunarSolarYear{2199};

// Solar day -> lunar date. Outside the supported range returns LunarDate{} (year 0), which
// is never a valid date; use ToLunarChecked for an error.
LunarDate ToLunar(Day day);
// As ToLunar, with OutOfRange for a day outside 1900-01-01 .. 2199-12-31.
absl::StatusOr<LunarDate> ToLunarChecked(Day day);
// Lunar date -> solar day. InvalidArgument naming the part that does not exist (month 13,
// day 30 of a 29-day month, a leap flag on a month that is not the year's leap month);
// OutOfRange outside the supported range.
absl::StatusOr<Day> FromLunar(const LunarDate& lunar);

// Days in that lunar month (29 or 30), or an error as FromLunar.
absl::StatusOr<int> LunarMonthLength(int year, unsigned month, bool leap_month);
// The year's leap month (1..12), or 0 when lunar year `year` has none. Its leap month follows
// the regular month of the same number. Month 11 or 12 may be leap: then it belongs to `year`.
absl::StatusOr<unsigned> LeapMonthOf(int year);

}  // namespace mandate

#endif
