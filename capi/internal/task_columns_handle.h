// Internal to the C ABI layer: the task columns handle.
#ifndef MANDATE_CAPI_INTERNAL_TASK_COLUMNS_HANDLE_H
#define MANDATE_CAPI_INTERNAL_TASK_COLUMNS_HANDLE_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "internal/handle.h"
#include "mandate.h"

struct mdt_task_columns {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kTaskColumns;
  static constexpr std::string_view kName = "task columns";
  mandate::capi::Kind magic = kKind;
  mdt_date as_of = 0;
  std::vector<std::uint64_t> id_offsets{0};
  std::string id_chars;
  std::vector<mdt_date> assigned, due, completed;
  std::vector<std::int32_t> status;
  std::vector<std::uint64_t> lead_offsets{0};
  std::vector<std::uint32_t> leads;
  std::vector<std::uint64_t> coordinator_offsets{0};
  std::vector<std::uint32_t> coordinators;
};

#endif  // MANDATE_CAPI_INTERNAL_TASK_COLUMNS_HANDLE_H
