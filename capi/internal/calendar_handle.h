// Internal to the C ABI layer: the working calendar handle.
#ifndef MANDATE_CAPI_INTERNAL_CALENDAR_HANDLE_H
#define MANDATE_CAPI_INTERNAL_CALENDAR_HANDLE_H

#include <shared_mutex>
#include <string_view>
#include <utility>

#include "internal/handle.h"
#include "mandate/calendar.h"

struct mdt_calendar {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kCalendar;
  static constexpr std::string_view kName = "calendar";
  explicit mdt_calendar(mandate::WorkingCalendar c) : calendar(std::move(c)) {}
  mandate::capi::Kind magic = kKind;
  mutable std::shared_mutex mu;  // add_schedule writes; everything else reads
  mandate::WorkingCalendar calendar;
};

#endif  // MANDATE_CAPI_INTERNAL_CALENDAR_HANDLE_H
