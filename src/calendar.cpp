#include "mandate/calendar.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "absl/strings/str_format.h"
#include "mandate/absl_compat.h"

namespace mandate {
namespace {

constexpr BundledSchedule kBundled[] = {
#include "calendar_data.inc"
};

// The calendar knows holidays in these years; outside only weekends.
const Day kFirstDay = kMinYear / 1 / 1;
const Day kLastDay = kMaxYear / 12 / 31;

bool IsWeekend(Day day) {
  const date::weekday wd{day};
  return wd == date::Saturday || wd == date::Sunday;
}

int YearOf(Day day) { return static_cast<int>(date::year_month_day{day}.year()); }

struct RuleDay {
  std::string reason;
  DayOffCategory category;
};
// The rules' days off (holidays and compensatory days) of every year 1900..2200 (none before
// 1995), built once.
using RuleTable = absl::flat_hash_map<int, RuleDay>;

// The first year of each law's rules (see calendar.h).
constexpr int kLabourCode1994 = 1995;  // 1/1/1995: holidays, compensatory day, Tết 4 days
constexpr int kHungKings = 2007;       // Luật 84/2007/QH11: Giỗ Tổ Hùng Vương
constexpr int kLabourCode2012 = 2014;  // in force 1/5/2013, so from Tết 2014: Tết 5 days
constexpr int kLabourCode2019 = 2021;  // 1/1/2021: Quốc khánh 2/9 and one adjacent day

void AddYearRules(int year, RuleTable& table) {
  if (year < kLabourCode1994) return;
  struct Holiday {
    Day day;
    std::string reason;
  };
  std::vector<Holiday> holidays;
  const date::year y{year};
  holidays.push_back({y / 1 / 1, "Tết Dương lịch"});
  // Lunar holidays: lunar year 2200 is outside the lunar range, so 2200 has only solar ones.
  if (absl::StatusOr<Day> tet = FromLunar({year, 1, 1, false}); tet.ok()) {
    const int last = year >= kLabourCode2012 ? 3 : 2;  // 5 days, 4 before the 2012 Code
    for (int i = -1; i <= last; ++i) holidays.push_back({*tet + date::days{i}, "Tết Nguyên đán"});
  }
  if (year >= kHungKings) {
    if (absl::StatusOr<Day> hung = FromLunar({year, 3, 10, false}); hung.ok()) {
      holidays.push_back({*hung, "Giỗ Tổ Hùng Vương"});
    }
  }
  holidays.push_back({y / 4 / 30, "Ngày Chiến thắng"});
  holidays.push_back({y / 5 / 1, "Ngày Quốc tế Lao động"});
  const Day national = y / 9 / 2;
  if (year >= kLabourCode2019) {
    const date::weekday wd{national};
    const bool after = wd == date::Monday || wd == date::Thursday;
    holidays.push_back({national + date::days{after ? 1 : -1}, "Quốc khánh (ngày liền kề)"});
  }
  holidays.push_back({national, "Quốc khánh"});
  std::stable_sort(holidays.begin(), holidays.end(),
                   [](const Holiday& a, const Holiday& b) { return a.day < b.day; });

  // A holiday that falls on a weekend or on a day another holiday already took gives the
  // next working day off (the compensatory day of every Labour Code since 1994).
  for (const Holiday& h : holidays) {
    const int e = ToEpochDays(h.day);
    auto [it, inserted] = table.try_emplace(e, RuleDay{h.reason, DayOffCategory::kHoliday});
    if (!inserted) it->second.reason += "; " + h.reason;
    if (inserted && !IsWeekend(h.day)) continue;
    Day comp = h.day + date::days{1};
    while (IsWeekend(comp) || table.contains(ToEpochDays(comp)) ||
           std::any_of(holidays.begin(), holidays.end(),
                       [&](const Holiday& o) { return o.day == comp; })) {
      comp += date::days{1};
    }
    table.emplace(ToEpochDays(comp),
                  RuleDay{absl::StrFormat("Nghỉ bù %s (%s)", h.reason, FormatVietnameseDay(h.day)),
                          DayOffCategory::kSubstituteDayOff});
  }
}

const RuleTable& Rules() {
  static const RuleTable* const table = [] {
    auto* t = new RuleTable;
    for (int y = static_cast<int>(kMinYear); y <= static_cast<int>(kMaxYear); ++y) {
      AddYearRules(y, *t);
    }
    return t;
  }();
  return *table;
}

// Weekdays (Mon..Fri) in [first, last], by whole weeks plus the remainder.
std::int64_t WeekdaysIn(std::int64_t first, std::int64_t last) {
  if (last < first) return 0;
  const std::int64_t n = last - first + 1;
  std::int64_t count = n / 7 * 5;
  // 1970-01-01 was a Thursday: weekday index (0 = Monday) of epoch day e.
  auto monday_based = [](std::int64_t e) { return ((e + 3) % 7 + 7) % 7; };
  const std::int64_t start = monday_based(first);
  for (std::int64_t i = 0; i < n % 7; ++i) {
    if ((start + i) % 7 < 5) ++count;
  }
  return count;
}

absl::Status FieldError(const std::string& field, std::string_view what) {
  return absl::InvalidArgumentError(absl::StrFormat("official schedule: %s: %s", field, what));
}

struct Entry {
  int epoch;
  std::string reason;
  DayOffCategory category = DayOffCategory::kHoliday;
};

// Reads days_off (working_day == false: {"date", "reason", "category"?}) or working_days
// ({"date", "reason"}, weekend days only): an array of entries within `year`.
absl::Status ReadEntries(const nlohmann::json& j, const char* list, int year, bool working_day,
                         std::vector<Entry>& out) {
  if (!j.contains(list)) return absl::OkStatus();
  const nlohmann::json& arr = j.at(list);
  if (!arr.is_array()) return FieldError(list, "must be an array");
  const char* const fields =
      working_day ? "\"date\", \"reason\"" : "\"date\", \"reason\", \"category\"";
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const std::string at = absl::StrFormat("%s[%d]", list, i);
    const nlohmann::json& item = arr[i];
    if (!item.is_object()) return FieldError(at, absl::StrFormat("must be an object {%s}", fields));
    for (const auto& [key, value] : item.items()) {
      if (key != "date" && key != "reason" && (working_day || key != "category")) {
        return FieldError(at, absl::StrFormat("unknown field \"%s\" (expected %s)", key, fields));
      }
    }
    if (!item.contains("date") || !item["date"].is_string()) {
      return FieldError(at + ".date", "missing or not a string");
    }
    if (!item.contains("reason") || !item["reason"].is_string() ||
        item["reason"].get<std::string>().empty()) {
      return FieldError(at + ".reason", "missing, empty or not a string");
    }
    const std::string text = item["date"].get<std::string>();
    absl::StatusOr<Day> day = ParseIsoDay(text);
    if (!day.ok()) return FieldError(at + ".date", ToStd(day.status().message()));
    if (YearOf(*day) != year) {
      return FieldError(at + ".date", absl::StrFormat("%s is not in year %d", text, year));
    }
    if (working_day && !IsWeekend(*day)) {
      return FieldError(at + ".date",
                        absl::StrFormat("%s is a weekday; only a Saturday or Sunday can be "
                                        "swapped into a working day",
                                        text));
    }
    DayOffCategory category = DayOffCategory::kHoliday;
    if (item.contains("category")) {
      const nlohmann::json& c = item["category"];
      std::optional<DayOffCategory> parsed;
      if (c.is_string()) parsed = EnumFromName<DayOffCategory>(c.get<std::string>());
      if (!parsed || *parsed == DayOffCategory::kWeekend) {
        return FieldError(at + ".category",
                          "must be \"holiday\", \"substitute_day_off\" or \"swapped_day_off\"");
      }
      if (*parsed != DayOffCategory::kHoliday && IsWeekend(*day)) {
        return FieldError(
            at + ".category",
            absl::StrFormat("%s is a %s: a Saturday or Sunday cannot be a %s", text,
                            date::weekday{*day} == date::Saturday ? "Saturday" : "Sunday",
                            EnumName(*parsed)));
      }
      category = *parsed;
    }
    out.push_back({ToEpochDays(*day), item["reason"].get<std::string>(), category});
  }
  return absl::OkStatus();
}

}  // namespace

std::vector<BundledSchedule> BundledSchedules() {
  return {std::begin(kBundled), std::end(kBundled)};
}

const WorkingCalendar& WorkingCalendar::Vietnam() {
  static const WorkingCalendar* const calendar = [] {
    auto* c = new WorkingCalendar;
    // The bundled files are checked by tests; a broken one would only be left out.
    for (const BundledSchedule& s : kBundled) (void)c->AddOfficialSchedule(s.json);
    return c;
  }();
  return *calendar;
}

WorkingCalendar WorkingCalendar::RulesOnly() { return WorkingCalendar{}; }

absl::Status WorkingCalendar::AddOfficialSchedule(std::string_view json) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json.begin(), json.end());
  } catch (const nlohmann::json::exception& e) {
    return absl::InvalidArgumentError(
        absl::StrFormat("official schedule: not valid JSON: %s", e.what()));
  }
  if (!j.is_object()) return FieldError("(top level)", "must be a JSON object");
  for (const auto& [key, value] : j.items()) {
    if (key != "year" && key != "source" && key != "documents" && key != "days_off" &&
        key != "working_days") {
      return FieldError(key,
                        "unknown field (expected \"year\", \"source\", \"documents\", "
                        "\"days_off\", \"working_days\")");
    }
  }
  if (!j.contains("year") || !j["year"].is_number_integer()) {
    return FieldError("year", "missing or not an integer");
  }
  const std::int64_t year64 = j["year"].get<std::int64_t>();
  if (year64 < static_cast<int>(kMinYear) || year64 > static_cast<int>(kMaxYear)) {
    return FieldError("year",
                      absl::StrFormat("%d is outside %d..%d", year64, static_cast<int>(kMinYear),
                                      static_cast<int>(kMaxYear)));
  }
  const int year = static_cast<int>(year64);
  if (j.contains("source") && !j["source"].is_string()) {
    return FieldError("source", "must be a string");
  }
  if (j.contains("documents")) {
    const nlohmann::json& docs = j["documents"];
    if (!docs.is_array()) return FieldError("documents", "must be an array of strings");
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (!docs[i].is_string() || docs[i].get<std::string>().empty()) {
        return FieldError(absl::StrFormat("documents[%d]", i), "must be a non-empty string");
      }
    }
  }
  if (!j.contains("days_off") && !j.contains("working_days")) {
    return FieldError("days_off", "missing (a schedule needs days_off or working_days)");
  }
  std::vector<Entry> off, working;
  if (absl::Status s = ReadEntries(j, "days_off", year, false, off); !s.ok()) return s;
  if (absl::Status s = ReadEntries(j, "working_days", year, true, working); !s.ok()) return s;
  std::set<int> seen;
  for (const auto* list : {&off, &working}) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (!seen.insert((*list)[i].epoch).second) {
        return FieldError(
            absl::StrFormat("%s[%d].date", list == &off ? "days_off" : "working_days", i),
            absl::StrFormat("%s is listed twice", FormatIsoDay(FromEpochDays((*list)[i].epoch))));
      }
    }
  }
  scheduled_years_.insert(year);
  for (Entry& e : off) {
    extra_working_.erase(e.epoch);
    extra_off_[e.epoch] = Off{std::move(e.reason), e.category};
  }
  for (Entry& e : working) {
    extra_off_.erase(e.epoch);
    extra_working_[e.epoch] = std::move(e.reason);
  }
  return absl::OkStatus();
}

std::vector<int> WorkingCalendar::ScheduledYears() const {
  std::vector<int> years(scheduled_years_.begin(), scheduled_years_.end());
  std::sort(years.begin(), years.end());
  return years;
}

bool WorkingCalendar::IsWorkingDay(Day day) const {
  const int e = ToEpochDays(day);
  if (IsWeekend(day)) return extra_working_.contains(e);
  if (extra_off_.contains(e)) return false;
  if (day < kFirstDay || day > kLastDay || scheduled_years_.contains(YearOf(day))) return true;
  return !Rules().contains(e);
}

std::optional<DayOff> WorkingCalendar::DayOffAt(Day day) const {
  const int e = ToEpochDays(day);
  if (extra_working_.contains(e)) return std::nullopt;
  if (auto it = extra_off_.find(e); it != extra_off_.end()) {
    return DayOff{day, it->second.reason, it->second.category};
  }
  if (day >= kFirstDay && day <= kLastDay && !scheduled_years_.contains(YearOf(day))) {
    if (auto it = Rules().find(e); it != Rules().end()) {
      return DayOff{day, it->second.reason, it->second.category};
    }
  }
  const date::weekday wd{day};
  if (wd == date::Saturday) return DayOff{day, "Saturday", DayOffCategory::kWeekend};
  if (wd == date::Sunday) return DayOff{day, "Sunday", DayOffCategory::kWeekend};
  return std::nullopt;
}

std::optional<std::string> WorkingCalendar::DayOffReason(Day day) const {
  std::optional<DayOff> off = DayOffAt(day);
  if (!off) return std::nullopt;
  return std::move(off->reason);
}

std::optional<std::string> WorkingCalendar::WorkingDayReason(Day day) const {
  if (auto it = extra_working_.find(ToEpochDays(day)); it != extra_working_.end()) {
    return it->second;
  }
  return std::nullopt;
}

absl::StatusOr<Day> WorkingCalendar::TryAddWorkingDays(Day from, int n) const {
  if (from < kFirstDay || from > kLastDay) {
    return absl::OutOfRangeError(absl::StrFormat("%s is outside %s..%s", FormatIsoDay(from),
                                                 FormatIsoDay(kFirstDay), FormatIsoDay(kLastDay)));
  }
  if (n == 0) {
    if (IsWorkingDay(from)) return from;
    return TryAddWorkingDays(from, 1);
  }
  const date::days step{n > 0 ? 1 : -1};
  const Day edge = n > 0 ? kLastDay : kFirstDay;
  std::int64_t left = n > 0 ? std::int64_t{n} : -std::int64_t{n};
  Day d = from;
  while (left > 0) {
    if (d == edge) {
      return absl::OutOfRangeError(absl::StrFormat("%d working days from %s goes past %s", n,
                                                   FormatIsoDay(from), FormatIsoDay(edge)));
    }
    d += step;
    if (IsWorkingDay(d)) --left;
  }
  return d;
}

Day WorkingCalendar::AddWorkingDays(Day from, int n) const {
  const Day start = std::clamp(from, kFirstDay, kLastDay);
  absl::StatusOr<Day> d = TryAddWorkingDays(start, n);
  if (d.ok()) return *d;
  return n >= 0 ? kLastDay : kFirstDay;
}

Day WorkingCalendar::NextWorkingDay(Day day) const { return AddWorkingDays(day, 1); }

int WorkingCalendar::WorkingDaysBetween(Day from, Day to) const {
  if (to < from) {
    const int back = WorkingDaysBetween(to, from);
    return back == std::numeric_limits<int>::min() ? std::numeric_limits<int>::max() : -back;
  }
  // Weekdays in (from, to], corrected where the calendar knows better (holidays, swaps),
  // which happens only inside the supported range.
  std::int64_t count = WeekdaysIn(std::int64_t{ToEpochDays(from)} + 1, ToEpochDays(to));
  const std::int64_t lo =
      std::max<std::int64_t>(std::int64_t{ToEpochDays(from)} + 1, ToEpochDays(kFirstDay));
  const std::int64_t hi = std::min(ToEpochDays(to), ToEpochDays(kLastDay));
  for (std::int64_t e = lo; e <= hi; ++e) {
    const Day d = FromEpochDays(static_cast<std::int32_t>(e));
    const bool weekend = IsWeekend(d);
    const bool working = IsWorkingDay(d);
    if (weekend && working) ++count;
    if (!weekend && !working) --count;
  }
  return static_cast<int>(std::min<std::int64_t>(count, std::numeric_limits<int>::max()));
}

std::vector<DayOff> WorkingCalendar::DaysOff(Day from, Day to) const {
  std::vector<DayOff> out;
  for (std::int64_t e = ToEpochDays(from); e <= ToEpochDays(to); ++e) {
    const Day d = FromEpochDays(static_cast<std::int32_t>(e));
    if (std::optional<DayOff> off = DayOffAt(d)) out.push_back(*std::move(off));
  }
  return out;
}

}  // namespace mandate
