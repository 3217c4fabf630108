/* mandate inside PostgreSQL: the SQL functions of the extension (sql/mandate--1.0.sql).
 * No libmandate call here: they are all in mg.c (the C ABI), so this file only converts
 * between PostgreSQL's types and mg.h's. Errors are raised with ereport and the library's
 * message; nothing the library allocates outlives a call (mg.c frees before returning). */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/shortest_dec.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "mg.h"

PG_MODULE_MAGIC;

/* PostgreSQL counts days from 2000-01-01, mandate from 1970-01-01. */
#define MG_PG_EPOCH_SHIFT (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE)

static int32 to_mdt(DateADT d) {
  if (DATE_NOT_FINITE(d))
    ereport(ERROR, (errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                    errmsg("mandate: infinite dates are not supported")));
  return (int32)d + MG_PG_EPOCH_SHIFT;
}

static DateADT to_pg(int32 d) { return (DateADT)(d - MG_PG_EPOCH_SHIFT); }

/* An optional date argument: MG_NO_DATE for NULL. */
static int32 opt_date(FunctionCallInfo fcinfo, int i) {
  if (PG_NARGS() <= i || PG_ARGISNULL(i)) return MG_NO_DATE;
  return to_mdt(PG_GETARG_DATEADT(i));
}

static void mg_raise(const char* what, const char* err) pg_attribute_noreturn();
static void mg_raise(const char* what, const char* err) {
  ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                  errmsg("mandate.%s: %s", what, err)));
}

static int32 soon_arg(FunctionCallInfo fcinfo, int i) {
  int32 soon = 7;
  if (PG_NARGS() > i && !PG_ARGISNULL(i)) soon = PG_GETARG_INT32(i);
  if (soon < 0 || soon > 3660)
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("mandate: soon_days must be in 0..3660, got %d", soon)));
  return soon;
}

/* ---- parse_deadline ------------------------------------------------------------------ */

PG_FUNCTION_INFO_V1(mandate_parse_deadline);
Datum mandate_parse_deadline(PG_FUNCTION_ARGS) {
  text* phrase;
  int32 plan_year = 0;
  mg_deadline d;
  char err[MG_ERR_SIZE] = "";
  TupleDesc desc;
  Datum values[6];
  bool nulls[6] = {false, false, false, false, false, false};
  size_t i;
  if (PG_ARGISNULL(0)) PG_RETURN_NULL();
  phrase = PG_GETARG_TEXT_PP(0);
  if (PG_NARGS() > 1 && !PG_ARGISNULL(1)) plan_year = PG_GETARG_INT32(1);
  if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
    ereport(ERROR, (errmsg("mandate.parse_deadline: the result type is not composite")));
  desc = BlessTupleDesc(desc);
  if (mg_parse_deadline(&d, VARDATA_ANY(phrase), VARSIZE_ANY_EXHDR(phrase), plan_year,
                        opt_date(fcinfo, 2), err) != 0)
    mg_raise("parse_deadline", err);
  values[0] = CStringGetTextDatum(d.kind);
  nulls[1] = d.due == MG_NO_DATE;
  values[1] = nulls[1] ? (Datum)0 : DateADTGetDatum(to_pg(d.due));
  nulls[2] = d.first_due == MG_NO_DATE;
  values[2] = nulls[2] ? (Datum)0 : DateADTGetDatum(to_pg(d.first_due));
  nulls[3] = d.freq == NULL;
  values[3] = nulls[3] ? (Datum)0 : CStringGetTextDatum(d.freq);
  {
    Datum elems[MG_MAX_MILESTONES];
    bool enulls[MG_MAX_MILESTONES];
    int dims[1], lbs[1] = {1};
    for (i = 0; i < d.milestone_count; ++i) {
      enulls[i] = d.milestones[i] == MG_NO_DATE;
      elems[i] = enulls[i] ? (Datum)0 : DateADTGetDatum(to_pg(d.milestones[i]));
    }
    dims[0] = (int)d.milestone_count;
    values[4] = PointerGetDatum(construct_md_array(elems, enulls, d.milestone_count ? 1 : 0, dims,
                                                   lbs, DATEOID, sizeof(DateADT), true, 'i'));
  }
  nulls[5] = d.ok;
  values[5] = d.ok ? (Datum)0 : CStringGetTextDatum(err);
  PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

/* ---- resolve_agencies ---------------------------------------------------------------- */

typedef struct {
  ArrayBuildState* astate;
} IdCollector;

static void collect_id(void* ctx, const char* id, size_t len) {
  IdCollector* c = (IdCollector*)ctx;
  c->astate = accumArrayResult(c->astate, PointerGetDatum(cstring_to_text_with_len(id, (int)len)),
                               false, TEXTOID, CurrentMemoryContext);
}

PG_FUNCTION_INFO_V1(mandate_resolve_agencies);
Datum mandate_resolve_agencies(PG_FUNCTION_ARGS) {
  text* cell = PG_GETARG_TEXT_PP(0);
  bool strict = PG_GETARG_BOOL(1);
  char err[MG_ERR_SIZE] = "";
  IdCollector c = {NULL};
  int rc = mg_resolve_agencies(VARDATA_ANY(cell), VARSIZE_ANY_EXHDR(cell), collect_id, &c, err);
  if (rc != 0) {
    if (strict) mg_raise("resolve_agencies", err);
    PG_RETURN_NULL();
  }
  if (!c.astate) PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID));
  PG_RETURN_DATUM(makeArrayResult(c.astate, CurrentMemoryContext));
}

/* ---- task_status --------------------------------------------------------------------- */

/* The status of the batch's one row, as text (both task_status forms end here). */
static Datum classify_one(const mg_batch* b) {
  uint64_t counts[MG_NCOUNTS] = {0};
  uint8_t s = 0;
  char err[MG_ERR_SIZE] = "";
  if (mg_classify_batch(counts, &s, b, err) != 0) mg_raise("task_status", err);
  return CStringGetTextDatum(mg_count_name(s));
}

/* task_status(due, completed, assigned, as_of, soon_days) */
PG_FUNCTION_INFO_V1(mandate_task_status);
Datum mandate_task_status(PG_FUNCTION_ARGS) {
  int32 due, completed, assigned;
  mg_batch b = {0};
  if (PG_ARGISNULL(3)) PG_RETURN_NULL();
  due = opt_date(fcinfo, 0);
  completed = opt_date(fcinfo, 1);
  assigned = opt_date(fcinfo, 2);
  b.n = 1;
  b.due = &due;
  b.completed = &completed;
  b.assigned = &assigned;
  b.as_of = to_mdt(PG_GETARG_DATEADT(3));
  b.soon_days = soon_arg(fcinfo, 4);
  PG_RETURN_DATUM(classify_one(&b));
}

/* task_status(deadline, plan_year, assigned, completed, as_of, soon_days) */
PG_FUNCTION_INFO_V1(mandate_task_status_phrase);
Datum mandate_task_status_phrase(PG_FUNCTION_ARGS) {
  int32 plan_year = 0, completed, assigned;
  const char* phrase = NULL;
  mg_batch b = {0};
  if (PG_ARGISNULL(4)) PG_RETURN_NULL();
  if (!PG_ARGISNULL(0)) phrase = text_to_cstring(PG_GETARG_TEXT_PP(0));
  if (!PG_ARGISNULL(1)) plan_year = PG_GETARG_INT32(1);
  assigned = opt_date(fcinfo, 2);
  completed = opt_date(fcinfo, 3);
  b.n = 1;
  b.deadline = &phrase;
  b.plan_year = &plan_year;
  b.completed = &completed;
  b.assigned = &assigned;
  b.as_of = to_mdt(PG_GETARG_DATEADT(4));
  b.soon_days = soon_arg(fcinfo, 5);
  PG_RETURN_DATUM(classify_one(&b));
}

/* ---- status_counts: a parallel aggregate ---------------------------------------------
 * The state keeps the counters and a batch of pending rows; a full batch (or a change of
 * as_of / soon_days) is classified by the library in one throw-away dataset. Partial states
 * are the eight counters (serialised as 8 int64), which add up: combine = sum. */

#define MC_BATCH 4096

typedef struct McState {
  uint64_t counts[MG_NCOUNTS];
  int32 as_of, soon_days;
  int n;
  bool phrase_form;
  MemoryContext phrases_cxt; /* the pending phrases; reset after each flush */
  int32 due[MC_BATCH], completed[MC_BATCH], assigned[MC_BATCH], plan_year[MC_BATCH];
  const char* phrase[MC_BATCH];
} McState;

static McState* mc_new(MemoryContext agg) {
  McState* st = (McState*)MemoryContextAllocZero(agg, sizeof(McState));
  return st;
}

static void mc_flush(McState* st) {
  mg_batch b = {0};
  char err[MG_ERR_SIZE] = "";
  if (st->n == 0) return;
  b.n = (size_t)st->n;
  b.due = st->due;
  b.deadline = st->phrase_form ? st->phrase : NULL;
  b.plan_year = st->plan_year;
  b.assigned = st->assigned;
  b.completed = st->completed;
  b.as_of = st->as_of;
  b.soon_days = st->soon_days;
  if (mg_classify_batch(st->counts, NULL, &b, err) != 0) mg_raise("status_counts", err);
  st->n = 0;
  if (st->phrases_cxt) MemoryContextReset(st->phrases_cxt);
}

static McState* mc_state(FunctionCallInfo fcinfo, MemoryContext* agg) {
  if (!AggCheckCallContext(fcinfo, agg))
    ereport(ERROR, (errmsg("mandate.status_counts called in a non-aggregate context")));
  return PG_ARGISNULL(0) ? mc_new(*agg) : (McState*)PG_GETARG_POINTER(0);
}

/* Room for one more row as of (as_of, soon_days). */
static int mc_slot(McState* st, int32 as_of, int32 soon) {
  if (st->n > 0 && (st->as_of != as_of || st->soon_days != soon)) mc_flush(st);
  if (st->n == MC_BATCH) mc_flush(st);
  st->as_of = as_of;
  st->soon_days = soon;
  return st->n++;
}

/* (state, due, completed, assigned, as_of [, soon_days]); rows with a NULL as_of are skipped. */
PG_FUNCTION_INFO_V1(mandate_status_counts_trans);
Datum mandate_status_counts_trans(PG_FUNCTION_ARGS) {
  MemoryContext agg;
  McState* st = mc_state(fcinfo, &agg);
  int i;
  if (PG_ARGISNULL(4)) PG_RETURN_POINTER(st);
  i = mc_slot(st, to_mdt(PG_GETARG_DATEADT(4)), soon_arg(fcinfo, 5));
  st->due[i] = opt_date(fcinfo, 1);
  st->completed[i] = opt_date(fcinfo, 2);
  st->assigned[i] = opt_date(fcinfo, 3);
  PG_RETURN_POINTER(st);
}

/* (state, deadline, plan_year, assigned, completed, as_of [, soon_days]) */
PG_FUNCTION_INFO_V1(mandate_status_counts_phrase_trans);
Datum mandate_status_counts_phrase_trans(PG_FUNCTION_ARGS) {
  MemoryContext agg;
  McState* st = mc_state(fcinfo, &agg);
  int i;
  if (PG_ARGISNULL(5)) PG_RETURN_POINTER(st);
  if (!st->phrases_cxt)
    st->phrases_cxt = AllocSetContextCreate(agg, "mandate phrases", ALLOCSET_DEFAULT_SIZES);
  st->phrase_form = true;
  i = mc_slot(st, to_mdt(PG_GETARG_DATEADT(5)), soon_arg(fcinfo, 6));
  st->phrase[i] = NULL;
  if (!PG_ARGISNULL(1)) {
    text* t = PG_GETARG_TEXT_PP(1);
    size_t len = VARSIZE_ANY_EXHDR(t);
    char* s = (char*)MemoryContextAlloc(st->phrases_cxt, len + 1);
    memcpy(s, VARDATA_ANY(t), len);
    s[len] = '\0';
    st->phrase[i] = s;
  }
  st->plan_year[i] = PG_ARGISNULL(2) ? 0 : PG_GETARG_INT32(2);
  st->assigned[i] = opt_date(fcinfo, 3);
  st->completed[i] = opt_date(fcinfo, 4);
  PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(mandate_status_counts_combine);
Datum mandate_status_counts_combine(PG_FUNCTION_ARGS) {
  MemoryContext agg, old;
  McState *a, *b;
  int k;
  if (!AggCheckCallContext(fcinfo, &agg))
    ereport(ERROR, (errmsg("mandate.status_counts combine called in a non-aggregate context")));
  if (PG_ARGISNULL(1)) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    PG_RETURN_POINTER(PG_GETARG_POINTER(0));
  }
  b = (McState*)PG_GETARG_POINTER(1);
  mc_flush(b);
  if (PG_ARGISNULL(0)) {
    old = MemoryContextSwitchTo(agg);
    a = mc_new(agg);
    MemoryContextSwitchTo(old);
  } else {
    a = (McState*)PG_GETARG_POINTER(0);
    mc_flush(a);
  }
  for (k = 0; k < MG_NCOUNTS; ++k) a->counts[k] += b->counts[k];
  PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(mandate_status_counts_serial);
Datum mandate_status_counts_serial(PG_FUNCTION_ARGS) {
  McState* st = (McState*)PG_GETARG_POINTER(0);
  StringInfoData buf;
  int k;
  mc_flush(st);
  pq_begintypsend(&buf);
  for (k = 0; k < MG_NCOUNTS; ++k) pq_sendint64(&buf, (int64)st->counts[k]);
  PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(mandate_status_counts_deserial);
Datum mandate_status_counts_deserial(PG_FUNCTION_ARGS) {
  bytea* raw = PG_GETARG_BYTEA_PP(0);
  MemoryContext agg;
  StringInfoData buf;
  McState* st;
  int k;
  if (!AggCheckCallContext(fcinfo, &agg))
    ereport(ERROR, (errmsg("mandate.status_counts deserial called in a non-aggregate context")));
  if (VARSIZE_ANY_EXHDR(raw) != MG_NCOUNTS * 8)
    ereport(ERROR, (errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                    errmsg("mandate.status_counts: a partial state of %d bytes, expected %d",
                           (int)VARSIZE_ANY_EXHDR(raw), MG_NCOUNTS * 8)));
  st = mc_new(agg);
  buf.data = VARDATA_ANY(raw);
  buf.len = (int)VARSIZE_ANY_EXHDR(raw);
  buf.maxlen = buf.len;
  buf.cursor = 0;
  for (k = 0; k < MG_NCOUNTS; ++k) st->counts[k] = (uint64_t)pq_getmsgint64(&buf);
  PG_RETURN_POINTER(st);
}

static void append_rate(StringInfo s, const char* key, uint64_t num, uint64_t den) {
  if (den == 0)
    appendStringInfo(s, ", \"%s\": null", key);
  else
  {
    /* The shortest text that reads back as the same double, as `mandate aggregate` prints. */
    char buf[DOUBLE_SHORTEST_DECIMAL_LEN];
    double_to_shortest_decimal_buf((double)num / (double)den, buf);
    appendStringInfo(s, ", \"%s\": %s", key, buf);
  }
}

PG_FUNCTION_INFO_V1(mandate_status_counts_final);
Datum mandate_status_counts_final(PG_FUNCTION_ARGS) {
  uint64_t c[MG_NCOUNTS] = {0};
  StringInfoData s;
  int k;
  uint64_t completed, active;
  if (!PG_ARGISNULL(0)) {
    McState* st = (McState*)PG_GETARG_POINTER(0);
    mc_flush(st);
    memcpy(c, st->counts, sizeof c);
  }
  initStringInfo(&s);
  appendStringInfo(&s, "{\"total\": " UINT64_FORMAT, c[MG_TOTAL]);
  for (k = MG_COMPLETED_ON_TIME; k <= MG_CANCELLED; ++k)
    appendStringInfo(&s, ", \"%s\": " UINT64_FORMAT, mg_count_name(k), c[k]);
  /* The rates of `mandate aggregate`; cancelled tasks are outside every rate. */
  completed = c[MG_COMPLETED_ON_TIME] + c[MG_COMPLETED_LATE];
  active = c[MG_TOTAL] - c[MG_CANCELLED];
  append_rate(&s, "completion_rate", completed, active);
  append_rate(&s, "on_time_rate", c[MG_COMPLETED_ON_TIME], completed);
  append_rate(&s, "overdue_rate", c[MG_OVERDUE], active);
  appendStringInfoChar(&s, '}');
  PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(s.data)));
}

/* ---- calendar ------------------------------------------------------------------------ */

PG_FUNCTION_INFO_V1(mandate_is_working_day);
Datum mandate_is_working_day(PG_FUNCTION_ARGS) {
  int out = 0;
  char err[MG_ERR_SIZE] = "";
  if (mg_is_working_day(&out, to_mdt(PG_GETARG_DATEADT(0)), err) != 0)
    mg_raise("is_working_day", err);
  PG_RETURN_BOOL(out != 0);
}

PG_FUNCTION_INFO_V1(mandate_add_working_days);
Datum mandate_add_working_days(PG_FUNCTION_ARGS) {
  int32 out = 0;
  char err[MG_ERR_SIZE] = "";
  if (mg_add_working_days(&out, to_mdt(PG_GETARG_DATEADT(0)), PG_GETARG_INT32(1), err) != 0)
    mg_raise("add_working_days", err);
  PG_RETURN_DATEADT(to_pg(out));
}

PG_FUNCTION_INFO_V1(mandate_lunar_date);
Datum mandate_lunar_date(PG_FUNCTION_ARGS) {
  int32 y, m, d;
  int leap;
  char err[MG_ERR_SIZE] = "";
  TupleDesc desc;
  Datum values[4];
  bool nulls[4] = {false, false, false, false};
  if (mg_lunar(&y, &m, &d, &leap, to_mdt(PG_GETARG_DATEADT(0)), err) != 0)
    mg_raise("lunar_date", err);
  if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
    ereport(ERROR, (errmsg("mandate.lunar_date: the result type is not composite")));
  desc = BlessTupleDesc(desc);
  values[0] = Int32GetDatum(y);
  values[1] = Int32GetDatum(m);
  values[2] = Int32GetDatum(d);
  values[3] = BoolGetDatum(leap != 0);
  PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

/* ---- report -------------------------------------------------------------------------- */

static const char* const kCsvColumns[] = {"id",     "title",    "lead",     "coordinators",
                                          "category", "source", "assigned", "deadline",
                                          "completed", "note"};
#define N_CSV_COLUMNS ((int)(sizeof kCsvColumns / sizeof kCsvColumns[0]))

static void csv_field(StringInfo s, const char* v) {
  appendStringInfoChar(s, '"');
  for (; *v; ++v) {
    if (*v == '"') appendStringInfoChar(s, '"');
    appendStringInfoChar(s, *v);
  }
  appendStringInfoChar(s, '"');
}

PG_FUNCTION_INFO_V1(mandate_report);
Datum mandate_report(PG_FUNCTION_ARGS) {
  char* query;
  int32 as_of, since;
  char *format, *lang;
  char err[MG_ERR_SIZE] = "";
  StringInfoData csv;
  int cols[N_CSV_COLUMNS];
  int ret, c;
  uint64 r;
  char* out = NULL;
  size_t out_len = 0;
  text* result;
  if (PG_ARGISNULL(0) || PG_ARGISNULL(1)) PG_RETURN_NULL();
  query = text_to_cstring(PG_GETARG_TEXT_PP(0));
  as_of = to_mdt(PG_GETARG_DATEADT(1));
  since = opt_date(fcinfo, 2);
  format = PG_ARGISNULL(3) ? pstrdup("md") : text_to_cstring(PG_GETARG_TEXT_PP(3));
  lang = PG_ARGISNULL(4) ? pstrdup("vi") : text_to_cstring(PG_GETARG_TEXT_PP(4));

  initStringInfo(&csv);
  for (c = 0; c < N_CSV_COLUMNS; ++c) appendStringInfo(&csv, "%s%s", c ? "," : "", kCsvColumns[c]);
  appendStringInfoChar(&csv, '\n');

  if (SPI_connect() != SPI_OK_CONNECT) ereport(ERROR, (errmsg("mandate.report: SPI_connect failed")));
  ret = SPI_execute(query, true, 0);
  if (ret != SPI_OK_SELECT || SPI_tuptable == NULL)
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("mandate.report: tasks_query must be a SELECT returning rows")));
  for (c = 0; c < N_CSV_COLUMNS; ++c) {
    cols[c] = SPI_fnumber(SPI_tuptable->tupdesc, kCsvColumns[c]);
    if (cols[c] <= 0 && c < 2)
      ereport(ERROR, (errcode(ERRCODE_UNDEFINED_COLUMN),
                      errmsg("mandate.report: tasks_query has no column \"%s\"", kCsvColumns[c]),
                      errhint("Name the columns as the CSV dataset format: id, title, lead, "
                              "coordinators, category, source, assigned, deadline, completed.")));
  }
  for (r = 0; r < SPI_processed; ++r) {
    HeapTuple tup = SPI_tuptable->vals[r];
    TupleDesc desc = SPI_tuptable->tupdesc;
    for (c = 0; c < N_CSV_COLUMNS; ++c) {
      if (c) appendStringInfoChar(&csv, ',');
      if (cols[c] > 0) {
        bool isnull;
        Datum v = SPI_getbinval(tup, desc, cols[c], &isnull);
        if (isnull) continue;
        if (SPI_gettypeid(desc, cols[c]) == DATEOID) {
          /* ISO days whatever DateStyle says */
          int y, m, d;
          DateADT day = DatumGetDateADT(v);
          if (DATE_NOT_FINITE(day))
            ereport(ERROR, (errmsg("mandate.report: infinite date in column \"%s\"",
                                   kCsvColumns[c])));
          j2date(day + POSTGRES_EPOCH_JDATE, &y, &m, &d);
          appendStringInfo(&csv, "%04d-%02d-%02d", y, m, d);
        } else {
          csv_field(&csv, SPI_getvalue(tup, desc, cols[c]));
        }
      }
    }
    appendStringInfoChar(&csv, '\n');
  }
  SPI_finish();

  if (mg_report_csv(&out, &out_len, csv.data, csv.len, as_of, since, format, lang, 7, err) != 0)
    mg_raise("report", err);
  result = cstring_to_text_with_len(out, (int)out_len);
  mg_free_string(out);
  PG_RETURN_TEXT_P(result);
}

PG_FUNCTION_INFO_V1(mandate_library_version);
Datum mandate_library_version(PG_FUNCTION_ARGS) { PG_RETURN_TEXT_P(cstring_to_text(mg_version())); }
