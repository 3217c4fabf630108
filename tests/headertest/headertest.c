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
  unsigned sum = ctx.version + di.version + ti.version + ei.version + dc.version + tg.version +
                 mi.version + co.version + ci.version + sc.version + lo.version + to.version +
                 te.version + ao.version + ro.version + rp.version;
#if defined(MDT_EXPERIMENTAL)
  {
    mdt_task_lists_options tl = MDT_TASK_LISTS_OPTIONS_INIT;
    sum += tl.version;
    return MDT_VERSION_NUMBER > 0 && sum == 17 ? (int)MDT_OK : 1;
  }
#else
  return MDT_VERSION_NUMBER > 0 && sum == 16 ? (int)MDT_OK : 1;
#endif
}
