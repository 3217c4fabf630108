// Internal to the C ABI layer: checked conversions of arguments (text, dates, arrays,
// struct versions) and the output conventions of mandate.h (caller buffers, allocated
// strings, caller arrays).
#ifndef MANDATE_CAPI_INTERNAL_CONVERT_H
#define MANDATE_CAPI_INTERNAL_CONVERT_H

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "internal/error.h"
#include "mandate.h"
#include "mandate/civil_day.h"
#include "mandate/classification.h"
#include "mandate/deadline.h"

// Returns from the enclosing function when a check fails.
#define MDT_TRY(expr)                                      \
  do {                                                     \
    const mdt_status mdt_try_status_ = (expr);             \
    if (mdt_try_status_ != MDT_OK) return mdt_try_status_; \
  } while (0)

namespace mandate::capi {

// The int a C caller put in an enum argument or field. C lets any int through; in C++,
// loading an enum object outside its enumerators' range is undefined behaviour (UBSan
// reports it), so the value is read as bytes and checked as an int.
template <class E>
std::int32_t EnumArg(const E& e) {
  static_assert(std::is_enum_v<E> && sizeof(E) == sizeof(std::int32_t));
  std::int32_t v;
  std::memcpy(&v, &e, sizeof v);
  return v;
}

// A window of days (soon_days, within_days) in 0..kMaxSoonDays; `what` names it.
mdt_status DaysWindowArg(std::int32_t days, std::string_view what);
// The classify options a caller passed (NULL = defaults), checked; `what` names them.
mdt_status ClassifyOptionsArg(ClassifyOptions* out, const mdt_classify_options* o,
                              std::string_view what);
// A status column's value (0 .. kTaskStatusCount - 1, or kNotYetAssigned) as the C ABI's
// mdt_task_status value (MDT_TASK_NOT_YET_ASSIGNED for kNotYetAssigned).
std::int32_t StatusValue(std::uint8_t s);

// MDT_ERR_INVALID_ARGUMENT naming the out-parameter when it is NULL.
mdt_status CheckOut(const void* out, std::string_view what);

// (s, len) text; len == MDT_NUL_TERMINATED means strlen. NULL is an error unless len == 0.
mdt_status Text(std::string_view* out, const char* s, std::size_t len, std::string_view what);
// A NUL-terminated string; NULL is "" unless required.
mdt_status CString(std::string_view* out, const char* s, std::string_view what,
                   bool required = false);
mdt_status CStringArray(std::vector<std::string>* out, const char* const* items, std::size_t count,
                        std::string_view what);
mdt_status CheckUtf8(std::string_view text, std::string_view what);

// A date in the supported range.
mdt_status DayArg(Day* out, mdt_date date, std::string_view what);
// MDT_NO_DATE is nullopt.
mdt_status OptionalDayArg(std::optional<Day>* out, mdt_date date, std::string_view what);
inline mdt_date FromOptionalDay(const std::optional<Day>& day) {
  return day ? ToEpochDays(*day) : MDT_NO_DATE;
}

// version must be in 1 .. current.
mdt_status CheckStructVersion(std::uint32_t version, std::uint32_t current, std::string_view what);

// The deadline context a caller passed (NULL = defaults). Takes no lock: the calendar
// pointer, if any, must outlive the use of the result (callers lock it).
mdt_status ContextArg(DeadlineContext* out, const mdt_deadline_context* ctx, std::string_view what);

// Copies s into a caller buffer (see "Strings out" in mandate.h).
mdt_status CopyToBuffer(char* out, std::size_t out_size, std::size_t* out_len, std::string_view s);
// A new NUL-terminated copy of s for mdt_string_free.
mdt_status DupString(char** out, std::size_t* out_len, std::string_view s);
// A borrowed string result.
inline void Borrow(const char** out, std::size_t* out_len, std::string_view s) {
  if (out) *out = s.data();
  if (out_len) *out_len = s.size();
}
// At most max bytes of s for a message, cut at a character boundary ("…" marks the cut).
std::string Excerpt(std::string_view s, std::size_t max);
mdt_status IndexArg(std::size_t i, std::size_t size, std::string_view what);

// Copies values into a caller array (see "Arrays" in mandate.h).
template <typename T, typename U>
mdt_status CopyToArray(T* out, std::size_t out_cap, std::size_t* out_count,
                       const std::vector<U>& values) {
  MDT_TRY(CheckOut(out_count, "out_count"));
  *out_count = values.size();
  if (out == nullptr && out_cap == 0) return Ok();  // a count query
  if (out_cap < values.size()) {
    return Fail(MDT_ERR_BUFFER_TOO_SMALL, "the array holds " + std::to_string(out_cap) +
                                              " entries; " + std::to_string(values.size()) +
                                              " are needed");
  }
  if (out == nullptr && !values.empty()) return Fail(MDT_ERR_INVALID_ARGUMENT, "out is NULL");
  for (std::size_t i = 0; i < values.size(); ++i) out[i] = static_cast<T>(values[i]);
  return Ok();
}

}  // namespace mandate::capi

#endif
