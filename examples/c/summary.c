/* Loads a dataset through the C ABI, classifies every task as of a day and prints the
 * summary counts, one "name value" line each:
 *
 *     summary [DATASET.json] [YYYY-MM-DD]
 *
 * Defaults: the bundled examples/data/plan-2025.json and 2025-09-23. Exit status 1 with
 * the library's message on any failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mandate.h>

#ifndef MANDATE_EXAMPLE_DATA
#define MANDATE_EXAMPLE_DATA "plan-2025.json"
#endif

static int fail(const char* what, mdt_status status) {
  fprintf(stderr, "summary: %s: %s: %s\n", what, mdt_status_name(status), mdt_last_error());
  return 1;
}

int main(int argc, char** argv) {
  const char* path = argc > 1 ? argv[1] : MANDATE_EXAMPLE_DATA;
  const char* day = argc > 2 ? argv[2] : "2025-09-23";
  mdt_dataset* ds = NULL;
  mdt_problems* problems = NULL;
  mdt_status_counts counts = MDT_STATUS_COUNTS_INIT;
  mdt_date as_of = 0;
  mdt_status st;
  size_t n = 0, i;
  int s;

  if (mdt_version_number() / 1000000 != MDT_VERSION_MAJOR) {
    fprintf(stderr, "summary: built for mandate %s, loaded %s\n", MDT_VERSION_STRING, mdt_version());
    return 1;
  }
  st = mdt_date_parse(&as_of, day, MDT_NUL_TERMINATED);
  if (st != MDT_OK) return fail(day, st);
  st = mdt_dataset_load_json(&ds, &problems, path, NULL);
  if (st != MDT_OK) {
    mdt_problems_free(problems);
    return fail(path, st);
  }
  if (mdt_problems_count(&n, problems) == MDT_OK) {
    for (i = 0; i < n; ++i) {
      const char *record = NULL, *field = NULL, *message = NULL;
      if (mdt_problems_get(&record, &field, &message, problems, i) == MDT_OK) {
        fprintf(stderr, "summary: %s: %s: %s\n", record, field, message);
      }
    }
  }
  mdt_problems_free(problems);

  st = mdt_classify_count(&counts, ds, as_of, NULL);
  mdt_dataset_free(ds);
  if (st != MDT_OK) return fail("classify", st);

  printf("as_of %s\n", day);
  printf("total %llu\n", (unsigned long long)counts.total);
  for (s = 0; s < MDT_TASK_STATUS_COUNT; ++s) {
    printf("%s %llu\n", mdt_task_status_name((mdt_task_status)s),
           (unsigned long long)counts.by_status[s]);
  }
  printf("not_yet_assigned %llu\n", (unsigned long long)counts.not_yet_assigned);
  return 0;
}
