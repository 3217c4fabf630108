// Internal to the C ABI layer: the *_name and *_from_name functions of mandate.h read the
// core's enum tables (include/mandate/enum_table.h), so the C layer has no names of its own.
// Table names are string literals (EnumTableIsDense checks each is NUL-terminated), so a
// name's data() is the static C string the ABI promises.
#ifndef MANDATE_CAPI_INTERNAL_ENUM_NAME_H
#define MANDATE_CAPI_INTERNAL_ENUM_NAME_H

#include <cstdint>
#include <string>
#include <string_view>

#include "internal/convert.h"
#include "internal/error.h"
#include "mandate.h"
#include "mandate/enum_table.h"

namespace mandate::capi {

// The core's name of the C value `value` of E, or "unknown" outside the table (checked as
// an int first: converting an out-of-range int to E would wrap to another value).
template <typename E>
const char* EnumCName(std::int32_t value) noexcept {
  const auto first = static_cast<std::int64_t>(EnumFirst<E>());
  const std::int64_t i = static_cast<std::int64_t>(value) - first;
  if (i < 0 || i >= static_cast<std::int64_t>(EnumCount<E>())) return kUnknownEnumName.data();
  return EnumName(static_cast<E>(value)).data();
}

// *out = the C value named `name` (NUL-terminated), or MDT_ERR_NOT_FOUND saying it is not
// `what` ("a task status").
template <typename E, typename Out>
mdt_status EnumFromCName(Out* out, const char* name, std::string_view what) {
  MDT_TRY(CheckOut(out, "out"));
  std::string_view s;
  MDT_TRY(CString(&s, name, "name", true));
  if (const std::optional<E> v = EnumFromName<E>(s)) {
    *out = static_cast<Out>(static_cast<int>(*v));
    return Ok();
  }
  return Fail(MDT_ERR_NOT_FOUND, "\"" + Excerpt(s, 64) + "\" is not " + std::string(what));
}

}  // namespace mandate::capi

#endif
