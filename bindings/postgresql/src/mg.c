/* Every call of the extension into libmandate's C ABI (mandate.h), and nothing else. */
#include "mg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mandate.h"

/* Count 0 is the total; count 1 + s is status s (mdt_task_status), the last one the tasks not
 * yet assigned. The status names are the library's. */
const char* mg_count_name(int i) {
  if (i == 0) return "total";
  if (i == MG_NCOUNTS - 1) return mdt_task_status_name(MDT_TASK_NOT_YET_ASSIGNED);
  if (i > 0 && i < MG_NCOUNTS - 1) return mdt_task_status_name((mdt_task_status)(i - 1));
  return "unknown";
}

const char* mg_version(void) { return mdt_version(); }

/* err = prefix + the library's message for the last failed call. */
static int fail(char* err, const char* prefix, mdt_status st) {
  const char* msg = mdt_last_error();
  if (!msg || !*msg) msg = mdt_status_name(st);
  snprintf(err, MG_ERR_SIZE, "%s%s", prefix ? prefix : "", msg);
  return st == MDT_OK ? -1 : (int)st;
}

/* The bundled registry and Vietnam's calendar, made once per backend (immutable, read-only). */
static const mdt_registry* registry(char* err) {
  static mdt_registry* reg = NULL;
  if (!reg) {
    mdt_status st = mdt_registry_bundled(&reg);
    if (st != MDT_OK) {
      fail(err, "bundled registry: ", st);
      reg = NULL;
    }
  }
  return reg;
}

static const mdt_calendar* calendar(char* err) {
  static mdt_calendar* cal = NULL;
  if (!cal) {
    mdt_status st = mdt_calendar_new(&cal, MDT_CALENDAR_VIETNAM);
    if (st != MDT_OK) {
      fail(err, "calendar: ", st);
      cal = NULL;
    }
  }
  return cal;
}

int mg_date_ymd(int32_t* out, int32_t y, int32_t m, int32_t d, char* err) {
  mdt_date day = 0;
  mdt_status st;
  if (m < 1 || d < 1) {
    snprintf(err, MG_ERR_SIZE, "invalid date");
    return -1;
  }
  st = mdt_date_from_ymd(&day, y, (uint32_t)m, (uint32_t)d);
  if (st != MDT_OK) return fail(err, "", st);
  *out = day;
  return 0;
}

int mg_parse_deadline(mg_deadline* out, const char* text, size_t len, int32_t plan_year,
                      int32_t assigned, char* err) {
  mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
  mdt_deadline* d = NULL;
  mdt_deadline_info info = MDT_DEADLINE_INFO_INIT;
  mdt_status st;
  size_t i;
  memset(out, 0, sizeof *out);
  out->kind = mdt_deadline_kind_name(MDT_DEADLINE_UNKNOWN);
  out->due = out->first_due = MG_NO_DATE;
  ctx.plan_year = plan_year;
  ctx.assigned = assigned;
  st = mdt_deadline_parse(&d, text, len, &ctx);
  if (st != MDT_OK) {
    fail(err, "", st);
    out->ok = 0;
    /* A phrase that cannot be read is an answer (kind unknown, error set), like `mandate
     * deadline`; anything else (no memory, internal) is an error. */
    return (st == MDT_ERR_PARSE || st == MDT_ERR_INVALID_UTF8 || st == MDT_ERR_INVALID_ARGUMENT ||
            st == MDT_ERR_OUT_OF_RANGE || st == MDT_ERR_LIMIT)
               ? 0
               : (int)st;
  }
  st = mdt_deadline_get_info(&info, d);
  if (st != MDT_OK) {
    fail(err, "", st);
    mdt_deadline_free(d);
    return (int)st;
  }
  out->ok = 1;
  out->kind = mdt_deadline_kind_name(info.kind);
  out->due = info.due;
  out->first_due = info.first_due;
  out->freq = info.has_recurrence ? mdt_frequency_name(info.frequency) : NULL;
  out->milestone_count = info.milestone_count < MG_MAX_MILESTONES ? info.milestone_count
                                                                   : MG_MAX_MILESTONES;
  for (i = 0; i < out->milestone_count; ++i) {
    mdt_date due = MDT_NO_DATE;
    if (mdt_deadline_milestone(NULL, NULL, NULL, &due, d, i) != MDT_OK) due = MDT_NO_DATE;
    out->milestones[i] = due;
  }
  mdt_deadline_free(d);
  return 0;
}

static int compare_ids(const void* a, const void* b) {
  return strcmp(*(const char* const*)a, *(const char* const*)b);
}

int mg_resolve_agencies(const char* cell, size_t len, void (*add)(void*, const char*, size_t),
                        void* ctx, char* err) {
  const mdt_registry* reg = registry(err);
  mdt_resolution* r = NULL;
  size_t n = 0, unresolved = 0, i, used;
  mdt_status st;
  if (!reg) return -1;
  st = mdt_registry_resolve(&r, reg, cell, len);
  if (st != MDT_OK) {
    fail(err, "", st);
    return -1;
  }
  if (mdt_resolution_unresolved_count(&unresolved, r) != MDT_OK) unresolved = 0;
  if (unresolved > 0) {
    used = (size_t)snprintf(err, MG_ERR_SIZE, "unknown agency: ");
    for (i = 0; i < unresolved && used < MG_ERR_SIZE; ++i) {
      const char* part = NULL;
      size_t part_len = 0;
      if (mdt_resolution_unresolved(&part, &part_len, r, i) != MDT_OK) continue;
      used += (size_t)snprintf(err + used, MG_ERR_SIZE - used, "%s\"%.*s\"", i ? ", " : "",
                               (int)(part_len > 200 ? 200 : part_len), part);
    }
    mdt_resolution_free(r);
    return 1;
  }
  if (mdt_resolution_agency_count(&n, r) != MDT_OK) n = 0;
  if (n > 0) {
    /* Sorted by id, as `mandate agencies` prints them. */
    const char** ids = (const char**)malloc(n * sizeof *ids);
    size_t k = 0;
    if (!ids) {
      mdt_resolution_free(r);
      snprintf(err, MG_ERR_SIZE, "out of memory");
      return -1;
    }
    for (i = 0; i < n; ++i) {
      const char* id = NULL;
      if (mdt_resolution_agency(NULL, &id, r, i) == MDT_OK && id) ids[k++] = id;
    }
    qsort(ids, k, sizeof *ids, compare_ids);
    for (i = 0; i < k; ++i) add(ctx, ids[i], strlen(ids[i]));
    free(ids);
  }
  mdt_resolution_free(r);
  return 0;
}

int mg_is_working_day(int* out, int32_t day, char* err) {
  const mdt_calendar* cal = calendar(err);
  mdt_status st;
  if (!cal) return -1;
  st = mdt_calendar_is_working_day(out, cal, day);
  return st == MDT_OK ? 0 : fail(err, "", st);
}

int mg_add_working_days(int32_t* out, int32_t day, int32_t n, char* err) {
  const mdt_calendar* cal = calendar(err);
  mdt_status st;
  if (!cal) return -1;
  st = mdt_calendar_add_working_days(out, cal, day, n);
  return st == MDT_OK ? 0 : fail(err, "", st);
}

int mg_lunar(int32_t* year, int32_t* month, int32_t* day, int* leap, int32_t solar, char* err) {
  mdt_lunar_date l;
  mdt_status st = mdt_lunar_from_solar(&l, solar);
  if (st != MDT_OK) return fail(err, "", st);
  *year = l.year;
  *month = (int32_t)l.month;
  *day = (int32_t)l.day;
  *leap = l.is_leap_month != 0;
  return 0;
}

/* The status index of the counters for a library status value. */
static int count_index(int32_t status) {
  switch (status) {
    case MDT_TASK_COMPLETED_ON_TIME: return MG_COMPLETED_ON_TIME;
    case MDT_TASK_COMPLETED_LATE: return MG_COMPLETED_LATE;
    case MDT_TASK_OVERDUE: return MG_OVERDUE;
    case MDT_TASK_DUE_SOON: return MG_DUE_SOON;
    case MDT_TASK_IN_PROGRESS: return MG_IN_PROGRESS;
    case MDT_TASK_CANCELLED: return MG_CANCELLED;
    default: return MG_NOT_YET_ASSIGNED;
  }
}


/* Parsed deadlines by (phrase, plan year), as the CSV reader interns them: a batch repeats a
 * few hundred phrases. Relative deadlines depend on the assigned day and are not kept. The
 * handles are immutable; the table lives as long as the backend and is emptied when half full. */
#define MG_CACHE_SLOTS 65536
typedef struct mg_cache_entry {
  char* text;
  int32_t plan_year;
  uint32_t hash;
  mdt_deadline* deadline;
} mg_cache_entry;
static mg_cache_entry g_cache[MG_CACHE_SLOTS];
static size_t g_cache_used = 0;

static uint32_t hash_phrase(const char* text, int32_t plan_year) {
  uint32_t h = 2166136261u ^ (uint32_t)plan_year;
  for (; *text; ++text) h = (h ^ (unsigned char)*text) * 16777619u;
  return h;
}

static void cache_clear(void) {
  size_t i;
  for (i = 0; i < MG_CACHE_SLOTS; ++i) {
    free(g_cache[i].text);
    mdt_deadline_free(g_cache[i].deadline);
    g_cache[i].text = NULL;
    g_cache[i].deadline = NULL;
  }
  g_cache_used = 0;
}

/* The parsed deadline of a phrase: *owned = 1 when the caller must free it (not cached).
 * NULL when the phrase cannot be parsed. */
static mdt_deadline* cached_deadline(const char* text, const mdt_deadline_context* ctx,
                                     int* owned) {
  const uint32_t h = hash_phrase(text, ctx->plan_year);
  size_t slot = h & (MG_CACHE_SLOTS - 1);
  mdt_deadline* d = NULL;
  mdt_deadline_info info = MDT_DEADLINE_INFO_INIT;
  *owned = 0;
  while (g_cache[slot].text) {
    if (g_cache[slot].hash == h && g_cache[slot].plan_year == ctx->plan_year &&
        strcmp(g_cache[slot].text, text) == 0)
      return g_cache[slot].deadline;
    slot = (slot + 1) & (MG_CACHE_SLOTS - 1);
  }
  if (mdt_deadline_parse(&d, text, MDT_NUL_TERMINATED, ctx) != MDT_OK) return NULL;
  if (mdt_deadline_get_info(&info, d) != MDT_OK || info.kind == MDT_DEADLINE_RELATIVE) {
    *owned = 1;
    return d;
  }
  if (g_cache_used >= MG_CACHE_SLOTS / 2) {
    cache_clear();
    slot = h & (MG_CACHE_SLOTS - 1);
  }
  g_cache[slot].text = strdup(text);
  if (!g_cache[slot].text) {
    *owned = 1;
    return d;
  }
  g_cache[slot].plan_year = ctx->plan_year;
  g_cache[slot].hash = h;
  g_cache[slot].deadline = d;
  ++g_cache_used;
  return d;
}

/* "t" + decimal, without printf. */
static void task_id(char* out, size_t i) {
  char tmp[24];
  size_t k = 0;
  do {
    tmp[k++] = (char)('0' + i % 10);
    i /= 10;
  } while (i);
  *out++ = 't';
  while (k) *out++ = tmp[--k];
  *out = '\0';
}

int mg_classify_batch(uint64_t counts[MG_NCOUNTS], uint8_t* statuses, const mg_batch* b,
                      char* err) {
  mdt_dataset* ds = NULL;
  mdt_classify_options opt = MDT_CLASSIFY_OPTIONS_INIT;
  mdt_status st;
  size_t i;
  int rc = 0;
  char id[32], due_text[32], prefix[64];
  int32_t small[256];
  int32_t* out = NULL;
  if (b->n == 0) return 0;
  if (!registry(err)) return -1;
  st = mdt_dataset_new(&ds, registry(err));
  if (st != MDT_OK) return fail(err, "dataset: ", st);
  for (i = 0; i < b->n; ++i) {
    mdt_task_input t = MDT_TASK_INPUT_INIT;
    mdt_deadline_context text_ctx = MDT_DEADLINE_CONTEXT_INIT;
    mdt_deadline* dl = NULL;
    int32_t y = 0;
    uint32_t m = 0, d = 0;
    task_id(id, i);
    t.id = id;
    t.title = id;
    t.assigned = b->assigned[i];
    if (b->deadline) {
      /* As the CSV reader reads a deadline cell: the phrase with the assigned day's year when
       * no plan year is given; else an ISO day; else an unknown deadline. */
      mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
      const char* phrase = b->deadline[i];
      ctx.plan_year = b->plan_year ? b->plan_year[i] : 0;
      if (!ctx.plan_year && t.assigned != MDT_NO_DATE &&
          mdt_date_to_ymd(&y, &m, &d, t.assigned) == MDT_OK)
        ctx.plan_year = y;
      ctx.assigned = t.assigned;
      if (phrase && *phrase) {
        int owned = 0;
        mdt_deadline* parsed = cached_deadline(phrase, &ctx, &owned);
        if (parsed) {
          t.deadline = parsed;
          if (owned) dl = parsed;
        } else {
          mdt_date iso = MDT_NO_DATE;
          size_t len = strlen(phrase);
          while (len && (phrase[len - 1] == ' ' || phrase[len - 1] == '\t' ||
                         phrase[len - 1] == '\r' || phrase[len - 1] == '\n'))
            --len;
          while (len && (*phrase == ' ' || *phrase == '\t' || *phrase == '\r' || *phrase == '\n')) {
            ++phrase;
            --len;
          }
          if (mdt_date_parse(&iso, phrase, len) == MDT_OK &&
              mdt_date_to_ymd(&y, &m, &d, iso) == MDT_OK) {
            snprintf(due_text, sizeof due_text, "%02u/%02u/%04d", d, m, (int)y);
            t.deadline_text = due_text;
            text_ctx.plan_year = y;
            t.deadline_context = &text_ctx;
          }
        }
      }
    } else if (b->due[i] != MDT_NO_DATE) {
      st = mdt_date_to_ymd(&y, &m, &d, b->due[i]);
      if (st != MDT_OK) {
        rc = fail(err, "due: ", st);
        goto done;
      }
      /* A fixed due day, written as the plan writes one. */
      snprintf(due_text, sizeof due_text, "%02u/%02u/%04d", d, m, (int)y);
      {
        mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
        int owned = 0;
        mdt_deadline* parsed;
        ctx.plan_year = y;
        parsed = cached_deadline(due_text, &ctx, &owned);
        if (!parsed) {
          rc = fail(err, "due: ", MDT_ERR_PARSE);
          goto done;
        }
        t.deadline = parsed;
        if (owned) dl = parsed;
      }
    }
    st = mdt_dataset_add_task(NULL, ds, &t);
    mdt_deadline_free(dl);
    dl = NULL;
    if (st != MDT_OK) {
      rc = fail(err, b->n > 1 ? "a task: " : "", st);
      goto done;
    }
    if (b->completed[i] != MDT_NO_DATE) {
      st = mdt_dataset_complete_task(ds, id, b->completed[i]);
      if (st != MDT_OK) {
        snprintf(prefix, sizeof prefix, "completed: ");
        rc = fail(err, prefix, st);
        goto done;
      }
    }
  }
  opt.soon_days = b->soon_days;
  if (!statuses) {
    mdt_status_counts c = MDT_STATUS_COUNTS_INIT;
    int s;
    st = mdt_classify_count(&c, ds, b->as_of, &opt);
    if (st != MDT_OK) {
      rc = fail(err, "", st);
      goto done;
    }
    counts[MG_TOTAL] += c.total;
    for (s = 0; s < MDT_TASK_STATUS_COUNT; ++s) counts[count_index(s)] += c.by_status[s];
    counts[MG_NOT_YET_ASSIGNED] += c.not_yet_assigned;
  } else {
    size_t got = 0;
    out = b->n <= sizeof small / sizeof small[0] ? small
                                                 : (int32_t*)malloc(b->n * sizeof(int32_t));
    if (!out) {
      snprintf(err, MG_ERR_SIZE, "out of memory");
      rc = -1;
      goto done;
    }
    st = mdt_classify_all(out, b->n, &got, ds, b->as_of, &opt);
    if (st != MDT_OK) {
      rc = fail(err, "", st);
      goto done;
    }
    for (i = 0; i < got; ++i) {
      const int k = count_index(out[i]);
      statuses[i] = (uint8_t)k;
      if (k != MG_NOT_YET_ASSIGNED) counts[MG_TOTAL]++;
      counts[k]++;
    }
  }
done:
  if (out && out != small) free(out);
  mdt_dataset_free(ds);
  return rc;
}

int mg_report_csv(char** out, size_t* out_len, const char* csv, size_t csv_len, int32_t as_of,
                  int32_t since, const char* format, const char* lang, int32_t soon_days,
                  char* err) {
  mdt_dataset* ds = NULL;
  mdt_problems* problems = NULL;
  mdt_report_options opt = MDT_REPORT_OPTIONS_INIT;
  mdt_status st;
  if (strcmp(format, "md") == 0) {
    opt.format = MDT_REPORT_MARKDOWN;
  } else if (strcmp(format, "html") == 0) {
    opt.format = MDT_REPORT_HTML;
  } else if (strcmp(format, "json") == 0) {
    opt.format = MDT_REPORT_JSON;
  } else if (strcmp(format, "csv") == 0) {
    opt.format = MDT_REPORT_CSV;
  } else {
    snprintf(err, MG_ERR_SIZE, "format is md, html, json or csv, got \"%.40s\"", format);
    return -1;
  }
  if (strcmp(lang, "vi") == 0) {
    opt.language = MDT_REPORT_VIETNAMESE;
  } else if (strcmp(lang, "en") == 0) {
    opt.language = MDT_REPORT_ENGLISH;
  } else {
    snprintf(err, MG_ERR_SIZE, "lang is vi or en, got \"%.40s\"", lang);
    return -1;
  }
  opt.since = since;
  opt.soon_days = soon_days;
  st = mdt_dataset_read_csv(&ds, &problems, csv, csv_len, NULL);
  mdt_problems_free(problems); /* as `mandate report`: rows with problems are left out */
  if (st != MDT_OK) return fail(err, "tasks: ", st);
  st = mdt_report(out, out_len, ds, as_of, &opt);
  mdt_dataset_free(ds);
  return st == MDT_OK ? 0 : fail(err, "", st);
}

void mg_free_string(char* s) { mdt_string_free(s); }
