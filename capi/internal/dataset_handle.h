// Internal to the C ABI layer: the dataset handle (and the state its iterators share) and the load
// problems handle.
#ifndef MANDATE_CAPI_INTERNAL_DATASET_HANDLE_H
#define MANDATE_CAPI_INTERNAL_DATASET_HANDLE_H

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string_view>
#include <utility>
#include <vector>

#include "internal/handle.h"
#include "mandate/agency_registry.h"
#include "mandate/dataset.h"
#include "mandate/deadline_cache.h"
#include "mandate/load_problem.h"

namespace mandate::capi {

// The dataset and the lock that makes concurrent readers plus one writer safe. Shared by the
// dataset handle and the iterators made from it, so handles may be freed in any order.
struct DatasetState {
  explicit DatasetState(std::shared_ptr<const AgencyRegistry> registry) : ds(std::move(registry)) {}
  explicit DatasetState(Dataset loaded) : ds(std::move(loaded)) {}
  mutable std::shared_mutex mu;
  Dataset ds;
  // Bulk loads through mdt_dataset_add_task repeat a few deadline phrases: each distinct
  // phrase (with its context) is parsed once. Its own lock, as phrases are parsed before the
  // dataset's lock is taken; cleared when it reaches kMaxCachedPhrases.
  static constexpr std::size_t kMaxCachedPhrases = 8192;
  std::mutex deadlines_mu;
  DeadlineCache deadlines;
};

}  // namespace mandate::capi

struct mdt_dataset {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kDataset;
  static constexpr std::string_view kName = "dataset";
  mandate::capi::Kind magic = kKind;
  std::shared_ptr<mandate::capi::DatasetState> state;
};

struct mdt_problems {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kProblems;
  static constexpr std::string_view kName = "problems";
  mandate::capi::Kind magic = kKind;
  std::vector<mandate::LoadProblem> problems;
};

#endif  // MANDATE_CAPI_INTERNAL_DATASET_HANDLE_H
