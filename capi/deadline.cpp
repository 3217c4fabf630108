// Deadline phrases across the C ABI: parse, extract from a sentence, read the result.
#include "mandate/deadline.h"

#include <mutex>
#include <shared_mutex>

#include "internal/calendar_handle.h"
#include "internal/convert.h"
#include "internal/deadline_handle.h"
#include "internal/error.h"
#include "internal/handle.h"
#include "mandate.h"
#include "mandate/task_state.h"

using namespace mandate::capi;  // NOLINT: the C entry points below

namespace {

// Locks the context's calendar (if any) for reading while the core uses it.
std::shared_lock<std::shared_mutex> LockCalendar(const mdt_deadline_context* ctx) {
  if (ctx != nullptr && ctx->calendar != nullptr) return std::shared_lock(ctx->calendar->mu);
  return {};
}

}  // namespace

extern "C" {

MDT_API mdt_status mdt_deadline_parse(mdt_deadline** out, const char* text, size_t len,
                                      const mdt_deadline_context* ctx) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    std::string_view s;
    MDT_TRY(Text(&s, text, len, "text"));
    mandate::DeadlineContext context;
    MDT_TRY(ContextArg(&context, ctx, "ctx"));
    auto lock = LockCalendar(ctx);
    auto d = mandate::ParseDeadline(s, context);
    lock = {};
    if (!d.ok()) {
      if (d.status().code() == absl::StatusCode::kInvalidArgument) {
        return Fail(MDT_ERR_PARSE, mandate::ToStd(d.status().message()));
      }
      return FromStatus(d.status());
    }
    auto h = std::make_unique<mdt_deadline>();
    h->deadline = *std::move(d);
    h->span_end = s.size();
    return PublishHandle(out, std::move(h));
  });
}

MDT_API mdt_status mdt_deadline_extract(mdt_deadline** out, const char* sentence, size_t len,
                                        const mdt_deadline_context* ctx) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    std::string_view s;
    MDT_TRY(Text(&s, sentence, len, "sentence"));
    mandate::DeadlineContext context;
    MDT_TRY(ContextArg(&context, ctx, "ctx"));
    auto lock = LockCalendar(ctx);
    mandate::ExtractedDeadline e = mandate::ExtractDeadline(s, context);
    lock = {};
    if (!e.status.ok()) {  // a marked deadline that names an impossible day
      return Fail(e.status.code() == absl::StatusCode::kInvalidArgument ? MDT_ERR_PARSE
                                                                        : FromStatus(e.status),
                  mandate::ToStd(e.status.message()));
    }
    auto h = std::make_unique<mdt_deadline>();
    h->deadline = std::move(e.deadline);
    h->span_begin = e.begin;
    h->span_end = e.end;
    return PublishHandle(out, std::move(h));
  });
}

MDT_API void mdt_deadline_free(mdt_deadline* deadline) { FreeHandle(deadline); }

MDT_API mdt_status mdt_deadline_get_info(mdt_deadline_info* out, const mdt_deadline* deadline) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckStructVersion(out->version, MDT_DEADLINE_INFO_VERSION, "out"));
    MDT_TRY(CheckHandle(deadline, "deadline"));
    const mandate::Deadline& d = deadline->deadline;
    mdt_deadline_info info{};
    info.version = out->version;
    info.kind = static_cast<std::int32_t>(d.kind);
    info.text = d.text.c_str();
    info.text_len = d.text.size();
    info.due = FromOptionalDay(d.due);
    info.anchor = FromOptionalDay(d.anchor);
    info.first_due = FromOptionalDay(d.first_due);
    info.relative_days = d.relative_days;
    info.relative_working_days = d.relative_working_days ? 1 : 0;
    info.has_recurrence = d.recurrence ? 1 : 0;
    info.frequency =
        d.recurrence ? static_cast<std::int32_t>(d.recurrence->freq) : MDT_FREQ_MONTHLY;
    info.day_of_period = d.recurrence ? d.recurrence->day_of_period.value_or(0) : 0;
    info.recurrence_before = d.recurrence && d.recurrence->before ? 1 : 0;
    info.milestone_count = d.milestones.size();
    info.explanation_count = d.explanation.size();
    info.span_begin = deadline->span_begin;
    info.span_end = deadline->span_end;
    *out = info;
    return Ok();
  });
}

MDT_API mdt_status mdt_deadline_milestone(const char** out_label, size_t* out_label_len,
                                          mdt_deadline_kind* out_kind, mdt_date* out_due,
                                          const mdt_deadline* deadline, size_t i) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(deadline, "deadline"));
    const auto& ms = deadline->deadline.milestones;
    MDT_TRY(IndexArg(i, ms.size(), "milestone"));
    Borrow(out_label, out_label_len, ms[i].label);
    if (out_kind) *out_kind = static_cast<mdt_deadline_kind>(ms[i].kind);
    if (out_due) *out_due = FromOptionalDay(ms[i].due);
    return Ok();
  });
}

MDT_API mdt_status mdt_deadline_explanation(const char** out, size_t* out_len,
                                            const mdt_deadline* deadline, size_t i) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(deadline, "deadline"));
    const auto& ex = deadline->deadline.explanation;
    MDT_TRY(IndexArg(i, ex.size(), "explanation"));
    Borrow(out, out_len, ex[i]);
    return Ok();
  });
}

MDT_API mdt_status mdt_deadline_occurrences(mdt_date* out, size_t out_cap, size_t* out_count,
                                            const mdt_deadline* deadline, mdt_date from,
                                            mdt_date to) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out_count, "out_count"));
    MDT_TRY(CheckHandle(deadline, "deadline"));
    mandate::Day f, t;
    MDT_TRY(DayArg(&f, from, "from"));
    MDT_TRY(DayArg(&t, to, "to"));
    const auto& r = deadline->deadline.recurrence;
    if (!r) {
      return Fail(MDT_ERR_INVALID_ARGUMENT,
                  "deadline \"" + Excerpt(deadline->deadline.text, 80) + "\" does not recur");
    }
    std::vector<mdt_date> days;
    for (mandate::Day d : mandate::Occurrences(*r, f, t)) days.push_back(mandate::ToEpochDays(d));
    return CopyToArray(out, out_cap, out_count, days);
  });
}

MDT_API mdt_status mdt_deadline_effective_due(mdt_date* out, const mdt_deadline* deadline,
                                              mdt_date assigned) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(deadline, "deadline"));
    std::optional<mandate::Day> a;
    MDT_TRY(OptionalDayArg(&a, assigned, "assigned"));
    *out = FromOptionalDay(mandate::EffectiveDue(deadline->deadline, a));
    return Ok();
  });
}

}  // extern "C"
