// Internal to the C ABI layer: the target evaluations handle.
#ifndef MANDATE_CAPI_INTERNAL_TARGET_HANDLE_H
#define MANDATE_CAPI_INTERNAL_TARGET_HANDLE_H

#include <string_view>
#include <vector>

#include "internal/handle.h"
#include "mandate/target_status.h"

struct mdt_target_evaluations {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kTargetEvaluations;
  static constexpr std::string_view kName = "target evaluations";
  mandate::capi::Kind magic = kKind;
  std::vector<mandate::TargetEvaluation> evaluations;
};

#endif  // MANDATE_CAPI_INTERNAL_TARGET_HANDLE_H
