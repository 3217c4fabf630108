// Datasets across the C ABI: create, add tasks, events, targets and measurements, read back.
// Every call takes the dataset's reader-writer lock: shared to read, exclusive to write.
#include "mandate/dataset.h"

#include <algorithm>
#include <mutex>
#include <shared_mutex>

#include "absl/strings/str_format.h"
#include "internal/agency_handle.h"
#include "internal/calendar_handle.h"
#include "internal/convert.h"
#include "internal/dataset_handle.h"
#include "internal/deadline_handle.h"
#include "internal/error.h"
#include "internal/handle.h"
#include "mandate.h"

using namespace mandate::capi;  // NOLINT: the C entry points below

namespace {

// The phrase parsed, through the dataset's cache unless a caller's calendar (which may
// change) is in the context.
absl::StatusOr<mandate::Deadline> Parse(std::string_view phrase,
                                        const mandate::DeadlineContext& context,
                                        DatasetState& state) {
  if (context.calendar != nullptr) return mandate::ParseDeadline(phrase, context);
  std::lock_guard guard(state.deadlines_mu);
  if (state.deadlines.size() >= DatasetState::kMaxCachedPhrases) state.deadlines.Clear();
  return state.deadlines.Parse(phrase, context);
}

// The deadline of a task or a deadline change: a handle, else a phrase parsed with its
// context (assigned fills the context's when unset), else unknown.
mdt_status DeadlineArg(mandate::Deadline* out, const mdt_deadline* handle, const char* text,
                       const mdt_deadline_context* ctx, std::optional<mandate::Day> assigned,
                       std::string_view what, DatasetState& state) {
  if (handle != nullptr) {
    MDT_TRY(CheckHandle(handle, what));
    *out = handle->deadline;
    return MDT_OK;
  }
  std::string_view phrase;
  MDT_TRY(CString(&phrase, text, std::string(what) + "_text"));
  if (phrase.empty()) {
    *out = mandate::Deadline{};
    return MDT_OK;
  }
  mandate::DeadlineContext context;
  MDT_TRY(ContextArg(&context, ctx, std::string(what) + "_context"));
  if (!context.assigned) context.assigned = assigned;
  std::shared_lock<std::shared_mutex> lock;
  if (ctx != nullptr && ctx->calendar != nullptr) lock = std::shared_lock(ctx->calendar->mu);
  auto d = Parse(phrase, context, state);
  if (!d.ok()) {
    return Fail(d.status().code() == absl::StatusCode::kInvalidArgument ? MDT_ERR_PARSE
                                                                        : FromStatus(d.status()),
                absl::StrFormat("%s \"%s\": %s", what, Excerpt(phrase, 80),
                                mandate::ToStd(d.status().message())));
  }
  *out = *std::move(d);
  return MDT_OK;
}

mdt_status TaskArg(mandate::Task* t, const mdt_task_input* in, DatasetState& state) {
  MDT_TRY(CheckOut(in, "task"));
  MDT_TRY(CheckStructVersion(in->version, MDT_TASK_INPUT_VERSION, "task"));
  std::string_view s;
  MDT_TRY(CString(&s, in->id, "task.id", true));
  t->id = s;
  MDT_TRY(CString(&s, in->title, "task.title", true));
  t->title = s;
  MDT_TRY(CStringArray(&t->lead, in->lead, in->lead_count, "task.lead"));
  MDT_TRY(
      CStringArray(&t->coordinators, in->coordinators, in->coordinator_count, "task.coordinators"));
  MDT_TRY(CStringArray(&t->partners, in->partners, in->partner_count, "task.partners"));
  MDT_TRY(CString(&s, in->lead_text, "task.lead_text"));
  t->lead_text = s;
  MDT_TRY(CString(&s, in->coordinators_text, "task.coordinators_text"));
  t->coordinators_text = s;
  MDT_TRY(CStringArray(&t->sources, in->sources, in->source_count, "task.sources"));
  MDT_TRY(CString(&s, in->category, "task.category"));
  t->category = s;
  MDT_TRY(CString(&s, in->expected_result, "task.expected_result"));
  t->expected_result = s;
  MDT_TRY(CString(&s, in->note, "task.note"));
  t->note = s;
  MDT_TRY(OptionalDayArg(&t->assigned, in->assigned, "task.assigned"));
  return DeadlineArg(&t->deadline, in->deadline, in->deadline_text, in->deadline_context,
                     t->assigned, "task.deadline", state);
}

mdt_status EventArg(mandate::TaskEvent* e, const mdt_event_input* in, DatasetState& state) {
  MDT_TRY(CheckOut(in, "event"));
  MDT_TRY(CheckStructVersion(in->version, MDT_EVENT_INPUT_VERSION, "event"));
  const std::int32_t type = in->type;
  if (type < MDT_EVENT_PROGRESS || type > MDT_EVENT_CANCELLED) {
    return Fail(MDT_ERR_INVALID_ARGUMENT,
                absl::StrFormat("event.type %d is not an mdt_event_type", type));
  }
  e->type = static_cast<mandate::EventType>(type);
  MDT_TRY(DayArg(&e->day, in->date, "event.date"));
  if (in->percent != -1) {
    if (in->percent < 0 || in->percent > 100) {
      return Fail(MDT_ERR_INVALID_ARGUMENT,
                  absl::StrFormat("event.percent %d is outside 0..100 (-1 = none)", in->percent));
    }
    e->percent = in->percent;
  }
  std::string_view s;
  MDT_TRY(CString(&s, in->text, "event.text"));
  e->text = s;
  MDT_TRY(CStringArray(&e->evidence, in->evidence, in->evidence_count, "event.evidence"));
  MDT_TRY(CString(&s, in->document, "event.document"));
  e->document = s;
  if (e->type == mandate::EventType::kDeadlineChanged) {
    if (in->new_deadline == nullptr &&
        (in->new_deadline_text == nullptr || !*in->new_deadline_text)) {
      return Fail(MDT_ERR_INVALID_ARGUMENT,
                  "event: a deadline change needs new_deadline or new_deadline_text");
    }
    mandate::Deadline d;
    MDT_TRY(DeadlineArg(&d, in->new_deadline, in->new_deadline_text, in->new_deadline_context,
                        std::nullopt, "event.new_deadline", state));
    e->new_deadline = std::move(d);
  }
  return MDT_OK;
}

mdt_status AddEvent(mdt_dataset* dataset, const char* task_id, const mandate::TaskEvent& e) {
  MDT_TRY(CheckHandle(dataset, "dataset"));
  std::string_view id;
  MDT_TRY(CString(&id, task_id, "task_id", true));
  std::unique_lock lock(dataset->state->mu);
  auto& ds = dataset->state->ds;
  auto i = ds.FindTask(id);
  if (!i)
    return Fail(MDT_ERR_NOT_FOUND, absl::StrFormat("no task has the id \"%s\"", Excerpt(id, 80)));
  return FromStatus(ds.AddEvent(*i, e));
}

// Runs f with the dataset's shared lock after checking the handle and task index.
template <typename F>
mdt_status ReadTask(const mdt_dataset* dataset, std::uint32_t task, F&& f) {
  MDT_TRY(CheckHandle(dataset, "dataset"));
  std::shared_lock lock(dataset->state->mu);
  const auto& ds = dataset->state->ds;
  MDT_TRY(IndexArg(task, ds.task_count(), "task index"));
  return f(ds);
}

mdt_status TargetIdArg(std::string_view* out, const char* target_id) {
  return CString(out, target_id, "target_id", true);
}

}  // namespace

extern "C" {

MDT_API mdt_status mdt_dataset_new(mdt_dataset** out, const mdt_registry* registry) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    std::shared_ptr<const mandate::AgencyRegistry> reg;
    if (registry != nullptr) {
      MDT_TRY(CheckHandle(registry, "registry"));
      reg = registry->registry;
    }
    auto h = std::make_unique<mdt_dataset>();
    h->state = std::make_shared<DatasetState>(std::move(reg));
    return PublishHandle(out, std::move(h));
  });
}

MDT_API void mdt_dataset_free(mdt_dataset* dataset) { FreeHandle(dataset); }

MDT_API mdt_status mdt_dataset_add_task(uint32_t* out, mdt_dataset* dataset,
                                        const mdt_task_input* task) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(dataset, "dataset"));
    mandate::Task t;
    MDT_TRY(TaskArg(&t, task, *dataset->state));
    std::unique_lock lock(dataset->state->mu);
    auto i = dataset->state->ds.AddTask(t);
    if (!i.ok()) return FromStatus(i.status());
    if (out) *out = *i;
    return Ok();
  });
}

MDT_API mdt_status mdt_dataset_add_event(mdt_dataset* dataset, const char* task_id,
                                         const mdt_event_input* event) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(dataset, "dataset"));
    mandate::TaskEvent e;
    MDT_TRY(EventArg(&e, event, *dataset->state));
    return AddEvent(dataset, task_id, e);
  });
}

MDT_API mdt_status mdt_dataset_report_progress(mdt_dataset* dataset, const char* task_id,
                                               mdt_date date, int32_t percent, const char* text) {
  mdt_event_input e = MDT_EVENT_INPUT_INIT;
  e.type = MDT_EVENT_PROGRESS;
  e.date = date;
  e.percent = percent;
  e.text = text;
  return mdt_dataset_add_event(dataset, task_id, &e);
}

MDT_API mdt_status mdt_dataset_report_milestone(mdt_dataset* dataset, const char* task_id,
                                                mdt_date date, uint32_t milestone,
                                                const char* text) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(dataset, "dataset"));
    if (milestone > 1000) {
      return Fail(MDT_ERR_OUT_OF_RANGE,
                  absl::StrFormat("milestone %u is not a milestone index (0..1000)", milestone));
    }
    mdt_event_input in = MDT_EVENT_INPUT_INIT;
    in.type = MDT_EVENT_PROGRESS;
    in.date = date;
    in.text = text;
    mandate::TaskEvent e;
    MDT_TRY(EventArg(&e, &in, *dataset->state));
    e.milestone = static_cast<int>(milestone);
    return AddEvent(dataset, task_id, e);
  });
}

MDT_API mdt_status mdt_dataset_complete_task(mdt_dataset* dataset, const char* task_id,
                                             mdt_date date) {
  mdt_event_input e = MDT_EVENT_INPUT_INIT;
  e.type = MDT_EVENT_COMPLETED;
  e.date = date;
  return mdt_dataset_add_event(dataset, task_id, &e);
}

MDT_API mdt_status mdt_dataset_change_deadline(mdt_dataset* dataset, const char* task_id,
                                               const mdt_deadline_change_input* change) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(change, "change"));
    MDT_TRY(CheckStructVersion(change->version, MDT_DEADLINE_CHANGE_INPUT_VERSION, "change"));
    mdt_event_input e = MDT_EVENT_INPUT_INIT;
    e.type = MDT_EVENT_DEADLINE_CHANGED;
    e.date = change->date;
    e.new_deadline = change->deadline;
    e.new_deadline_text = change->deadline_text;
    e.new_deadline_context = change->context;
    e.text = change->reason;
    e.document = change->document;
    return mdt_dataset_add_event(dataset, task_id, &e);
  });
}

MDT_API mdt_status mdt_dataset_cancel_task(mdt_dataset* dataset, const char* task_id, mdt_date date,
                                           const char* reason, const char* document) {
  mdt_event_input e = MDT_EVENT_INPUT_INIT;
  e.type = MDT_EVENT_CANCELLED;
  e.date = date;
  e.text = reason;
  e.document = document;
  return mdt_dataset_add_event(dataset, task_id, &e);
}

MDT_API mdt_status mdt_dataset_task_count(size_t* out, const mdt_dataset* dataset) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(dataset, "dataset"));
    std::shared_lock lock(dataset->state->mu);
    *out = dataset->state->ds.task_count();
    return Ok();
  });
}

MDT_API mdt_status mdt_dataset_find_task(uint32_t* out, const mdt_dataset* dataset,
                                         const char* task_id) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(dataset, "dataset"));
    std::string_view id;
    MDT_TRY(CString(&id, task_id, "task_id", true));
    std::shared_lock lock(dataset->state->mu);
    auto i = dataset->state->ds.FindTask(id);
    if (!i)
      return Fail(MDT_ERR_NOT_FOUND, absl::StrFormat("no task has the id \"%s\"", Excerpt(id, 80)));
    *out = *i;
    return Ok();
  });
}

MDT_API mdt_status mdt_dataset_task_id(char** out, size_t* out_len, const mdt_dataset* dataset,
                                       uint32_t task) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    return ReadTask(dataset, task, [&](const mandate::Dataset& ds) {
      return DupString(out, out_len, ds.task_id(task));
    });
  });
}

MDT_API mdt_status mdt_dataset_task_title(char** out, size_t* out_len, const mdt_dataset* dataset,
                                          uint32_t task) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    return ReadTask(dataset, task, [&](const mandate::Dataset& ds) {
      return DupString(out, out_len, ds.task_title(task));
    });
  });
}

MDT_API mdt_status mdt_dataset_task_event_count(size_t* out, const mdt_dataset* dataset,
                                                uint32_t task) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    return ReadTask(dataset, task, [&](const mandate::Dataset& ds) {
      *out = ds.history(task).size();
      return Ok();
    });
  });
}

MDT_API mdt_status mdt_dataset_task_deadline(mdt_deadline** out, const mdt_dataset* dataset,
                                             uint32_t task) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    return ReadTask(dataset, task, [&](const mandate::Dataset& ds) {
      auto h = std::make_unique<mdt_deadline>();
      h->deadline = ds.original_deadline(task);
      h->span_end = h->deadline.text.size();
      return PublishHandle(out, std::move(h));
    });
  });
}

MDT_API mdt_status mdt_dataset_add_target(mdt_dataset* dataset, const mdt_target_input* target) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(dataset, "dataset"));
    MDT_TRY(CheckOut(target, "target"));
    MDT_TRY(CheckStructVersion(target->version, MDT_TARGET_INPUT_VERSION, "target"));
    mandate::Target t;
    std::string_view s;
    MDT_TRY(CString(&s, target->id, "target.id", true));
    t.id = s;
    MDT_TRY(CString(&s, target->name, "target.name"));
    t.name = s;
    MDT_TRY(CString(&s, target->unit, "target.unit"));
    t.unit = s;
    const std::int32_t direction = target->direction;
    if (direction != MDT_TARGET_AT_LEAST && direction != MDT_TARGET_AT_MOST) {
      return Fail(MDT_ERR_INVALID_ARGUMENT, "target.direction is not an mdt_target_direction");
    }
    t.direction = static_cast<mandate::TargetDirection>(direction);
    t.baseline = target->baseline;
    MDT_TRY(OptionalDayArg(&t.baseline_day, target->baseline_date, "target.baseline_date"));
    t.target = target->target;
    MDT_TRY(OptionalDayArg(&t.deadline, target->deadline, "target.deadline"));
    MDT_TRY(CStringArray(&t.responsible, target->responsible, target->responsible_count,
                         "target.responsible"));
    MDT_TRY(CString(&s, target->family, "target.family"));
    t.family = s;
    std::unique_lock lock(dataset->state->mu);
    return FromStatus(dataset->state->ds.AddTarget(t));
  });
}

MDT_API mdt_status mdt_dataset_add_measurement(mdt_dataset* dataset, const char* target_id,
                                               const mdt_measurement_input* measurement) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(dataset, "dataset"));
    std::string_view id;
    MDT_TRY(TargetIdArg(&id, target_id));
    MDT_TRY(CheckOut(measurement, "measurement"));
    MDT_TRY(CheckStructVersion(measurement->version, MDT_MEASUREMENT_INPUT_VERSION, "measurement"));
    mandate::Measurement m;
    MDT_TRY(DayArg(&m.day, measurement->date, "measurement.date"));
    m.value = measurement->value;
    std::string_view s;
    MDT_TRY(CString(&s, measurement->locality, "measurement.locality"));
    m.locality = s;
    MDT_TRY(CString(&s, measurement->source, "measurement.source"));
    m.source = s;
    std::unique_lock lock(dataset->state->mu);
    return FromStatus(dataset->state->ds.AddMeasurement(id, m));
  });
}

MDT_API mdt_status mdt_dataset_target_count(size_t* out, const mdt_dataset* dataset) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(dataset, "dataset"));
    std::shared_lock lock(dataset->state->mu);
    *out = dataset->state->ds.targets().size();
    return Ok();
  });
}

MDT_API mdt_status mdt_dataset_target_id(char** out, size_t* out_len, const mdt_dataset* dataset,
                                         size_t target) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    MDT_TRY(CheckHandle(dataset, "dataset"));
    std::shared_lock lock(dataset->state->mu);
    const auto& targets = dataset->state->ds.targets();
    MDT_TRY(IndexArg(target, targets.size(), "target index"));
    return DupString(out, out_len, targets[target].id);
  });
}

MDT_API mdt_status mdt_dataset_measurement_count(size_t* out, const mdt_dataset* dataset,
                                                 const char* target_id) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(dataset, "dataset"));
    std::string_view id;
    MDT_TRY(TargetIdArg(&id, target_id));
    std::shared_lock lock(dataset->state->mu);
    const mandate::Target* t = dataset->state->ds.FindTarget(id);
    if (!t)
      return Fail(MDT_ERR_NOT_FOUND,
                  absl::StrFormat("no target has the id \"%s\"", Excerpt(id, 80)));
    *out = t->measurements.size();
    return Ok();
  });
}

MDT_API mdt_status mdt_dataset_latest_measurement(double* out_value, mdt_date* out_date,
                                                  const mdt_dataset* dataset, const char* target_id,
                                                  const char* locality, mdt_date as_of) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(dataset, "dataset"));
    std::string_view id, loc;
    MDT_TRY(TargetIdArg(&id, target_id));
    MDT_TRY(CString(&loc, locality, "locality"));
    mandate::Day day;
    MDT_TRY(DayArg(&day, as_of, "as_of"));
    std::shared_lock lock(dataset->state->mu);
    const mandate::Target* t = dataset->state->ds.FindTarget(id);
    if (!t)
      return Fail(MDT_ERR_NOT_FOUND,
                  absl::StrFormat("no target has the id \"%s\"", Excerpt(id, 80)));
    const mandate::Measurement* best = nullptr;
    for (const auto& m : t->measurements) {  // in day order: the last one that fits wins
      if (m.day <= day && m.locality == loc) best = &m;
    }
    if (!best) {
      return Fail(MDT_ERR_NOT_FOUND,
                  absl::StrFormat("target \"%s\" has no measurement%s at or before %s",
                                  Excerpt(id, 80), loc.empty() ? "" : " for " + std::string(loc),
                                  mandate::FormatIsoDay(day)));
    }
    if (out_value) *out_value = best->value;
    if (out_date) *out_date = mandate::ToEpochDays(best->day);
    return Ok();
  });
}

}  // extern "C"
