#include "mandate/civil_day.h"

#include <charconv>
#include <chrono>

#include "absl/strings/str_format.h"

namespace mandate {
namespace {

bool ParseUInt(std::string_view s, unsigned& out) {
  if (s.empty() || s.size() > 9) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

absl::StatusOr<Day> MakeDay(int year, unsigned month, unsigned day) {
  const date::year y{year};
  if (y < kMinYear || y > kMaxYear) {
    return absl::OutOfRangeError(absl::StrFormat(
        "year %d is outside %d..%d", year, static_cast<int>(kMinYear), static_cast<int>(kMaxYear)));
  }
  if (month < 1 || month > 12) {
    return absl::InvalidArgumentError(absl::StrFormat("month %u does not exist", month));
  }
  const date::year_month_day ymd{y, date::month{month}, date::day{day}};
  if (day < 1 || !ymd.ok()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("day %u does not exist in %02u/%d", day, month, year));
  }
  return Day{ymd};
}

absl::StatusOr<Day> ParseIsoDay(std::string_view text) {
  unsigned y, m, d;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ParseUInt(text.substr(0, 4), y) ||
      !ParseUInt(text.substr(5, 2), m) || !ParseUInt(text.substr(8, 2), d)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("\"%s\" is not a date in YYYY-MM-DD form", text.substr(0, 64)));
  }
  return MakeDay(static_cast<int>(y), m, d);
}

absl::StatusOr<Day> ParseDay(std::string_view text) {
  if (text.size() == 10 && text[4] == '-') return ParseIsoDay(text);
  // D/M/YYYY with one separator kind.
  const std::size_t a = text.find_first_of("/-.");
  if (a != std::string_view::npos) {
    const char sep = text[a];
    const std::size_t b = text.find(sep, a + 1);
    unsigned d, m, y;
    if (b != std::string_view::npos && ParseUInt(text.substr(0, a), d) &&
        ParseUInt(text.substr(a + 1, b - a - 1), m) && ParseUInt(text.substr(b + 1), y) &&
        b - a - 1 <= 2 && a <= 2 && text.size() - b - 1 == 4) {
      return MakeDay(static_cast<int>(y), m, d);
    }
  }
  return absl::InvalidArgumentError(absl::StrFormat(
      "\"%s\" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)", text.substr(0, 64)));
}

std::string FormatIsoDay(Day day) {
  const date::year_month_day ymd{day};
  return absl::StrFormat("%04d-%02u-%02u", static_cast<int>(ymd.year()),
                         static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string FormatVietnameseDay(Day day) {
  const date::year_month_day ymd{day};
  return absl::StrFormat("%02u/%02u/%04d", static_cast<unsigned>(ymd.day()),
                         static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
}

Day TodayInVietnam() {
  // Asia/Ho_Chi_Minh has kept UTC+7 without daylight saving since 1975, so a fixed offset
  // gives the civil day without a time-zone database (and without libdate-tz at run time).
  constexpr std::chrono::hours kVietnamOffset{7};
  return date::floor<date::days>(std::chrono::system_clock::now() + kVietnamOffset);
}

}  // namespace mandate
