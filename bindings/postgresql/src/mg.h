/* The extension's only door to libmandate: every mdt_* call of the PostgreSQL extension is in
 * mg.c, behind these plain-C functions (no PostgreSQL header here, no C++ header anywhere).
 * When the C ABI changes shape (enum fields becoming int32_t, nested option structs becoming
 * pointers, mdt_status_counts growing), only mg.c changes.
 *
 * Dates are days since 1970-01-01 (mdt_date); MG_NO_DATE is "none". Functions return 0 on
 * success, or nonzero with a NUL-terminated message in err (the library's, prefixed). */
#ifndef MANDATE_PG_MG_H
#define MANDATE_PG_MG_H

#include <stddef.h>
#include <stdint.h>

#define MG_NO_DATE INT32_MIN
#define MG_ERR_SIZE 512

/* Counters: total assigned by as_of, the six statuses, not yet assigned. */
enum {
  MG_TOTAL = 0,
  MG_COMPLETED_ON_TIME = 1,
  MG_COMPLETED_LATE = 2,
  MG_OVERDUE = 3,
  MG_DUE_SOON = 4,
  MG_IN_PROGRESS = 5,
  MG_CANCELLED = 6,
  MG_NOT_YET_ASSIGNED = 7,
  MG_NCOUNTS = 8
};
/* "total", "completed_on_time", ... "cancelled", "not_yet_assigned" (static). */
const char* mg_count_name(int i);

/* A parsed deadline phrase. Strings are static or owned by the caller's buffer. */
#define MG_MAX_MILESTONES 64
typedef struct mg_deadline {
  const char* kind; /* static */
  int32_t due;
  int32_t first_due;
  const char* freq; /* static, NULL when not recurring */
  size_t milestone_count;
  int32_t milestones[MG_MAX_MILESTONES];
  int ok; /* 0: err holds the parse error */
} mg_deadline;

/* Never fails for a bad phrase (out->ok = 0, err = the message); nonzero for other errors. */
int mg_parse_deadline(mg_deadline* out, const char* text, size_t len, int32_t plan_year,
                      int32_t assigned, char* err);

/* Resolves an agency cell. Calls add(ctx, id, len) for each canonical id. Returns 0 when every
 * part resolved, 1 when some part did not (err names them), -1 on another error. */
int mg_resolve_agencies(const char* cell, size_t len, void (*add)(void*, const char*, size_t),
                        void* ctx, char* err);

int mg_is_working_day(int* out, int32_t day, char* err);
int mg_add_working_days(int32_t* out, int32_t day, int32_t n, char* err);
int mg_lunar(int32_t* year, int32_t* month, int32_t* day, int* leap, int32_t solar, char* err);
int mg_date_ymd(int32_t* out, int32_t y, int32_t m, int32_t d, char* err);

/* Batches of tasks classified by the library (a throw-away dataset of up to n tasks).
 * Either the due day form (deadline = NULL: due[i] is a fixed due day or MG_NO_DATE) or the
 * phrase form (deadline[i] NUL-terminated, plan_year[i], 0 = the assigned day's year).
 * counts[] is added to; statuses (may be NULL) receives each task's status index 1..6 or
 * MG_NOT_YET_ASSIGNED. */
typedef struct mg_batch {
  size_t n;
  const int32_t* due;
  const char* const* deadline;
  const int32_t* plan_year;
  const int32_t* assigned;
  const int32_t* completed;
  int32_t as_of;
  int32_t soon_days;
} mg_batch;
int mg_classify_batch(uint64_t counts[MG_NCOUNTS], uint8_t* statuses, const mg_batch* batch,
                      char* err);

/* The report of a dataset given as the project CSV text. *out is malloc'ed by the library:
 * release it with mg_free_string. format: md|html|json|csv, lang: vi|en. */
int mg_report_csv(char** out, size_t* out_len, const char* csv, size_t csv_len, int32_t as_of,
                  int32_t since, const char* format, const char* lang, int32_t soon_days,
                  char* err);
void mg_free_string(char* s);

const char* mg_version(void);

#endif
