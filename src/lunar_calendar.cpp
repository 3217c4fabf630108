#include "mandate/lunar_calendar.h"

#include <cmath>
#include <numbers>

#include "absl/strings/str_format.h"

namespace mandate {
namespace {

// Hồ Ngọc Đức's algorithm, on Julian day numbers. Everything is local time at UTC+7.
constexpr double kTimeZone = 7.0;
constexpr double kPi = std::numbers::pi;
constexpr double kSynodicMonth = 29.530588853;
constexpr double kEpochNewMoon = 2415021.076998695;  // new moon of 1900-01-01
constexpr int kJdnOfUnixEpoch = 2440588;             // 1970-01-01

int Jdn(Day day) { return static_cast<int>(ToEpochDays(day)) + kJdnOfUnixEpoch; }
Day FromJdn(int jdn) { return FromEpochDays(jdn - kJdnOfUnixEpoch); }

int Floor(double x) { return static_cast<int>(std::floor(x)); }

// Julian day (TT corrected to UT) of the k-th new moon after the one of 1900-01-01
// (Meeus ch. 49, the terms Hồ Ngọc Đức keeps).
double NewMoon(int k) {
  const double T = k / 1236.85;  // Julian centuries from 1900-01-01 12:00
  const double T2 = T * T;
  const double T3 = T2 * T;
  const double dr = kPi / 180;
  double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * std::sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const double M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const double Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const double F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  double c1 = (0.1734 - 0.000393 * T) * std::sin(M * dr) + 0.0021 * std::sin(2 * dr * M);
  c1 = c1 - 0.4068 * std::sin(Mpr * dr) + 0.0161 * std::sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * std::sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * std::sin(dr * 2 * F) - 0.0051 * std::sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * std::sin(dr * (M - Mpr)) + 0.0004 * std::sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * std::sin(dr * (2 * F - M)) - 0.0006 * std::sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.0010 * std::sin(dr * (2 * F - Mpr)) + 0.0005 * std::sin(dr * (2 * Mpr + M));
  double delta_t;
  if (T < -11) {
    delta_t = 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3;
  } else {
    delta_t = -0.000278 + 0.000265 * T + 0.000262 * T2;
  }
  return jd1 + c1 - delta_t;
}

// The sun's apparent longitude in radians, [0, 2π), at Julian day jd (Meeus ch. 25, low
// precision).
double SunLongitude(double jd) {
  const double T = (jd - 2451545.0) / 36525;
  const double T2 = T * T;
  const double dr = kPi / 180;
  const double M = 357.52910 + 35999.05030 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const double L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  double dl = (1.914600 - 0.004817 * T - 0.000014 * T2) * std::sin(dr * M);
  dl = dl + (0.019993 - 0.000101 * T) * std::sin(dr * 2 * M) + 0.000290 * std::sin(dr * 3 * M);
  double l = (L0 + dl) * dr;
  l = l - kPi * 2 * std::floor(l / (kPi * 2));
  return l;
}

// Which of the 12 major-term sectors (0..11, 30° each) the sun is in at the start of the
// local day jdn.
int SunSector(int jdn) { return Floor(SunLongitude(jdn - 0.5 - kTimeZone / 24) / kPi * 6); }

// The local day of the k-th new moon.
int NewMoonDay(int k) { return Floor(NewMoon(k) + 0.5 + kTimeZone / 24); }

// First day of the lunar month 11 (the month holding the winter solstice) that begins in
// solar year `year`, or in December of it at the latest.
int Month11(int year) {
  const int off = Jdn(date::year{year} / 12 / 31) - 2415021;
  const int k = Floor(off / kSynodicMonth);
  int nm = NewMoonDay(k);
  if (SunSector(nm) >= 9) nm = NewMoonDay(k - 1);
  return nm;
}

// In a 13-month span starting at month 11 (day a11): the offset of the leap month, the
// first month in which the sun stays in one sector (no major term begins).
int LeapMonthOffset(int a11) {
  const int k = Floor((a11 - kEpochNewMoon) / kSynodicMonth + 0.5);
  int i = 1;
  int arc = SunSector(NewMoonDay(k + i));
  int last;
  do {
    last = arc;
    ++i;
    arc = SunSector(NewMoonDay(k + i));
  } while (arc != last && i < 14);
  return i - 1;
}

// The number of the leap month at offset leap_off from month 11: 1 -> 11, 2 -> 12, 3 -> 1...
int LeapMonthNumber(int leap_off) { return (leap_off + 9) % 12 + 1; }

LunarDate SolarToLunar(int jdn, int year) {
  // The month holds jdn from the last new moon day on or before it. The mean-month estimate
  // k can be one off where the true new moon strays from the mean (2054-05-07): step until
  // it is right.
  int k = Floor((jdn - kEpochNewMoon) / kSynodicMonth) + 1;
  while (NewMoonDay(k) > jdn) --k;
  while (NewMoonDay(k + 1) <= jdn) ++k;
  const int month_start = NewMoonDay(k);
  int a11 = Month11(year);
  int b11 = a11;
  int lunar_year;
  if (a11 >= month_start) {
    lunar_year = year;
    a11 = Month11(year - 1);
  } else {
    lunar_year = year + 1;
    b11 = Month11(year + 1);
  }
  LunarDate out;
  out.day = static_cast<unsigned>(jdn - month_start + 1);
  const int diff = Floor((month_start - a11) / 29.0);
  int month = diff + 11;
  if (b11 - a11 > 365) {
    const int leap_diff = LeapMonthOffset(a11);
    if (diff >= leap_diff) {
      month = diff + 10;
      out.leap_month = diff == leap_diff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunar_year -= 1;
  out.month = static_cast<unsigned>(month);
  out.year = lunar_year;
  return out;
}

// First day (JDN) of a lunar month, or -1 when the leap flag names a month that is not leap.
int LunarMonthStart(int year, unsigned month, bool leap) {
  int a11, b11;
  if (month < 11) {
    a11 = Month11(year - 1);
    b11 = Month11(year);
  } else {
    a11 = Month11(year);
    b11 = Month11(year + 1);
  }
  const int k = Floor(0.5 + (a11 - kEpochNewMoon) / kSynodicMonth);
  int off = static_cast<int>(month) - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const int leap_off = LeapMonthOffset(a11);
    const int leap_month = LeapMonthNumber(leap_off);
    if (leap && static_cast<int>(month) != leap_month) return -1;
    if (leap || off >= leap_off) off += 1;
  } else if (leap) {
    return -1;
  }
  return NewMoonDay(k + off);
}

const Day kFirstSolar = kMinLunarSolarYear / 1 / 1;
const Day kLastSolar = kMaxLunarSolarYear / 12 / 31;

absl::Status CheckLunarFields(int year, unsigned month) {
  // Lunar 1899 ends in early 1900; lunar 2199 ends in early 2200 (outside, but its dates
  // before 2200-01-01 are fine): the final range check is on the solar day.
  if (year < static_cast<int>(kMinLunarSolarYear) - 1 ||
      year > static_cast<int>(kMaxLunarSolarYear)) {
    return absl::OutOfRangeError(absl::StrFormat("lunar year %d is outside %d..%d", year,
                                                 static_cast<int>(kMinLunarSolarYear),
                                                 static_cast<int>(kMaxLunarSolarYear)));
  }
  if (month < 1 || month > 12) {
    return absl::InvalidArgumentError(absl::StrFormat("lunar month %u does not exist", month));
  }
  return absl::OkStatus();
}

absl::StatusOr<int> CheckedMonthStart(int year, unsigned month, bool leap) {
  if (absl::Status s = CheckLunarFields(year, month); !s.ok()) return s;
  const int start = LunarMonthStart(year, month, leap);
  if (start < 0) {
    return absl::InvalidArgumentError(
        absl::StrFormat("lunar year %d has no leap month %u", year, month));
  }
  return start;
}

// Days from a month's first day to the next new moon day.
int MonthLengthFrom(int start) {
  const int k = Floor((start - kEpochNewMoon) / kSynodicMonth + 0.5);
  int next = NewMoonDay(k + 1);
  if (next <= start) next = NewMoonDay(k + 2);
  return next - start;
}

}  // namespace

absl::StatusOr<LunarDate> ToLunarChecked(Day day) {
  if (day < kFirstSolar || day > kLastSolar) {
    return absl::OutOfRangeError(absl::StrFormat("%s is outside %s..%s for the lunar calendar",
                                                 FormatIsoDay(day), FormatIsoDay(kFirstSolar),
                                                 FormatIsoDay(kLastSolar)));
  }
  return SolarToLunar(Jdn(day), static_cast<int>(date::year_month_day{day}.year()));
}

LunarDate ToLunar(Day day) {
  absl::StatusOr<LunarDate> lunar = ToLunarChecked(day);
  return lunar.ok() ? *lunar : LunarDate{};
}

absl::StatusOr<int> LunarMonthLength(int year, unsigned month, bool leap_month) {
  absl::StatusOr<int> start = CheckedMonthStart(year, month, leap_month);
  if (!start.ok()) return start.status();
  return MonthLengthFrom(*start);
}

absl::StatusOr<Day> FromLunar(const LunarDate& lunar) {
  absl::StatusOr<int> start = CheckedMonthStart(lunar.year, lunar.month, lunar.leap_month);
  if (!start.ok()) return start.status();
  const int length = MonthLengthFrom(*start);
  if (lunar.day < 1 || static_cast<int>(lunar.day) > length) {
    return absl::InvalidArgumentError(
        absl::StrFormat("day %u does not exist in lunar month %u%s/%d (%d days)", lunar.day,
                        lunar.month, lunar.leap_month ? " (leap)" : "", lunar.year, length));
  }
  const Day day = FromJdn(*start + static_cast<int>(lunar.day) - 1);
  if (day < kFirstSolar || day > kLastSolar) {
    return absl::OutOfRangeError(
        absl::StrFormat("lunar %u/%u/%d is %s, outside %s..%s", lunar.day, lunar.month, lunar.year,
                        FormatIsoDay(day), FormatIsoDay(kFirstSolar), FormatIsoDay(kLastSolar)));
  }
  return day;
}

absl::StatusOr<unsigned> LeapMonthOf(int year) {
  if (absl::Status s = CheckLunarFields(year, 1); !s.ok()) return s;
  // Leap months 1..10 lie in the span from month 11 of year-1; 11 and 12 in the next span.
  for (int span_year : {year, year + 1}) {
    const int a11 = Month11(span_year - 1);
    const int b11 = Month11(span_year);
    if (b11 - a11 <= 365) continue;
    const int leap_month = LeapMonthNumber(LeapMonthOffset(a11));
    const bool belongs = span_year == year ? leap_month <= 10 : leap_month >= 11;
    if (belongs) return static_cast<unsigned>(leap_month);
  }
  return 0u;
}

}  // namespace mandate
