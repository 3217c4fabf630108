// Internal to the C ABI layer: the classification and classification iterator handles.
#ifndef MANDATE_CAPI_INTERNAL_CLASSIFICATION_HANDLE_H
#define MANDATE_CAPI_INTERNAL_CLASSIFICATION_HANDLE_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "internal/dataset_handle.h"
#include "internal/handle.h"
#include "mandate/classification.h"

struct mdt_classification {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kClassification;
  static constexpr std::string_view kName = "classification";
  mandate::capi::Kind magic = kKind;
  std::uint32_t task = 0;
  std::optional<mandate::Classification> classification;  // nullopt: not yet assigned
};

struct mdt_classification_iter {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kClassificationIter;
  static constexpr std::string_view kName = "classification iterator";
  mandate::capi::Kind magic = kKind;
  std::shared_ptr<mandate::capi::DatasetState> state;
  mandate::Day as_of{};
  mandate::ClassifyOptions options;
  std::vector<std::uint8_t> statuses;
  std::size_t next = 0;
  std::optional<std::uint32_t> current;
};

#endif  // MANDATE_CAPI_INTERNAL_CLASSIFICATION_HANDLE_H
