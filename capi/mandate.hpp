/**
 * @file mandate.hpp
 * @brief The header-only C++ API over the C ABI (the top of the hourglass).
 *
 * One move-only RAII class per handle type of mandate.h, whose destructor calls the matching
 * mdt_*_free; methods that return values and throw mandate::c::Error (the status and
 * mdt_last_error()) on failure; std::string_view and std::span in; std::chrono::sys_days for
 * dates. It compiles against mandate.h alone, so a C++ program gets the stable C ABI without
 * sharing Abseil or the standard library's ABI with the library.
 *
 * The classes live in mandate::c, not mandate::, because the library's own C++ core (not
 * installed, not ABI-stable) uses mandate:: and a program built inside the project may see
 * both.
 *
 * Lifetimes follow the C ABI: a std::string_view or std::span returned by a method is lent by
 * the object it came from and valid until that object is destroyed; a std::string is a copy.
 * Define MDT_EXPERIMENTAL before including this header to get the experimental classes too.
 */
#ifndef MANDATE_HPP
#define MANDATE_HPP

#if __cplusplus < 202002L
#error "mandate.hpp needs C++20 (std::span, std::chrono::sys_days); from C++17, use mandate.h"
#endif

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mandate.h"

/** @brief The C++ API over the C ABI. */
namespace mandate::c {

/** @brief A civil day (Asia/Ho_Chi_Minh), as the C ABI's mdt_date. */
using Day = std::chrono::sys_days;

/** @brief A failed mdt_ call: its status and the thread's mdt_last_error(). */
class Error : public std::runtime_error {
 public:
  /** @brief An error with the status and the library's message. */
  Error(mdt_status status, const std::string& message)
      : std::runtime_error(std::string(mdt_status_name(status)) + ": " + message),
        status_(status),
        message_(message) {}
  /** @brief The status code the call returned. */
  mdt_status status() const noexcept { return status_; }
  /** @brief The library's message, without the status name. */
  const std::string& message() const noexcept { return message_; }

 private:
  mdt_status status_;
  std::string message_;
};

/** @brief Throws Error unless status is MDT_OK. */
inline void check(mdt_status status) {
  if (status != MDT_OK) throw Error(status, mdt_last_error());
}

/** @brief The runtime library version number (MAJOR * 1000000 + MINOR * 1000 + PATCH). */
inline int version_number() { return mdt_version_number(); }
/** @brief The runtime library version ("1.0.0"). */
inline std::string version() { return mdt_version(); }
/** @brief The runtime ABI version (the shared library's SOVERSION). */
inline int abi_version() { return mdt_abi_version(); }

/** @brief A Day as the C ABI's mdt_date. */
inline mdt_date to_c(Day day) { return static_cast<mdt_date>(day.time_since_epoch().count()); }
/** @brief An optional Day as the C ABI's mdt_date (MDT_NO_DATE for none). */
inline mdt_date to_c(std::optional<Day> day) { return day ? to_c(*day) : MDT_NO_DATE; }
/** @brief An mdt_date as a Day; nullopt for MDT_NO_DATE. */
inline std::optional<Day> from_c(mdt_date day) {
  if (day == MDT_NO_DATE) return std::nullopt;
  return Day(std::chrono::days(day));
}

/** @brief Parses "YYYY-MM-DD". */
inline Day parse_date(std::string_view text) {
  mdt_date d = 0;
  check(mdt_date_parse(&d, text.data(), text.size()));
  return Day(std::chrono::days(d));
}
/** @brief Formats a day as "YYYY-MM-DD". */
inline std::string format_date(Day day) {
  char buf[MDT_DATE_BUFFER_SIZE];
  size_t len = 0;
  check(mdt_date_format(buf, sizeof buf, &len, to_c(day)));
  return std::string(buf, len);
}
/** @brief Today in Asia/Ho_Chi_Minh. */
inline Day today() {
  mdt_date d = 0;
  check(mdt_date_today(&d));
  return Day(std::chrono::days(d));
}

/** @brief Implementation details. */
namespace detail {

/** @brief Copies an allocated C string and frees it; nullopt for NULL. */
inline std::optional<std::string> take(char* s, size_t len) {
  if (s == nullptr) return std::nullopt;
  std::string out(s, len);
  mdt_string_free(s);
  return out;
}

/** @brief Calls f(out, cap, &count) with a size query first, then a buffer (again if a
 * concurrent writer made it too small). */
template <typename T, typename F>
std::vector<T> fill(F&& f) {
  size_t n = 0;
  check(f(static_cast<T*>(nullptr), size_t{0}, &n));
  std::vector<T> out;
  while (true) {
    out.resize(n);
    const mdt_status st = f(out.empty() ? nullptr : out.data(), out.size(), &n);
    if (st == MDT_ERR_BUFFER_TOO_SMALL) continue;
    check(st);
    out.resize(n);
    return out;
  }
}

/** @brief The base of every handle class: owns one handle, move-only. */
template <typename T, void (*Free)(T*)>
class Handle {
 public:
  /** @brief Takes ownership of h (may be NULL). */
  explicit Handle(T* h = nullptr) noexcept : h_(h) {}
  ~Handle() { Free(h_); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  /** @brief Moves the handle; other is left empty. */
  Handle(Handle&& other) noexcept : h_(std::exchange(other.h_, nullptr)) {}
  /** @brief Frees the handle held, then takes other's. */
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      Free(h_);
      h_ = std::exchange(other.h_, nullptr);
    }
    return *this;
  }
  /** @brief The C handle, still owned by this object. */
  T* get() const noexcept { return h_; }
  /** @brief Gives up ownership: the caller frees the returned handle. */
  T* release() noexcept { return std::exchange(h_, nullptr); }
  /** @brief Frees the handle held and takes h (may be NULL). */
  void reset(T* h = nullptr) noexcept { Free(std::exchange(h_, h)); }
  /** @brief True when a handle is held. */
  explicit operator bool() const noexcept { return h_ != nullptr; }

 protected:
  /** @brief The handle (NULL after a move). */
  T* h_;
};

}  // namespace detail

/** @brief An agency found in a registry. Strings lent by the registry. */
struct Agency {
  std::string_view id;   /**< canonical id ("BKHCN") */
  std::string_view name; /**< official name */
  mdt_agency_kind kind;  /**< ministry, province, ... */
};

/** @brief The agencies found in a cell (mdt_resolution). */
class Resolution : public detail::Handle<mdt_resolution, mdt_resolution_free> {
 public:
  using Handle::Handle;
  /** @brief (registry index, canonical id) of each agency found, sorted and unique. */
  std::vector<std::pair<size_t, std::string_view>> agencies() const {
    size_t n = 0;
    check(mdt_resolution_agency_count(&n, h_));
    std::vector<std::pair<size_t, std::string_view>> out;
    for (size_t i = 0; i < n; ++i) {
      size_t index = 0;
      const char* id = nullptr;
      check(mdt_resolution_agency(&index, &id, h_, i));
      out.emplace_back(index, id);
    }
    return out;
  }
  /** @brief Parts that could not be resolved, as written. */
  std::vector<std::string_view> unresolved() const {
    return strings(mdt_resolution_unresolved_count, mdt_resolution_unresolved);
  }
  /** @brief Collective phrases that were expanded. */
  std::vector<std::string_view> collectives() const {
    return strings(mdt_resolution_collective_count, mdt_resolution_collective);
  }

 private:
  template <typename Count, typename Get>
  std::vector<std::string_view> strings(Count count, Get item) const {
    size_t n = 0;
    check(count(&n, h_));
    std::vector<std::string_view> out;
    for (size_t i = 0; i < n; ++i) {
      const char* s = nullptr;
      size_t len = 0;
      check(item(&s, &len, h_, i));
      out.emplace_back(s, len);
    }
    return out;
  }
};

/** @brief An agency registry (mdt_registry). */
class Registry : public detail::Handle<mdt_registry, mdt_registry_free> {
 public:
  using Handle::Handle;
  /** @brief The registry bundled with the library. */
  static Registry bundled() {
    mdt_registry* r = nullptr;
    check(mdt_registry_bundled(&r));
    return Registry(r);
  }
  /** @brief A registry in the agencies.json format. */
  static Registry from_json(std::string_view json) {
    mdt_registry* r = nullptr;
    check(mdt_registry_from_json(&r, json.data(), json.size()));
    return Registry(r);
  }
  /** @brief A registry read from an agencies.json file. */
  static Registry from_file(const std::string& path) {
    mdt_registry* r = nullptr;
    check(mdt_registry_from_file(&r, path.c_str()));
    return Registry(r);
  }
  /** @brief The number of agencies. */
  size_t size() const {
    size_t n = 0;
    check(mdt_registry_agency_count(&n, h_));
    return n;
  }
  /** @brief The agency at index (0 .. size()-1). */
  Agency agency(size_t index) const {
    const char *id = nullptr, *name = nullptr;
    mdt_agency_kind kind = MDT_AGENCY_OTHER;
    check(mdt_registry_agency(&id, &name, &kind, h_, index));
    return {id, name, kind};
  }
  /** @brief The index of a canonical id; nullopt when none. */
  std::optional<size_t> find_id(const std::string& id) const {
    size_t i = 0;
    const mdt_status st = mdt_registry_find_id(&i, h_, id.c_str());
    if (st == MDT_ERR_NOT_FOUND) return std::nullopt;
    check(st);
    return i;
  }
  /** @brief The index of one agency name in any spelling; nullopt when none. */
  std::optional<size_t> find_name(std::string_view name) const {
    size_t i = 0;
    const mdt_status st = mdt_registry_find_name(&i, h_, name.data(), name.size());
    if (st == MDT_ERR_NOT_FOUND) return std::nullopt;
    check(st);
    return i;
  }
  /** @brief Resolves a whole raw cell (lists, collectives). */
  Resolution resolve(std::string_view cell) const {
    mdt_resolution* r = nullptr;
    check(mdt_registry_resolve(&r, h_, cell.data(), cell.size()));
    return Resolution(r);
  }
  /** @brief The agencies named at the start of a sentence. */
  Resolution find_leading(std::string_view text) const {
    mdt_resolution* r = nullptr;
    check(mdt_registry_find_leading(&r, h_, text.data(), text.size()));
    return Resolution(r);
  }
  /** @brief The registry in the agencies.json format. */
  std::string to_json() const {
    char* s = nullptr;
    size_t len = 0;
    check(mdt_registry_to_json(&s, &len, h_));
    return *detail::take(s, len);
  }
};

/** @brief A date of the Vietnamese lunar calendar for a solar day. */
inline mdt_lunar_date lunar_from_solar(Day day) {
  mdt_lunar_date l{};
  check(mdt_lunar_from_solar(&l, to_c(day)));
  return l;
}
/** @brief The solar day of a lunar date. */
inline Day lunar_to_solar(const mdt_lunar_date& lunar) {
  mdt_date d = 0;
  check(mdt_lunar_to_solar(&d, &lunar));
  return Day(std::chrono::days(d));
}
/** @brief The leap month (1..12) of a lunar year; 0 when it has none. */
inline unsigned lunar_leap_month(int year) {
  uint32_t m = 0;
  check(mdt_lunar_leap_month(&m, year));
  return m;
}
/** @brief The length (29 or 30) of a lunar month. */
inline unsigned lunar_month_length(int year, unsigned month, bool leap_month = false) {
  uint32_t n = 0;
  check(mdt_lunar_month_length(&n, year, month, leap_month ? 1 : 0));
  return n;
}

/** @brief A working-day calendar (mdt_calendar). */
class Calendar : public detail::Handle<mdt_calendar, mdt_calendar_free> {
 public:
  using Handle::Handle;
  /** @brief A new calendar: Vietnam's (rules and official schedules) or the rules alone. */
  static Calendar make(mdt_calendar_source source = MDT_CALENDAR_VIETNAM) {
    mdt_calendar* c = nullptr;
    check(mdt_calendar_new(&c, source));
    return Calendar(c);
  }
  /** @brief Adds a year's official schedule (JSON). */
  void add_schedule(std::string_view json) {
    check(mdt_calendar_add_schedule(h_, json.data(), json.size()));
  }
  /** @brief True for a working day. */
  bool is_working_day(Day day) const {
    int w = 0;
    check(mdt_calendar_is_working_day(&w, h_, to_c(day)));
    return w != 0;
  }
  /** @brief Why a day is off; nullopt on a working day. */
  std::optional<std::string> day_off_reason(Day day) const {
    char* s = nullptr;
    size_t len = 0;
    check(mdt_calendar_day_off_reason(&s, &len, h_, to_c(day)));
    return detail::take(s, len);
  }
  /** @brief Why a weekend day is worked; nullopt otherwise. */
  std::optional<std::string> working_day_reason(Day day) const {
    char* s = nullptr;
    size_t len = 0;
    check(mdt_calendar_working_day_reason(&s, &len, h_, to_c(day)));
    return detail::take(s, len);
  }
  /** @brief The kind of day: working, weekend, holiday, substitute or swapped. */
  mdt_day_kind day_kind(Day day) const {
    int32_t k = 0;
    check(mdt_calendar_day_kind(&k, h_, to_c(day)));
    return static_cast<mdt_day_kind>(k);
  }
  /** @brief The n-th working day after (n > 0) or before (n < 0) from. */
  Day add_working_days(Day from, int n) const {
    mdt_date d = 0;
    check(mdt_calendar_add_working_days(&d, h_, to_c(from), n));
    return Day(std::chrono::days(d));
  }
  /** @brief Working days in (from, to]; negative when to < from. */
  int working_days_between(Day from, Day to) const {
    int32_t n = 0;
    check(mdt_calendar_working_days_between(&n, h_, to_c(from), to_c(to)));
    return n;
  }
  /** @brief The first working day after day. */
  Day next_working_day(Day day) const {
    mdt_date d = 0;
    check(mdt_calendar_next_working_day(&d, h_, to_c(day)));
    return Day(std::chrono::days(d));
  }
  /** @brief Every non-working day in [from, to]. */
  std::vector<Day> days_off(Day from, Day to) const {
    const auto days = detail::fill<mdt_date>([&](mdt_date* out, size_t cap, size_t* n) {
      return mdt_calendar_days_off(out, cap, n, h_, to_c(from), to_c(to));
    });
    std::vector<Day> out;
    for (mdt_date d : days) out.push_back(Day(std::chrono::days(d)));
    return out;
  }
  /** @brief The years with an official schedule, ascending. */
  std::vector<int32_t> schedule_years() const {
    return detail::fill<int32_t>([&](int32_t* out, size_t cap, size_t* n) {
      return mdt_calendar_schedule_years(out, cap, n, h_);
    });
  }
};

/** @brief A parsed deadline (mdt_deadline). */
class Deadline : public detail::Handle<mdt_deadline, mdt_deadline_free> {
 public:
  using Handle::Handle;
  /** @brief Parses a whole deadline phrase; ctx may be NULL. */
  static Deadline parse(std::string_view text, const mdt_deadline_context* ctx = nullptr) {
    mdt_deadline* d = nullptr;
    check(mdt_deadline_parse(&d, text.data(), text.size(), ctx));
    return Deadline(d);
  }
  /** @brief Finds the deadline inside a sentence; ctx may be NULL. */
  static Deadline extract(std::string_view sentence, const mdt_deadline_context* ctx = nullptr) {
    mdt_deadline* d = nullptr;
    check(mdt_deadline_extract(&d, sentence.data(), sentence.size(), ctx));
    return Deadline(d);
  }
  /** @brief Every field; strings lent by this deadline. */
  mdt_deadline_info info() const {
    mdt_deadline_info i = MDT_DEADLINE_INFO_INIT;
    check(mdt_deadline_get_info(&i, h_));
    return i;
  }
  /** @brief The kind. */
  mdt_deadline_kind kind() const { return static_cast<mdt_deadline_kind>(info().kind); }
  /** @brief The raw phrase. */
  std::string_view text() const {
    const mdt_deadline_info i = info();
    return std::string_view(i.text, i.text_len);
  }
  /** @brief The due day; nullopt when none. */
  std::optional<Day> due() const { return from_c(info().due); }
  /** @brief The explanation lines: which words matched which rule. */
  std::vector<std::string_view> explanations() const {
    std::vector<std::string_view> out;
    const size_t n = info().explanation_count;
    for (size_t i = 0; i < n; ++i) {
      const char* s = nullptr;
      size_t len = 0;
      check(mdt_deadline_explanation(&s, &len, h_, i));
      out.emplace_back(s, len);
    }
    return out;
  }
  /** @brief The due days of a recurring deadline's occurrences in [from, to]. */
  std::vector<Day> occurrences(Day from, Day to) const {
    const auto days = detail::fill<mdt_date>([&](mdt_date* out, size_t cap, size_t* n) {
      return mdt_deadline_occurrences(out, cap, n, h_, to_c(from), to_c(to));
    });
    std::vector<Day> out;
    for (mdt_date d : days) out.push_back(Day(std::chrono::days(d)));
    return out;
  }
  /** @brief The due day the deadline gives a task assigned on assigned. */
  std::optional<Day> effective_due(std::optional<Day> assigned = std::nullopt) const {
    mdt_date d = 0;
    check(mdt_deadline_effective_due(&d, h_, to_c(assigned)));
    return from_c(d);
  }
};

/** @brief One task's classification as of a day (mdt_classification). */
class Classification : public detail::Handle<mdt_classification, mdt_classification_free> {
 public:
  using Handle::Handle;
  /** @brief Every field; the reason is lent by this classification. */
  mdt_classification_info info() const {
    mdt_classification_info i = MDT_CLASSIFICATION_INFO_INIT;
    check(mdt_classification_get_info(&i, h_));
    return i;
  }
  /** @brief The status (MDT_TASK_NOT_YET_ASSIGNED included). */
  mdt_task_status status() const { return static_cast<mdt_task_status>(info().status); }
  /** @brief The one-sentence reason. */
  std::string_view reason() const {
    const mdt_classification_info i = info();
    return std::string_view(i.reason, i.reason_len);
  }
};

/** @brief Every task's status through an iterator (mdt_classification_iter). */
class ClassificationIter
    : public detail::Handle<mdt_classification_iter, mdt_classification_iter_free> {
 public:
  using Handle::Handle;
  /** @brief The next (task index, status); nullopt at the end. */
  std::optional<std::pair<uint32_t, mdt_task_status>> next() {
    int has = 0;
    uint32_t task = 0;
    mdt_task_status status = MDT_TASK_IN_PROGRESS;
    check(mdt_classification_iter_next(&has, &task, &status, h_));
    if (!has) return std::nullopt;
    return std::make_pair(task, status);
  }
  /** @brief The full classification of the current row. */
  Classification current() const {
    mdt_classification* c = nullptr;
    check(mdt_classification_iter_detail(&c, h_));
    return Classification(c);
  }
};

/** @brief One problem a reader found. Strings lent by the Problems list. */
struct Problem {
  std::string_view record;  /**< where: "line 12", "task KH25-II-3" */
  std::string_view field;   /**< the field; "" for the whole record */
  std::string_view message; /**< what is wrong */
};

/** @brief The problems a reader found (mdt_problems). */
class Problems : public detail::Handle<mdt_problems, mdt_problems_free> {
 public:
  using Handle::Handle;
  /** @brief The number of problems (0 for an empty object). */
  size_t size() const {
    if (h_ == nullptr) return 0;
    size_t n = 0;
    check(mdt_problems_count(&n, h_));
    return n;
  }
  /** @brief Problem i. */
  Problem operator[](size_t i) const {
    const char *record = nullptr, *field = nullptr, *message = nullptr;
    check(mdt_problems_get(&record, &field, &message, h_, i));
    return {record, field, message};
  }
};

/** @brief Where a target stands (mdt_target_evaluations). */
class TargetEvaluations
    : public detail::Handle<mdt_target_evaluations, mdt_target_evaluations_free> {
 public:
  using Handle::Handle;
  /** @brief The number of evaluations (national and per locality). */
  size_t size() const {
    size_t n = 0;
    check(mdt_target_evaluations_count(&n, h_));
    return n;
  }
  /** @brief Evaluation i; strings lent by this object. */
  mdt_target_evaluation_info operator[](size_t i) const {
    mdt_target_evaluation_info info = MDT_TARGET_EVALUATION_INFO_INIT;
    check(mdt_target_evaluations_get(&info, h_, i));
    return info;
  }
};

/** @brief Status counts per group (mdt_aggregate_result). */
class AggregateResult : public detail::Handle<mdt_aggregate_result, mdt_aggregate_result_free> {
 public:
  using Handle::Handle;
  /** @brief The number of groups. */
  size_t group_count() const {
    size_t n = 0;
    check(mdt_aggregate_group_count(&n, h_));
    return n;
  }
  /** @brief The number of dimensions grouped by. */
  size_t dimension_count() const {
    size_t n = 0;
    check(mdt_aggregate_dimension_count(&n, h_));
    return n;
  }
  /** @brief The counts of a group, or of every task (MDT_AGGREGATE_TOTALS). */
  mdt_status_counts counts(size_t group = MDT_AGGREGATE_TOTALS) const {
    mdt_status_counts c = MDT_STATUS_COUNTS_INIT;
    check(mdt_aggregate_counts(&c, h_, group));
    return c;
  }
  /** @brief The key of a group in a dimension; nullopt for "none". Lent. */
  std::optional<std::string_view> label(size_t group, size_t dim) const {
    const char* s = nullptr;
    size_t len = 0;
    check(mdt_aggregate_label(&s, &len, h_, group, dim));
    if (s == nullptr) return std::nullopt;
    return std::string_view(s, len);
  }
  /** @brief A measure of a group; nullopt for a rate over nothing. */
  std::optional<double> measure(size_t group, mdt_measure m) const {
    double v = 0;
    check(mdt_aggregate_measure(&v, h_, group, m));
    if (v != v) return std::nullopt;  // NaN
    return v;
  }
  /** @brief Group indices best first; options may be NULL. */
  std::vector<size_t> rank(const mdt_rank_options* options = nullptr) const {
    return detail::fill<size_t>([&](size_t* out, size_t cap, size_t* n) {
      return mdt_aggregate_rank(out, cap, n, h_, options);
    });
  }
};

/** @brief Every task's fields as of a day, column by column (mdt_task_columns). The spans
 * are lent by this object. */
class TaskColumns : public detail::Handle<mdt_task_columns, mdt_task_columns_free> {
 public:
  using Handle::Handle;
  /** @brief The number of tasks. */
  size_t size() const {
    size_t n = 0;
    check(mdt_task_columns_count(&n, nullptr, h_));
    return n;
  }
  /** @brief The day the columns were made for. */
  Day as_of() const {
    mdt_date d = 0;
    check(mdt_task_columns_count(nullptr, &d, h_));
    return Day(std::chrono::days(d));
  }
  /** @brief The id of task i. */
  std::string_view id(size_t i) const {
    const uint64_t* off = nullptr;
    const char* chars = nullptr;
    check(mdt_task_columns_ids(&off, &chars, h_));
    return std::string_view(chars + off[i], static_cast<size_t>(off[i + 1] - off[i]));
  }
  /** @brief Assigned days (MDT_NO_DATE = unknown). */
  std::span<const mdt_date> assigned() const { return days(0); }
  /** @brief Due days in force (MDT_NO_DATE = none). */
  std::span<const mdt_date> due() const { return days(1); }
  /** @brief Completions in force (MDT_NO_DATE = none). */
  std::span<const mdt_date> completed() const { return days(2); }
  /** @brief mdt_task_status values. */
  std::span<const int32_t> status() const {
    const int32_t* s = nullptr;
    check(mdt_task_columns_status(&s, h_));
    return {s, size()};
  }
  /** @brief The lead agencies of task i (indices into the dataset's registry). */
  std::span<const uint32_t> leads(size_t i) const { return list(mdt_task_columns_leads, i); }
  /** @brief The coordinating agencies of task i (registry indices). */
  std::span<const uint32_t> coordinators(size_t i) const {
    return list(mdt_task_columns_coordinators, i);
  }

 private:
  std::span<const mdt_date> days(int which) const {
    const mdt_date* d[3] = {nullptr, nullptr, nullptr};
    check(mdt_task_columns_days(&d[0], &d[1], &d[2], h_));
    return {d[which], size()};
  }
  template <typename F>
  std::span<const uint32_t> list(F f, size_t i) const {
    const uint64_t* off = nullptr;
    const uint32_t* values = nullptr;
    check(f(&off, &values, h_));
    return {values + off[i], static_cast<size_t>(off[i + 1] - off[i])};
  }
};

#if defined(MDT_EXPERIMENTAL)
/** @brief What changed between two days (experimental: mdt_task_change). */
class TaskChange : public detail::Handle<mdt_task_change, mdt_task_change_free> {
 public:
  using Handle::Handle;
  /** @brief The task indices of one kind of change, in index order. */
  std::vector<uint32_t> tasks(mdt_change_kind kind) const {
    return detail::fill<uint32_t>([&](uint32_t* out, size_t cap, size_t* n) {
      return mdt_task_change_tasks(out, cap, n, h_, kind);
    });
  }
};

/** @brief A task of the report's lists. */
struct ListedTask {
  uint32_t task;          /**< task index */
  std::optional<Day> due; /**< due day in force */
  int32_t days;           /**< days overdue or left */
};

/** @brief The report's task lists (experimental: mdt_task_lists). */
class TaskLists : public detail::Handle<mdt_task_lists, mdt_task_lists_free> {
 public:
  using Handle::Handle;
  /** @brief The number of groups. */
  size_t group_count() const {
    size_t n = 0;
    check(mdt_task_lists_group_count(&n, h_));
    return n;
  }
  /** @brief The key of group g (nullopt = none; lent). */
  std::optional<std::string_view> key(size_t g) const {
    const char* k = nullptr;
    check(mdt_task_lists_group(&k, nullptr, h_, g));
    if (k == nullptr) return std::nullopt;
    return std::string_view(k);
  }
  /** @brief The tasks of group g. */
  std::vector<ListedTask> tasks(size_t g) const {
    size_t n = 0;
    check(mdt_task_lists_group(nullptr, &n, h_, g));
    std::vector<ListedTask> out;
    for (size_t i = 0; i < n; ++i) {
      uint32_t task = 0;
      mdt_date due = 0;
      int32_t days = 0;
      check(mdt_task_lists_task(&task, &due, &days, h_, g, i));
      out.push_back({task, from_c(due), days});
    }
    return out;
  }
};

/** @brief An aggregate kept current as tasks are added or change (experimental:
 * mdt_live_aggregate). */
class LiveAggregate : public detail::Handle<mdt_live_aggregate, mdt_live_aggregate_free> {
 public:
  using Handle::Handle;
  /** @brief After adding or changing task (an index): moves it to its new groups. */
  void update(uint32_t task) { check(mdt_live_aggregate_update(h_, task)); }
  /** @brief The totals now. */
  mdt_status_counts totals() const {
    mdt_status_counts c = MDT_STATUS_COUNTS_INIT;
    check(mdt_live_aggregate_totals(&c, h_));
    return c;
  }
  /** @brief A snapshot of the groups now. */
  AggregateResult result() const {
    mdt_aggregate_result* r = nullptr;
    check(mdt_live_aggregate_result(&r, h_));
    return AggregateResult(r);
  }
};
#endif

/** @brief Tasks, events, targets and measurements (mdt_dataset). */
class Dataset : public detail::Handle<mdt_dataset, mdt_dataset_free> {
 public:
  using Handle::Handle;
  /** @brief An empty dataset checked against registry (NULL = bundled). */
  static Dataset make(const Registry* registry = nullptr) {
    mdt_dataset* d = nullptr;
    check(mdt_dataset_new(&d, registry ? registry->get() : nullptr));
    return Dataset(d);
  }
  /** @brief Reads a JSON dataset file; problems (may be NULL) receives what was found. */
  static Dataset load_json(const std::string& path, const mdt_load_options* options = nullptr,
                           Problems* problems = nullptr) {
    return load(mdt_dataset_load_json, path, options, problems);
  }
  /** @brief Reads a CSV table file. */
  static Dataset load_csv(const std::string& path, const mdt_load_options* options = nullptr,
                          Problems* problems = nullptr) {
    return load(mdt_dataset_load_csv, path, options, problems);
  }
  /** @brief Reads a JSON dataset from text. */
  static Dataset read_json(std::string_view text, const mdt_load_options* options = nullptr,
                           Problems* problems = nullptr) {
    return read(mdt_dataset_read_json, text, options, problems);
  }
  /** @brief Reads a CSV table from text. */
  static Dataset read_csv(std::string_view text, const mdt_load_options* options = nullptr,
                          Problems* problems = nullptr) {
    return read(mdt_dataset_read_csv, text, options, problems);
  }
  /** @brief Writes JSON to a file (atomically). */
  void save_json(const std::string& path) const { check(mdt_dataset_save_json(h_, path.c_str())); }
  /** @brief Writes the CSV table to a file (atomically). */
  void save_csv(const std::string& path) const { check(mdt_dataset_save_csv(h_, path.c_str())); }
  /** @brief The dataset as JSON. */
  std::string to_json() const { return write(mdt_dataset_write_json); }
  /** @brief The dataset as the CSV table. */
  std::string to_csv() const { return write(mdt_dataset_write_csv); }

  /** @brief Adds a task; returns its index. */
  uint32_t add_task(const mdt_task_input& task) {
    uint32_t i = 0;
    check(mdt_dataset_add_task(&i, h_, &task));
    return i;
  }
  /** @brief Adds a task given as one JSON object; returns its index. */
  uint32_t add_task_json(std::string_view json) {
    uint32_t i = 0;
    check(mdt_dataset_add_task_json(&i, h_, json.data(), json.size()));
    return i;
  }
  /** @brief Appends an event to a task's history. */
  void add_event(const std::string& task_id, const mdt_event_input& event) {
    check(mdt_dataset_add_event(h_, task_id.c_str(), &event));
  }
  /** @brief Records a completion. */
  void complete_task(const std::string& task_id, Day day) {
    check(mdt_dataset_complete_task(h_, task_id.c_str(), to_c(day)));
  }
  /** @brief Records a progress report (percent -1 = none). */
  void report_progress(const std::string& task_id, Day day, int percent,
                       const char* text = nullptr) {
    check(mdt_dataset_report_progress(h_, task_id.c_str(), to_c(day), percent, text));
  }
  /** @brief Records a deadline change. */
  void change_deadline(const std::string& task_id, const mdt_deadline_change_input& change) {
    check(mdt_dataset_change_deadline(h_, task_id.c_str(), &change));
  }
  /** @brief Records a cancellation. */
  void cancel_task(const std::string& task_id, Day day, const char* reason = nullptr,
                   const char* document = nullptr) {
    check(mdt_dataset_cancel_task(h_, task_id.c_str(), to_c(day), reason, document));
  }

  /** @brief The number of tasks. */
  size_t task_count() const {
    size_t n = 0;
    check(mdt_dataset_task_count(&n, h_));
    return n;
  }
  /** @brief The index of a task id; nullopt when none. */
  std::optional<uint32_t> find_task(const std::string& id) const {
    uint32_t i = 0;
    const mdt_status st = mdt_dataset_find_task(&i, h_, id.c_str());
    if (st == MDT_ERR_NOT_FOUND) return std::nullopt;
    check(st);
    return i;
  }
  /** @brief A task's id. */
  std::string task_id(uint32_t task) const { return task_string(mdt_dataset_task_id, task); }
  /** @brief A task's title. */
  std::string task_title(uint32_t task) const { return task_string(mdt_dataset_task_title, task); }
  /** @brief A task's category path. */
  std::string task_category(uint32_t task) const {
    return task_string(mdt_dataset_task_category, task);
  }
  /** @brief A task's lead agency ids. */
  std::vector<std::string> task_leads(uint32_t task) const {
    return task_list(mdt_dataset_task_lead_count, mdt_dataset_task_lead, task);
  }
  /** @brief A task's coordinating agency ids. */
  std::vector<std::string> task_coordinators(uint32_t task) const {
    return task_list(mdt_dataset_task_coordinator_count, mdt_dataset_task_coordinator, task);
  }
  /** @brief A task's source documents. */
  std::vector<std::string> task_sources(uint32_t task) const {
    return task_list(mdt_dataset_task_source_count, mdt_dataset_task_source, task);
  }
  /** @brief The number of events in a task's history. */
  size_t task_event_count(uint32_t task) const {
    size_t n = 0;
    check(mdt_dataset_task_event_count(&n, h_, task));
    return n;
  }
  /** @brief A task's original deadline. */
  Deadline task_deadline(uint32_t task) const {
    mdt_deadline* d = nullptr;
    check(mdt_dataset_task_deadline(&d, h_, task));
    return Deadline(d);
  }
  /** @brief The day a task was assigned; nullopt when unknown. */
  std::optional<Day> task_assigned(uint32_t task) const {
    mdt_date d = 0;
    check(mdt_dataset_task_assigned(&d, h_, task));
    return from_c(d);
  }
  /** @brief The due day in force as of a day; nullopt when none. */
  std::optional<Day> task_due(uint32_t task, Day as_of) const {
    mdt_date d = 0;
    check(mdt_dataset_task_due(&d, h_, task, to_c(as_of)));
    return from_c(d);
  }
  /** @brief The completion in force as of a day; nullopt when none. */
  std::optional<Day> task_completed(uint32_t task, Day as_of) const {
    mdt_date d = 0;
    check(mdt_dataset_task_completed(&d, h_, task, to_c(as_of)));
    return from_c(d);
  }
  /** @brief A task's status as of a day; options may be NULL. */
  mdt_task_status task_status(uint32_t task, Day as_of,
                              const mdt_classify_options* options = nullptr) const {
    int32_t s = 0;
    check(mdt_dataset_task_status(&s, h_, task, to_c(as_of), options));
    return static_cast<mdt_task_status>(s);
  }
  /** @brief The registry the dataset checks agency ids against. */
  Registry registry() const {
    mdt_registry* r = nullptr;
    check(mdt_dataset_registry(&r, h_));
    return Registry(r);
  }

  /** @brief Adds a target. */
  void add_target(const mdt_target_input& target) { check(mdt_dataset_add_target(h_, &target)); }
  /** @brief Adds a measurement of a target. */
  void add_measurement(const std::string& target_id, const mdt_measurement_input& m) {
    check(mdt_dataset_add_measurement(h_, target_id.c_str(), &m));
  }
  /** @brief The number of targets. */
  size_t target_count() const {
    size_t n = 0;
    check(mdt_dataset_target_count(&n, h_));
    return n;
  }
  /** @brief Target i's id. */
  std::string target_id(size_t target) const {
    char* s = nullptr;
    size_t len = 0;
    check(mdt_dataset_target_id(&s, &len, h_, target));
    return *detail::take(s, len);
  }
  /** @brief Where a target stands (locality NULL: national and every locality). */
  TargetEvaluations evaluate_target(const std::string& target_id, const char* locality, Day as_of,
                                    const mdt_target_options* options = nullptr) const {
    mdt_target_evaluations* e = nullptr;
    check(mdt_target_evaluate(&e, h_, target_id.c_str(), locality, to_c(as_of), options));
    return TargetEvaluations(e);
  }

  /** @brief One task's classification as of a day. */
  Classification classify(uint32_t task, Day as_of,
                          const mdt_classify_options* options = nullptr) const {
    mdt_classification* c = nullptr;
    check(mdt_classify_task(&c, h_, task, to_c(as_of), options));
    return Classification(c);
  }
  /** @brief Every task's mdt_task_status as of a day, by task index. */
  std::vector<int32_t> classify_all(Day as_of,
                                    const mdt_classify_options* options = nullptr) const {
    return detail::fill<int32_t>([&](int32_t* out, size_t cap, size_t* n) {
      return mdt_classify_all(out, cap, n, h_, to_c(as_of), options);
    });
  }
  /** @brief Counts per status as of a day. */
  mdt_status_counts classify_count(Day as_of, const mdt_classify_options* options = nullptr) const {
    mdt_status_counts c = MDT_STATUS_COUNTS_INIT;
    check(mdt_classify_count(&c, h_, to_c(as_of), options));
    return c;
  }
  /** @brief An iterator over every task's status as of a day (a snapshot). */
  ClassificationIter iterate(Day as_of, const mdt_classify_options* options = nullptr) const {
    mdt_classification_iter* it = nullptr;
    check(mdt_classification_iter_new(&it, h_, to_c(as_of), options));
    return ClassificationIter(it);
  }
  /** @brief Every task's fields as of a day, column by column (a snapshot). */
  TaskColumns columns(Day as_of, const mdt_classify_options* options = nullptr) const {
    mdt_task_columns* c = nullptr;
    check(mdt_dataset_columns(&c, h_, to_c(as_of), options));
    return TaskColumns(c);
  }
  /** @brief Status counts per group as of a day; options may be NULL. */
  AggregateResult aggregate(Day as_of, const mdt_aggregate_options* options = nullptr) const {
    mdt_aggregate_result* r = nullptr;
    check(mdt_aggregate(&r, h_, to_c(as_of), options));
    return AggregateResult(r);
  }
  /** @brief The summary report as of a day; options may be NULL (Markdown, Vietnamese). */
  std::string report(Day as_of, const mdt_report_options* options = nullptr) const {
    char* s = nullptr;
    size_t len = 0;
    check(mdt_report(&s, &len, h_, to_c(as_of), options));
    return *detail::take(s, len);
  }
#if defined(MDT_EXPERIMENTAL)
  /** @brief What changed between two days (experimental). */
  TaskChange change(Day from, Day to, const mdt_classify_options* options = nullptr) const {
    mdt_task_change* c = nullptr;
    check(mdt_task_change_compute(&c, h_, to_c(from), to_c(to), options));
    return TaskChange(c);
  }
  /** @brief The report's task lists of one kind (experimental). */
  TaskLists task_lists(mdt_list_kind kind, Day as_of,
                       const mdt_task_lists_options* options = nullptr) const {
    mdt_task_lists* l = nullptr;
    check(mdt_task_lists_new(&l, h_, kind, to_c(as_of), options));
    return TaskLists(l);
  }
  /** @brief An aggregate kept current by update() (experimental); options may be NULL. */
  LiveAggregate live_aggregate(Day as_of, const mdt_aggregate_options* options = nullptr) const {
    mdt_live_aggregate* l = nullptr;
    check(mdt_live_aggregate_new(&l, h_, to_c(as_of), options));
    return LiveAggregate(l);
  }
#endif

 private:
  using LoadFn = mdt_status (*)(mdt_dataset**, mdt_problems**, const char*,
                                const mdt_load_options*);
  using ReadFn = mdt_status (*)(mdt_dataset**, mdt_problems**, const char*, size_t,
                                const mdt_load_options*);
  static Dataset load(LoadFn fn, const std::string& path, const mdt_load_options* options,
                      Problems* problems) {
    mdt_dataset* d = nullptr;
    mdt_problems* p = nullptr;
    const mdt_status st = fn(&d, &p, path.c_str(), options);
    Problems found(p);  // freed here unless the caller takes it; the error message survives
    if (problems) *problems = std::move(found);
    check(st);
    return Dataset(d);
  }
  static Dataset read(ReadFn fn, std::string_view text, const mdt_load_options* options,
                      Problems* problems) {
    mdt_dataset* d = nullptr;
    mdt_problems* p = nullptr;
    const mdt_status st = fn(&d, &p, text.data(), text.size(), options);
    Problems found(p);
    if (problems) *problems = std::move(found);
    check(st);
    return Dataset(d);
  }
  std::string write(mdt_status (*fn)(char**, size_t*, const mdt_dataset*)) const {
    char* s = nullptr;
    size_t len = 0;
    check(fn(&s, &len, h_));
    return *detail::take(s, len);
  }
  std::string task_string(mdt_status (*fn)(char**, size_t*, const mdt_dataset*, uint32_t),
                          uint32_t task) const {
    char* s = nullptr;
    size_t len = 0;
    check(fn(&s, &len, h_, task));
    return *detail::take(s, len);
  }
  std::vector<std::string> task_list(mdt_status (*count)(size_t*, const mdt_dataset*, uint32_t),
                                     mdt_status (*item)(char**, size_t*, const mdt_dataset*,
                                                        uint32_t, size_t),
                                     uint32_t task) const {
    size_t n = 0;
    check(count(&n, h_, task));
    std::vector<std::string> out;
    for (size_t i = 0; i < n; ++i) {
      char* s = nullptr;
      size_t len = 0;
      check(item(&s, &len, h_, task, i));
      out.push_back(*detail::take(s, len));
    }
    return out;
  }
};

}  // namespace mandate::c

#endif
