// Internal to the C ABI layer: the parsed deadline handle.
#ifndef MANDATE_CAPI_INTERNAL_DEADLINE_HANDLE_H
#define MANDATE_CAPI_INTERNAL_DEADLINE_HANDLE_H

#include <cstddef>
#include <string_view>

#include "internal/handle.h"
#include "mandate/deadline.h"

struct mdt_deadline {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kDeadline;
  static constexpr std::string_view kName = "deadline";
  mandate::capi::Kind magic = kKind;
  mandate::Deadline deadline;
  std::size_t span_begin = 0, span_end = 0;
};

#endif  // MANDATE_CAPI_INTERNAL_DEADLINE_HANDLE_H
