// Aggregation across the C ABI: status counts per group, measures, top-N, the two-date
// change and the report's task lists.
#define MDT_EXPERIMENTAL
#include "mandate/aggregate.h"

#include <algorithm>
#include <limits>
#include <mutex>
#include <shared_mutex>

#include "absl/strings/str_format.h"
#include "internal/aggregate_handle.h"
#include "internal/convert.h"
#include "internal/dataset_handle.h"
#include "internal/enum_name.h"
#include "internal/error.h"
#include "internal/handle.h"
#include "mandate.h"
#include "mandate/aggregate_change.h"
#include "mandate/aggregate_lists.h"
#include "mandate/aggregate_rank.h"

using namespace mandate::capi;  // NOLINT: the C entry points below

namespace {

using mandate::Dimension;
using mandate::Measure;
static_assert(MDT_DIM_LEAD == static_cast<int>(Dimension::kLead));
static_assert(MDT_DIM_COORDINATOR == static_cast<int>(Dimension::kCoordinator));
static_assert(MDT_DIM_AGENCY_KIND == static_cast<int>(Dimension::kAgencyKind));
static_assert(MDT_DIM_CATEGORY == static_cast<int>(Dimension::kCategory));
static_assert(MDT_DIM_SOURCE == static_cast<int>(Dimension::kSource));
static_assert(MDT_DIM_DUE_MONTH == static_cast<int>(Dimension::kDueMonth));
static_assert(MDT_DIM_ASSIGNED_MONTH == static_cast<int>(Dimension::kAssignedMonth));
static_assert(MDT_DIM_DEADLINE_KIND == static_cast<int>(Dimension::kDeadlineKind));
static_assert(MDT_DIM_STATUS == static_cast<int>(Dimension::kStatus));
static_assert(MDT_MEASURE_TOTAL == static_cast<int>(Measure::kTotal));
static_assert(MDT_MEASURE_COMPLETED_ON_TIME == static_cast<int>(Measure::kCompletedOnTime));
static_assert(MDT_MEASURE_COMPLETED_LATE == static_cast<int>(Measure::kCompletedLate));
static_assert(MDT_MEASURE_OVERDUE == static_cast<int>(Measure::kOverdue));
static_assert(MDT_MEASURE_DUE_SOON == static_cast<int>(Measure::kDueSoon));
static_assert(MDT_MEASURE_IN_PROGRESS == static_cast<int>(Measure::kInProgress));
static_assert(MDT_MEASURE_CANCELLED == static_cast<int>(Measure::kCancelled));
static_assert(MDT_MEASURE_COMPLETED == static_cast<int>(Measure::kCompleted));
static_assert(MDT_MEASURE_COMPLETION_RATE == static_cast<int>(Measure::kCompletionRate));
static_assert(MDT_MEASURE_ON_TIME_RATE == static_cast<int>(Measure::kOnTimeRate));
static_assert(MDT_MEASURE_OVERDUE_RATE == static_cast<int>(Measure::kOverdueRate));

mdt_status WindowArg(mandate::DayWindow* out, mdt_date from, mdt_date to, std::string_view what) {
  MDT_TRY(OptionalDayArg(&out->from, from, std::string(what) + "_from"));
  MDT_TRY(OptionalDayArg(&out->to, to, std::string(what) + "_to"));
  return MDT_OK;
}

const mandate::StatusCounts* GroupCounts(const mdt_aggregate_result* r, size_t group) {
  if (group == MDT_AGGREGATE_TOTALS) return &r->result.totals;
  if (group >= r->result.groups.size()) return nullptr;
  return &r->result.groups[group].counts;
}

mdt_status GroupArg(const mandate::StatusCounts** out, const mdt_aggregate_result* r,
                    size_t group) {
  *out = GroupCounts(r, group);
  if (*out == nullptr) return IndexArg(group, r->result.groups.size(), "group");
  return MDT_OK;
}

}  // namespace

namespace mandate::capi {

mdt_status AggregateQueryArg(mandate::AggregateQuery* q, int* threads,
                             const mdt_aggregate_options* o) {
  if (o == nullptr) return MDT_OK;
  MDT_TRY(CheckStructVersion(o->version, MDT_AGGREGATE_OPTIONS_VERSION, "options"));
  MDT_TRY(ClassifyOptionsArg(&q->classify, o->classify, "options.classify"));
  if (o->by_count > 0 && o->by == nullptr) {
    return Fail(MDT_ERR_INVALID_ARGUMENT, "options.by is NULL but by_count is not 0");
  }
  if (o->by_count > static_cast<size_t>(mandate::kDimensionCount)) {
    return Fail(MDT_ERR_INVALID_ARGUMENT,
                absl::StrFormat("options.by_count %u exceeds the %d dimensions", o->by_count,
                                mandate::kDimensionCount));
  }
  for (size_t i = 0; i < o->by_count; ++i) {
    const std::int32_t dim = o->by[i];
    if (dim < 0 || dim >= mandate::kDimensionCount) {
      return Fail(MDT_ERR_INVALID_ARGUMENT,
                  absl::StrFormat("options.by[%u] = %d is not an mdt_dimension", i, dim));
    }
    q->by.push_back(static_cast<Dimension>(dim));
  }
  q->category_level = o->category_level;
  q->include_coordinators = o->include_coordinators != 0;
  MDT_TRY(WindowArg(&q->assigned, o->assigned_from, o->assigned_to, "options.assigned"));
  MDT_TRY(WindowArg(&q->completed, o->completed_from, o->completed_to, "options.completed"));
  MDT_TRY(WindowArg(&q->due, o->due_from, o->due_to, "options.due"));
  if (o->threads < 1 || o->threads > 256) {
    return Fail(MDT_ERR_INVALID_ARGUMENT,
                absl::StrFormat("options.threads %d is outside 1..256", o->threads));
  }
  *threads = o->threads;
  if (o->max_groups != 0) {
    q->max_groups = static_cast<std::size_t>(
        std::min<std::uint64_t>(o->max_groups, std::numeric_limits<std::size_t>::max()));
  }
  return MDT_OK;
}

mdt_status AggregateArgs(mandate::AggregateQuery* q, int* threads, const mdt_dataset* dataset,
                         mdt_date as_of, const mdt_aggregate_options* options) {
  MDT_TRY(CheckHandle(dataset, "dataset"));
  MDT_TRY(DayArg(&q->as_of, as_of, "as_of"));
  return AggregateQueryArg(q, threads, options);
}

void WriteCounts(mdt_status_counts* out, const mandate::StatusCounts& c) {
  mdt_status_counts counts{};
  counts.version = out->version;
  counts.status_count = MDT_TASK_STATUS_COUNT;
  for (int s = 0; s < MDT_TASK_STATUS_COUNT; ++s) counts.by_status[s] = c.n[s];
  counts.total = c.total();
  *out = counts;
}

mdt_status NewAggregateResult(mdt_aggregate_result** out, std::shared_ptr<DatasetState> state,
                              mandate::AggregateResult r) {
  auto h = std::make_unique<mdt_aggregate_result>();
  h->state = std::move(state);
  h->result = std::move(r);
  const std::size_t dims = h->result.plan->dimension_count();
  h->labels.resize(h->result.groups.size());
  for (std::size_t g = 0; g < h->result.groups.size(); ++g) {
    for (std::size_t d = 0; d < dims; ++d) h->labels[g].push_back(h->result.Label(g, d));
  }
  return PublishHandle(out, std::move(h));
}

}  // namespace mandate::capi

extern "C" {

MDT_API const char* mdt_dimension_name(mdt_dimension value_arg) {
  return EnumCName<mandate::Dimension>(EnumArg(value_arg));
}

MDT_API const char* mdt_measure_name(mdt_measure value_arg) {
  return EnumCName<mandate::Measure>(EnumArg(value_arg));
}

MDT_API mdt_status mdt_aggregate(mdt_aggregate_result** out, const mdt_dataset* dataset,
                                 mdt_date as_of, const mdt_aggregate_options* options) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    mandate::AggregateQuery q;
    int threads = 1;
    MDT_TRY(AggregateArgs(&q, &threads, dataset, as_of, options));
    std::shared_lock lock(dataset->state->mu);
    auto r = mandate::Aggregate(dataset->state->ds, q, threads);
    if (!r.ok()) return FromStatus(r.status());
    return NewAggregateResult(out, dataset->state, *std::move(r));
  });
}

MDT_API void mdt_aggregate_result_free(mdt_aggregate_result* result) { FreeHandle(result); }

MDT_API mdt_status mdt_aggregate_group_count(size_t* out, const mdt_aggregate_result* result) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(result, "result"));
    *out = result->result.groups.size();
    return Ok();
  });
}

MDT_API mdt_status mdt_aggregate_dimension_count(size_t* out, const mdt_aggregate_result* result) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(result, "result"));
    *out = result->result.plan->dimension_count();
    return Ok();
  });
}

MDT_API mdt_status mdt_aggregate_counts(mdt_status_counts* out, const mdt_aggregate_result* result,
                                        size_t group) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckStructVersion(out->version, MDT_STATUS_COUNTS_VERSION, "out"));
    MDT_TRY(CheckHandle(result, "result"));
    const mandate::StatusCounts* c = nullptr;
    MDT_TRY(GroupArg(&c, result, group));
    WriteCounts(out, *c);
    return Ok();
  });
}

MDT_API mdt_status mdt_aggregate_label(const char** out, size_t* out_len,
                                       const mdt_aggregate_result* result, size_t group,
                                       size_t dim) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(result, "result"));
    MDT_TRY(IndexArg(group, result->labels.size(), "group"));
    MDT_TRY(IndexArg(dim, result->result.plan->dimension_count(), "dimension"));
    const auto& label = result->labels[group][dim];
    if (!label) {
      *out = nullptr;
      if (out_len) *out_len = 0;
    } else {
      Borrow(out, out_len, *label);
    }
    return Ok();
  });
}

MDT_API mdt_status mdt_aggregate_measure(double* out, const mdt_aggregate_result* result,
                                         size_t group, mdt_measure measure_arg) {
  const std::int32_t measure = EnumArg(measure_arg);
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(result, "result"));
    if (measure < 0 || measure >= mandate::kMeasureCount) {
      return Fail(MDT_ERR_INVALID_ARGUMENT,
                  absl::StrFormat("measure %d is not an mdt_measure", static_cast<int>(measure)));
    }
    const mandate::StatusCounts* c = nullptr;
    MDT_TRY(GroupArg(&c, result, group));
    const auto v = mandate::MeasureValue(*c, static_cast<Measure>(measure));
    *out = v ? *v : std::numeric_limits<double>::quiet_NaN();
    return Ok();
  });
}

MDT_API mdt_status mdt_aggregate_rank(size_t* out, size_t out_cap, size_t* out_count,
                                      const mdt_aggregate_result* result,
                                      const mdt_rank_options* options) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out_count, "out_count"));
    MDT_TRY(CheckHandle(result, "result"));
    mandate::RankOptions r;
    if (options != nullptr) {
      MDT_TRY(CheckStructVersion(options->version, MDT_RANK_OPTIONS_VERSION, "options"));
      const std::int32_t measure = options->measure;
      if (measure < 0 || measure >= mandate::kMeasureCount) {
        return Fail(MDT_ERR_INVALID_ARGUMENT, "options.measure is not an mdt_measure");
      }
      r.measure = static_cast<Measure>(measure);
      r.descending = options->descending != 0;
      r.limit = static_cast<std::size_t>(options->limit);
      r.include_none = options->include_none != 0;
    }
    return CopyToArray(out, out_cap, out_count, mandate::Rank(result->result, r));
  });
}

MDT_API mdt_status mdt_task_change_compute(mdt_task_change** out, const mdt_dataset* dataset,
                                           mdt_date from, mdt_date to,
                                           const mdt_classify_options* options) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    MDT_TRY(CheckHandle(dataset, "dataset"));
    mandate::Day f, t;
    MDT_TRY(DayArg(&f, from, "from"));
    MDT_TRY(DayArg(&t, to, "to"));
    mandate::ClassifyOptions opts;
    MDT_TRY(ClassifyOptionsArg(&opts, options, "options"));
    auto h = std::make_unique<mdt_task_change>();
    {
      std::shared_lock lock(dataset->state->mu);
      h->change = mandate::ComputeChange(dataset->state->ds, f, t, opts);
    }
    return PublishHandle(out, std::move(h));
  });
}

MDT_API void mdt_task_change_free(mdt_task_change* change) { FreeHandle(change); }

MDT_API mdt_status mdt_task_change_tasks(uint32_t* out, size_t out_cap, size_t* out_count,
                                         const mdt_task_change* change, mdt_change_kind kind_arg) {
  const std::int32_t kind = EnumArg(kind_arg);
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out_count, "out_count"));
    MDT_TRY(CheckHandle(change, "change"));
    switch (kind) {
      case MDT_CHANGE_NEWLY_ASSIGNED:
        return CopyToArray(out, out_cap, out_count, change->change.newly_assigned);
      case MDT_CHANGE_NEWLY_COMPLETED:
        return CopyToArray(out, out_cap, out_count, change->change.newly_completed);
      case MDT_CHANGE_NEWLY_OVERDUE:
        return CopyToArray(out, out_cap, out_count, change->change.newly_overdue);
    }
    return Fail(MDT_ERR_INVALID_ARGUMENT,
                absl::StrFormat("kind %d is not an mdt_change_kind", static_cast<int>(kind)));
  });
}

MDT_API mdt_status mdt_task_lists_new(mdt_task_lists** out, const mdt_dataset* dataset,
                                      mdt_list_kind kind_arg, mdt_date as_of,
                                      const mdt_task_lists_options* options) {
  const std::int32_t kind = EnumArg(kind_arg);
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    MDT_TRY(CheckHandle(dataset, "dataset"));
    mandate::ListQuery q;
    MDT_TRY(DayArg(&q.as_of, as_of, "as_of"));
    const mdt_task_lists_options defaults = MDT_TASK_LISTS_OPTIONS_INIT;
    if (options != nullptr) {
      MDT_TRY(CheckStructVersion(options->version, MDT_TASK_LISTS_OPTIONS_VERSION, "options"));
    }
    const mdt_task_lists_options& o = options != nullptr ? *options : defaults;
    const std::int32_t days = o.within_days;
    const std::int32_t category_level = o.category_level;
    mandate::ClassifyOptions opts;
    MDT_TRY(ClassifyOptionsArg(&opts, o.classify, "options.classify"));
    q.baseline = opts.baseline;
    if (category_level < 0) {
      return Fail(MDT_ERR_INVALID_ARGUMENT,
                  absl::StrFormat("options.category_level %d is negative", category_level));
    }
    q.category_level = category_level;
    if (kind == MDT_LIST_DUE_WITHIN_BY_CATEGORY) {
      MDT_TRY(DaysWindowArg(days, "options.within_days"));
    }
    if (kind != MDT_LIST_OVERDUE_BY_CATEGORY && kind != MDT_LIST_OVERDUE_BY_AGENCY &&
        kind != MDT_LIST_DUE_WITHIN_BY_CATEGORY) {
      return Fail(MDT_ERR_INVALID_ARGUMENT,
                  absl::StrFormat("kind %d is not an mdt_list_kind", static_cast<int>(kind)));
    }
    auto h = std::make_unique<mdt_task_lists>();
    {
      std::shared_lock lock(dataset->state->mu);
      const auto& ds = dataset->state->ds;
      std::vector<std::uint8_t> status;
      mandate::ClassifyAll(ds, q.as_of, opts, status);
      switch (kind) {
        case MDT_LIST_OVERDUE_BY_CATEGORY:
          h->groups = mandate::OverdueByCategory(ds, status, q);
          break;
        case MDT_LIST_OVERDUE_BY_AGENCY:
          h->groups = mandate::OverdueByAgency(ds, status, q);
          break;
        case MDT_LIST_DUE_WITHIN_BY_CATEGORY:
          h->groups = mandate::DueWithinByCategory(ds, status, q, days);
          break;
      }
    }
    return PublishHandle(out, std::move(h));
  });
}

MDT_API void mdt_task_lists_free(mdt_task_lists* lists) { FreeHandle(lists); }

MDT_API mdt_status mdt_task_lists_group_count(size_t* out, const mdt_task_lists* lists) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(lists, "lists"));
    *out = lists->groups.size();
    return Ok();
  });
}

MDT_API mdt_status mdt_task_lists_group(const char** out_key, size_t* out_task_count,
                                        const mdt_task_lists* lists, size_t g) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(lists, "lists"));
    MDT_TRY(IndexArg(g, lists->groups.size(), "group"));
    const auto& group = lists->groups[g];
    if (out_key) *out_key = group.key ? group.key->c_str() : nullptr;
    if (out_task_count) *out_task_count = group.tasks.size();
    return Ok();
  });
}

MDT_API mdt_status mdt_task_lists_task(uint32_t* out_task, mdt_date* out_due, int32_t* out_days,
                                       const mdt_task_lists* lists, size_t g, size_t i) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(lists, "lists"));
    MDT_TRY(IndexArg(g, lists->groups.size(), "group"));
    const auto& tasks = lists->groups[g].tasks;
    MDT_TRY(IndexArg(i, tasks.size(), "task"));
    if (out_task) *out_task = tasks[i].task;
    if (out_due) *out_due = FromOptionalDay(tasks[i].due);
    if (out_days) *out_days = tasks[i].days;
    return Ok();
  });
}

}  // extern "C"
