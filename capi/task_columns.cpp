// Reading tasks across the C ABI: one field of one task (allocated copies, since a dataset
// may change under other threads), or every task at once as lent columns of a snapshot.
#include <mutex>
#include <shared_mutex>

#include "absl/strings/str_format.h"
#include "internal/agency_handle.h"
#include "internal/convert.h"
#include "internal/dataset_handle.h"
#include "internal/error.h"
#include "internal/handle.h"
#include "internal/task_columns_handle.h"
#include "mandate.h"
#include "mandate/classification.h"
#include "mandate/task_state.h"

using namespace mandate::capi;  // NOLINT: the C entry points below

namespace {

// Runs f(ds) with the dataset's shared lock after checking the handle and task index.
template <typename F>
mdt_status ReadTask(const mdt_dataset* dataset, std::uint32_t task, F&& f) {
  MDT_TRY(CheckHandle(dataset, "dataset"));
  std::shared_lock lock(dataset->state->mu);
  const auto& ds = dataset->state->ds;
  MDT_TRY(IndexArg(task, ds.task_count(), "task index"));
  return f(ds);
}

// The deadline's due day and the completion in force as of a day.
struct AsOf {
  std::optional<mandate::Day> due, completed;
};
AsOf TaskAsOf(const mandate::Dataset& ds, std::uint32_t task, mandate::Day as_of,
              std::vector<mandate::TaskEvent>& scratch) {
  const mandate::TaskState st =
      mandate::FoldHistory(ds.original_deadline(task), ds.HistoryRef(task, scratch), as_of);
  AsOf out;
  out.due = mandate::EffectiveDue(st.deadline ? *st.deadline : ds.original_deadline(task),
                                  ds.assigned(task));
  out.completed = st.completed;
  return out;
}

// One string of a task's string list (lead, coordinators, sources).
template <typename Member>
mdt_status ListItem(char** out, size_t* out_len, const mdt_dataset* dataset, uint32_t task,
                    size_t i, Member member, std::string_view what) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    return ReadTask(dataset, task, [&](const mandate::Dataset& ds) -> mdt_status {
      const mandate::Task t = ds.GetTask(task);
      const auto& list = t.*member;
      MDT_TRY(IndexArg(i, list.size(), what));
      return DupString(out, out_len, list[i]);
    });
  });
}

template <typename Member>
mdt_status ListCount(size_t* out, const mdt_dataset* dataset, uint32_t task, Member member) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    return ReadTask(dataset, task, [&](const mandate::Dataset& ds) -> mdt_status {
      *out = (ds.GetTask(task).*member).size();
      return Ok();
    });
  });
}

// A task's day as of a day: its due day in force or its completion in force.
mdt_status DayAsOf(mdt_date* out, const mdt_dataset* dataset, uint32_t task, mdt_date as_of,
                   bool due) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    mandate::Day day;
    MDT_TRY(DayArg(&day, as_of, "as_of"));
    return ReadTask(dataset, task, [&](const mandate::Dataset& ds) -> mdt_status {
      std::vector<mandate::TaskEvent> scratch;
      const AsOf a = TaskAsOf(ds, task, day, scratch);
      *out = FromOptionalDay(due ? a.due : a.completed);
      return Ok();
    });
  });
}

template <typename T>
const T* Lend(const std::vector<T>& v) {
  static const T kEmpty{};
  return v.empty() ? &kEmpty : v.data();
}

// A CSR list column of registry indices from the core's columns (uint32 offsets).
// The C ABI lends agency lists as CSR (offsets, values), whatever the core's layout.
template <typename ListOf>
void CopyCsr(std::vector<std::uint64_t>* offsets, std::vector<std::uint32_t>* values,
             ListOf&& list_of, std::size_t n) {
  offsets->reserve(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    for (mandate::AgencyIndex a : list_of(static_cast<std::uint32_t>(i))) values->push_back(a);
    offsets->push_back(values->size());
  }
}

}  // namespace

extern "C" {

MDT_API mdt_status mdt_dataset_registry(mdt_registry** out, const mdt_dataset* dataset) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    MDT_TRY(CheckHandle(dataset, "dataset"));
    auto h = std::make_unique<mdt_registry>();
    {
      std::shared_lock lock(dataset->state->mu);
      h->registry = dataset->state->ds.shared_registry();
    }
    return PublishHandle(out, std::move(h));
  });
}

MDT_API mdt_status mdt_dataset_task_category(char** out, size_t* out_len,
                                             const mdt_dataset* dataset, uint32_t task) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    return ReadTask(dataset, task, [&](const mandate::Dataset& ds) {
      return DupString(out, out_len, ds.GetTask(task).category);
    });
  });
}

MDT_API mdt_status mdt_dataset_task_lead_count(size_t* out, const mdt_dataset* dataset,
                                               uint32_t task) {
  return ListCount(out, dataset, task, &mandate::Task::lead);
}

MDT_API mdt_status mdt_dataset_task_lead(char** out, size_t* out_len, const mdt_dataset* dataset,
                                         uint32_t task, size_t i) {
  return ListItem(out, out_len, dataset, task, i, &mandate::Task::lead, "lead");
}

MDT_API mdt_status mdt_dataset_task_coordinator_count(size_t* out, const mdt_dataset* dataset,
                                                      uint32_t task) {
  return ListCount(out, dataset, task, &mandate::Task::coordinators);
}

MDT_API mdt_status mdt_dataset_task_coordinator(char** out, size_t* out_len,
                                                const mdt_dataset* dataset, uint32_t task,
                                                size_t i) {
  return ListItem(out, out_len, dataset, task, i, &mandate::Task::coordinators, "coordinator");
}

MDT_API mdt_status mdt_dataset_task_source_count(size_t* out, const mdt_dataset* dataset,
                                                 uint32_t task) {
  return ListCount(out, dataset, task, &mandate::Task::sources);
}

MDT_API mdt_status mdt_dataset_task_source(char** out, size_t* out_len, const mdt_dataset* dataset,
                                           uint32_t task, size_t i) {
  return ListItem(out, out_len, dataset, task, i, &mandate::Task::sources, "source");
}

MDT_API mdt_status mdt_dataset_task_assigned(mdt_date* out, const mdt_dataset* dataset,
                                             uint32_t task) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    return ReadTask(dataset, task, [&](const mandate::Dataset& ds) {
      *out = FromOptionalDay(ds.assigned(task));
      return Ok();
    });
  });
}

MDT_API mdt_status mdt_dataset_task_due(mdt_date* out, const mdt_dataset* dataset, uint32_t task,
                                        mdt_date as_of) {
  return DayAsOf(out, dataset, task, as_of, /*due=*/true);
}

MDT_API mdt_status mdt_dataset_task_completed(mdt_date* out, const mdt_dataset* dataset,
                                              uint32_t task, mdt_date as_of) {
  return DayAsOf(out, dataset, task, as_of, /*due=*/false);
}

MDT_API mdt_status mdt_dataset_task_status(int32_t* out, const mdt_dataset* dataset, uint32_t task,
                                           mdt_date as_of, const mdt_classify_options* options) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    mandate::Day day;
    MDT_TRY(DayArg(&day, as_of, "as_of"));
    mandate::ClassifyOptions opts;
    MDT_TRY(ClassifyOptionsArg(&opts, options, "options"));
    return ReadTask(dataset, task, [&](const mandate::Dataset& ds) {
      const auto c = mandate::ClassifyTask(ds, task, day, opts);
      *out = c ? static_cast<std::int32_t>(c->status) : MDT_TASK_NOT_YET_ASSIGNED;
      return Ok();
    });
  });
}

MDT_API mdt_status mdt_dataset_columns(mdt_task_columns** out, const mdt_dataset* dataset,
                                       mdt_date as_of, const mdt_classify_options* options) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    MDT_TRY(CheckHandle(dataset, "dataset"));
    mandate::Day day;
    MDT_TRY(DayArg(&day, as_of, "as_of"));
    mandate::ClassifyOptions opts;
    MDT_TRY(ClassifyOptionsArg(&opts, options, "options"));
    auto h = std::make_unique<mdt_task_columns>();
    h->as_of = as_of;
    {
      std::shared_lock lock(dataset->state->mu);
      const mandate::Dataset& ds = dataset->state->ds;
      const std::size_t n = ds.task_count();
      const mandate::TaskColumns& cols = ds.columns();
      h->id_offsets.reserve(n + 1);
      for (std::size_t i = 0; i < n; ++i) {
        h->id_chars += ds.task_id(static_cast<mandate::TaskIndex>(i));
        h->id_offsets.push_back(h->id_chars.size());
      }
      h->assigned.assign(cols.assigned.begin(),
                         cols.assigned.begin() + static_cast<std::ptrdiff_t>(n));
      h->due.resize(n);
      h->completed.resize(n);
      std::vector<mandate::TaskEvent> scratch;
      for (std::size_t i = 0; i < n; ++i) {
        if (cols.flags[i] & mandate::kTaskHasHistory) {
          const AsOf a = TaskAsOf(ds, static_cast<std::uint32_t>(i), day, scratch);
          h->due[i] = FromOptionalDay(a.due);
          h->completed[i] = FromOptionalDay(a.completed);
        } else {  // no event: the columns hold the task's only state
          h->due[i] = cols.due[i];
          h->completed[i] = cols.completed[i];
        }
      }
      std::vector<std::uint8_t> statuses;
      mandate::ClassifyAll(ds, day, opts, statuses);
      h->status.resize(statuses.size());
      for (std::size_t i = 0; i < statuses.size(); ++i) h->status[i] = StatusValue(statuses[i]);
      CopyCsr(
          &h->lead_offsets, &h->leads, [&](std::uint32_t i) { return cols.leads(i); }, n);
      CopyCsr(
          &h->coordinator_offsets, &h->coordinators,
          [&](std::uint32_t i) { return cols.coordinators(i); }, n);
    }
    static_assert(mandate::kNoDay == MDT_NO_DATE);
    return PublishHandle(out, std::move(h));
  });
}

MDT_API void mdt_task_columns_free(mdt_task_columns* columns) { FreeHandle(columns); }

MDT_API mdt_status mdt_task_columns_count(size_t* out, mdt_date* out_as_of,
                                          const mdt_task_columns* columns) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(columns, "columns"));
    if (out) *out = columns->status.size();
    if (out_as_of) *out_as_of = columns->as_of;
    return Ok();
  });
}

MDT_API mdt_status mdt_task_columns_ids(const uint64_t** out_offsets, const char** out_chars,
                                        const mdt_task_columns* columns) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(columns, "columns"));
    if (out_offsets) *out_offsets = columns->id_offsets.data();
    if (out_chars) *out_chars = columns->id_chars.c_str();
    return Ok();
  });
}

MDT_API mdt_status mdt_task_columns_days(const mdt_date** out_assigned, const mdt_date** out_due,
                                         const mdt_date** out_completed,
                                         const mdt_task_columns* columns) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(columns, "columns"));
    if (out_assigned) *out_assigned = Lend(columns->assigned);
    if (out_due) *out_due = Lend(columns->due);
    if (out_completed) *out_completed = Lend(columns->completed);
    return Ok();
  });
}

MDT_API mdt_status mdt_task_columns_status(const int32_t** out, const mdt_task_columns* columns) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(columns, "columns"));
    *out = Lend(columns->status);
    return Ok();
  });
}

MDT_API mdt_status mdt_task_columns_leads(const uint64_t** out_offsets, const uint32_t** out_values,
                                          const mdt_task_columns* columns) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(columns, "columns"));
    if (out_offsets) *out_offsets = columns->lead_offsets.data();
    if (out_values) *out_values = Lend(columns->leads);
    return Ok();
  });
}

MDT_API mdt_status mdt_task_columns_coordinators(const uint64_t** out_offsets,
                                                 const uint32_t** out_values,
                                                 const mdt_task_columns* columns) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(columns, "columns"));
    if (out_offsets) *out_offsets = columns->coordinator_offsets.data();
    if (out_values) *out_values = Lend(columns->coordinators);
    return Ok();
  });
}

}  // extern "C"
