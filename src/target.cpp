#include "mandate/target.h"

namespace mandate {

std::string_view TargetDirectionName(TargetDirection d) {
  return d == TargetDirection::kAtMost ? "at_most" : "at_least";
}

std::optional<TargetDirection> TargetDirectionFromName(std::string_view name) {
  if (name == "at_least") return TargetDirection::kAtLeast;
  if (name == "at_most") return TargetDirection::kAtMost;
  return std::nullopt;
}

}  // namespace mandate
