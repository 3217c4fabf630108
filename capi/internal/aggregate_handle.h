// Internal to the C ABI layer: the aggregate result, task change and task lists handles.
#ifndef MANDATE_CAPI_INTERNAL_AGGREGATE_HANDLE_H
#define MANDATE_CAPI_INTERNAL_AGGREGATE_HANDLE_H

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "internal/dataset_handle.h"
#include "internal/handle.h"
#include "mandate/aggregate.h"
#include "mandate/aggregate_change.h"
#include "mandate/aggregate_lists.h"

struct mdt_aggregate_result {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kAggregate;
  static constexpr std::string_view kName = "aggregate result";
  mandate::capi::Kind magic = kKind;
  // The plan points into the dataset: keep its state alive while the result lives.
  std::shared_ptr<mandate::capi::DatasetState> state;
  mandate::AggregateResult result;
  std::vector<std::vector<std::optional<std::string>>> labels;  // [group][dim], made once
};

struct mdt_task_change {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kTaskChange;
  static constexpr std::string_view kName = "task change";
  mandate::capi::Kind magic = kKind;
  mandate::TaskChange change;
};

struct mdt_task_lists {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kTaskLists;
  static constexpr std::string_view kName = "task lists";
  mandate::capi::Kind magic = kKind;
  std::vector<mandate::TaskGroupList> groups;
};

#endif  // MANDATE_CAPI_INTERNAL_AGGREGATE_HANDLE_H
