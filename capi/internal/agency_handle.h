// Internal to the C ABI layer: the agency registry and resolution handles.
#ifndef MANDATE_CAPI_INTERNAL_AGENCY_HANDLE_H
#define MANDATE_CAPI_INTERNAL_AGENCY_HANDLE_H

#include <memory>
#include <string_view>

#include "internal/handle.h"
#include "mandate/agency_registry.h"

struct mdt_registry {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kRegistry;
  static constexpr std::string_view kName = "registry";
  mandate::capi::Kind magic = kKind;
  std::shared_ptr<const mandate::AgencyRegistry> registry;
};

struct mdt_resolution {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kResolution;
  static constexpr std::string_view kName = "resolution";
  mandate::capi::Kind magic = kKind;
  std::shared_ptr<const mandate::AgencyRegistry> registry;
  mandate::Resolution resolution;
};

#endif  // MANDATE_CAPI_INTERNAL_AGENCY_HANDLE_H
