// Aggregation, change between two days, task lists and targets across the C ABI, checked
// against the C++ core on the seed plan.
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "capi_fixture.h"
#include "mandate/aggregate.h"
#include "mandate/aggregate_change.h"
#include "mandate/aggregate_rank.h"
#include "mandate/dataset_json.h"
#include "mandate/target_status.h"

namespace mandate::capi_test {
namespace {

struct SeedPlan : ::testing::Test {
  void SetUp() override {
    NewSeedPlanDataset(&ds);
    ASSERT_FALSE(HasFatalFailure());
    mdt_dataset* d = ds.get();
    // A little history so the counts are not all one status.
    for (const char* id : {"KH25-III-1", "KH25-III-2", "KH25-III-3", "KH25-V-1"}) {
      ASSERT_MDT_OK(mdt_dataset_complete_task(d, id, Date("2025-09-15")));
    }
    ASSERT_MDT_OK(mdt_dataset_complete_task(d, "KH25-III-4", Date("2025-10-20")));
    // The same dataset in the core, through the JSON the C ABI writes.
    char* json = nullptr;
    size_t len = 0;
    ASSERT_MDT_OK(mdt_dataset_write_json(&json, &len, d));
    String owned(json);
    auto c = ReadDatasetJson(std::string_view(json, len));
    ASSERT_TRUE(c.ok()) << c.status();
    core = std::make_unique<mandate::Dataset>(*std::move(c));
  }
  Dataset ds;
  std::unique_ptr<mandate::Dataset> core;
};

TEST_F(SeedPlan, PerAgencyCountsEqualTheCore) {
  const int32_t by[] = {MDT_DIM_LEAD};
  mdt_aggregate_options opts = MDT_AGGREGATE_OPTIONS_INIT;
  opts.by = by;
  opts.by_count = 1;
  mdt_aggregate_result* r = nullptr;
  ASSERT_MDT_OK(mdt_aggregate(&r, ds.get(), Date("2025-10-01"), &opts));
  AggPtr owned(r);

  AggregateQuery q;
  q.as_of = *ParseIsoDay("2025-10-01");
  q.by = {Dimension::kLead};
  auto want = Aggregate(*core, q);
  ASSERT_TRUE(want.ok());
  size_t groups = 0, dims = 0;
  ASSERT_MDT_OK(mdt_aggregate_group_count(&groups, r));
  ASSERT_MDT_OK(mdt_aggregate_dimension_count(&dims, r));
  ASSERT_EQ(groups, want->groups.size());
  EXPECT_EQ(dims, 1u);
  EXPECT_GT(groups, 20u);
  std::uint64_t sum = 0;
  for (size_t g = 0; g < groups; ++g) {
    const char* label = nullptr;
    size_t len = 0;
    ASSERT_MDT_OK(mdt_aggregate_label(&label, &len, r, g, 0));
    const auto expect = want->Label(g, 0);
    ASSERT_EQ(label != nullptr, expect.has_value());
    if (label) {
      EXPECT_EQ(std::string(label, len), *expect);
    }
    mdt_status_counts c = MDT_STATUS_COUNTS_INIT;
    ASSERT_MDT_OK(mdt_aggregate_counts(&c, r, g));
    EXPECT_EQ(c.total, want->groups[g].counts.total());
    for (int s = 0; s < MDT_TASK_STATUS_COUNT; ++s)
      EXPECT_EQ(c.by_status[s], want->groups[g].counts.n[s]);
    sum += c.total;
  }
  mdt_status_counts totals = MDT_STATUS_COUNTS_INIT;
  ASSERT_MDT_OK(mdt_aggregate_counts(&totals, r, MDT_AGGREGATE_TOTALS));
  EXPECT_EQ(totals.total, want->totals.total());
  EXPECT_GT(sum, totals.total);  // a task with several leads counts for each of them
  EXPECT_EQ(totals.by_status[MDT_TASK_COMPLETED_ON_TIME], 4u);

  // Measures and the top five by total, as the core ranks them.
  double v = 0;
  ASSERT_MDT_OK(mdt_aggregate_measure(&v, r, MDT_AGGREGATE_TOTALS, MDT_MEASURE_ON_TIME_RATE));
  EXPECT_FALSE(std::isnan(v));
  EXPECT_DOUBLE_EQ(v, *MeasureValue(want->totals, Measure::kOnTimeRate));
  ASSERT_MDT_OK(mdt_aggregate_measure(&v, r, 0, MDT_MEASURE_TOTAL));
  EXPECT_EQ(v, want->groups[0].counts.total());
  mdt_rank_options ro = MDT_RANK_OPTIONS_INIT;
  ro.limit = 5;
  size_t top[5], n = 0;
  EXPECT_MDT_ERR(MDT_ERR_BUFFER_TOO_SMALL, "5 are needed", mdt_aggregate_rank(top, 2, &n, r, &ro));
  EXPECT_EQ(n, 5u);
  ASSERT_MDT_OK(mdt_aggregate_rank(top, 5, &n, r, &ro));
  const auto expect_top = Rank(*want, RankOptions{.limit = 5});
  ASSERT_EQ(n, expect_top.size());
  for (size_t i = 0; i < n; ++i) EXPECT_EQ(top[i], expect_top[i]);
  const char* first = nullptr;
  ASSERT_MDT_OK(mdt_aggregate_label(&first, nullptr, r, top[0], 0));
  EXPECT_STREQ(first, "BKHCN");  // the Ministry of Science and Technology leads the most

  // Errors.
  EXPECT_EQ(mdt_aggregate_counts(&totals, r, groups), MDT_ERR_OUT_OF_RANGE);
  EXPECT_EQ(mdt_aggregate_label(&first, nullptr, r, 0, 1), MDT_ERR_OUT_OF_RANGE);
  EXPECT_EQ(mdt_aggregate_measure(&v, r, 0, static_cast<mdt_measure>(11)),
            MDT_ERR_INVALID_ARGUMENT);
  ro.measure = -1;
  EXPECT_EQ(mdt_aggregate_rank(top, 5, &n, r, &ro), MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_aggregate_rank(top, 5, nullptr, r, nullptr), MDT_ERR_INVALID_ARGUMENT);
}

TEST_F(SeedPlan, DimensionsWindowsAndOptions) {
  const int32_t by[] = {MDT_DIM_CATEGORY, MDT_DIM_STATUS};
  mdt_aggregate_options opts = MDT_AGGREGATE_OPTIONS_INIT;
  opts.by = by;
  opts.by_count = 2;
  opts.threads = 2;
  mdt_aggregate_result* r = nullptr;
  ASSERT_MDT_OK(mdt_aggregate(&r, ds.get(), Date("2025-10-01"), &opts));
  AggPtr owned(r);
  size_t groups = 0;
  ASSERT_MDT_OK(mdt_aggregate_group_count(&groups, r));
  EXPECT_GE(groups, 4u);  // four sections, at least one status each
  const char* status = nullptr;
  ASSERT_MDT_OK(mdt_aggregate_label(&status, nullptr, r, 0, 1));
  mdt_task_status s{};
  EXPECT_MDT_OK(mdt_task_status_from_name(&s, status));

  // A completion window keeps only what was completed in it.
  opts = MDT_AGGREGATE_OPTIONS_INIT;
  opts.completed_from = Date("2025-10-01");
  opts.completed_to = Date("2025-10-31");
  mdt_aggregate_result* w = nullptr;
  ASSERT_MDT_OK(mdt_aggregate(&w, ds.get(), Date("2025-11-30"), &opts));
  AggPtr wo(w);
  mdt_status_counts c = MDT_STATUS_COUNTS_INIT;
  ASSERT_MDT_OK(mdt_aggregate_counts(&c, w, MDT_AGGREGATE_TOTALS));
  EXPECT_EQ(c.total, 1u);
  // KH25-III-4 is "Thường xuyên": no due day, so its completion is on time.
  EXPECT_EQ(c.by_status[MDT_TASK_COMPLETED_ON_TIME], 1u);
  ASSERT_MDT_OK(mdt_aggregate_group_count(&groups, w));
  EXPECT_EQ(groups, 1u);  // no dimension: one group, equal to the totals
  mdt_status_counts g0 = MDT_STATUS_COUNTS_INIT;
  ASSERT_MDT_OK(mdt_aggregate_counts(&g0, w, 0));
  EXPECT_EQ(g0.total, c.total);
  EXPECT_EQ(g0.by_status[MDT_TASK_COMPLETED_ON_TIME], 1u);
  double v = 0;
  opts.completed_from = Date("2030-01-01");
  opts.completed_to = Date("2030-12-31");
  mdt_aggregate_result* empty = nullptr;
  ASSERT_MDT_OK(mdt_aggregate(&empty, ds.get(), Date("2025-11-30"), &opts));
  AggPtr eo(empty);
  ASSERT_MDT_OK(
      mdt_aggregate_measure(&v, empty, MDT_AGGREGATE_TOTALS, MDT_MEASURE_COMPLETION_RATE));
  EXPECT_TRUE(std::isnan(v));

  mdt_aggregate_result* bad = nullptr;
  const int32_t twice[] = {MDT_DIM_LEAD, MDT_DIM_LEAD};
  opts = MDT_AGGREGATE_OPTIONS_INIT;
  opts.by = twice;
  opts.by_count = 2;
  EXPECT_EQ(mdt_aggregate(&bad, ds.get(), Date("2025-10-01"), &opts), MDT_ERR_INVALID_ARGUMENT);
  const int32_t nonsense[] = {42};
  opts.by = nonsense;
  opts.by_count = 1;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "by[0]",
                 mdt_aggregate(&bad, ds.get(), Date("2025-10-01"), &opts));
  opts = MDT_AGGREGATE_OPTIONS_INIT;
  opts.by_count = 1;
  EXPECT_EQ(mdt_aggregate(&bad, ds.get(), Date("2025-10-01"), &opts), MDT_ERR_INVALID_ARGUMENT);
  opts = MDT_AGGREGATE_OPTIONS_INIT;
  opts.due_from = Date("2025-12-01");
  opts.due_to = Date("2025-01-01");
  EXPECT_EQ(mdt_aggregate(&bad, ds.get(), Date("2025-10-01"), &opts), MDT_ERR_INVALID_ARGUMENT);
  opts = MDT_AGGREGATE_OPTIONS_INIT;
  opts.threads = 0;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "threads",
                 mdt_aggregate(&bad, ds.get(), Date("2025-10-01"), &opts));
  EXPECT_EQ(mdt_aggregate(&bad, ds.get(), MDT_NO_DATE, nullptr), MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(bad, nullptr);
  EXPECT_STREQ(mdt_dimension_name(MDT_DIM_DUE_MONTH), "due_month");
  EXPECT_STREQ(mdt_dimension_name(static_cast<mdt_dimension>(9)), "unknown");
  EXPECT_STREQ(mdt_measure_name(MDT_MEASURE_OVERDUE_RATE), "overdue_rate");
  EXPECT_STREQ(mdt_measure_name(static_cast<mdt_measure>(11)), "unknown");
  for (int d = 0; d < kDimensionCount; ++d) {
    EXPECT_EQ(mdt_dimension_name(static_cast<mdt_dimension>(d)),
              EnumName(static_cast<Dimension>(d)));
  }
  for (int m = 0; m < kMeasureCount; ++m) {
    EXPECT_EQ(mdt_measure_name(static_cast<mdt_measure>(m)), EnumName(static_cast<Measure>(m)));
  }
}

TEST_F(SeedPlan, ChangeBetweenTwoMeetings) {
  mdt_task_change* ch = nullptr;
  ASSERT_MDT_OK(
      mdt_task_change_compute(&ch, ds.get(), Date("2025-09-01"), Date("2025-10-31"), nullptr));
  ChangePtr owned(ch);
  const TaskChange want =
      ComputeChange(*core, *ParseIsoDay("2025-09-01"), *ParseIsoDay("2025-10-31"));
  const std::pair<mdt_change_kind, const std::vector<TaskIndex>*> kinds[] = {
      {MDT_CHANGE_NEWLY_ASSIGNED, &want.newly_assigned},
      {MDT_CHANGE_NEWLY_COMPLETED, &want.newly_completed},
      {MDT_CHANGE_NEWLY_OVERDUE, &want.newly_overdue}};
  for (const auto& [kind, expect] : kinds) {
    size_t n = 0;
    EXPECT_EQ(mdt_task_change_tasks(nullptr, 0, &n, ch, kind), MDT_OK);  // a count query
    std::vector<uint32_t> got(n);
    ASSERT_MDT_OK(mdt_task_change_tasks(got.data(), got.size(), &n, ch, kind));
    EXPECT_EQ(got, std::vector<uint32_t>(expect->begin(), expect->end()));
  }
  EXPECT_EQ(want.newly_completed.size(), 5u);
  EXPECT_GT(want.newly_overdue.size(), 10u);  // "Tháng 9/2025" tasks fell due
  size_t n = 0;
  EXPECT_EQ(mdt_task_change_tasks(nullptr, 0, &n, ch, static_cast<mdt_change_kind>(3)),
            MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_task_change_compute(&ch, ds.get(), MDT_NO_DATE, Date("2025-10-31"), nullptr),
            MDT_ERR_INVALID_ARGUMENT);
}

TEST_F(SeedPlan, OverdueAndDueListsForTheReport) {
  mdt_task_lists* by_agency = nullptr;
  ASSERT_MDT_OK(mdt_task_lists_new(&by_agency, ds.get(), MDT_LIST_OVERDUE_BY_AGENCY,
                                   Date("2025-10-15"), nullptr));
  ListsPtr a(by_agency);
  size_t groups = 0;
  ASSERT_MDT_OK(mdt_task_lists_group_count(&groups, by_agency));
  ASSERT_GT(groups, 0u);
  const char* key = nullptr;
  size_t tasks = 0;
  ASSERT_MDT_OK(mdt_task_lists_group(&key, &tasks, by_agency, 0));
  ASSERT_GT(tasks, 0u);
  uint32_t task = 0;
  mdt_date due = 0;
  int32_t days = 0;
  ASSERT_MDT_OK(mdt_task_lists_task(&task, &due, &days, by_agency, 0, 0));
  mdt_classification* c = nullptr;
  ASSERT_MDT_OK(mdt_classify_task(&c, ds.get(), task, Date("2025-10-15"), nullptr));
  ClassificationPtr cp(c);
  mdt_classification_info info = MDT_CLASSIFICATION_INFO_INIT;
  ASSERT_MDT_OK(mdt_classification_get_info(&info, c));
  EXPECT_EQ(info.status, MDT_TASK_OVERDUE);
  if (due != MDT_NO_DATE) {
    EXPECT_EQ(days, Date("2025-10-15") - due);
  }
  EXPECT_EQ(mdt_task_lists_task(&task, &due, &days, by_agency, 0, tasks), MDT_ERR_OUT_OF_RANGE);
  EXPECT_EQ(mdt_task_lists_group(&key, &tasks, by_agency, groups), MDT_ERR_OUT_OF_RANGE);

  mdt_task_lists* by_cat = nullptr;
  ASSERT_MDT_OK(mdt_task_lists_new(&by_cat, ds.get(), MDT_LIST_OVERDUE_BY_CATEGORY,
                                   Date("2025-10-15"), nullptr));
  ListsPtr b(by_cat);
  size_t total = 0;
  ASSERT_MDT_OK(mdt_task_lists_group_count(&groups, by_cat));
  for (size_t g = 0; g < groups; ++g) {
    ASSERT_MDT_OK(mdt_task_lists_group(nullptr, &tasks, by_cat, g));
    total += tasks;
  }
  mdt_status_counts counts = MDT_STATUS_COUNTS_INIT;
  ASSERT_MDT_OK(mdt_classify_count(&counts, ds.get(), Date("2025-10-15"), nullptr));
  EXPECT_EQ(total, counts.by_status[MDT_TASK_OVERDUE]);  // by category every task once

  mdt_task_lists* due_soon = nullptr;
  mdt_task_lists_options lo;
  ASSERT_MDT_OK(mdt_task_lists_options_init(&lo, MDT_TASK_LISTS_OPTIONS_VERSION));
  EXPECT_EQ(lo.within_days, 30);
  lo.within_days = 10;
  lo.category_level = 1;
  ASSERT_MDT_OK(mdt_task_lists_new(&due_soon, ds.get(), MDT_LIST_DUE_WITHIN_BY_CATEGORY,
                                   Date("2025-10-25"), &lo));
  ListsPtr d(due_soon);
  ASSERT_MDT_OK(mdt_task_lists_group_count(&groups, due_soon));
  ASSERT_GT(groups, 0u);  // "Tháng 10/2025" tasks are due on 31/10
  ASSERT_MDT_OK(mdt_task_lists_task(&task, &due, &days, due_soon, 0, 0));
  EXPECT_EQ(due, Date("2025-10-31"));
  EXPECT_EQ(days, 6);

  mdt_task_lists* bad = nullptr;
  EXPECT_EQ(mdt_task_lists_new(&bad, ds.get(), static_cast<mdt_list_kind>(5), Date("2025-10-15"),
                               nullptr),
            MDT_ERR_INVALID_ARGUMENT);
  lo = MDT_TASK_LISTS_OPTIONS_INIT;
  lo.within_days = -1;
  EXPECT_MDT_ERR(
      MDT_ERR_INVALID_ARGUMENT, "within_days",
      mdt_task_lists_new(&bad, ds.get(), MDT_LIST_DUE_WITHIN_BY_CATEGORY, Date("2025-10-15"), &lo));
  lo = MDT_TASK_LISTS_OPTIONS_INIT;
  lo.category_level = -2;
  EXPECT_MDT_ERR(
      MDT_ERR_INVALID_ARGUMENT, "category_level",
      mdt_task_lists_new(&bad, ds.get(), MDT_LIST_OVERDUE_BY_CATEGORY, Date("2025-10-15"), &lo));
  EXPECT_EQ(bad, nullptr);
  EXPECT_EQ(mdt_task_lists_group_count(&groups, nullptr), MDT_ERR_INVALID_HANDLE);
}

TEST(CApiTargets, EvaluationNationalAndPerLocality) {
  mdt_dataset* d = nullptr;
  ASSERT_MDT_OK(mdt_dataset_new(&d, nullptr));
  Dataset ds(d);
  mdt_target_input t = MDT_TARGET_INPUT_INIT;
  t.id = "5G";
  t.name = "Phủ sóng 5G";
  t.unit = "%";
  t.baseline = 0;
  t.baseline_date = Date("2025-01-01");
  t.target = 100;
  t.deadline = Date("2025-12-31");
  ASSERT_MDT_OK(mdt_dataset_add_target(d, &t));
  mdt_measurement_input m = MDT_MEASUREMENT_INPUT_INIT;
  m.date = Date("2025-07-01");
  m.value = 60;  // ahead of the straight line (about 50% by July)
  ASSERT_MDT_OK(mdt_dataset_add_measurement(d, "5G", &m));
  m.locality = "HNI";
  m.value = 10;  // far behind
  ASSERT_MDT_OK(mdt_dataset_add_measurement(d, "5G", &m));

  mdt_target_evaluations* e = nullptr;
  ASSERT_MDT_OK(mdt_target_evaluate(&e, d, "5G", "", Date("2025-07-02"), nullptr));
  EvalPtr owned(e);
  size_t n = 0;
  ASSERT_MDT_OK(mdt_target_evaluations_count(&n, e));
  ASSERT_EQ(n, 1u);
  mdt_target_evaluation_info info = MDT_TARGET_EVALUATION_INFO_INIT;
  ASSERT_MDT_OK(mdt_target_evaluations_get(&info, e, 0));
  EXPECT_STREQ(info.locality, "");
  EXPECT_EQ(info.status, MDT_TARGET_ON_TRACK) << info.reason;
  EXPECT_EQ(info.has_measurement, 1);
  EXPECT_EQ(info.value, 60);
  EXPECT_EQ(info.measured, Date("2025-07-01"));
  EXPECT_DOUBLE_EQ(info.achievement, 0.6);
  EXPECT_GT(info.expected, 0.4);
  EXPECT_EQ(info.line_start, Date("2025-01-01"));
  EXPECT_GT(std::string(info.reason).size(), 0u);

  mdt_target_evaluations* all = nullptr;
  ASSERT_MDT_OK(mdt_target_evaluate(&all, d, "5G", nullptr, Date("2025-07-02"), nullptr));
  EvalPtr ao(all);
  ASSERT_MDT_OK(mdt_target_evaluations_count(&n, all));
  ASSERT_EQ(n, 2u);
  ASSERT_MDT_OK(mdt_target_evaluations_get(&info, all, 1));
  EXPECT_STREQ(info.locality, "HNI");
  EXPECT_EQ(info.status, MDT_TARGET_OFF_TRACK) << info.reason;
  EXPECT_STREQ(mdt_target_status_name(static_cast<mdt_target_status>(info.status)), "off_track");
  for (int s = 0; s < static_cast<int>(EnumCount<TargetStatus>()); ++s) {
    EXPECT_EQ(mdt_target_status_name(static_cast<mdt_target_status>(s)),
              EnumName(static_cast<TargetStatus>(s)));
  }
  EXPECT_STREQ(mdt_target_status_name(static_cast<mdt_target_status>(6)), "unknown");

  mdt_target_evaluations* none = nullptr;
  ASSERT_MDT_OK(mdt_target_evaluate(&none, d, "5G", "", Date("2025-03-01"), nullptr));
  EvalPtr no(none);
  ASSERT_MDT_OK(mdt_target_evaluations_get(&info, none, 0));
  EXPECT_EQ(info.status, MDT_TARGET_NO_DATA);
  EXPECT_EQ(info.has_measurement, 0);
  EXPECT_TRUE(std::isnan(info.achievement));
  EXPECT_EQ(info.measured, MDT_NO_DATE);

  mdt_target_options opts = MDT_TARGET_OPTIONS_INIT;
  opts.tolerance = -1;
  mdt_target_evaluations* bad = nullptr;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "tolerance",
                 mdt_target_evaluate(&bad, d, "5G", "", Date("2025-07-02"), &opts));
  EXPECT_MDT_ERR(MDT_ERR_NOT_FOUND, "4G",
                 mdt_target_evaluate(&bad, d, "4G", "", Date("2025-07-02"), nullptr));
  EXPECT_EQ(mdt_target_evaluate(&bad, d, "5G", "", MDT_NO_DATE, nullptr), MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(bad, nullptr);
  EXPECT_EQ(mdt_target_evaluations_get(&info, all, 2), MDT_ERR_OUT_OF_RANGE);
  info.version = 9;
  EXPECT_EQ(mdt_target_evaluations_get(&info, all, 0), MDT_ERR_INVALID_ARGUMENT);
  mdt_target_evaluations_free(nullptr);
}

}  // namespace
}  // namespace mandate::capi_test
