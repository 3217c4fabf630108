/* The public header must compile on its own as strict C99 (libgit2 tests/headertest), and
 * every _INIT macro must initialise its struct completely (-Wmissing-field-initializers is
 * on with -Wextra in C), so that C users get no warnings. Compiled twice: as is, and with
 * MDT_EXPERIMENTAL (headertest_experimental.c) for the experimental section. */
#include "mandate.h"

#if defined(MDT_EXPERIMENTAL)
#define MDT_HEADERTEST_FN mdt_headertest_c_experimental
#else
#define MDT_HEADERTEST_FN mdt_headertest_c
#endif

int MDT_HEADERTEST_FN(void);
int MDT_HEADERTEST_FN(void) {
  mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
  mdt_deadline_info di = MDT_DEADLINE_INFO_INIT;
  mdt_task_input ti = MDT_TASK_INPUT_INIT;
  mdt_event_input ei = MDT_EVENT_INPUT_INIT;
  mdt_deadline_change_input dc = MDT_DEADLINE_CHANGE_INPUT_INIT;
  mdt_target_input tg = MDT_TARGET_INPUT_INIT;
  mdt_measurement_input mi = MDT_MEASUREMENT_INPUT_INIT;
  mdt_classify_options co = MDT_CLASSIFY_OPTIONS_INIT;
  mdt_classification_info ci = MDT_CLASSIFICATION_INFO_INIT;
  mdt_status_counts sc = MDT_STATUS_COUNTS_INIT;
  mdt_load_options lo = MDT_LOAD_OPTIONS_INIT;
  mdt_target_options to = MDT_TARGET_OPTIONS_INIT;
  mdt_target_evaluation_info te = MDT_TARGET_EVALUATION_INFO_INIT;
  mdt_aggregate_options ao = MDT_AGGREGATE_OPTIONS_INIT;
  mdt_rank_options ro = MDT_RANK_OPTIONS_INIT;
  mdt_report_options rp = MDT_REPORT_OPTIONS_INIT;
  /* Each macro sets its struct's current version (no count to keep: the test
   * init_macros_are_tested checks that every versioned struct's _INIT is used here). */
  int ok =
      ctx.version == MDT_DEADLINE_CONTEXT_VERSION && di.version == MDT_DEADLINE_INFO_VERSION &&
      ti.version == MDT_TASK_INPUT_VERSION && ei.version == MDT_EVENT_INPUT_VERSION &&
      dc.version == MDT_DEADLINE_CHANGE_INPUT_VERSION && tg.version == MDT_TARGET_INPUT_VERSION &&
      mi.version == MDT_MEASUREMENT_INPUT_VERSION && co.version == MDT_CLASSIFY_OPTIONS_VERSION &&
      ci.version == MDT_CLASSIFICATION_INFO_VERSION && sc.version == MDT_STATUS_COUNTS_VERSION &&
      lo.version == MDT_LOAD_OPTIONS_VERSION && to.version == MDT_TARGET_OPTIONS_VERSION &&
      te.version == MDT_TARGET_EVALUATION_INFO_VERSION &&
      ao.version == MDT_AGGREGATE_OPTIONS_VERSION && ro.version == MDT_RANK_OPTIONS_VERSION &&
      rp.version == MDT_REPORT_OPTIONS_VERSION;
#if defined(MDT_EXPERIMENTAL)
  {
    mdt_task_lists_options tl = MDT_TASK_LISTS_OPTIONS_INIT;
    ok = ok && tl.version == MDT_TASK_LISTS_OPTIONS_VERSION;
  }
#endif
  return MDT_VERSION_NUMBER > 0 && ok ? (int)MDT_OK : 1;
}
