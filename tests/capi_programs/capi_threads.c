/* Thread safety of the C ABI, as mandate.h documents it, exercised from plain C with
 * pthreads: many readers on one dataset at once, one writer adding tasks and events while
 * readers classify, and independent datasets on separate threads. ctest runs it in the
 * normal build, under ASan, and in a ThreadSanitizer sub-build (tests/capi_programs/tsan.sh).
 * Exit status 0 when every invariant held. */
#include <mandate.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define READERS 4
#define INITIAL_TASKS 200
#define WRITER_TASKS 200
#define ROUNDS 40

static int failures = 0;
static pthread_mutex_t failures_mu = PTHREAD_MUTEX_INITIALIZER;

static void check(int ok, const char* what) {
  if (!ok) {
    pthread_mutex_lock(&failures_mu);
    ++failures;
    fprintf(stderr, "FAILED: %s (%s)\n", what, mdt_last_error());
    pthread_mutex_unlock(&failures_mu);
  }
}

static mdt_date day(const char* iso) {
  mdt_date d = MDT_NO_DATE;
  check(mdt_date_parse(&d, iso, MDT_NUL_TERMINATED) == MDT_OK, iso);
  return d;
}

static const char* const kDeadlines[] = {
    "Tháng 9/2025", "Quý IV", "Hằng tháng", "2025", "trước ngày 20/12/2025", "Thường xuyên"};

static void add_task(mdt_dataset* ds, const char* prefix, int i) {
  char id[64];
  const char* lead[] = {"BKHCN"};
  mdt_task_input t = MDT_TASK_INPUT_INIT;
  snprintf(id, sizeof id, "%s-%d", prefix, i);
  t.id = id;
  t.title = "Nhiệm vụ chuyển đổi số";
  t.lead = lead;
  t.lead_count = 1;
  t.deadline_text = kDeadlines[i % 6];
  mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
  ctx.plan_year = 2025;
  t.deadline_context = &ctx;
  check(mdt_dataset_add_task(NULL, ds, &t) == MDT_OK, "add_task");
  if (i % 3 == 0) check(mdt_dataset_complete_task(ds, id, day("2025-08-15")) == MDT_OK, "complete");
  if (i % 5 == 0) {
    check(mdt_dataset_report_progress(ds, id, day("2025-07-01"), 50, "Đang làm") == MDT_OK,
          "progress");
  }
}

struct reader_args {
  mdt_dataset* ds;
  size_t min_tasks;
};

static void* reader(void* p) {
  struct reader_args* a = (struct reader_args*)p;
  static int32_t buf[READERS][INITIAL_TASKS + WRITER_TASKS];
  static int next_slot = 0;
  int slot, r;
  pthread_mutex_lock(&failures_mu);
  slot = next_slot++ % READERS;
  pthread_mutex_unlock(&failures_mu);
  for (r = 0; r < ROUNDS; ++r) {
    mdt_status_counts c = MDT_STATUS_COUNTS_INIT;
    size_t n = 0, before = 0, after = 0;
    uint32_t idx = 0;
    char* id = NULL;
    mdt_classification_iter* it = NULL;
    int has = 0, rows = 0;
    check(mdt_dataset_task_count(&before, a->ds) == MDT_OK, "task_count");
    check(mdt_classify_count(&c, a->ds, day("2025-10-01"), NULL) == MDT_OK, "classify_count");
    check(mdt_dataset_task_count(&after, a->ds) == MDT_OK, "task_count");
    /* A reader sees the dataset before or after a write, never half of it. */
    check(c.total + c.not_yet_assigned >= before && c.total + c.not_yet_assigned <= after,
          "counts between the task counts around them");
    check(before >= a->min_tasks && after <= INITIAL_TASKS + WRITER_TASKS, "task count bounds");
    n = 0;
    {
      mdt_status st = mdt_classify_all(buf[slot], INITIAL_TASKS + WRITER_TASKS, &n, a->ds,
                                       day("2025-10-01"), NULL);
      check(st == MDT_OK && n >= before, "classify_all");
    }
    check(mdt_dataset_find_task(&idx, a->ds, "seed-7") == MDT_OK, "find_task");
    check(mdt_dataset_task_id(&id, NULL, a->ds, idx) == MDT_OK && strcmp(id, "seed-7") == 0,
          "task_id");
    mdt_string_free(id);
    check(mdt_classification_iter_new(&it, a->ds, day("2025-12-31"), NULL) == MDT_OK, "iter_new");
    while (mdt_classification_iter_next(&has, NULL, NULL, it) == MDT_OK && has) {
      if (rows++ % 50 == 0) {
        mdt_classification* c1 = NULL;
        check(mdt_classification_iter_detail(&c1, it) == MDT_OK, "iter_detail");
        mdt_classification_free(c1);
      }
    }
    check((size_t)rows >= before, "iterator rows");
    mdt_classification_iter_free(it);
  }
  return NULL;
}

static void* writer(void* p) {
  mdt_dataset* ds = (mdt_dataset*)p;
  int i;
  for (i = 0; i < WRITER_TASKS; ++i) add_task(ds, "new", i);
  return NULL;
}

static void* independent(void* p) {
  int which = *(int*)p, i;
  mdt_dataset* ds = NULL;
  mdt_status_counts c = MDT_STATUS_COUNTS_INIT;
  char prefix[16];
  snprintf(prefix, sizeof prefix, "own%d", which);
  check(mdt_dataset_new(&ds, NULL) == MDT_OK, "dataset_new");
  for (i = 0; i < 150; ++i) add_task(ds, prefix, i);
  check(mdt_classify_count(&c, ds, day("2025-10-01"), NULL) == MDT_OK, "own classify");
  check(c.total == 150, "own total");
  /* Every third task completed on 2025-08-15, before any of their due days. */
  check(c.by_status[MDT_TASK_COMPLETED_ON_TIME] == 50, "own completed on time");
  mdt_dataset_free(ds);
  return NULL;
}

int main(void) {
  mdt_dataset* ds = NULL;
  pthread_t readers[READERS], w, own[3];
  struct reader_args args;
  int i, which[3] = {0, 1, 2};
  size_t n = 0;

  check(mdt_dataset_new(&ds, NULL) == MDT_OK, "dataset_new");
  for (i = 0; i < INITIAL_TASKS; ++i) add_task(ds, "seed", i);
  args.ds = ds;
  args.min_tasks = INITIAL_TASKS;

  /* 1. Concurrent readers only. */
  for (i = 0; i < READERS; ++i) pthread_create(&readers[i], NULL, reader, &args);
  for (i = 0; i < READERS; ++i) pthread_join(readers[i], NULL);
  /* 2. One writer with readers; 3. independent datasets at the same time. */
  pthread_create(&w, NULL, writer, ds);
  for (i = 0; i < 3; ++i) pthread_create(&own[i], NULL, independent, &which[i]);
  for (i = 0; i < READERS; ++i) pthread_create(&readers[i], NULL, reader, &args);
  pthread_join(w, NULL);
  for (i = 0; i < READERS; ++i) pthread_join(readers[i], NULL);
  for (i = 0; i < 3; ++i) pthread_join(own[i], NULL);

  check(mdt_dataset_task_count(&n, ds) == MDT_OK && n == INITIAL_TASKS + WRITER_TASKS,
        "every write landed");
  mdt_dataset_free(ds);
  if (failures) {
    fprintf(stderr, "%d failures\n", failures);
    return 1;
  }
  printf("threads OK: %d readers x %d rounds, 1 writer, 3 independent datasets\n", READERS, ROUNDS);
  return 0;
}
