// Civil days. Every due day, assignment day and as-of day in mandate is a civil day in
// Asia/Ho_Chi_Minh (UTC+7, no DST): date::sys_days for arithmetic, date::year_month_day for
// fields. Across the C ABI a day is int32_t days since 1970-01-01.
#ifndef MANDATE_CIVIL_DAY_H
#define MANDATE_CIVIL_DAY_H

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "date/date.h"

namespace mandate {

using Day = date::sys_days;

// Supported range: 1900-01-01 .. 2200-12-31. Plans older or further out are input errors.
inline constexpr date::year kMinYear{1900};
inline constexpr date::year kMaxYear{2200};

// A year_month_day that is ok() and inside the supported range, or InvalidArgument /
// OutOfRange naming what is wrong ("day 31 does not exist in 02/2025").
absl::StatusOr<Day> MakeDay(int year, unsigned month, unsigned day);

// "YYYY-MM-DD" exactly (ISO 8601 calendar date).
absl::StatusOr<Day> ParseIsoDay(std::string_view text);
// "YYYY-MM-DD" or the Vietnamese "D/M/YYYY" (also with '-' or '.': "31-12-2025").
absl::StatusOr<Day> ParseDay(std::string_view text);
std::string FormatIsoDay(Day day);
// "30/09/2025": how Vietnamese documents write a day.
std::string FormatVietnameseDay(Day day);

inline std::int32_t ToEpochDays(Day day) {
  return static_cast<std::int32_t>(day.time_since_epoch().count());
}
inline Day FromEpochDays(std::int32_t days) { return Day{date::days{days}}; }

// Today in Asia/Ho_Chi_Minh (UTC+7, no daylight saving since 1975).
Day TodayInVietnam();

}  // namespace mandate

#endif
