// Status classification across the C ABI: one task, all tasks into a caller array, all
// tasks through an iterator, and the counts per status.
#include <cmath>
#include <limits>
#include <mutex>
#include <shared_mutex>

#include "absl/strings/str_format.h"
#include "internal/classification_handle.h"
#include "internal/convert.h"
#include "internal/dataset_handle.h"
#include "internal/error.h"
#include "internal/handle.h"
#include "mandate.h"
#include "mandate/classification.h"

using namespace mandate::capi;  // NOLINT: the C entry points below

namespace {}  // namespace

namespace mandate::capi {
std::int32_t StatusValue(std::uint8_t s) {
  return s == mandate::kNotYetAssigned ? MDT_TASK_NOT_YET_ASSIGNED : static_cast<std::int32_t>(s);
}
}  // namespace mandate::capi

namespace {

// Checks the common arguments and classifies every task under the shared lock.
mdt_status ClassifyAllArgs(std::vector<std::uint8_t>* statuses, const mdt_dataset* dataset,
                           mdt_date as_of, const mdt_classify_options* options) {
  MDT_TRY(CheckHandle(dataset, "dataset"));
  mandate::Day day;
  MDT_TRY(DayArg(&day, as_of, "as_of"));
  mandate::ClassifyOptions opts;
  MDT_TRY(ClassifyOptionsArg(&opts, options, "options"));
  std::shared_lock lock(dataset->state->mu);
  mandate::ClassifyAll(dataset->state->ds, day, opts, *statuses);
  return MDT_OK;
}

mdt_status NewClassification(mdt_classification** out, const mandate::capi::DatasetState& st,
                             std::uint32_t task, mandate::Day as_of,
                             const mandate::ClassifyOptions& opts) {
  auto h = std::make_unique<mdt_classification>();
  h->task = task;
  {
    std::shared_lock lock(st.mu);
    MDT_TRY(IndexArg(task, st.ds.task_count(), "task index"));
    h->classification = mandate::ClassifyTask(st.ds, task, as_of, opts);
  }
  return PublishHandle(out, std::move(h));
}

}  // namespace

extern "C" {

MDT_API mdt_status mdt_classify_task(mdt_classification** out, const mdt_dataset* dataset,
                                     uint32_t task, mdt_date as_of,
                                     const mdt_classify_options* options) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    MDT_TRY(CheckHandle(dataset, "dataset"));
    mandate::Day day;
    MDT_TRY(DayArg(&day, as_of, "as_of"));
    mandate::ClassifyOptions opts;
    MDT_TRY(ClassifyOptionsArg(&opts, options, "options"));
    return NewClassification(out, *dataset->state, task, day, opts);
  });
}

MDT_API void mdt_classification_free(mdt_classification* classification) {
  FreeHandle(classification);
}

MDT_API mdt_status mdt_classification_get_info(mdt_classification_info* out,
                                               const mdt_classification* classification) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckStructVersion(out->version, MDT_CLASSIFICATION_INFO_VERSION, "out"));
    MDT_TRY(CheckHandle(classification, "classification"));
    mdt_classification_info info{};
    info.version = out->version;
    info.task = classification->task;
    info.due = MDT_NO_DATE;
    info.completed = MDT_NO_DATE;
    info.decisive_event = -1;
    info.reason = "";
    info.expected_percent = std::numeric_limits<double>::quiet_NaN();
    info.reported_percent = -1;
    if (!classification->classification) {
      info.status = MDT_TASK_NOT_YET_ASSIGNED;
      info.reason = "the task is assigned after the as-of day";
      info.reason_len = std::char_traits<char>::length(info.reason);
      *out = info;
      return Ok();
    }
    const mandate::Classification& c = *classification->classification;
    info.status = static_cast<std::int32_t>(c.status);
    info.due = FromOptionalDay(c.due);
    info.deadline_kind = static_cast<std::int32_t>(c.deadline_kind);
    info.completed = FromOptionalDay(c.completed);
    info.decisive_event = c.decisive_event;
    info.reason = c.reason.c_str();
    info.reason_len = c.reason.size();
    info.has_baseline_status = c.baseline_status ? 1 : 0;
    info.baseline_status = static_cast<std::int32_t>(c.baseline_status.value_or(c.status));
    info.behind_schedule = c.behind_schedule ? 1 : 0;
    if (c.expected_percent) info.expected_percent = *c.expected_percent;
    info.reported_percent = c.reported_percent.value_or(-1);
    info.milestone_count = c.milestones.size();
    info.occurrence_count = c.occurrences.size();
    info.met_on_time = c.met_on_time;
    info.met_late = c.met_late;
    info.missed = c.missed;
    *out = info;
    return Ok();
  });
}

MDT_API mdt_status mdt_classification_milestone(const char** out_label, size_t* out_label_len,
                                                mdt_date* out_due, mdt_task_status* out_status,
                                                const mdt_classification* classification,
                                                size_t i) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(classification, "classification"));
    static const std::vector<mandate::MilestoneStatus> kNone;
    const auto& ms =
        classification->classification ? classification->classification->milestones : kNone;
    MDT_TRY(IndexArg(i, ms.size(), "milestone"));
    Borrow(out_label, out_label_len, ms[i].label);
    if (out_due) *out_due = FromOptionalDay(ms[i].due);
    if (out_status) *out_status = static_cast<mdt_task_status>(ms[i].status);
    return Ok();
  });
}

MDT_API mdt_status mdt_classification_occurrence(mdt_date* out_period_start, mdt_date* out_due,
                                                 mdt_occurrence_outcome* out_outcome,
                                                 const mdt_classification* classification,
                                                 size_t i) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(classification, "classification"));
    static const std::vector<mandate::Occurrence> kNone;
    const auto& os =
        classification->classification ? classification->classification->occurrences : kNone;
    MDT_TRY(IndexArg(i, os.size(), "occurrence"));
    if (out_period_start) *out_period_start = mandate::ToEpochDays(os[i].period_start);
    if (out_due) *out_due = mandate::ToEpochDays(os[i].due);
    if (out_outcome) *out_outcome = static_cast<mdt_occurrence_outcome>(os[i].outcome);
    return Ok();
  });
}

MDT_API mdt_status mdt_classification_no_reports(int32_t* out_no_reports, int32_t* out_not_reported,
                                                 const mdt_classification* classification) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(classification, "classification"));
    const auto& c = classification->classification;
    if (out_no_reports) *out_no_reports = c && c->no_reports ? 1 : 0;
    if (out_not_reported) *out_not_reported = c ? c->not_reported : 0;
    return Ok();
  });
}

MDT_API mdt_status mdt_classify_all(int32_t* out, size_t out_cap, size_t* out_count,
                                    const mdt_dataset* dataset, mdt_date as_of,
                                    const mdt_classify_options* options) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out_count, "out_count"));
    MDT_TRY(CheckHandle(dataset, "dataset"));
    mandate::Day day;  // checked before a size query too: bad arguments fail either way
    MDT_TRY(DayArg(&day, as_of, "as_of"));
    mandate::ClassifyOptions opts;
    MDT_TRY(ClassifyOptionsArg(&opts, options, "options"));
    {  // Size query or too small: no need to classify.
      std::shared_lock lock(dataset->state->mu);
      const std::size_t n = dataset->state->ds.task_count();
      if (out == nullptr && out_cap == 0) {
        *out_count = n;
        return Ok();
      }
      if (out_cap < n) {
        *out_count = n;
        return Fail(MDT_ERR_BUFFER_TOO_SMALL,
                    absl::StrFormat("the array holds %u entries; %u are needed", out_cap, n));
      }
    }
    std::vector<std::uint8_t> statuses;
    MDT_TRY(ClassifyAllArgs(&statuses, dataset, as_of, options));
    std::vector<std::int32_t> values(statuses.size());
    for (std::size_t i = 0; i < statuses.size(); ++i) values[i] = StatusValue(statuses[i]);
    return CopyToArray(out, out_cap, out_count, values);
  });
}

MDT_API mdt_status mdt_classification_iter_new(mdt_classification_iter** out,
                                               const mdt_dataset* dataset, mdt_date as_of,
                                               const mdt_classify_options* options) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    auto h = std::make_unique<mdt_classification_iter>();
    MDT_TRY(ClassifyAllArgs(&h->statuses, dataset, as_of, options));
    h->state = dataset->state;
    h->as_of = mandate::FromEpochDays(as_of);
    MDT_TRY(ClassifyOptionsArg(&h->options, options, "options"));
    return PublishHandle(out, std::move(h));
  });
}

MDT_API void mdt_classification_iter_free(mdt_classification_iter* iter) { FreeHandle(iter); }

MDT_API mdt_status mdt_classification_iter_next(int* out_has_row, uint32_t* out_task,
                                                mdt_task_status* out_status,
                                                mdt_classification_iter* iter) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out_has_row, "out_has_row"));
    MDT_TRY(CheckHandle(iter, "iter"));
    if (iter->next >= iter->statuses.size()) {
      *out_has_row = 0;
      iter->current.reset();
      return Ok();
    }
    const auto i = static_cast<std::uint32_t>(iter->next++);
    iter->current = i;
    *out_has_row = 1;
    if (out_task) *out_task = i;
    if (out_status) *out_status = static_cast<mdt_task_status>(StatusValue(iter->statuses[i]));
    return Ok();
  });
}

MDT_API mdt_status mdt_classification_iter_detail(mdt_classification** out,
                                                  const mdt_classification_iter* iter) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    MDT_TRY(CheckHandle(iter, "iter"));
    if (!iter->current) {
      return Fail(MDT_ERR_INVALID_ARGUMENT,
                  "the iterator has no current row (call mdt_classification_iter_next first)");
    }
    return NewClassification(out, *iter->state, *iter->current, iter->as_of, iter->options);
  });
}

MDT_API mdt_status mdt_classify_count(mdt_status_counts* out, const mdt_dataset* dataset,
                                      mdt_date as_of, const mdt_classify_options* options) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckStructVersion(out->version, MDT_STATUS_COUNTS_VERSION, "out"));
    std::vector<std::uint8_t> statuses;
    MDT_TRY(ClassifyAllArgs(&statuses, dataset, as_of, options));
    mdt_status_counts counts{};
    counts.version = out->version;
    counts.status_count = MDT_TASK_STATUS_COUNT;
    for (std::uint8_t s : statuses) {
      if (s < MDT_TASK_STATUS_COUNT) {
        ++counts.by_status[s];
        ++counts.total;
      } else {
        ++counts.not_yet_assigned;
      }
    }
    *out = counts;
    return Ok();
  });
}

}  // extern "C"
