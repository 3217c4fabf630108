#include "internal/convert.h"

#include "absl/strings/str_format.h"
#include "internal/calendar_handle.h"
#include "internal/handle.h"
#include "mandate/text.h"

namespace mandate::capi {

mdt_status CheckOut(const void* out, std::string_view what) {
  if (out == nullptr) return Fail(MDT_ERR_INVALID_ARGUMENT, std::string(what) + " is NULL");
  return MDT_OK;
}

mdt_status DaysWindowArg(std::int32_t days, std::string_view what) {
  if (days < 0 || days > kMaxSoonDays) {
    return Fail(MDT_ERR_INVALID_ARGUMENT,
                absl::StrFormat("%s %d is outside 0..%d", what, days, kMaxSoonDays));
  }
  return MDT_OK;
}

mdt_status ClassifyOptionsArg(mandate::ClassifyOptions* out, const mdt_classify_options* o,
                              std::string_view what) {
  *out = {};
  if (o == nullptr) return MDT_OK;
  MDT_TRY(CheckStructVersion(o->version, MDT_CLASSIFY_OPTIONS_VERSION, what));
  MDT_TRY(DaysWindowArg(o->soon_days, std::string(what) + ".soon_days"));
  out->soon_days = o->soon_days;
  out->baseline = o->baseline != 0;
  return MDT_OK;
}

mdt_status CheckUtf8(std::string_view text, std::string_view what) {
  if (auto bad = FindInvalidUtf8(text)) {
    return Fail(MDT_ERR_INVALID_UTF8, absl::StrFormat("%s: invalid UTF-8 at byte %u", what, *bad));
  }
  return MDT_OK;
}

mdt_status Text(std::string_view* out, const char* s, std::size_t len, std::string_view what) {
  if (s == nullptr) {
    if (len == 0) {
      *out = {};
      return MDT_OK;
    }
    return Fail(MDT_ERR_INVALID_ARGUMENT, std::string(what) + " is NULL");
  }
  *out = len == MDT_NUL_TERMINATED ? std::string_view(s) : std::string_view(s, len);
  return CheckUtf8(*out, what);
}

mdt_status CString(std::string_view* out, const char* s, std::string_view what, bool required) {
  if (s == nullptr) {
    if (required) return Fail(MDT_ERR_INVALID_ARGUMENT, std::string(what) + " is NULL");
    *out = {};
    return MDT_OK;
  }
  *out = s;
  if (required && out->empty()) {
    return Fail(MDT_ERR_INVALID_ARGUMENT, std::string(what) + " is empty");
  }
  return CheckUtf8(*out, what);
}

mdt_status CStringArray(std::vector<std::string>* out, const char* const* items, std::size_t count,
                        std::string_view what) {
  out->clear();
  if (count == 0) return MDT_OK;
  if (items == nullptr) {
    return Fail(MDT_ERR_INVALID_ARGUMENT,
                absl::StrFormat("%s is NULL but its count is %u", what, count));
  }
  out->reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::string_view s;
    MDT_TRY(CString(&s, items[i], absl::StrFormat("%s[%u]", what, i), true));
    out->emplace_back(s);
  }
  return MDT_OK;
}

mdt_status DayArg(Day* out, mdt_date date, std::string_view what) {
  if (date == MDT_NO_DATE)
    return Fail(MDT_ERR_INVALID_ARGUMENT, std::string(what) + " is MDT_NO_DATE");
  // Compared as numbers: converting a far-off count to a civil date would overflow.
  static const mdt_date kFirst = ToEpochDays(Day{kMinYear / date::January / 1});
  static const mdt_date kLast = ToEpochDays(Day{kMaxYear / date::December / 31});
  if (date < kFirst || date > kLast) {
    return Fail(MDT_ERR_OUT_OF_RANGE,
                absl::StrFormat("%s: day %d is outside 1900-01-01 .. 2200-12-31", what, date));
  }
  *out = FromEpochDays(date);
  return MDT_OK;
}

mdt_status OptionalDayArg(std::optional<Day>* out, mdt_date date, std::string_view what) {
  if (date == MDT_NO_DATE) {
    out->reset();
    return MDT_OK;
  }
  Day d;
  MDT_TRY(DayArg(&d, date, what));
  *out = d;
  return MDT_OK;
}

mdt_status CheckStructVersion(std::uint32_t version, std::uint32_t current, std::string_view what) {
  if (version == 0 || version > current) {
    return Fail(MDT_ERR_INVALID_ARGUMENT,
                absl::StrFormat("%s: version %u is not supported (this library knows 1 .. %u; "
                                "initialise the struct with its _INIT macro)",
                                what, version, current));
  }
  return MDT_OK;
}

mdt_status ContextArg(DeadlineContext* out, const mdt_deadline_context* ctx,
                      std::string_view what) {
  *out = DeadlineContext{};
  if (ctx == nullptr) return MDT_OK;
  MDT_TRY(CheckStructVersion(ctx->version, MDT_DEADLINE_CONTEXT_VERSION, what));
  if (ctx->plan_year != 0) {
    if (ctx->plan_year < static_cast<int>(kMinYear) ||
        ctx->plan_year > static_cast<int>(kMaxYear)) {
      return Fail(MDT_ERR_OUT_OF_RANGE,
                  absl::StrFormat("%s: plan_year %d is outside 1900..2200", what, ctx->plan_year));
    }
    out->plan_year = ctx->plan_year;
  }
  MDT_TRY(OptionalDayArg(&out->assigned, ctx->assigned, std::string(what) + ".assigned"));
  out->inclusive_before = ctx->inclusive_before != 0;
  if (ctx->calendar != nullptr) {
    MDT_TRY(CheckHandle(ctx->calendar, std::string(what) + ".calendar"));
    out->calendar = &ctx->calendar->calendar;
  }
  return MDT_OK;
}

mdt_status CopyToBuffer(char* out, std::size_t out_size, std::size_t* out_len, std::string_view s) {
  if (out_len) *out_len = s.size();
  if (out == nullptr && out_size == 0) return Ok();  // a size query
  if (out_size <= s.size()) {
    return Fail(
        MDT_ERR_BUFFER_TOO_SMALL,
        absl::StrFormat("the buffer holds %u bytes; %u are needed", out_size, s.size() + 1));
  }
  if (out == nullptr) return Fail(MDT_ERR_INVALID_ARGUMENT, "out is NULL");
  std::memcpy(out, s.data(), s.size());
  out[s.size()] = '\0';
  return Ok();
}

mdt_status DupString(char** out, std::size_t* out_len, std::string_view s) {
  MDT_TRY(CheckOut(out, "out"));
  char* copy = new char[s.size() + 1];
  std::memcpy(copy, s.data(), s.size());
  copy[s.size()] = '\0';
  *out = copy;
  if (out_len) *out_len = s.size();
  return Ok();
}

std::string Excerpt(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t cut = max;
  // Back off to the first byte of the character the cut falls in.
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "\u2026";
}

mdt_status IndexArg(std::size_t i, std::size_t size, std::string_view what) {
  if (i >= size) {
    return Fail(MDT_ERR_OUT_OF_RANGE,
                absl::StrFormat("%s %u is out of range (%u entries)", what, i, size));
  }
  return MDT_OK;
}

}  // namespace mandate::capi
