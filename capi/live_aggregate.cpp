// The live aggregate across the C ABI (experimental): mandate::LiveAggregate over a dataset
// handle, for dashboards that record a completion and show the new counts at once.
#define MDT_EXPERIMENTAL
#include <mutex>
#include <shared_mutex>

#include "absl/strings/str_format.h"
#include "internal/aggregate_handle.h"
#include "internal/convert.h"
#include "internal/dataset_handle.h"
#include "internal/error.h"
#include "internal/handle.h"
#include "mandate.h"
#include "mandate/aggregate_live.h"

struct mdt_live_aggregate {
  static constexpr mandate::capi::Kind kKind = mandate::capi::Kind::kLiveAggregate;
  static constexpr std::string_view kName = "live aggregate";
  explicit mdt_live_aggregate(std::shared_ptr<mandate::capi::DatasetState> s,
                              mandate::LiveAggregate l)
      : state(std::move(s)), live(std::move(l)) {}
  mandate::capi::Kind magic = kKind;
  std::shared_ptr<mandate::capi::DatasetState> state;  // the live aggregate reads its dataset
  mutable std::mutex mu;                               // one update or snapshot at a time
  mandate::LiveAggregate live;
};

using namespace mandate::capi;  // NOLINT: the C entry points below

namespace {

// Brings tasks [held, task] in (in order), or re-files task when it is already held.
absl::Status Update(mandate::LiveAggregate& live, const mandate::Dataset& ds, std::uint32_t task) {
  if (task >= ds.task_count()) {
    return absl::NotFoundError(
        absl::StrFormat("task %u: the dataset has %u tasks", task, ds.task_count()));
  }
  const std::size_t held = live.held();
  if (task < held) return live.OnTaskChanged(task);
  for (std::size_t i = held; i <= task; ++i) {
    if (auto s = live.OnTaskAdded(static_cast<mandate::TaskIndex>(i)); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace

extern "C" {

MDT_API mdt_status mdt_live_aggregate_new(mdt_live_aggregate** out, const mdt_dataset* dataset,
                                          mdt_date as_of, const mdt_aggregate_options* options) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    mandate::AggregateQuery q;
    int threads = 1;  // ignored: updates are single-task
    MDT_TRY(AggregateArgs(&q, &threads, dataset, as_of, options));
    std::shared_lock lock(dataset->state->mu);
    auto live = mandate::LiveAggregate::Make(dataset->state->ds, q);
    if (!live.ok()) return FromStatus(live.status());
    return NewHandle(out, dataset->state, *std::move(live));
  });
}

MDT_API void mdt_live_aggregate_free(mdt_live_aggregate* live) { FreeHandle(live); }

MDT_API mdt_status mdt_live_aggregate_update(mdt_live_aggregate* live, uint32_t task) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(live, "live"));
    std::shared_lock lock(live->state->mu);
    std::lock_guard guard(live->mu);
    return FromStatus(Update(live->live, live->state->ds, task));
  });
}

MDT_API mdt_status mdt_live_aggregate_totals(mdt_status_counts* out,
                                             const mdt_live_aggregate* live) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckStructVersion(out->version, MDT_STATUS_COUNTS_VERSION, "out"));
    MDT_TRY(CheckHandle(live, "live"));
    std::lock_guard guard(live->mu);
    WriteCounts(out, live->live.totals());
    return Ok();
  });
}

MDT_API mdt_status mdt_live_aggregate_result(mdt_aggregate_result** out,
                                             const mdt_live_aggregate* live) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    MDT_TRY(CheckHandle(live, "live"));
    std::shared_lock lock(live->state->mu);
    std::lock_guard guard(live->mu);
    return NewAggregateResult(out, live->state, live->live.Result());
  });
}

}  // extern "C"
