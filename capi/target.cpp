// Target evaluation (chỉ tiêu) across the C ABI.
#include <limits>
#include <mutex>
#include <shared_mutex>

#include "absl/strings/str_format.h"
#include "internal/convert.h"
#include "internal/dataset_handle.h"
#include "internal/enum_name.h"
#include "internal/error.h"
#include "internal/handle.h"
#include "internal/target_handle.h"
#include "mandate.h"
#include "mandate/target_status.h"

using namespace mandate::capi;  // NOLINT: the C entry points below

namespace {

static_assert(MDT_TARGET_ACHIEVED == static_cast<int>(mandate::TargetStatus::kAchieved));
static_assert(MDT_TARGET_ON_TRACK == static_cast<int>(mandate::TargetStatus::kOnTrack));
static_assert(MDT_TARGET_AT_RISK == static_cast<int>(mandate::TargetStatus::kAtRisk));
static_assert(MDT_TARGET_OFF_TRACK == static_cast<int>(mandate::TargetStatus::kOffTrack));
static_assert(MDT_TARGET_MISSED == static_cast<int>(mandate::TargetStatus::kMissed));
static_assert(MDT_TARGET_NO_DATA == static_cast<int>(mandate::TargetStatus::kNoData));
static_assert(static_cast<int>(mandate::EnumCount<mandate::TargetStatus>()) ==
              MDT_TARGET_NO_DATA + 1);

double OrNaN(const std::optional<double>& v) {
  return v ? *v : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

extern "C" {

MDT_API const char* mdt_target_status_name(mdt_target_status value_arg) {
  return EnumCName<mandate::TargetStatus>(EnumArg(value_arg));
}

MDT_API mdt_status mdt_target_evaluate(mdt_target_evaluations** out, const mdt_dataset* dataset,
                                       const char* target_id, const char* locality, mdt_date as_of,
                                       const mdt_target_options* options) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    MDT_TRY(CheckHandle(dataset, "dataset"));
    std::string_view id;
    MDT_TRY(CString(&id, target_id, "target_id", true));
    std::string_view loc;
    MDT_TRY(CString(&loc, locality, "locality"));
    mandate::Day day;
    MDT_TRY(DayArg(&day, as_of, "as_of"));
    mandate::TargetOptions opts;
    if (options != nullptr) {
      MDT_TRY(CheckStructVersion(options->version, MDT_TARGET_OPTIONS_VERSION, "options"));
      if (!(options->tolerance >= 0 && options->tolerance <= 1)) {
        return Fail(MDT_ERR_INVALID_ARGUMENT,
                    absl::StrFormat("options.tolerance %g is outside 0..1", options->tolerance));
      }
      opts.tolerance = options->tolerance;
    }
    auto h = std::make_unique<mdt_target_evaluations>();
    {
      std::shared_lock lock(dataset->state->mu);
      const mandate::Target* t = dataset->state->ds.FindTarget(id);
      if (!t)
        return Fail(MDT_ERR_NOT_FOUND,
                    absl::StrFormat("no target has the id \"%s\"", Excerpt(id, 80)));
      if (locality == nullptr) {
        h->evaluations = mandate::EvaluateTargetLocalities(*t, day, opts);
      } else {
        h->evaluations.push_back(mandate::EvaluateTarget(*t, day, loc, opts));
      }
    }
    return PublishHandle(out, std::move(h));
  });
}

MDT_API void mdt_target_evaluations_free(mdt_target_evaluations* evaluations) {
  FreeHandle(evaluations);
}

MDT_API mdt_status mdt_target_evaluations_count(size_t* out,
                                                const mdt_target_evaluations* evaluations) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(evaluations, "evaluations"));
    *out = evaluations->evaluations.size();
    return Ok();
  });
}

MDT_API mdt_status mdt_target_evaluations_get(mdt_target_evaluation_info* out,
                                              const mdt_target_evaluations* evaluations, size_t i) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckStructVersion(out->version, MDT_TARGET_EVALUATION_INFO_VERSION, "out"));
    MDT_TRY(CheckHandle(evaluations, "evaluations"));
    MDT_TRY(IndexArg(i, evaluations->evaluations.size(), "evaluation"));
    const mandate::TargetEvaluation& e = evaluations->evaluations[i];
    mdt_target_evaluation_info info{};
    info.version = out->version;
    info.locality = e.locality.c_str();
    info.status = static_cast<std::int32_t>(e.status);
    info.has_measurement = e.measurement ? 1 : 0;
    info.value = e.measurement ? e.measurement->value : std::numeric_limits<double>::quiet_NaN();
    info.measured = e.measurement ? mandate::ToEpochDays(e.measurement->day) : MDT_NO_DATE;
    info.achievement = OrNaN(e.achievement);
    info.achievement_unclamped = OrNaN(e.achievement_unclamped);
    info.expected = OrNaN(e.expected);
    info.line_start = FromOptionalDay(e.line_start);
    info.reason = e.reason.c_str();
    *out = info;
    return Ok();
  });
}

}  // extern "C"
