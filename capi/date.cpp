// Dates across the C ABI: days since 1970-01-01 and "YYYY-MM-DD".
#include "internal/convert.h"
#include "internal/error.h"
#include "mandate.h"
#include "mandate/civil_day.h"

using mandate::capi::CheckOut;
using mandate::capi::DayArg;
using mandate::capi::Fail;
using mandate::capi::FromStatus;
using mandate::capi::Guard;
using mandate::capi::Ok;

extern "C" {

MDT_API mdt_status mdt_date_parse(mdt_date* out, const char* text, size_t len) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    std::string_view s;
    MDT_TRY(mandate::capi::Text(&s, text, len, "text"));
    // Text not of the YYYY-MM-DD shape is a parse error; an impossible day ("2025-02-30")
    // is an invalid argument and a far-off one out of range, as the core reports them.
    bool shaped = s.size() == 10;
    for (std::size_t i = 0; shaped && i < s.size(); ++i) {
      shaped = (i == 4 || i == 7) ? s[i] == '-' : (s[i] >= '0' && s[i] <= '9');
    }
    auto day = mandate::ParseIsoDay(s);
    if (!day.ok()) {
      if (!shaped) return Fail(MDT_ERR_PARSE, mandate::ToStd(day.status().message()));
      return FromStatus(day.status());
    }
    *out = mandate::ToEpochDays(*day);
    return Ok();
  });
}

MDT_API mdt_status mdt_date_format(char* out, size_t out_size, size_t* out_len, mdt_date date) {
  return Guard([&]() -> mdt_status {
    mandate::Day day;
    MDT_TRY(DayArg(&day, date, "date"));
    return mandate::capi::CopyToBuffer(out, out_size, out_len, mandate::FormatIsoDay(day));
  });
}

MDT_API mdt_status mdt_date_from_ymd(mdt_date* out, int32_t year, uint32_t month, uint32_t day) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    auto d = mandate::MakeDay(year, month, day);
    if (!d.ok()) return FromStatus(d.status());
    *out = mandate::ToEpochDays(*d);
    return Ok();
  });
}

MDT_API mdt_status mdt_date_to_ymd(int32_t* out_year, uint32_t* out_month, uint32_t* out_day,
                                   mdt_date date) {
  return Guard([&]() -> mdt_status {
    mandate::Day day;
    MDT_TRY(DayArg(&day, date, "date"));
    const date::year_month_day ymd{day};
    if (out_year) *out_year = static_cast<int>(ymd.year());
    if (out_month) *out_month = static_cast<unsigned>(ymd.month());
    if (out_day) *out_day = static_cast<unsigned>(ymd.day());
    return Ok();
  });
}

MDT_API mdt_status mdt_date_today(mdt_date* out) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = mandate::ToEpochDays(mandate::TodayInVietnam());
    return Ok();
  });
}

}  // extern "C"
