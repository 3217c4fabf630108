/**
 * @file mandate.h
 * @brief The stable C ABI of mandate.
 *
 * mandate: tracks the tasks, targets and goals a government assigns to its agencies.
 * The stable C ABI (C99, usable from C++). Conventions, as in SQLite, libgit2 and DuckDB:
 *  - every function is prefixed mdt_ and returns an mdt_status; results go to out-parameters,
 *    which come first and are named out;
 *  - on failure mdt_last_error() holds a message for the calling thread; it stays until the
 *    next call that fails on that thread (successful calls leave it alone, as in libgit2);
 *  - whatever the library allocates, the matching mdt_*_free releases; free functions accept NULL;
 *  - all strings are UTF-8; dates cross the boundary as int32_t days since 1970-01-01 or as
 *    "YYYY-MM-DD" strings;
 *  - enum values are fixed forever: new values are only ever appended.
 */
#ifndef MANDATE_H
#define MANDATE_H

#include <stddef.h>
#include <stdint.h>

#include "mandate_version.h"

/** Marks the exported functions (visibility or dllexport/dllimport; empty for MDT_STATIC). */
#if defined(MDT_STATIC)
#define MDT_API
#elif defined(_WIN32)
#if defined(MDT_BUILDING_LIBRARY)
#define MDT_API __declspec(dllexport)
#else
#define MDT_API __declspec(dllimport)
#endif
#else
#define MDT_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** Status codes. 0 is success. Values never change and are never reused. */
typedef enum mdt_status {
  MDT_OK = 0,                   /**< success */
  MDT_ERR_INVALID_ARGUMENT = 1, /**< a null pointer, bad flag or out-of-range value */
  MDT_ERR_INVALID_HANDLE = 2,   /**< a handle that is null, closed or of the wrong kind */
  MDT_ERR_NOT_FOUND = 3,        /**< no such task, target, agency or file */
  MDT_ERR_PARSE = 4,            /**< text that could not be read: date, deadline, JSON, CSV */
  MDT_ERR_INVALID_UTF8 = 5,     /**< a string that is not valid UTF-8 */
  MDT_ERR_BUFFER_TOO_SMALL = 6, /**< a caller's buffer is too small; the size needed is reported */
  MDT_ERR_OUT_OF_RANGE = 7,     /**< a date or number outside the supported range */
  MDT_ERR_ALREADY_EXISTS = 8,   /**< a duplicate id */
  MDT_ERR_IO = 9,               /**< a file could not be read or written */
  MDT_ERR_LIMIT = 10,           /**< an input exceeds a configured limit (size, depth, count) */
  MDT_ERR_CORRUPT = 11,         /**< a file failed validation (truncated; strict: checksum) */
  MDT_ERR_NO_MEMORY = 12,       /**< an allocation failed */
  MDT_ERR_INTERNAL = 13         /**< a bug: please report it with mdt_last_error() */
} mdt_status;

/** The runtime version, to compare with MDT_VERSION_NUMBER when a binding loads. */
MDT_API int32_t mdt_version_number(void);
/** The ABI version (the shared library's SOVERSION, MDT_SOVERSION at build time): it changes
 * only when the ABI breaks. A binding written for ABI N refuses a library whose
 * mdt_abi_version() is not N. */
MDT_API int32_t mdt_abi_version(void);
/** Static string, never freed. */
MDT_API const char* mdt_version(void);

/** The message of the last failed call on this thread, or "" if no call has failed on it (or
 * since mdt_clear_error). Successful calls do not touch it (as libgit2's git_error_last): a
 * binding may make more calls after a failure (free a handle, count problems) and still read
 * the message. Only meaningful after a call returned a status other than MDT_OK. Borrowed:
 * valid until the next failing call on the same thread or mdt_clear_error. Never NULL. */
MDT_API const char* mdt_last_error(void);
/** Empties this thread's last error message. */
MDT_API void mdt_clear_error(void);
/** A static English name for a status code ("MDT_ERR_PARSE"); never NULL. */
MDT_API const char* mdt_status_name(mdt_status status);

/** Frees a string the library returned (reports, JSON, names). Accepts NULL. */
MDT_API void mdt_string_free(char* s);

/* ==== Conventions shared by every function below ====================================
 *
 * Handles. Every object is an opaque handle made by an mdt_<noun>_new/_open/_load call and
 * released by mdt_<noun>_free, which accepts NULL. Each handle records its kind and the
 * library keeps a table of live handles, so passing NULL, a freed handle or a handle of the
 * wrong kind returns MDT_ERR_INVALID_HANDLE instead of crashing. Detection is best effort,
 * as SQLite's misuse detection: once freed, an address may be reused by a new handle of the
 * same kind, and then the stale pointer designates the new object. Handles may be freed in
 * any order: an iterator or result keeps what it reads alive on its own.
 *
 * Strings in. Text that may be long or come from outside (deadline phrases, agency cells,
 * JSON) is passed as (pointer, length); pass MDT_NUL_TERMINATED as the length for a
 * NUL-terminated string. Identifiers, paths and struct fields are NUL-terminated; NULL means
 * "" where a field is optional. All text must be valid UTF-8 (MDT_ERR_INVALID_UTF8 names
 * the argument and the byte offset otherwise).
 *
 * Strings out. A `const char** out` result is borrowed: it stays valid until the handle it
 * came from is freed, and comes with its length in `size_t* out_len` (which may be NULL).
 * A `char** out` result is allocated: release it with mdt_string_free. A caller buffer
 * `(char* out, size_t out_size, size_t* out_len)` receives a NUL-terminated copy; *out_len
 * receives the length without the NUL, also when the buffer is too small, in which case the
 * call returns MDT_ERR_BUFFER_TOO_SMALL, writes nothing, and the buffer needs *out_len + 1
 * bytes. Arrays follow the same rule with a count: (T* out, size_t out_cap, size_t*
 * out_count). A size query, out == NULL with out_size / out_cap 0, returns MDT_OK with the
 * length or count (as snprintf, SQLite and libgit2); MDT_ERR_BUFFER_TOO_SMALL is only for
 * a real buffer that is too small.
 *
 * Who owns a string. Immutable handles (registries, resolutions, deadlines, classifications,
 * problem lists, results, columns) lend their strings: `const char**`, valid until the
 * handle is freed. A dataset or a calendar may change under other threads, so what they
 * return is a copy: `char**`, allocated, released with mdt_string_free; read many tasks at
 * once through mdt_dataset_columns, whose arrays are lent by the columns handle.
 *
 * Dates are mdt_date: days since 1970-01-01 (a civil day in Asia/Ho_Chi_Minh), in the
 * supported range 1900-01-01 .. 2200-12-31 (MDT_ERR_OUT_OF_RANGE outside). MDT_NO_DATE
 * stands for "no date" in results and optional inputs.
 *
 * Options and input structs start with `uint32_t version`; initialise them with their
 * MDT_*_INIT macro, or with their mdt_*_init(struct, version) function (for bindings that
 * cannot use C macros: it writes the defaults of that version, and refuses a version the
 * library does not know with MDT_ERR_INVALID_ARGUMENT), then set fields. A struct only ever grows
 * at its end; the library reads the fields that exist in the version the caller declares. So that a
 * struct can grow: no public struct holds another struct by value (nested options are pointers), an
 * array sized by an enum count, or a field of enum type (enum values travel in int32_t fields,
 * documented with their enum).
 *
 * Threads. mdt_last_error() is per thread. Unless a function says otherwise, calls on
 * different handles may run on different threads at once. A dataset may be read from many
 * threads at once while at most one thread writes to it: reads and writes are serialised
 * inside the handle (a reader-writer lock), so concurrent use is safe, and a reader sees the
 * dataset before or after a write, never half of it. Registries, deadlines, classifications,
 * resolutions, problem lists, aggregate results and task columns are immutable: any number
 * of threads may read them. A calendar may be read by many threads; mdt_calendar_add_schedule
 * locks it.
 * An iterator must be used by one thread at a time.
 *
 * Functions that cannot fail (names, versions, free) return their value directly. */

/** As a length: the string ends at its NUL. */
#define MDT_NUL_TERMINATED ((size_t)-1)

/* ==== Dates ========================================================================== */

/** A civil day: days since 1970-01-01 (see "Dates" above). */
typedef int32_t mdt_date;
/** "No date" in results and optional inputs. */
#define MDT_NO_DATE ((mdt_date)INT32_MIN)

/** "YYYY-MM-DD" exactly. MDT_ERR_PARSE for other text, MDT_ERR_INVALID_ARGUMENT for a day
 * that does not exist ("2025-02-30"), MDT_ERR_OUT_OF_RANGE outside 1900..2200. */
MDT_API mdt_status mdt_date_parse(mdt_date* out, const char* text, size_t len);
/** "YYYY-MM-DD" into a caller buffer of at least 11 bytes (MDT_DATE_BUFFER_SIZE). */
#define MDT_DATE_BUFFER_SIZE 11
/** "YYYY-MM-DD" into a caller buffer (see "Strings out"). */
MDT_API mdt_status mdt_date_format(char* out, size_t out_size, size_t* out_len, mdt_date date);
/** The day of a civil year, month (1..12) and day (1..31); MDT_ERR_INVALID_ARGUMENT for a
 * day that does not exist. */
MDT_API mdt_status mdt_date_from_ymd(mdt_date* out, int32_t year, uint32_t month, uint32_t day);
/** The civil year, month and day of a date; any out may be NULL. */
MDT_API mdt_status mdt_date_to_ymd(int32_t* out_year, uint32_t* out_month, uint32_t* out_day,
                                   mdt_date date);
/** Today in Asia/Ho_Chi_Minh, from the system time zone database. */
MDT_API mdt_status mdt_date_today(mdt_date* out);

/* ==== Enumerations: values are fixed forever; new values are only appended ============ */

/** Equal to mandate::TaskStatus. */
typedef enum mdt_task_status {
  MDT_TASK_COMPLETED_ON_TIME = 0,
  MDT_TASK_COMPLETED_LATE = 1,
  MDT_TASK_OVERDUE = 2,
  MDT_TASK_DUE_SOON = 3,
  MDT_TASK_IN_PROGRESS = 4,
  MDT_TASK_CANCELLED = 5,
  /** Not a status: the task is assigned after the as-of day, so it does not exist yet. */
  MDT_TASK_NOT_YET_ASSIGNED = -1
} mdt_task_status;
/** The statuses of this version of the header (0 .. MDT_TASK_STATUS_COUNT - 1); a later
 * version may append more. Never size a public struct with it. */
#define MDT_TASK_STATUS_COUNT 6

/** Equal to mandate::DeadlineKind. */
typedef enum mdt_deadline_kind {
  MDT_DEADLINE_UNKNOWN = 0,
  MDT_DEADLINE_DATE = 1,
  MDT_DEADLINE_BEFORE = 2,
  MDT_DEADLINE_MONTH = 3,
  MDT_DEADLINE_QUARTER = 4,
  MDT_DEADLINE_HALF = 5,
  MDT_DEADLINE_YEAR = 6,
  MDT_DEADLINE_RECURRING = 7,
  MDT_DEADLINE_ONGOING = 8,
  MDT_DEADLINE_ROADMAP = 9,
  MDT_DEADLINE_OPEN_ENDED = 10,
  MDT_DEADLINE_MULTI = 11,
  MDT_DEADLINE_RELATIVE = 12,
  MDT_DEADLINE_NONE = 13,  /**< extraction found no deadline in the sentence */
  MDT_DEADLINE_PERIOD = 14 /**< a span of years ("2026 - 2030"): due 31/12 of the last year */
} mdt_deadline_kind;

/** Equal to mandate::Frequency. */
typedef enum mdt_frequency {
  MDT_FREQ_WEEKLY = 0,
  MDT_FREQ_MONTHLY = 1,
  MDT_FREQ_QUARTERLY = 2,
  MDT_FREQ_SEMIANNUAL = 3,
  MDT_FREQ_YEARLY = 4
} mdt_frequency;

/** Equal to mandate::EventType. */
typedef enum mdt_event_type {
  MDT_EVENT_PROGRESS = 0,
  MDT_EVENT_COMPLETED = 1,
  MDT_EVENT_REOPENED = 2,
  MDT_EVENT_DEADLINE_CHANGED = 3,
  MDT_EVENT_CANCELLED = 4
} mdt_event_type;

/** Equal to mandate::AgencyKind. */
typedef enum mdt_agency_kind {
  MDT_AGENCY_OTHER = 0,
  MDT_AGENCY_MINISTRY = 1,
  MDT_AGENCY_MINISTRY_LEVEL = 2,
  MDT_AGENCY_GOVERNMENT_AGENCY = 3,
  MDT_AGENCY_PROVINCE = 4,
  MDT_AGENCY_PARTY_BODY = 5,
  MDT_AGENCY_ENTERPRISE = 6,
  MDT_AGENCY_UNIVERSITY = 7,
  MDT_AGENCY_GOVERNMENT_UNIT = 8,
  MDT_AGENCY_BANK = 9,
  MDT_AGENCY_STATE_AUDIT = 10,
  MDT_AGENCY_NATIONAL_ASSEMBLY = 11,
  MDT_AGENCY_COURT = 12,
  MDT_AGENCY_PROCURACY = 13
} mdt_agency_kind;

/** Equal to mandate::TargetDirection. */
typedef enum mdt_target_direction {
  MDT_TARGET_AT_LEAST = 0,
  MDT_TARGET_AT_MOST = 1
} mdt_target_direction;

/** Equal to mandate::OccurrenceOutcome. */
typedef enum mdt_occurrence_outcome {
  MDT_OCCURRENCE_MET_ON_TIME = 0,
  MDT_OCCURRENCE_MET_LATE = 1,
  MDT_OCCURRENCE_MISSED = 2
} mdt_occurrence_outcome;

/** The names used in files and reports ("completed_on_time", "quarter", "monthly",
 * "deadline_changed", "ministry", "at_least"); static, never NULL ("unknown" for a value
 * outside the enum). The _from_name functions accept exactly those names. */
MDT_API const char* mdt_task_status_name(mdt_task_status value);
/** The mdt_task_status of a name; MDT_ERR_NOT_FOUND for another name. */
MDT_API mdt_status mdt_task_status_from_name(mdt_task_status* out, const char* name);
/** The name of an mdt_deadline_kind ("quarter"). */
MDT_API const char* mdt_deadline_kind_name(mdt_deadline_kind value);
/** The mdt_deadline_kind of a name. */
MDT_API mdt_status mdt_deadline_kind_from_name(mdt_deadline_kind* out, const char* name);
/** The name of an mdt_frequency ("monthly"). */
MDT_API const char* mdt_frequency_name(mdt_frequency value);
/** The name of an mdt_event_type ("deadline_changed"). */
MDT_API const char* mdt_event_type_name(mdt_event_type value);
/** The mdt_event_type of a name. */
MDT_API mdt_status mdt_event_type_from_name(mdt_event_type* out, const char* name);
/** The name of an mdt_agency_kind ("ministry"). */
MDT_API const char* mdt_agency_kind_name(mdt_agency_kind value);
/** The name of an mdt_target_direction ("at_least"). */
MDT_API const char* mdt_target_direction_name(mdt_target_direction value);

/* ==== Handles ========================================================================= */

/** An opaque handle (see "Handles" above). */
typedef struct mdt_registry mdt_registry;
/** An opaque handle (see "Handles" above). */
typedef struct mdt_resolution mdt_resolution;
/** An opaque handle (see "Handles" above). */
typedef struct mdt_calendar mdt_calendar;
/** An opaque handle (see "Handles" above). */
typedef struct mdt_deadline mdt_deadline;
/** An opaque handle (see "Handles" above). */
typedef struct mdt_dataset mdt_dataset;
/** An opaque handle (see "Handles" above). */
typedef struct mdt_classification mdt_classification;
/** An opaque handle (see "Handles" above). */
typedef struct mdt_classification_iter mdt_classification_iter;
/** Declared with their sections below: mdt_problems, mdt_target_evaluations,
 * mdt_aggregate_result, mdt_task_columns (and, experimental, mdt_task_change and
 * mdt_task_lists). */

/* ==== Agency registry ================================================================= */

/** The registry bundled with the library. Free it like any other registry. */
MDT_API mdt_status mdt_registry_bundled(mdt_registry** out);
/** The agencies.json format (docs/agencies.md). MDT_ERR_PARSE names what is wrong. */
MDT_API mdt_status mdt_registry_from_json(mdt_registry** out, const char* json, size_t len);
/** A registry read from an agencies.json file. */
MDT_API mdt_status mdt_registry_from_file(mdt_registry** out, const char* path);
/** Frees a mdt_registry handle and what it lends; accepts NULL. */
MDT_API void mdt_registry_free(mdt_registry* registry);

/** The number of agencies in the registry. */
MDT_API mdt_status mdt_registry_agency_count(size_t* out, const mdt_registry* registry);
/** The agency at index (0 .. count-1). Strings borrowed from the registry. Any out may be NULL. */
MDT_API mdt_status mdt_registry_agency(const char** out_id, const char** out_name,
                                       mdt_agency_kind* out_kind, const mdt_registry* registry,
                                       size_t index);
/** The index of a canonical id ("BKHCN"); MDT_ERR_NOT_FOUND if none. */
MDT_API mdt_status mdt_registry_find_id(size_t* out, const mdt_registry* registry, const char* id);
/** One agency name in any spelling ("Bộ KH&CN", "BO KHOA HOC VA CONG NGHE"); no lists. */
MDT_API mdt_status mdt_registry_find_name(size_t* out, const mdt_registry* registry,
                                          const char* name, size_t len);
/** A whole raw cell: splits the list, expands collectives ("Các bộ, ngành, địa phương"). */
MDT_API mdt_status mdt_registry_resolve(mdt_resolution** out, const mdt_registry* registry,
                                        const char* cell, size_t len);

/** Frees a mdt_resolution handle and what it lends; accepts NULL. */
MDT_API void mdt_resolution_free(mdt_resolution* resolution);
/** Agencies found (sorted, unique): their registry index and id (borrowed). */
/** The agencies named at the very start of a sentence ("Bộ KHCN, Bộ Tài chính chủ trì …"). */
MDT_API mdt_status mdt_registry_find_leading(mdt_resolution** out, const mdt_registry* registry,
                                             const char* text, size_t len);
/** The registry in the agencies.json format, allocated. */
MDT_API mdt_status mdt_registry_to_json(char** out, size_t* out_len, const mdt_registry* registry);

/** The number of agencies found. */
MDT_API mdt_status mdt_resolution_agency_count(size_t* out, const mdt_resolution* resolution);
/** Agency i found: its registry index and canonical id (borrowed); any out may be NULL. */
MDT_API mdt_status mdt_resolution_agency(size_t* out_index, const char** out_id,
                                         const mdt_resolution* resolution, size_t i);
/** Parts that could not be resolved, as written (borrowed). */
MDT_API mdt_status mdt_resolution_unresolved_count(size_t* out, const mdt_resolution* resolution);
/** Unresolved part i, as written (borrowed). */
MDT_API mdt_status mdt_resolution_unresolved(const char** out, size_t* out_len,
                                             const mdt_resolution* resolution, size_t i);
/** Collective phrases that were expanded (borrowed). */
MDT_API mdt_status mdt_resolution_collective_count(size_t* out, const mdt_resolution* resolution);
/** Collective phrase i (borrowed). */
MDT_API mdt_status mdt_resolution_collective(const char** out, size_t* out_len,
                                             const mdt_resolution* resolution, size_t i);

/* ==== Working-day calendar ============================================================ */

/** Which rules a new calendar follows. */
typedef enum mdt_calendar_source {
  MDT_CALENDAR_VIETNAM = 0,   /**< Labour Code rules plus the bundled official schedules */
  MDT_CALENDAR_RULES_ONLY = 1 /**< the Labour Code rules only */
} mdt_calendar_source;        /**< Which rules a new calendar follows. */

/** A new calendar of that source. */
MDT_API mdt_status mdt_calendar_new(mdt_calendar** out, mdt_calendar_source source);
/** Frees a mdt_calendar handle and what it lends; accepts NULL. */
MDT_API void mdt_calendar_free(mdt_calendar* calendar);
/** Adds a year's official schedule: {"year", "days_off": [{"date","reason"}], "working_days"}.
 * Takes the calendar's write lock. */
MDT_API mdt_status mdt_calendar_add_schedule(mdt_calendar* calendar, const char* json, size_t len);
/** *out = 1 for a working day, 0 otherwise. */
MDT_API mdt_status mdt_calendar_is_working_day(int* out, const mdt_calendar* calendar,
                                               mdt_date day);
/** Why day is off ("Sunday", "Tết Nguyên đán"), allocated; *out = NULL on a working day. */
MDT_API mdt_status mdt_calendar_day_off_reason(char** out, size_t* out_len,
                                               const mdt_calendar* calendar, mdt_date day);
/** Why a weekend day is worked ("Làm bù cho thứ Hai 27/01/2025"), allocated; *out = NULL
 * when the day is not a swapped working day. */
MDT_API mdt_status mdt_calendar_working_day_reason(char** out, size_t* out_len,
                                                   const mdt_calendar* calendar, mdt_date day);
/** n > 0: the n-th working day after from; n < 0: before; 0: from if working, else the next.
 * MDT_ERR_OUT_OF_RANGE when the walk leaves 1900..2200. */
MDT_API mdt_status mdt_calendar_add_working_days(mdt_date* out, const mdt_calendar* calendar,
                                                 mdt_date from, int32_t n);
/** Working days in (from, to]; negative when to < from. */
MDT_API mdt_status mdt_calendar_working_days_between(int32_t* out, const mdt_calendar* calendar,
                                                     mdt_date from, mdt_date to);
/** The first working day strictly after day. */
MDT_API mdt_status mdt_calendar_next_working_day(mdt_date* out, const mdt_calendar* calendar,
                                                 mdt_date day);
/** Every non-working day in [from, to] into a caller array (see "Arrays" above). */
MDT_API mdt_status mdt_calendar_days_off(mdt_date* out, size_t out_cap, size_t* out_count,
                                         const mdt_calendar* calendar, mdt_date from, mdt_date to);

/** The years with an official schedule (bundled or added), ascending, into a caller array.
 * Other years follow the Labour Code rules alone. */
MDT_API mdt_status mdt_calendar_schedule_years(int32_t* out, size_t out_cap, size_t* out_count,
                                               const mdt_calendar* calendar);

/** What kind of day a day is, for a working-day calendar: the category of a day off
 * (as official schedules state it) or a working day. Values fixed forever. */
typedef enum mdt_day_kind {
  MDT_DAY_WORKING = 0,     /**< a working weekday */
  MDT_DAY_WEEKEND = 1,     /**< a Saturday or Sunday with no holiday on it */
  MDT_DAY_HOLIDAY = 2,     /**< a public holiday (Labour Code art. 112), also on a weekend */
  MDT_DAY_SUBSTITUTE = 3,  /**< nghỉ bù: given off for a holiday that fell on a weekend */
  MDT_DAY_SWAPPED_OFF = 4, /**< nghỉ hoán đổi: a weekday off, worked back on a weekend day */
  MDT_DAY_SWAPPED_WORKING = 5 /**< a Saturday or Sunday worked back for a swapped day off */
} mdt_day_kind;
/** "working", "weekend", "holiday", "substitute_day_off", "swapped_day_off",
 * "swapped_working_day"; static ("unknown" for another value). */
MDT_API const char* mdt_day_kind_name(mdt_day_kind value);
/** *out = the mdt_day_kind of day (the category an official schedule gives a day off, or the
 * rules' one). The reason as text: mdt_calendar_day_off_reason and
 * mdt_calendar_working_day_reason. */
MDT_API mdt_status mdt_calendar_day_kind(int32_t* out, const mdt_calendar* calendar, mdt_date day);

/** A date of the Vietnamese lunar calendar (UTC+7). */
typedef struct mdt_lunar_date {
  int32_t year;          /**< the lunar year (its Tết falls in that solar year) */
  uint32_t month;        /**< 1..12 */
  uint32_t day;          /**< 1..30 */
  int32_t is_leap_month; /**< nonzero: the leap month that follows the regular month `month` */
} mdt_lunar_date;
/** The lunar date of a solar day (1900..2199). */
MDT_API mdt_status mdt_lunar_from_solar(mdt_lunar_date* out, mdt_date day);
/** The solar day of a lunar date; MDT_ERR_INVALID_ARGUMENT for a date that does not exist. */
MDT_API mdt_status mdt_lunar_to_solar(mdt_date* out, const mdt_lunar_date* lunar);
/** The leap month of lunar year `year` (1..12; it follows the regular month of that number),
 * or 0 when the year has none. MDT_ERR_OUT_OF_RANGE outside the lunar calendar's range. */
MDT_API mdt_status mdt_lunar_leap_month(uint32_t* out, int32_t year);
/** The number of days (29 or 30) of a lunar month; is_leap_month nonzero for the leap month.
 * MDT_ERR_INVALID_ARGUMENT for a month that does not exist. */
MDT_API mdt_status mdt_lunar_month_length(uint32_t* out, int32_t year, uint32_t month,
                                          int32_t is_leap_month);

/* ==== Deadlines ======================================================================= */

/** What a deadline phrase is read against. */
typedef struct mdt_deadline_context {
  uint32_t version;         /**< the struct's version: set by its _INIT macro or _init function */
  int32_t plan_year;        /**< for "Quý IV", "ngày 15/11"; 0 = unknown */
  mdt_date assigned;        /**< for relative deadlines; MDT_NO_DATE = unknown */
  int32_t inclusive_before; /**< nonzero: "trước ngày X" is due on X instead of X - 1 */
  const mdt_calendar* calendar; /**< for working-day offsets; NULL = Vietnam's */
} mdt_deadline_context;
#define MDT_DEADLINE_CONTEXT_VERSION 1 /**< the current version of mdt_deadline_context */
/** The defaults of mdt_deadline_context, at MDT_DEADLINE_CONTEXT_VERSION. */
#define MDT_DEADLINE_CONTEXT_INIT \
  { MDT_DEADLINE_CONTEXT_VERSION, 0, MDT_NO_DATE, 0, NULL }
/** Writes the defaults of mdt_deadline_context (MDT_DEADLINE_CONTEXT_INIT) for that version into
 * *opts. */
MDT_API mdt_status mdt_deadline_context_init(mdt_deadline_context* opts, uint32_t version);

/** Parses a whole deadline phrase ("Tháng 10/2025", "Quý IV", "Hằng tháng", "trước ngày
 * 20/12/2025"). MDT_ERR_PARSE names the part that could not be read. ctx may be NULL. */
MDT_API mdt_status mdt_deadline_parse(mdt_deadline** out, const char* text, size_t len,
                                      const mdt_deadline_context* ctx);
/** Finds the deadline inside a sentence, ignoring dates of cited documents. The kind is
 * MDT_DEADLINE_NONE when the sentence states no deadline; MDT_ERR_PARSE when it marks one
 * that names an impossible day ("hạn 31/02/2025"). */
MDT_API mdt_status mdt_deadline_extract(mdt_deadline** out, const char* sentence, size_t len,
                                        const mdt_deadline_context* ctx);
/** Frees a mdt_deadline handle and what it lends; accepts NULL. */
MDT_API void mdt_deadline_free(mdt_deadline* deadline);

/** Every field of a deadline (mdt_deadline_get_info). */
typedef struct mdt_deadline_info {
  uint32_t version;      /**< the struct's version: set by its _INIT macro or _init function */
  int32_t kind;          /**< an mdt_deadline_kind */
  const char* text;      /**< the raw phrase (borrowed) */
  size_t text_len;       /**< the phrase's length in bytes */
  mdt_date due;          /**< MDT_NO_DATE when none */
  mdt_date anchor;       /**< before: the named day */
  mdt_date first_due;    /**< open_ended: the first due */
  int32_t relative_days; /**< relative: N ... */
  int32_t relative_working_days; /**< ... working days (1) or calendar days (0) */
  int32_t has_recurrence;        /**< nonzero: a recurring obligation (the fields below) */
  int32_t frequency;             /**< an mdt_frequency, when has_recurrence */
  uint32_t day_of_period;        /**< 0 = last day of the period */
  int32_t recurrence_before;     /**< nonzero: due before the day of the period, not on it */
  size_t milestone_count;        /**< multi: the milestones (mdt_deadline_milestone) */
  size_t explanation_count;      /**< the explanation lines (mdt_deadline_explanation) */
  size_t span_begin;             /**< extract: byte offset of the phrase in the sentence */
  size_t span_end;               /**< extract: byte offset just past the phrase */
} mdt_deadline_info;
#define MDT_DEADLINE_INFO_VERSION 1 /**< the current version of mdt_deadline_info */
/** The defaults of mdt_deadline_info, at MDT_DEADLINE_INFO_VERSION. */
#define MDT_DEADLINE_INFO_INIT                                                                   \
  {                                                                                              \
    MDT_DEADLINE_INFO_VERSION, MDT_DEADLINE_UNKNOWN, NULL, 0, 0, 0, 0, 0, 0, 0, MDT_FREQ_WEEKLY, \
        0, 0, 0, 0, 0, 0                                                                         \
  }
/** Writes the defaults of mdt_deadline_info (MDT_DEADLINE_INFO_INIT) for that version into *opts.
 */
MDT_API mdt_status mdt_deadline_info_init(mdt_deadline_info* opts, uint32_t version);

/** Fills *out; set out->version first (MDT_DEADLINE_INFO_INIT). Strings borrowed. */
MDT_API mdt_status mdt_deadline_get_info(mdt_deadline_info* out, const mdt_deadline* deadline);
/** Milestone i of a multi deadline: label (borrowed), kind and due day (MDT_NO_DATE if none). */
MDT_API mdt_status mdt_deadline_milestone(const char** out_label, size_t* out_label_len,
                                          mdt_deadline_kind* out_kind, mdt_date* out_due,
                                          const mdt_deadline* deadline, size_t i);
/** Explanation line i: which words matched which rule (borrowed). */
MDT_API mdt_status mdt_deadline_explanation(const char** out, size_t* out_len,
                                            const mdt_deadline* deadline, size_t i);
/** The due days of a recurring deadline's occurrences in [from, to], into a caller array.
 * MDT_ERR_INVALID_ARGUMENT when the deadline has no recurrence. */
MDT_API mdt_status mdt_deadline_occurrences(mdt_date* out, size_t out_cap, size_t* out_count,
                                            const mdt_deadline* deadline, mdt_date from,
                                            mdt_date to);
/** The due day the deadline gives a task assigned on `assigned` (MDT_NO_DATE if unknown):
 * *out = MDT_NO_DATE for ongoing, roadmap, recurring and unknown deadlines. */
MDT_API mdt_status mdt_deadline_effective_due(mdt_date* out, const mdt_deadline* deadline,
                                              mdt_date assigned);

/** How a task's status is judged (used by datasets, classification and aggregation). */
typedef struct mdt_classify_options {
  uint32_t version;  /**< the struct's version: set by its _INIT macro or _init function */
  int32_t soon_days; /**< due_soon: due in [as_of, as_of + soon_days]; default 7 */
  int32_t baseline;  /**< nonzero: judge against the original deadline, not the one in force */
} mdt_classify_options;
#define MDT_CLASSIFY_OPTIONS_VERSION 1 /**< the current version of mdt_classify_options */
/** The defaults of mdt_classify_options, at MDT_CLASSIFY_OPTIONS_VERSION. */
#define MDT_CLASSIFY_OPTIONS_INIT \
  { MDT_CLASSIFY_OPTIONS_VERSION, 7, 0 }
/** Writes the defaults of mdt_classify_options (MDT_CLASSIFY_OPTIONS_INIT) for that version into
 * *opts. */
MDT_API mdt_status mdt_classify_options_init(mdt_classify_options* opts, uint32_t version);

/* ==== Datasets: tasks, events, targets, measurements ================================== */

/** An empty dataset whose agency ids are checked against registry (NULL = bundled). The
 * dataset keeps its own reference: the registry handle may be freed at once. */
MDT_API mdt_status mdt_dataset_new(mdt_dataset** out, const mdt_registry* registry);
/** Frees a mdt_dataset handle and what it lends; accepts NULL. */
MDT_API void mdt_dataset_free(mdt_dataset* dataset);

/** A task to add. Arrays are (pointer, count) of NUL-terminated strings; NULL strings = "". */
typedef struct mdt_task_input {
  uint32_t version;        /**< the struct's version: set by its _INIT macro or _init function */
  const char* id;          /**< required, unique */
  const char* title;       /**< required */
  const char* const* lead; /**< canonical agency ids (mdt_registry_resolve finds them) */
  size_t lead_count;       /**< entries of lead */
  const char* const* coordinators; /**< canonical ids of the coordinating agencies */
  size_t coordinator_count;        /**< entries of coordinators */
  const char* const* partners;     /**< canonical ids of partner enterprises */
  size_t partner_count;            /**< entries of partners */
  const char* lead_text;           /**< the raw cells as written */
  const char* coordinators_text;   /**< the coordinators cell as written */
  const char* const* sources;      /**< document references, "45-TB/TGV ngày 30/9/2025" */
  size_t source_count;             /**< entries of sources */
  const char* category;            /**< levels joined by " / " */
  const char* expected_result;     /**< the product expected ("Nghị định") */
  /** The deadline: a parsed handle, or else the phrase, parsed with deadline_context (the
   * task's assigned day fills the context's when unset). Both NULL: unknown deadline. */
  const mdt_deadline* deadline;                 /**< the deadline as a handle (copied), or NULL */
  const char* deadline_text;                    /**< else the deadline's phrase, or NULL */
  const mdt_deadline_context* deadline_context; /**< NULL = defaults */
  mdt_date assigned;                            /**< MDT_NO_DATE = unknown */
  const char* note;                             /**< free text */
} mdt_task_input;
#define MDT_TASK_INPUT_VERSION 1 /**< the current version of mdt_task_input */
/** The defaults of mdt_task_input, at MDT_TASK_INPUT_VERSION. */
#define MDT_TASK_INPUT_INIT                                                                   \
  {                                                                                           \
    MDT_TASK_INPUT_VERSION, NULL, NULL, NULL, 0, NULL, 0, NULL, 0, NULL, NULL, NULL, 0, NULL, \
        NULL, NULL, NULL, NULL, MDT_NO_DATE, NULL                                             \
  }
/** Writes the defaults of mdt_task_input (MDT_TASK_INPUT_INIT) for that version into *opts. */
MDT_API mdt_status mdt_task_input_init(mdt_task_input* opts, uint32_t version);

/** Validates and appends a task; *out (may be NULL) receives its index. Errors name the task
 * and the field; nothing is stored on error. Takes the write lock. */
MDT_API mdt_status mdt_dataset_add_task(uint32_t* out, mdt_dataset* dataset,
                                        const mdt_task_input* task);

/** An event in a task's history. */
typedef struct mdt_event_input {
  uint32_t version; /**< the struct's version: set by its _INIT macro or _init function */
  int32_t type;     /**< an mdt_event_type */
  mdt_date date;    /**< required */
  int32_t percent;  /**< progress: 0..100, or -1 = not reported */
  const char* text; /**< progress text, or the reason of a change or cancellation */
  const char* const* evidence; /**< progress: evidence links */
  size_t evidence_count;       /**< entries of evidence */
  /** deadline_changed: the new deadline, as a handle or a phrase (parsed with context). */
  const mdt_deadline* new_deadline; /**< deadline_changed: the new deadline as a handle */
  const char* new_deadline_text;    /**< or its phrase */
  const mdt_deadline_context* new_deadline_context; /**< NULL = defaults */
  const char* document; /**< deadline_changed / cancelled: the deciding document */
} mdt_event_input;
#define MDT_EVENT_INPUT_VERSION 1 /**< the current version of mdt_event_input */
/** The defaults of mdt_event_input, at MDT_EVENT_INPUT_VERSION. */
#define MDT_EVENT_INPUT_INIT                                                                       \
  {                                                                                                \
    MDT_EVENT_INPUT_VERSION, MDT_EVENT_PROGRESS, MDT_NO_DATE, -1, NULL, NULL, 0, NULL, NULL, NULL, \
        NULL                                                                                       \
  }
/** Writes the defaults of mdt_event_input (MDT_EVENT_INPUT_INIT) for that version into *opts. */
MDT_API mdt_status mdt_event_input_init(mdt_event_input* opts, uint32_t version);

/** Appends an event to the history of the task with that id (kept in day order). Takes the
 * write lock. MDT_ERR_NOT_FOUND for an unknown task. */
MDT_API mdt_status mdt_dataset_add_event(mdt_dataset* dataset, const char* task_id,
                                         const mdt_event_input* event);
/** Shorthands for the common events; text/document may be NULL. */
MDT_API mdt_status mdt_dataset_report_progress(mdt_dataset* dataset, const char* task_id,
                                               mdt_date date, int32_t percent, const char* text);
/** Records milestone `milestone` (its 0-based index in the task's multi-milestone deadline)
 * as met on date: a progress event naming it (JSON "milestone"). A multi-milestone task's
 * status comes from its earliest milestone not yet met. text may be NULL. */
MDT_API mdt_status mdt_dataset_report_milestone(mdt_dataset* dataset, const char* task_id,
                                                mdt_date date, uint32_t milestone,
                                                const char* text);
/** Records the task's completion on date. */
MDT_API mdt_status mdt_dataset_complete_task(mdt_dataset* dataset, const char* task_id,
                                             mdt_date date);
/** A deadline change (the shorthand of an MDT_EVENT_DEADLINE_CHANGED event). */
typedef struct mdt_deadline_change_input {
  uint32_t version; /**< the struct's version: set by its _INIT macro or _init function */
  mdt_date date;    /**< required: the day of the decision */
  const mdt_deadline* deadline;        /**< the new deadline as a handle, or else: */
  const char* deadline_text;           /**< the new deadline's phrase, parsed with context */
  const mdt_deadline_context* context; /**< NULL = defaults */
  const char* reason;                  /**< why (free text), or NULL */
  const char* document;                /**< the deciding document */
} mdt_deadline_change_input;
#define MDT_DEADLINE_CHANGE_INPUT_VERSION                 \
  1 /**< the current version of mdt_deadline_change_input \
     */
/** The defaults of mdt_deadline_change_input, at MDT_DEADLINE_CHANGE_INPUT_VERSION. */
#define MDT_DEADLINE_CHANGE_INPUT_INIT \
  { MDT_DEADLINE_CHANGE_INPUT_VERSION, MDT_NO_DATE, NULL, NULL, NULL, NULL, NULL }
/** Writes the defaults of mdt_deadline_change_input (MDT_DEADLINE_CHANGE_INPUT_INIT) for that
 * version into *opts. */
MDT_API mdt_status mdt_deadline_change_input_init(mdt_deadline_change_input* opts,
                                                  uint32_t version);
/** Records a deadline change (the task keeps its history: status as of earlier days is
 * judged against the deadline then in force). */
MDT_API mdt_status mdt_dataset_change_deadline(mdt_dataset* dataset, const char* task_id,
                                               const mdt_deadline_change_input* change);
/** Records the task's cancellation on date; reason and document may be NULL. */
MDT_API mdt_status mdt_dataset_cancel_task(mdt_dataset* dataset, const char* task_id, mdt_date date,
                                           const char* reason, const char* document);

/** Reading tasks (shared lock). Strings are allocated: free with mdt_string_free. */
MDT_API mdt_status mdt_dataset_task_count(size_t* out, const mdt_dataset* dataset);
/** The index of the task with that id; MDT_ERR_NOT_FOUND if none. */
MDT_API mdt_status mdt_dataset_find_task(uint32_t* out, const mdt_dataset* dataset,
                                         const char* task_id);
/** A task's id (allocated). */
MDT_API mdt_status mdt_dataset_task_id(char** out, size_t* out_len, const mdt_dataset* dataset,
                                       uint32_t task);
/** A task's title (allocated). */
MDT_API mdt_status mdt_dataset_task_title(char** out, size_t* out_len, const mdt_dataset* dataset,
                                          uint32_t task);
/** The number of events in a task's history. */
MDT_API mdt_status mdt_dataset_task_event_count(size_t* out, const mdt_dataset* dataset,
                                                uint32_t task);
/** The task's original deadline, as a new handle. */
MDT_API mdt_status mdt_dataset_task_deadline(mdt_deadline** out, const mdt_dataset* dataset,
                                             uint32_t task);

/** The registry the dataset checks agency ids against, as a new handle (free it). The agency
 * indices of mdt_task_columns_leads and _coordinators index it (mdt_registry_agency). */
MDT_API mdt_status mdt_dataset_registry(mdt_registry** out, const mdt_dataset* dataset);
/** A task's category path (levels joined by " / "; "" when none). Allocated. */
MDT_API mdt_status mdt_dataset_task_category(char** out, size_t* out_len,
                                             const mdt_dataset* dataset, uint32_t task);
/** A task's lead agencies (canonical ids, in the order given), coordinating agencies and
 * source documents ("45-TB/TGV ngày 30/9/2025"): a count, then item i, allocated. */
MDT_API mdt_status mdt_dataset_task_lead_count(size_t* out, const mdt_dataset* dataset,
                                               uint32_t task);
/** Lead agency i of a task (allocated). */
MDT_API mdt_status mdt_dataset_task_lead(char** out, size_t* out_len, const mdt_dataset* dataset,
                                         uint32_t task, size_t i);
/** The number of a task's coordinating agencies. */
MDT_API mdt_status mdt_dataset_task_coordinator_count(size_t* out, const mdt_dataset* dataset,
                                                      uint32_t task);
/** Coordinating agency i of a task (allocated). */
MDT_API mdt_status mdt_dataset_task_coordinator(char** out, size_t* out_len,
                                                const mdt_dataset* dataset, uint32_t task,
                                                size_t i);
/** The number of a task's source documents. */
MDT_API mdt_status mdt_dataset_task_source_count(size_t* out, const mdt_dataset* dataset,
                                                 uint32_t task);
/** Source document i of a task (allocated). */
MDT_API mdt_status mdt_dataset_task_source(char** out, size_t* out_len, const mdt_dataset* dataset,
                                           uint32_t task, size_t i);
/** The day the task was assigned; MDT_NO_DATE when unknown. */
MDT_API mdt_status mdt_dataset_task_assigned(mdt_date* out, const mdt_dataset* dataset,
                                             uint32_t task);
/** The due day of the deadline in force as of a day (the original one, or the last deadline
 * change made by then); MDT_NO_DATE when that deadline gives none (ongoing, roadmap,
 * recurring, unknown). */
MDT_API mdt_status mdt_dataset_task_due(mdt_date* out, const mdt_dataset* dataset, uint32_t task,
                                        mdt_date as_of);
/** The completion in force as of a day (a later reopening clears it); MDT_NO_DATE if none. */
MDT_API mdt_status mdt_dataset_task_completed(mdt_date* out, const mdt_dataset* dataset,
                                              uint32_t task, mdt_date as_of);
/** The task's status as of a day: *out = an mdt_task_status (MDT_TASK_NOT_YET_ASSIGNED for a
 * task assigned later). options may be NULL. The same as mdt_classify_task's status. */
MDT_API mdt_status mdt_dataset_task_status(int32_t* out, const mdt_dataset* dataset, uint32_t task,
                                           mdt_date as_of, const mdt_classify_options* options);

/* ==== Task columns: every task at once, for bindings =================================== */

/** A snapshot of every task's fields as of a day, column by column (as DuckDB hands data
 * over): a binding reads a million tasks with a handful of calls. Made under the dataset's
 * shared lock; afterwards independent of the dataset (later writes do not change it, and it
 * may outlive it). Every array is lent by the columns handle: read-only, never NULL, valid
 * until mdt_task_columns_free, indexed by task index (0 .. count-1). List columns are CSR:
 * task i's entries are values[offsets[i] .. offsets[i+1]) and offsets has count + 1
 * entries, offsets[0] = 0. */
typedef struct mdt_task_columns mdt_task_columns;
/** The columns of every task as of a day (options may be NULL: the default statuses). */
MDT_API mdt_status mdt_dataset_columns(mdt_task_columns** out, const mdt_dataset* dataset,
                                       mdt_date as_of, const mdt_classify_options* options);
/** Frees a mdt_task_columns handle and what it lends; accepts NULL. */
MDT_API void mdt_task_columns_free(mdt_task_columns* columns);
/** The number of tasks, and the as-of day the columns were made for. Any out may be NULL. */
MDT_API mdt_status mdt_task_columns_count(size_t* out, mdt_date* out_as_of,
                                          const mdt_task_columns* columns);
/** Task ids in one UTF-8 buffer: id i is chars[offsets[i] .. offsets[i+1]) (no NUL between
 * ids; the buffer as a whole ends with one). Any out may be NULL. */
MDT_API mdt_status mdt_task_columns_ids(const uint64_t** out_offsets, const char** out_chars,
                                        const mdt_task_columns* columns);
/** Day columns as of the columns' day: assigned (MDT_NO_DATE = unknown), due day in force
 * (as mdt_dataset_task_due) and completion in force (as mdt_dataset_task_completed). Any
 * out may be NULL. */
MDT_API mdt_status mdt_task_columns_days(const mdt_date** out_assigned, const mdt_date** out_due,
                                         const mdt_date** out_completed,
                                         const mdt_task_columns* columns);
/** mdt_task_status values as of the columns' day (as mdt_classify_all). */
MDT_API mdt_status mdt_task_columns_status(const int32_t** out, const mdt_task_columns* columns);
/** Lead and coordinating agencies as indices into the dataset's registry
 * (mdt_dataset_registry). Any out may be NULL. */
MDT_API mdt_status mdt_task_columns_leads(const uint64_t** out_offsets, const uint32_t** out_values,
                                          const mdt_task_columns* columns);
/** Coordinating agencies, as mdt_task_columns_leads. */
MDT_API mdt_status mdt_task_columns_coordinators(const uint64_t** out_offsets,
                                                 const uint32_t** out_values,
                                                 const mdt_task_columns* columns);

/** A target to add (a measurable goal with a baseline and a deadline). */
typedef struct mdt_target_input {
  uint32_t version;       /**< the struct's version: set by its _INIT macro or _init function */
  const char* id;         /**< required, unique */
  const char* name;       /**< what is measured */
  const char* unit;       /**< "%", "doanh nghiệp" */
  int32_t direction;      /**< an mdt_target_direction */
  double baseline;        /**< the value at the start */
  mdt_date baseline_date; /**< MDT_NO_DATE = none */
  double target;          /**< the value to reach */
  mdt_date deadline;      /**< MDT_NO_DATE = none */
  const char* const* responsible; /**< canonical agency ids */
  size_t responsible_count;       /**< entries of responsible */
  const char* family;             /**< groups per-locality criteria */
} mdt_target_input;
#define MDT_TARGET_INPUT_VERSION 1 /**< the current version of mdt_target_input */
/** The defaults of mdt_target_input, at MDT_TARGET_INPUT_VERSION. */
#define MDT_TARGET_INPUT_INIT                                                           \
  {                                                                                     \
    MDT_TARGET_INPUT_VERSION, NULL, NULL, NULL, MDT_TARGET_AT_LEAST, 0, MDT_NO_DATE, 0, \
        MDT_NO_DATE, NULL, 0, NULL                                                      \
  }
/** Writes the defaults of mdt_target_input (MDT_TARGET_INPUT_INIT) for that version into *opts. */
MDT_API mdt_status mdt_target_input_init(mdt_target_input* opts, uint32_t version);

/** A measured value of a target. */
typedef struct mdt_measurement_input {
  uint32_t version;     /**< the struct's version: set by its _INIT macro or _init function */
  mdt_date date;        /**< required */
  double value;         /**< the figure */
  const char* locality; /**< province id, or NULL/"" for the national value */
  const char* source;   /**< where the figure comes from, or NULL */
} mdt_measurement_input;
#define MDT_MEASUREMENT_INPUT_VERSION 1 /**< the current version of mdt_measurement_input */
/** The defaults of mdt_measurement_input, at MDT_MEASUREMENT_INPUT_VERSION. */
#define MDT_MEASUREMENT_INPUT_INIT \
  { MDT_MEASUREMENT_INPUT_VERSION, MDT_NO_DATE, 0, NULL, NULL }
/** Writes the defaults of mdt_measurement_input (MDT_MEASUREMENT_INPUT_INIT) for that version into
 * *opts. */
MDT_API mdt_status mdt_measurement_input_init(mdt_measurement_input* opts, uint32_t version);

/** Write lock. */
MDT_API mdt_status mdt_dataset_add_target(mdt_dataset* dataset, const mdt_target_input* target);
/** Adds a measurement to the target with that id. Write lock. */
MDT_API mdt_status mdt_dataset_add_measurement(mdt_dataset* dataset, const char* target_id,
                                               const mdt_measurement_input* measurement);
/** Shared lock. */
MDT_API mdt_status mdt_dataset_target_count(size_t* out, const mdt_dataset* dataset);
/** Target i's id (allocated). */
MDT_API mdt_status mdt_dataset_target_id(char** out, size_t* out_len, const mdt_dataset* dataset,
                                         size_t target);
/** The number of measurements of a target. */
MDT_API mdt_status mdt_dataset_measurement_count(size_t* out, const mdt_dataset* dataset,
                                                 const char* target_id);
/** The latest measurement at or before as_of (national when locality is NULL or ""). */
MDT_API mdt_status mdt_dataset_latest_measurement(double* out_value, mdt_date* out_date,
                                                  const mdt_dataset* dataset, const char* target_id,
                                                  const char* locality, mdt_date as_of);

/* ==== Status classification ========================================================== */

/** One task as of a day (shared lock). options may be NULL (defaults). A task assigned after
 * as_of gives a classification whose status is MDT_TASK_NOT_YET_ASSIGNED. */
MDT_API mdt_status mdt_classify_task(mdt_classification** out, const mdt_dataset* dataset,
                                     uint32_t task, mdt_date as_of,
                                     const mdt_classify_options* options);
/** Frees a mdt_classification handle and what it lends; accepts NULL. */
MDT_API void mdt_classification_free(mdt_classification* classification);

/** Every field of a classification (mdt_classification_get_info). */
typedef struct mdt_classification_info {
  uint32_t version;       /**< the struct's version: set by its _INIT macro or _init function */
  uint32_t task;          /**< the task index */
  int32_t status;         /**< an mdt_task_status (MDT_TASK_NOT_YET_ASSIGNED included) */
  mdt_date due;           /**< the due day used; MDT_NO_DATE when none */
  int32_t deadline_kind;  /**< an mdt_deadline_kind */
  mdt_date completed;     /**< MDT_NO_DATE when not completed */
  int32_t decisive_event; /**< index in the task's history; -1 = none */
  const char* reason;     /**< one sentence (borrowed) */
  size_t reason_len;      /**< its length in bytes */
  int32_t has_baseline_status; /**< the original deadline would give another status: */
  int32_t baseline_status;     /**< an mdt_task_status */
  int32_t behind_schedule;     /**< reported percent below the straight line */
  double expected_percent;     /**< NaN when unknown */
  int32_t reported_percent;    /**< -1 when none */
  size_t milestone_count;      /**< multi / open_ended: mdt_classification_milestone */
  size_t occurrence_count;     /**< recurring: mdt_classification_occurrence */
  int32_t met_on_time;         /**< recurring: occurrences met on time */
  int32_t met_late;            /**< recurring: occurrences met late */
  int32_t missed;              /**< recurring: occurrences missed */
} mdt_classification_info;
#define MDT_CLASSIFICATION_INFO_VERSION 1 /**< the current version of mdt_classification_info */
/** The defaults of mdt_classification_info, at MDT_CLASSIFICATION_INFO_VERSION. */
#define MDT_CLASSIFICATION_INFO_INIT                                                               \
  {                                                                                                \
    MDT_CLASSIFICATION_INFO_VERSION, 0, MDT_TASK_IN_PROGRESS, 0, MDT_DEADLINE_UNKNOWN, 0, 0, NULL, \
        0, 0, MDT_TASK_IN_PROGRESS, 0, 0.0, 0, 0, 0, 0, 0, 0                                       \
  }
/** Writes the defaults of mdt_classification_info (MDT_CLASSIFICATION_INFO_INIT) for that version
 * into *opts. */
MDT_API mdt_status mdt_classification_info_init(mdt_classification_info* opts, uint32_t version);

/** Fills *out; set out->version first (MDT_CLASSIFICATION_INFO_INIT). Strings borrowed. */
MDT_API mdt_status mdt_classification_get_info(mdt_classification_info* out,
                                               const mdt_classification* classification);
/** Milestone i (multi / open_ended): label (borrowed), due (MDT_NO_DATE if none), status. */
MDT_API mdt_status mdt_classification_milestone(const char** out_label, size_t* out_label_len,
                                                mdt_date* out_due, mdt_task_status* out_status,
                                                const mdt_classification* classification, size_t i);
/** Occurrence i of a recurring obligation due by as_of. */
MDT_API mdt_status mdt_classification_occurrence(mdt_date* out_period_start, mdt_date* out_due,
                                                 mdt_occurrence_outcome* out_outcome,
                                                 const mdt_classification* classification,
                                                 size_t i);
/** Missing data is not lateness: *out_no_reports = 1 when the classified task is a recurring
 * obligation whose occurrence reports are not tracked (none recorded and none declared; its
 * occurrences are "not reported", never missed), else 0; *out_not_reported = how many of its
 * occurrences fell due without data. Either out-parameter may be NULL. */
MDT_API mdt_status mdt_classification_no_reports(int32_t* out_no_reports, int32_t* out_not_reported,
                                                 const mdt_classification* classification);

/** Every task's status as of a day into a caller array of task_count entries, one
 * mdt_task_status value per task index (MDT_TASK_NOT_YET_ASSIGNED included). */
MDT_API mdt_status mdt_classify_all(int32_t* out, size_t out_cap, size_t* out_count,
                                    const mdt_dataset* dataset, mdt_date as_of,
                                    const mdt_classify_options* options);

/** The same through an iterator: the statuses are computed when the iterator is made (a
 * snapshot; later writes to the dataset do not change it). */
MDT_API mdt_status mdt_classification_iter_new(mdt_classification_iter** out,
                                               const mdt_dataset* dataset, mdt_date as_of,
                                               const mdt_classify_options* options);
/** Frees a mdt_classification_iter handle and what it lends; accepts NULL. */
MDT_API void mdt_classification_iter_free(mdt_classification_iter* iter);
/** Advances: *out_has_row = 1 with the next task's index and status, or 0 at the end. */
MDT_API mdt_status mdt_classification_iter_next(int* out_has_row, uint32_t* out_task,
                                                mdt_task_status* out_status,
                                                mdt_classification_iter* iter);
/** The full classification of the current row (after a next that returned a row). */
MDT_API mdt_status mdt_classification_iter_detail(mdt_classification** out,
                                                  const mdt_classification_iter* iter);

/** Room in mdt_status_counts for statuses: fixed forever, larger than any status count. */
#define MDT_STATUS_COUNTS_CAPACITY 16
/** Counts per status as of a day. */
typedef struct mdt_status_counts {
  uint32_t version;      /**< the struct's version: set by its _INIT macro or _init function */
  uint32_t status_count; /**< entries of by_status the library filled: its MDT_TASK_STATUS_COUNT */
  uint64_t total;        /**< tasks assigned by as_of */
  uint64_t by_status[MDT_STATUS_COUNTS_CAPACITY]; /**< indexed by mdt_task_status; rest 0 */
  uint64_t not_yet_assigned;                      /**< tasks assigned after as_of */
} mdt_status_counts;
#define MDT_STATUS_COUNTS_VERSION 1 /**< the current version of mdt_status_counts */
/** The defaults of mdt_status_counts, at MDT_STATUS_COUNTS_VERSION. */
#define MDT_STATUS_COUNTS_INIT \
  { MDT_STATUS_COUNTS_VERSION, 0, 0, {0}, 0 }
/** Writes the defaults of mdt_status_counts (MDT_STATUS_COUNTS_INIT) for that version into *opts.
 */
MDT_API mdt_status mdt_status_counts_init(mdt_status_counts* opts, uint32_t version);
/** Counts per status as of a day (shared lock); set out->version first. */
MDT_API mdt_status mdt_classify_count(mdt_status_counts* out, const mdt_dataset* dataset,
                                      mdt_date as_of, const mdt_classify_options* options);

/* ==== Loading and saving datasets ==================================================== */

/** What a reader could not take as is: one entry per problem, in file order. */
typedef struct mdt_problems mdt_problems;

/** How a dataset file is read. */
typedef struct mdt_load_options {
  uint32_t version; /**< the struct's version: set by its _INIT macro or _init function */
  const mdt_registry* registry; /**< agency ids are checked against it; NULL = bundled */
  int32_t strict;               /**< nonzero: any problem refuses the whole file */
  int32_t require_checksum;     /**< JSON: refuse a file without a checksum */
  int32_t plan_year;     /**< CSV: year for phrases without one ("Quý IV"); 0 = row's year */
  mdt_date as_of;        /**< CSV: day of the `progress` column's events; MDT_NO_DATE = none */
  uint64_t max_bytes;    /**< larger inputs are refused (MDT_ERR_LIMIT); 0 = 1 GiB */
  uint64_t max_problems; /**< CSV: problems listed at most; 0 = 1000 */
} mdt_load_options;
#define MDT_LOAD_OPTIONS_VERSION 1 /**< the current version of mdt_load_options */
/** The defaults of mdt_load_options, at MDT_LOAD_OPTIONS_VERSION. */
#define MDT_LOAD_OPTIONS_INIT \
  { MDT_LOAD_OPTIONS_VERSION, NULL, 0, 0, 0, MDT_NO_DATE, 0, 0 }
/** Writes the defaults of mdt_load_options (MDT_LOAD_OPTIONS_INIT) for that version into *opts. */
MDT_API mdt_status mdt_load_options_init(mdt_load_options* opts, uint32_t version);

/** Reads a dataset: JSON (docs/dataset-format.md, lossless) or the flat CSV table. options may
 * be NULL. *out_problems (out_problems may be NULL) receives the list of problems found
 * whenever the reader ran, also when the call fails (strict mode, a missing or unreadable
 * file: then an empty list); free it with mdt_problems_free. It is NULL only when the call
 * was refused before reading (a NULL out or path, bad options). A JSON file that parses but
 * does not match its checksum (edited by hand, or damaged) loads, with the problem
 * {"file", "checksum", "checksum mismatch: ... edited by hand or damaged ..."}; saving it
 * (mdt_dataset_save_json, or `mandate validate --fix`) re-signs it; with options->strict it
 * is refused as MDT_ERR_CORRUPT. Errors: MDT_ERR_CORRUPT (not JSON, truncated, a checksum
 * mismatch in strict mode), MDT_ERR_PARSE (wrong schema, malformed CSV),
 * MDT_ERR_INVALID_ARGUMENT (strict mode with problems), MDT_ERR_LIMIT, MDT_ERR_IO /
 * MDT_ERR_NOT_FOUND (files). The caller picks the reader; to choose by content, as the
 * mandate command does: a file whose first non-blank byte after a UTF-8 BOM is '{' is JSON.
 * Either reader takes an Excel workbook (.xlsx) by its content (a zip, "PK\3\4"): its first
 * sheet is read as the table, problems located by cell ("'Kế hoạch'!C17"); see
 * docs/dataset-format.md. Either also opens a binary snapshot (mdt_dataset_save_snapshot) by
 * its content ("MDTSNAP1"): mapped, checksums verified, no problems listed. */
MDT_API mdt_status mdt_dataset_load_json(mdt_dataset** out, mdt_problems** out_problems,
                                         const char* path, const mdt_load_options* options);
/** As mdt_dataset_load_json, from text in memory. */
MDT_API mdt_status mdt_dataset_read_json(mdt_dataset** out, mdt_problems** out_problems,
                                         const char* text, size_t len,
                                         const mdt_load_options* options);
/** Reads the flat CSV table from a file (docs/dataset-format.md). */
MDT_API mdt_status mdt_dataset_load_csv(mdt_dataset** out, mdt_problems** out_problems,
                                        const char* path, const mdt_load_options* options);
/** As mdt_dataset_load_csv, from text in memory. */
MDT_API mdt_status mdt_dataset_read_csv(mdt_dataset** out, mdt_problems** out_problems,
                                        const char* text, size_t len,
                                        const mdt_load_options* options);
/** Writes the dataset (shared lock). Files are replaced atomically. JSON is deterministic
 * and lossless; CSV is the flat table (history becomes `completed` and `progress`). */
MDT_API mdt_status mdt_dataset_save_json(const mdt_dataset* dataset, const char* path);
/** The dataset as JSON text (allocated). */
MDT_API mdt_status mdt_dataset_write_json(char** out, size_t* out_len, const mdt_dataset* dataset);
/** Writes the CSV table to a file, atomically. */
MDT_API mdt_status mdt_dataset_save_csv(const mdt_dataset* dataset, const char* path);
/** The CSV table as text (allocated). */
MDT_API mdt_status mdt_dataset_write_csv(char** out, size_t* out_len, const mdt_dataset* dataset);
/** A task given as one JSON object of the dataset format (an element of "tasks" as
 * mdt_dataset_write_json writes it: "id", "title", "lead", "deadline": {"kind", "text",
 * "due", ...}, "history", ...). Any problem the reader reports refuses it
 * (MDT_ERR_INVALID_ARGUMENT naming the field). Write lock. */
MDT_API mdt_status mdt_dataset_add_task_json(uint32_t* out, mdt_dataset* dataset, const char* json,
                                             size_t len);
/** Writes the binary snapshot of the dataset (docs/snapshot-format.md), atomically (shared
 * lock): a checksummed image that mdt_dataset_load_json and mdt_dataset_load_csv recognise
 * by its magic ("MDTSNAP1") and map instead of parsing, so that millions of tasks open in a
 * fraction of a second. A damaged, truncated or unknown-version snapshot is refused whole
 * (MDT_ERR_CORRUPT, or MDT_ERR_PARSE for a version this library does not read), never
 * half-read; options->registry must know every agency id the snapshot's tasks use. */
MDT_API mdt_status mdt_dataset_save_snapshot(const mdt_dataset* dataset, const char* path);

/** Frees a mdt_problems handle and what it lends; accepts NULL. */
MDT_API void mdt_problems_free(mdt_problems* problems);
/** The number of problems. */
MDT_API mdt_status mdt_problems_count(size_t* out, const mdt_problems* problems);
/** Problem i: where ("line 12", "task KH25-II-3"), the field ("" for the whole record) and
 * what is wrong. Borrowed from the list; any out may be NULL. */
MDT_API mdt_status mdt_problems_get(const char** out_record, const char** out_field,
                                    const char** out_message, const mdt_problems* problems,
                                    size_t i);

/* ==== Targets ========================================================================= */

/** Equal to mandate::TargetStatus. */
typedef enum mdt_target_status {
  MDT_TARGET_ACHIEVED = 0,
  MDT_TARGET_ON_TRACK = 1,
  MDT_TARGET_AT_RISK = 2,
  MDT_TARGET_OFF_TRACK = 3,
  MDT_TARGET_MISSED = 4,
  MDT_TARGET_NO_DATA = 5
} mdt_target_status;
/** The name of an mdt_target_status ("on_track"). */
MDT_API const char* mdt_target_status_name(mdt_target_status value);

/** An opaque handle (see "Handles" above). */
typedef struct mdt_target_evaluations mdt_target_evaluations;

/** How targets are judged. */
typedef struct mdt_target_options {
  uint32_t version; /**< the struct's version: set by its _INIT macro or _init function */
  double tolerance; /**< at_risk band below the straight line, as a fraction of the way */
} mdt_target_options;
#define MDT_TARGET_OPTIONS_VERSION 1 /**< the current version of mdt_target_options */
/** The defaults of mdt_target_options, at MDT_TARGET_OPTIONS_VERSION. */
#define MDT_TARGET_OPTIONS_INIT \
  { MDT_TARGET_OPTIONS_VERSION, 0.1 }
/** Writes the defaults of mdt_target_options (MDT_TARGET_OPTIONS_INIT) for that version into *opts.
 */
MDT_API mdt_status mdt_target_options_init(mdt_target_options* opts, uint32_t version);

/** Where a target stands as of a day: for one locality ("" = national), or, when locality
 * is NULL, nationally and for every locality measured by then. Shared lock. */
MDT_API mdt_status mdt_target_evaluate(mdt_target_evaluations** out, const mdt_dataset* dataset,
                                       const char* target_id, const char* locality, mdt_date as_of,
                                       const mdt_target_options* options);
/** Frees a mdt_target_evaluations handle and what it lends; accepts NULL. */
MDT_API void mdt_target_evaluations_free(mdt_target_evaluations* evaluations);
/** The number of evaluations. */
MDT_API mdt_status mdt_target_evaluations_count(size_t* out,
                                                const mdt_target_evaluations* evaluations);

/** Where a target stands for one locality (mdt_target_evaluations_get). */
typedef struct mdt_target_evaluation_info {
  uint32_t version;        /**< the struct's version: set by its _INIT macro or _init function */
  const char* locality;    /**< "" = national (borrowed) */
  int32_t status;          /**< an mdt_target_status */
  int32_t has_measurement; /**< nonzero: a measurement was found by then */
  double value;            /**< the figure used, when has_measurement */
  mdt_date measured;       /**< its day; MDT_NO_DATE when none */
  double achievement;      /**< clamped to 0..1; NaN when unknown */
  double achievement_unclamped; /**< the same before clamping; NaN when unknown */
  double expected;              /**< fraction of the way the straight line asks for; NaN if none */
  mdt_date line_start;          /**< where the straight line starts */
  const char* reason;           /**< borrowed */
} mdt_target_evaluation_info;
#define MDT_TARGET_EVALUATION_INFO_VERSION \
  1 /**< the current version of mdt_target_evaluation_info */
/** The defaults of mdt_target_evaluation_info, at MDT_TARGET_EVALUATION_INFO_VERSION. */
#define MDT_TARGET_EVALUATION_INFO_INIT                                                        \
  {                                                                                            \
    MDT_TARGET_EVALUATION_INFO_VERSION, NULL, MDT_TARGET_NO_DATA, 0, 0.0, 0, 0.0, 0.0, 0.0, 0, \
        NULL                                                                                   \
  }
/** Writes the defaults of mdt_target_evaluation_info (MDT_TARGET_EVALUATION_INFO_INIT) for that
 * version into *opts. */
MDT_API mdt_status mdt_target_evaluation_info_init(mdt_target_evaluation_info* opts,
                                                   uint32_t version);
/** Evaluation i; set out->version first (MDT_TARGET_EVALUATION_INFO_INIT). */
MDT_API mdt_status mdt_target_evaluations_get(mdt_target_evaluation_info* out,
                                              const mdt_target_evaluations* evaluations, size_t i);

/* ==== Aggregation ===================================================================== */

/** Equal to mandate::Dimension. */
typedef enum mdt_dimension {
  MDT_DIM_LEAD = 0,
  MDT_DIM_COORDINATOR = 1,
  MDT_DIM_AGENCY_KIND = 2,
  MDT_DIM_CATEGORY = 3,
  MDT_DIM_SOURCE = 4,
  MDT_DIM_DUE_MONTH = 5,
  MDT_DIM_ASSIGNED_MONTH = 6,
  MDT_DIM_DEADLINE_KIND = 7,
  MDT_DIM_STATUS = 8
} mdt_dimension;
/** The name of an mdt_dimension ("lead"). */
MDT_API const char* mdt_dimension_name(mdt_dimension value);

/** Equal to mandate::Measure. */
typedef enum mdt_measure {
  MDT_MEASURE_TOTAL = 0,
  MDT_MEASURE_COMPLETED_ON_TIME = 1,
  MDT_MEASURE_COMPLETED_LATE = 2,
  MDT_MEASURE_OVERDUE = 3,
  MDT_MEASURE_DUE_SOON = 4,
  MDT_MEASURE_IN_PROGRESS = 5,
  MDT_MEASURE_CANCELLED = 6,
  MDT_MEASURE_COMPLETED = 7,
  MDT_MEASURE_COMPLETION_RATE = 8,
  MDT_MEASURE_ON_TIME_RATE = 9,
  MDT_MEASURE_OVERDUE_RATE = 10
} mdt_measure;
/** The name of an mdt_measure ("completion_rate"). */
MDT_API const char* mdt_measure_name(mdt_measure value);

/** An opaque handle (see "Handles" above). */
typedef struct mdt_aggregate_result mdt_aggregate_result;

/** How tasks are grouped and counted. */
typedef struct mdt_aggregate_options {
  uint32_t version; /**< the struct's version: set by its _INIT macro or _init function */
  const mdt_classify_options* classify; /**< NULL = defaults */
  const int32_t* by;      /**< mdt_dimension values: group by these, in order, each once; none:
                             one group = totals */
  size_t by_count;        /**< entries of by */
  int32_t category_level; /**< category path levels kept; 0 = the whole path */
  int32_t include_coordinators; /**< per-agency groups also count coordinating agencies */
  /** Windows (inclusive; MDT_NO_DATE = open end): tasks outside are left out everywhere. */
  mdt_date assigned_from;  /**< assigned on or after */
  mdt_date assigned_to;    /**< assigned on or before */
  mdt_date completed_from; /**< completion in force as of the day, on or after */
  mdt_date completed_to;   /**< completion in force as of the day, on or before */
  mdt_date due_from;       /**< due day in force as of the day, on or after */
  mdt_date due_to;         /**< due day in force as of the day, on or before */
  int32_t threads;         /**< > 1: aggregate task ranges in parallel (worth it from ~1e6 tasks) */
  /** Most groups a result may hold, 0 = 1,000,000: past it mdt_aggregate fails with
   * MDT_ERR_LIMIT (multi-valued dimensions such as coordinators multiply the groups). */
  uint64_t max_groups;
} mdt_aggregate_options;
#define MDT_AGGREGATE_OPTIONS_VERSION 1 /**< the current version of mdt_aggregate_options */
/** The defaults of mdt_aggregate_options, at MDT_AGGREGATE_OPTIONS_VERSION. */
#define MDT_AGGREGATE_OPTIONS_INIT                                                             \
  {                                                                                            \
    MDT_AGGREGATE_OPTIONS_VERSION, NULL, NULL, 0, 0, 0, MDT_NO_DATE, MDT_NO_DATE, MDT_NO_DATE, \
        MDT_NO_DATE, MDT_NO_DATE, MDT_NO_DATE, 1, 0                                            \
  }
/** Writes the defaults of mdt_aggregate_options (MDT_AGGREGATE_OPTIONS_INIT) for that version into
 * *opts. */
MDT_API mdt_status mdt_aggregate_options_init(mdt_aggregate_options* opts, uint32_t version);

/** Status counts per group as of a day (shared lock while computing; the result is
 * independent of the dataset afterwards). A task with several lead agencies counts once for
 * each of them in per-agency groups and once in the totals. */
MDT_API mdt_status mdt_aggregate(mdt_aggregate_result** out, const mdt_dataset* dataset,
                                 mdt_date as_of, const mdt_aggregate_options* options);
/** Frees a mdt_aggregate_result handle and what it lends; accepts NULL. */
MDT_API void mdt_aggregate_result_free(mdt_aggregate_result* result);
/** The number of groups. */
MDT_API mdt_status mdt_aggregate_group_count(size_t* out, const mdt_aggregate_result* result);
/** The number of dimensions grouped by. */
MDT_API mdt_status mdt_aggregate_dimension_count(size_t* out, const mdt_aggregate_result* result);
/** Counts of group i (groups are sorted by key, label by label, "none" first), or of every
 * task once when group is MDT_AGGREGATE_TOTALS. `total` counts the assigned tasks of the
 * group; not_yet_assigned is 0. */
#define MDT_AGGREGATE_TOTALS ((size_t)-1)
/** Counts of group i (see below); set out->version first. */
MDT_API mdt_status mdt_aggregate_counts(mdt_status_counts* out, const mdt_aggregate_result* result,
                                        size_t group);
/** The key of group i in dimension dim, as printed: agency id, kind name, category prefix,
 * source, "YYYY-MM", deadline kind or status name. *out = NULL for "none". Borrowed. */
MDT_API mdt_status mdt_aggregate_label(const char** out, size_t* out_len,
                                       const mdt_aggregate_result* result, size_t group,
                                       size_t dim);
/** A measure of group i (or MDT_AGGREGATE_TOTALS). A rate whose denominator is 0 is
 * undefined: *out is then NaN (test it with isnan). */
MDT_API mdt_status mdt_aggregate_measure(double* out, const mdt_aggregate_result* result,
                                         size_t group, mdt_measure measure);

/** How groups are ranked. */
typedef struct mdt_rank_options {
  uint32_t version;     /**< the struct's version: set by its _INIT macro or _init function */
  int32_t measure;      /**< an mdt_measure */
  int32_t descending;   /**< default 1 */
  uint64_t limit;       /**< top-N; 0 = every group */
  int32_t include_none; /**< groups with a "none" key part rank too */
} mdt_rank_options;
#define MDT_RANK_OPTIONS_VERSION 1 /**< the current version of mdt_rank_options */
/** The defaults of mdt_rank_options, at MDT_RANK_OPTIONS_VERSION. */
#define MDT_RANK_OPTIONS_INIT \
  { MDT_RANK_OPTIONS_VERSION, MDT_MEASURE_TOTAL, 1, 0, 0 }
/** Writes the defaults of mdt_rank_options (MDT_RANK_OPTIONS_INIT) for that version into *opts. */
MDT_API mdt_status mdt_rank_options_init(mdt_rank_options* opts, uint32_t version);
/** Group indices best first into a caller array; ties keep key order (deterministic). */
MDT_API mdt_status mdt_aggregate_rank(size_t* out, size_t out_cap, size_t* out_count,
                                      const mdt_aggregate_result* result,
                                      const mdt_rank_options* options);

/* ==== Reports ========================================================================== */

/** The steering committee's summary report (the shape of seed 001): totals, the agencies
 * with the most tasks, the change since the previous meeting, overdue tasks by group and
 * agency, tasks due in the coming month, targets, per-locality criteria, and the appendix
 * of overdue tasks. Values fixed forever. */
typedef enum mdt_report_format {
  MDT_REPORT_MARKDOWN = 0,
  MDT_REPORT_HTML = 1, /**< one self-contained page: inline CSS and SVG chart, no script */
  MDT_REPORT_JSON = 2, /**< the machine-readable twin of the same content */
  MDT_REPORT_CSV = 3,  /**< section,key,label,measure,value rows */
  /** An Excel workbook (.xlsx, binary: use *out_len): the report's tables as sheets and
   * every task's status (id, title, lead, coordinators, deadline, due day, status, reason) */
  MDT_REPORT_XLSX = 4,
  /** A Word document (.docx, binary: use *out_len) in the administrative format of Decree
   * 30/2020/NĐ-CP: A4, Times New Roman, the national motto, numbered sections, bordered
   * tables, the appendix of overdue tasks */
  MDT_REPORT_DOCX = 5
} mdt_report_format;
/** The language of a report. */
typedef enum mdt_report_language {
  MDT_REPORT_VIETNAMESE = 0, /**< "1.234", "95,5%", dd/mm/yyyy */
  MDT_REPORT_ENGLISH = 1
} mdt_report_language; /**< The language of a report. */
/** What the report shows and how. */
typedef struct mdt_report_options {
  uint32_t version;  /**< the struct's version: set by its _INIT macro or _init function */
  mdt_date since;    /**< the previous meeting: adds the change section; MDT_NO_DATE = none */
  int32_t soon_days; /**< due_soon window, 0..3660 (7) */
  int32_t format;    /**< an mdt_report_format */
  int32_t language;  /**< an mdt_report_language */
  double criteria_threshold; /**< per-locality criteria "above N%" (95) */
  /* Version 2: the letterhead and the programmes (UTF-8, NUL-terminated; NULL = none). */
  const char* issuing_body;     /**< the issuing body, top left of the letterhead */
  const char* place;            /**< "Hà Nội" in "Hà Nội, ngày 23 tháng 9 năm 2025" */
  const char* meeting;          /**< the meeting served: "(Phục vụ <meeting>)" */
  const char* previous_meeting; /**< the meeting held on `since`, named in the window sentence */
  const char*
      programmes_json; /**< programmes as JSON (data/programmes.json's shape); NULL = bundled */
} mdt_report_options;
#define MDT_REPORT_OPTIONS_VERSION 2 /**< the current version of mdt_report_options */
/** The defaults of mdt_report_options, at MDT_REPORT_OPTIONS_VERSION. */
#define MDT_REPORT_OPTIONS_INIT                                                                   \
  {                                                                                               \
    MDT_REPORT_OPTIONS_VERSION, MDT_NO_DATE, 7, MDT_REPORT_MARKDOWN, MDT_REPORT_VIETNAMESE, 95.0, \
        NULL, NULL, NULL, NULL, NULL                                                              \
  }
/** Writes the defaults of mdt_report_options (MDT_REPORT_OPTIONS_INIT) for that version into *opts.
 */
MDT_API mdt_status mdt_report_options_init(mdt_report_options* opts, uint32_t version);
/** The report of the dataset as of a day, as one UTF-8 string (*out, *out_len without the
 * terminating NUL; free with mdt_string_free), or for MDT_REPORT_XLSX and MDT_REPORT_DOCX the
 * file's bytes. options may be NULL (Markdown, Vietnamese). Shared lock. The same text as `mandate
 * report` and the C++ RenderReport. */
MDT_API mdt_status mdt_report(char** out, size_t* out_len, const mdt_dataset* dataset,
                              mdt_date as_of, const mdt_report_options* options);

/* ==== Experimental: not frozen ===========================================================
 *
 * The building blocks of the report (what changed between two meetings, the report's task
 * lists) may still change shape in a minor release. They are declared only when the program
 * defines MDT_EXPERIMENTAL before including mandate.h (as zstd's ZSTD_STATIC_LINKING_ONLY),
 * and the ABI check (scripts/abicheck.sh) does not hold them to the baseline. Everything
 * outside this section is frozen for MANDATE_SOVERSION 1. */
#if defined(MDT_EXPERIMENTAL)

/** What changed between two days (the previous meeting and now). */
typedef enum mdt_change_kind {
  MDT_CHANGE_NEWLY_ASSIGNED = 0,
  MDT_CHANGE_NEWLY_COMPLETED = 1,
  MDT_CHANGE_NEWLY_OVERDUE = 2
} mdt_change_kind;
/** An opaque handle (see "Handles" above). */
typedef struct mdt_task_change mdt_task_change;
/** The tasks newly assigned, completed and overdue between from and to. */
MDT_API mdt_status mdt_task_change_compute(mdt_task_change** out, const mdt_dataset* dataset,
                                           mdt_date from, mdt_date to,
                                           const mdt_classify_options* options);
/** Frees a mdt_task_change handle and what it lends; accepts NULL. */
MDT_API void mdt_task_change_free(mdt_task_change* change);
/** The task indices of one kind of change, in index order, into a caller array. */
MDT_API mdt_status mdt_task_change_tasks(uint32_t* out, size_t out_cap, size_t* out_count,
                                         const mdt_task_change* change, mdt_change_kind kind);

/** The report's task lists. */
typedef enum mdt_list_kind {
  MDT_LIST_OVERDUE_BY_CATEGORY = 0,
  MDT_LIST_OVERDUE_BY_AGENCY = 1, /**< a task with several leads is listed under each */
  MDT_LIST_DUE_WITHIN_BY_CATEGORY = 2
} mdt_list_kind;
/** An opaque handle (see "Handles" above). */
typedef struct mdt_task_lists mdt_task_lists;
/** How the report's task lists are made. */
typedef struct mdt_task_lists_options {
  uint32_t version;       /**< the struct's version: set by its _INIT macro or _init function */
  int32_t within_days;    /**< MDT_LIST_DUE_WITHIN_BY_CATEGORY: due in [as_of, as_of + N] (30) */
  int32_t category_level; /**< category path levels kept in keys; 0 = the whole path */
  const mdt_classify_options* classify; /**< NULL = defaults; its baseline picks the due day */
} mdt_task_lists_options;
#define MDT_TASK_LISTS_OPTIONS_VERSION 1 /**< the current version of mdt_task_lists_options */
/** The defaults of mdt_task_lists_options, at MDT_TASK_LISTS_OPTIONS_VERSION. */
#define MDT_TASK_LISTS_OPTIONS_INIT \
  { MDT_TASK_LISTS_OPTIONS_VERSION, 30, 0, NULL }
/** Writes the defaults of mdt_task_lists_options (MDT_TASK_LISTS_OPTIONS_INIT) for that version
 * into *opts. */
MDT_API mdt_status mdt_task_lists_options_init(mdt_task_lists_options* opts, uint32_t version);
/** The lists of one kind as of a day. options may be NULL (defaults). */
MDT_API mdt_status mdt_task_lists_new(mdt_task_lists** out, const mdt_dataset* dataset,
                                      mdt_list_kind kind, mdt_date as_of,
                                      const mdt_task_lists_options* options);
/** Frees a mdt_task_lists handle and what it lends; accepts NULL. */
MDT_API void mdt_task_lists_free(mdt_task_lists* lists);
/** The number of groups. */
MDT_API mdt_status mdt_task_lists_group_count(size_t* out, const mdt_task_lists* lists);
/** Group g: its key (category prefix or agency id; NULL = none; borrowed) and task count. */
MDT_API mdt_status mdt_task_lists_group(const char** out_key, size_t* out_task_count,
                                        const mdt_task_lists* lists, size_t g);
/** Task i of group g: index, due day in force (MDT_NO_DATE if none), days overdue or left. */
MDT_API mdt_status mdt_task_lists_task(uint32_t* out_task, mdt_date* out_due, int32_t* out_days,
                                       const mdt_task_lists* lists, size_t g, size_t i);

/** An aggregate kept current while its dataset changes: after a task is added or changes, one
 * update moves that task between groups instead of recounting every task (O(1) per update;
 * a task bringing a new category or source recounts once). It reads the dataset at each update:
 * updates and snapshots take the dataset's shared lock, so call them after the write. */
typedef struct mdt_live_aggregate mdt_live_aggregate;
/** Classifies and aggregates every task of dataset as of as_of, as mdt_aggregate (options may
 * be NULL; options->threads is ignored: updates are single-task). */
MDT_API mdt_status mdt_live_aggregate_new(mdt_live_aggregate** out, const mdt_dataset* dataset,
                                          mdt_date as_of, const mdt_aggregate_options* options);
/** Frees a mdt_live_aggregate handle; accepts NULL. */
MDT_API void mdt_live_aggregate_free(mdt_live_aggregate* live);
/** After mdt_dataset_add_task, mdt_dataset_add_event or mdt_dataset_change_deadline: task (an
 * index) leaves the groups of its previous state and joins those of its new one. An index at or
 * past the number of tasks the aggregate holds adds every task up to it, in order.
 * MDT_ERR_NOT_FOUND when the dataset has no such task. */
MDT_API mdt_status mdt_live_aggregate_update(mdt_live_aggregate* live, uint32_t task);
/** The totals now (set out->version first): every task once. */
MDT_API mdt_status mdt_live_aggregate_totals(mdt_status_counts* out,
                                             const mdt_live_aggregate* live);
/** A snapshot of the groups now, read with the mdt_aggregate_* functions; later updates do not
 * change it. */
MDT_API mdt_status mdt_live_aggregate_result(mdt_aggregate_result** out,
                                             const mdt_live_aggregate* live);

#endif /**< MDT_EXPERIMENTAL */

#ifdef __cplusplus
} /**< extern "C" */
#endif

#endif /**< MANDATE_H */
