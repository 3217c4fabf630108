// Internal to the C ABI layer: the opaque handle types and their liveness table.
//
// Every handle starts with a magic number naming its kind, and every live handle is in a
// process-wide table. A call checks the table before it touches the handle, so a NULL, freed
// or foreign pointer becomes MDT_ERR_INVALID_HANDLE without reading freed memory (which would
// be undefined and trip AddressSanitizer). Best effort: a freed address reused by a new handle
// of the same kind passes the check, as in SQLite's misuse detection.
#ifndef MANDATE_CAPI_INTERNAL_HANDLE_H
#define MANDATE_CAPI_INTERNAL_HANDLE_H

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "internal/error.h"
#include "mandate.h"
#include "mandate/agency_registry.h"
#include "mandate/aggregate.h"
#include "mandate/aggregate_change.h"
#include "mandate/aggregate_lists.h"
#include "mandate/calendar.h"
#include "mandate/classification.h"
#include "mandate/dataset.h"
#include "mandate/deadline.h"
#include "mandate/deadline_cache.h"
#include "mandate/load_problem.h"
#include "mandate/target_status.h"

namespace mandate::capi {

enum class Kind : std::uint32_t {
  kRegistry = 0x4d445201,
  kResolution = 0x4d445202,
  kCalendar = 0x4d445203,
  kDeadline = 0x4d445204,
  kDataset = 0x4d445205,
  kClassification = 0x4d445206,
  kClassificationIter = 0x4d445207,
  kProblems = 0x4d445208,
  kAggregate = 0x4d445209,
  kTargetEvaluations = 0x4d44520a,
  kTaskChange = 0x4d44520b,
  kTaskLists = 0x4d44520c,
  kTaskColumns = 0x4d44520d,
  kLiveAggregate = 0x4d44520e,
};

void RegisterHandle(const void* handle, Kind kind);
// False when the handle was not registered (a double free), true after removing it.
bool UnregisterHandle(const void* handle);
bool IsLiveHandle(const void* handle, Kind kind);

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

struct mdt_calendar {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kCalendar;
  static constexpr std::string_view kName = "calendar";
  explicit mdt_calendar(mandate::WorkingCalendar c) : calendar(std::move(c)) {}
  mandate::capi::Kind magic = kKind;
  mutable std::shared_mutex mu;  // add_schedule writes; everything else reads
  mandate::WorkingCalendar calendar;
};

struct mdt_deadline {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kDeadline;
  static constexpr std::string_view kName = "deadline";
  mandate::capi::Kind magic = kKind;
  mandate::Deadline deadline;
  std::size_t span_begin = 0, span_end = 0;
};

struct mdt_dataset {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kDataset;
  static constexpr std::string_view kName = "dataset";
  mandate::capi::Kind magic = kKind;
  std::shared_ptr<mandate::capi::DatasetState> state;
};

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

struct mdt_problems {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kProblems;
  static constexpr std::string_view kName = "problems";
  mandate::capi::Kind magic = kKind;
  std::vector<mandate::LoadProblem> problems;
};

struct mdt_target_evaluations {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kTargetEvaluations;
  static constexpr std::string_view kName = "target evaluations";
  mandate::capi::Kind magic = kKind;
  std::vector<mandate::TargetEvaluation> evaluations;
};

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

namespace mandate::capi {

// MDT_ERR_INVALID_HANDLE naming `what` unless h is a live handle of its kind.
template <typename H>
mdt_status CheckHandle(const H* h, std::string_view what) {
  if (h == nullptr) return Fail(MDT_ERR_INVALID_HANDLE, std::string(what) + " is NULL");
  if (!IsLiveHandle(h, H::kKind) || h->magic != H::kKind) {
    return Fail(MDT_ERR_INVALID_HANDLE, std::string(what) + " is not a live " +
                                            std::string(H::kName) +
                                            " handle (freed, or another kind of handle)");
  }
  return MDT_OK;
}

// Allocates a handle, registers it and hands it to *out.
template <typename H, typename... Args>
mdt_status NewHandle(H** out, Args&&... args) {
  auto h = std::make_unique<H>(std::forward<Args>(args)...);
  RegisterHandle(h.get(), H::kKind);
  *out = h.release();
  return Ok();
}

// Frees a handle made by NewHandle; NULL, freed and foreign pointers are ignored.
template <typename H>
void FreeHandle(H* h) noexcept {
  if (h == nullptr || !IsLiveHandle(h, H::kKind)) return;
  if (!UnregisterHandle(h)) return;
  h->magic = Kind{0};
  delete h;
}

}  // namespace mandate::capi

#endif
