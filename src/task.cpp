#include "mandate/task.h"

#include <array>

namespace mandate {
namespace {
constexpr std::array<std::string_view, 5> kEventNames = {"progress", "completed", "reopened",
                                                         "deadline_changed", "cancelled"};
}  // namespace

std::string_view EventTypeName(EventType type) {
  const auto i = static_cast<std::size_t>(type);
  return i < kEventNames.size() ? kEventNames[i] : "unknown";
}

std::optional<EventType> EventTypeFromName(std::string_view name) {
  for (std::size_t i = 0; i < kEventNames.size(); ++i) {
    if (kEventNames[i] == name) return static_cast<EventType>(i);
  }
  return std::nullopt;
}

}  // namespace mandate
