// Vietnam's working-day calendar and the lunar calendar, across the C ABI.
#include "mandate/calendar.h"

#include <algorithm>
#include <mutex>
#include <shared_mutex>

#include "internal/calendar_handle.h"
#include "internal/convert.h"
#include "internal/enum_name.h"
#include "internal/error.h"
#include "internal/handle.h"
#include "mandate.h"

using namespace mandate::capi;  // NOLINT: the C entry points below

namespace {

// The reason a day is off (or, exceptionally, worked), as an allocated string; NULL when
// there is none.
template <typename Reason>
mdt_status DayReason(char** out, size_t* out_len, const mdt_calendar* calendar, mdt_date day,
                     Reason reason_of) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    if (out_len) *out_len = 0;
    MDT_TRY(CheckHandle(calendar, "calendar"));
    mandate::Day d;
    MDT_TRY(DayArg(&d, day, "day"));
    std::optional<std::string> reason;
    {
      std::shared_lock lock(calendar->mu);
      reason = (calendar->calendar.*reason_of)(d);
    }
    if (!reason) return Ok();
    return DupString(out, out_len, *reason);
  });
}

}  // namespace

extern "C" {

MDT_API mdt_status mdt_calendar_new(mdt_calendar** out, mdt_calendar_source source_arg) {
  const std::int32_t source = EnumArg(source_arg);
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    switch (source) {
      case MDT_CALENDAR_VIETNAM:
        return NewHandle(out, mandate::WorkingCalendar::Vietnam());
      case MDT_CALENDAR_RULES_ONLY:
        return NewHandle(out, mandate::WorkingCalendar::RulesOnly());
    }
    return Fail(MDT_ERR_INVALID_ARGUMENT, "source " + std::to_string(static_cast<int>(source)) +
                                              " is not an mdt_calendar_source");
  });
}

MDT_API void mdt_calendar_free(mdt_calendar* calendar) { FreeHandle(calendar); }

MDT_API mdt_status mdt_calendar_add_schedule(mdt_calendar* calendar, const char* json, size_t len) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(calendar, "calendar"));
    std::string_view text;
    MDT_TRY(Text(&text, json, len, "json"));
    std::unique_lock lock(calendar->mu);
    const absl::Status st = calendar->calendar.AddOfficialSchedule(text);
    if (st.code() == absl::StatusCode::kInvalidArgument) {
      return Fail(MDT_ERR_PARSE, mandate::ToStd(st.message()));
    }
    return FromStatus(st);
  });
}

MDT_API mdt_status mdt_calendar_is_working_day(int* out, const mdt_calendar* calendar,
                                               mdt_date day) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(calendar, "calendar"));
    mandate::Day d;
    MDT_TRY(DayArg(&d, day, "day"));
    std::shared_lock lock(calendar->mu);
    *out = calendar->calendar.IsWorkingDay(d) ? 1 : 0;
    return Ok();
  });
}

MDT_API mdt_status mdt_calendar_day_off_reason(char** out, size_t* out_len,
                                               const mdt_calendar* calendar, mdt_date day) {
  return DayReason(out, out_len, calendar, day, &mandate::WorkingCalendar::DayOffReason);
}

MDT_API mdt_status mdt_calendar_working_day_reason(char** out, size_t* out_len,
                                                   const mdt_calendar* calendar, mdt_date day) {
  return DayReason(out, out_len, calendar, day, &mandate::WorkingCalendar::WorkingDayReason);
}

MDT_API mdt_status mdt_calendar_add_working_days(mdt_date* out, const mdt_calendar* calendar,
                                                 mdt_date from, int32_t n) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(calendar, "calendar"));
    mandate::Day d;
    MDT_TRY(DayArg(&d, from, "from"));
    std::shared_lock lock(calendar->mu);
    // The checked walk: leaving the supported range is an error, not a clamp.
    auto r = calendar->calendar.TryAddWorkingDays(d, n);
    if (!r.ok()) return FromStatus(r.status());
    *out = mandate::ToEpochDays(*r);
    return Ok();
  });
}

MDT_API mdt_status mdt_calendar_working_days_between(int32_t* out, const mdt_calendar* calendar,
                                                     mdt_date from, mdt_date to) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(calendar, "calendar"));
    mandate::Day f, t;
    MDT_TRY(DayArg(&f, from, "from"));
    MDT_TRY(DayArg(&t, to, "to"));
    std::shared_lock lock(calendar->mu);
    *out = calendar->calendar.WorkingDaysBetween(f, t);
    return Ok();
  });
}

MDT_API mdt_status mdt_calendar_next_working_day(mdt_date* out, const mdt_calendar* calendar,
                                                 mdt_date day) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(calendar, "calendar"));
    mandate::Day d;
    MDT_TRY(DayArg(&d, day, "day"));
    std::shared_lock lock(calendar->mu);
    auto r = calendar->calendar.TryAddWorkingDays(d, 1);
    if (!r.ok()) return FromStatus(r.status());
    *out = mandate::ToEpochDays(*r);
    return Ok();
  });
}

MDT_API mdt_status mdt_calendar_days_off(mdt_date* out, size_t out_cap, size_t* out_count,
                                         const mdt_calendar* calendar, mdt_date from, mdt_date to) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out_count, "out_count"));
    MDT_TRY(CheckHandle(calendar, "calendar"));
    mandate::Day f, t;
    MDT_TRY(DayArg(&f, from, "from"));
    MDT_TRY(DayArg(&t, to, "to"));
    std::vector<mandate::DayOff> off;
    {
      std::shared_lock lock(calendar->mu);
      off = calendar->calendar.DaysOff(f, t);
    }
    std::vector<mdt_date> days;
    days.reserve(off.size());
    for (const auto& d : off) days.push_back(mandate::ToEpochDays(d.day));
    return CopyToArray(out, out_cap, out_count, days);
  });
}

MDT_API mdt_status mdt_lunar_from_solar(mdt_lunar_date* out, mdt_date day) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    mandate::Day d;
    MDT_TRY(DayArg(&d, day, "day"));
    const date::year_month_day ymd{d};
    if (ymd.year() >= date::year{2200}) {
      return Fail(MDT_ERR_OUT_OF_RANGE, "the lunar calendar is computed for 1900..2199");
    }
    const mandate::LunarDate l = mandate::ToLunar(d);
    out->year = l.year;
    out->month = l.month;
    out->day = l.day;
    out->is_leap_month = l.leap_month ? 1 : 0;
    return Ok();
  });
}

MDT_API mdt_status mdt_lunar_to_solar(mdt_date* out, const mdt_lunar_date* lunar) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckOut(lunar, "lunar"));
    auto d = mandate::FromLunar({lunar->year, lunar->month, lunar->day, lunar->is_leap_month != 0});
    if (!d.ok()) return FromStatus(d.status());
    *out = mandate::ToEpochDays(*d);
    return Ok();
  });
}

static_assert(MDT_DAY_WEEKEND == static_cast<int>(mandate::DayOffCategory::kWeekend));
static_assert(MDT_DAY_HOLIDAY == static_cast<int>(mandate::DayOffCategory::kHoliday));
static_assert(MDT_DAY_SUBSTITUTE == static_cast<int>(mandate::DayOffCategory::kSubstituteDayOff));
static_assert(MDT_DAY_SWAPPED_OFF == static_cast<int>(mandate::DayOffCategory::kSwappedDayOff));
static_assert(MDT_DAY_WORKING == static_cast<int>(mandate::DayKind::kWorking));
static_assert(MDT_DAY_SWAPPED_WORKING == static_cast<int>(mandate::DayKind::kSwappedWorkingDay));
static_assert(static_cast<int>(mandate::EnumCount<mandate::DayKind>()) ==
              MDT_DAY_SWAPPED_WORKING + 1);

MDT_API mdt_status mdt_calendar_schedule_years(int32_t* out, size_t out_cap, size_t* out_count,
                                               const mdt_calendar* calendar) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out_count, "out_count"));
    MDT_TRY(CheckHandle(calendar, "calendar"));
    std::vector<int> years;
    {
      std::shared_lock lock(calendar->mu);
      years = calendar->calendar.ScheduledYears();
    }
    std::sort(years.begin(), years.end());
    return CopyToArray(out, out_cap, out_count, years);
  });
}

MDT_API const char* mdt_day_kind_name(mdt_day_kind value_arg) {
  return EnumCName<mandate::DayKind>(EnumArg(value_arg));
}

MDT_API mdt_status mdt_calendar_day_kind(int32_t* out, const mdt_calendar* calendar, mdt_date day) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(calendar, "calendar"));
    mandate::Day d;
    MDT_TRY(DayArg(&d, day, "day"));
    const date::weekday wd{d};
    const bool weekend = wd == date::Saturday || wd == date::Sunday;
    std::shared_lock lock(calendar->mu);
    const std::optional<mandate::DayOff> off = calendar->calendar.DayOffAt(d);
    if (!off) {
      *out = weekend ? MDT_DAY_SWAPPED_WORKING : MDT_DAY_WORKING;
    } else {
      *out = static_cast<std::int32_t>(off->category);  // the same numbers (static_asserts)
    }
    return Ok();
  });
}

MDT_API mdt_status mdt_lunar_leap_month(uint32_t* out, int32_t year) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    auto m = mandate::LeapMonthOf(year);
    if (!m.ok()) return FromStatus(m.status());
    *out = *m;
    return Ok();
  });
}

MDT_API mdt_status mdt_lunar_month_length(uint32_t* out, int32_t year, uint32_t month,
                                          int32_t is_leap_month) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    auto n = mandate::LunarMonthLength(year, month, is_leap_month != 0);
    if (!n.ok()) return FromStatus(n.status());
    *out = static_cast<uint32_t>(*n);
    return Ok();
  });
}

}  // extern "C"
