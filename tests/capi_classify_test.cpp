// Status classification across the C ABI, checked against the C++ core on the seed plan.
#include <cmath>
#include <string>
#include <vector>

#include "capi_fixture.h"
#include "mandate/agency_registry.h"
#include "mandate/classification.h"
#include "mandate/dataset.h"
#include "mandate/deadline.h"

namespace mandate::capi_test {
namespace {

struct SeedFixture : ::testing::Test {
  void SetUp() override { NewSeedPlanDataset(&ds); }
  Dataset ds;
};

// The same seed rows straight into the C++ core.
mandate::Dataset CoreSeedPlan() {
  mandate::Dataset core;
  const AgencyRegistry& reg = AgencyRegistry::Bundled();
  for (const auto& row : SeedPlanRows()) {
    Task t;
    t.id = row["id"];
    t.title = row["title"];
    t.lead_text = row["lead"];
    t.lead = reg.Ids(reg.Resolve(t.lead_text));
    t.coordinators_text = row["coordinators"];
    t.expected_result = row["expected_result"];
    t.category = row["section"];
    t.note = row["note"];
    DeadlineContext ctx;
    ctx.plan_year = 2025;
    auto d = ParseDeadline(std::string(row["deadline_text"]), ctx);
    EXPECT_TRUE(d.ok()) << t.id << ": " << d.status();
    if (d.ok()) t.deadline = *d;
    EXPECT_TRUE(core.AddTask(t).ok()) << t.id;
  }
  return core;
}

TEST_F(SeedFixture, CountsEqualTheCoreAtSeveralDates) {
  const mandate::Dataset core = CoreSeedPlan();
  for (const char* iso : {"2025-03-31", "2025-09-23", "2025-12-31", "2026-06-30"}) {
    SCOPED_TRACE(iso);
    mdt_status_counts counts = MDT_STATUS_COUNTS_INIT;
    ASSERT_MDT_OK(mdt_classify_count(&counts, ds.get(), Date(iso), nullptr));
    std::vector<std::uint8_t> statuses;
    ClassifyAll(core, *ParseIsoDay(iso), ClassifyOptions{}, statuses);
    std::uint64_t expect[MDT_TASK_STATUS_COUNT] = {};
    std::uint64_t total = 0;
    for (auto s : statuses) {
      if (s < kTaskStatusCount) {
        ++expect[s];
        ++total;
      }
    }
    EXPECT_EQ(counts.total, total);
    EXPECT_EQ(counts.total + counts.not_yet_assigned, 248u);
    for (int s = 0; s < MDT_TASK_STATUS_COUNT; ++s) EXPECT_EQ(counts.by_status[s], expect[s]) << s;
    // The buffer and the iterator agree with the counts.
    std::vector<int32_t> buf(248);
    size_t n = 0;
    ASSERT_MDT_OK(mdt_classify_all(buf.data(), buf.size(), &n, ds.get(), Date(iso), nullptr));
    for (size_t i = 0; i < statuses.size(); ++i) {
      EXPECT_EQ(buf[i], statuses[i] == kNotYetAssigned ? int32_t{MDT_TASK_NOT_YET_ASSIGNED}
                                                       : int32_t{statuses[i]});
    }
    EXPECT_EQ(counts.status_count, static_cast<uint32_t>(MDT_TASK_STATUS_COUNT));
    for (int s = MDT_TASK_STATUS_COUNT; s < MDT_STATUS_COUNTS_CAPACITY; ++s) {
      EXPECT_EQ(counts.by_status[s], 0u);
    }
  }
  // By the end of 2025 every one-off 2025 deadline has passed: some tasks are overdue.
  mdt_status_counts end = MDT_STATUS_COUNTS_INIT;
  ASSERT_MDT_OK(mdt_classify_count(&end, ds.get(), Date("2026-01-15"), nullptr));
  EXPECT_GT(end.by_status[MDT_TASK_OVERDUE], 100u);
}

TEST_F(SeedFixture, IteratorWalksEveryTaskAndGivesDetail) {
  mdt_classification_iter* it = nullptr;
  ASSERT_MDT_OK(mdt_classification_iter_new(&it, ds.get(), Date("2025-10-15"), nullptr));
  Iter owned(it);
  mdt_classification* early = nullptr;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "no current row",
                 mdt_classification_iter_detail(&early, it));
  std::vector<int32_t> buf(248);
  size_t n = 0;
  ASSERT_MDT_OK(
      mdt_classify_all(buf.data(), buf.size(), &n, ds.get(), Date("2025-10-15"), nullptr));
  int has = 0;
  uint32_t task = 0, rows = 0;
  mdt_task_status status{};
  while (true) {
    ASSERT_MDT_OK(mdt_classification_iter_next(&has, &task, &status, it));
    if (!has) break;
    EXPECT_EQ(task, rows);
    EXPECT_EQ(static_cast<int32_t>(status), buf[task]);
    if (rows % 40 == 0) {
      mdt_classification* c = nullptr;
      ASSERT_MDT_OK(mdt_classification_iter_detail(&c, it));
      ClassificationPtr cp(c);
      mdt_classification_info info = MDT_CLASSIFICATION_INFO_INIT;
      ASSERT_MDT_OK(mdt_classification_get_info(&info, c));
      EXPECT_EQ(info.task, task);
      EXPECT_EQ(info.status, status);
      EXPECT_GT(info.reason_len, 0u);
    }
    ++rows;
  }
  EXPECT_EQ(rows, 248u);
  // Past the end it stays at the end.
  ASSERT_MDT_OK(mdt_classification_iter_next(&has, nullptr, nullptr, it));
  EXPECT_EQ(has, 0);
  EXPECT_EQ(mdt_classification_iter_detail(&early, it), MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_classification_iter_next(nullptr, &task, &status, it), MDT_ERR_INVALID_ARGUMENT);
}

TEST_F(SeedFixture, IteratorOutlivesItsDatasetAndIsASnapshot) {
  mdt_classification_iter* it = nullptr;
  ASSERT_MDT_OK(mdt_classification_iter_new(&it, ds.get(), Date("2025-10-15"), nullptr));
  Iter owned(it);
  // A write after the snapshot does not change it; freeing the dataset does not break it.
  mdt_task_input t = MDT_TASK_INPUT_INIT;
  t.id = "NEW";
  t.title = "Mới";
  ASSERT_MDT_OK(mdt_dataset_add_task(nullptr, ds.get(), &t));
  ds.reset();
  int has = 0;
  uint32_t rows = 0;
  while (mdt_classification_iter_next(&has, nullptr, nullptr, it) == MDT_OK && has) {
    ++rows;
    mdt_classification* c = nullptr;
    ASSERT_MDT_OK(mdt_classification_iter_detail(&c, it));
    mdt_classification_free(c);
  }
  EXPECT_EQ(rows, 248u);
}

Dataset Scenario() {
  mdt_dataset* d = nullptr;
  EXPECT_EQ(mdt_dataset_new(&d, nullptr), MDT_OK);
  auto add = [&](const char* id, const char* deadline, const char* assigned) {
    mdt_task_input t = MDT_TASK_INPUT_INIT;
    t.id = id;
    t.title = id;
    t.deadline_text = deadline;
    mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
    ctx.plan_year = 2025;
    t.deadline_context = &ctx;
    t.assigned = assigned ? Date(assigned) : MDT_NO_DATE;
    EXPECT_EQ(mdt_dataset_add_task(nullptr, d, &t), MDT_OK) << id << ": " << mdt_last_error();
  };
  add("on-time", "Tháng 9/2025", "2025-04-01");
  add("late", "Tháng 9/2025", "2025-04-01");
  add("overdue", "Tháng 9/2025", "2025-04-01");
  add("soon", "15/10/2025", "2025-04-01");
  add("running", "Tháng 12/2025", "2025-04-01");
  add("cancelled", "Tháng 12/2025", "2025-04-01");
  add("future", "2026", "2025-11-01");
  add("monthly", "Hằng tháng", "2025-01-01");
  EXPECT_EQ(mdt_dataset_complete_task(d, "on-time", Date("2025-09-20")), MDT_OK);
  EXPECT_EQ(mdt_dataset_complete_task(d, "late", Date("2025-10-02")), MDT_OK);
  EXPECT_EQ(mdt_dataset_report_progress(d, "running", Date("2025-09-01"), 10, "Khởi động"), MDT_OK);
  EXPECT_EQ(mdt_dataset_cancel_task(d, "cancelled", Date("2025-09-01"), "Thay đổi", "12-TB/TGV"),
            MDT_OK);
  return Dataset(d);
}

TEST(CApiClassify, EachStatusAsOfADay) {
  Dataset ds = Scenario();
  const mdt_date as_of = Date("2025-10-10");
  const std::pair<const char*, mdt_task_status> want[] = {
      {"on-time", MDT_TASK_COMPLETED_ON_TIME}, {"late", MDT_TASK_COMPLETED_LATE},
      {"overdue", MDT_TASK_OVERDUE},           {"soon", MDT_TASK_DUE_SOON},
      {"running", MDT_TASK_IN_PROGRESS},       {"cancelled", MDT_TASK_CANCELLED},
      {"future", MDT_TASK_NOT_YET_ASSIGNED}};
  for (const auto& [id, status] : want) {
    SCOPED_TRACE(id);
    uint32_t i = 0;
    ASSERT_MDT_OK(mdt_dataset_find_task(&i, ds.get(), id));
    mdt_classification* c = nullptr;
    ASSERT_MDT_OK(mdt_classify_task(&c, ds.get(), i, as_of, nullptr));
    ClassificationPtr owned(c);
    mdt_classification_info info = MDT_CLASSIFICATION_INFO_INIT;
    ASSERT_MDT_OK(mdt_classification_get_info(&info, c));
    EXPECT_EQ(info.status, status)
        << mdt_task_status_name(static_cast<mdt_task_status>(info.status)) << ": "
        << std::string(info.reason, info.reason_len);
    EXPECT_GT(info.reason_len, 0u);
    if (status == MDT_TASK_COMPLETED_LATE) {
      EXPECT_EQ(info.due, Date("2025-09-30"));
      EXPECT_EQ(info.completed, Date("2025-10-02"));
      EXPECT_EQ(info.deadline_kind, MDT_DEADLINE_MONTH);
      EXPECT_EQ(info.decisive_event, 0);
    }
    if (status == MDT_TASK_IN_PROGRESS) {
      EXPECT_EQ(info.reported_percent, 10);
      EXPECT_EQ(info.completed, MDT_NO_DATE);
    }
    if (status == MDT_TASK_NOT_YET_ASSIGNED) {
      EXPECT_TRUE(std::isnan(info.expected_percent));
      EXPECT_EQ(info.milestone_count, 0u);
      EXPECT_EQ(mdt_classification_milestone(nullptr, nullptr, nullptr, nullptr, c, 0),
                MDT_ERR_OUT_OF_RANGE);
      EXPECT_EQ(mdt_classification_occurrence(nullptr, nullptr, nullptr, c, 0),
                MDT_ERR_OUT_OF_RANGE);
    }
  }
  // Soon with a narrower window is merely in progress.
  mdt_classify_options opts = MDT_CLASSIFY_OPTIONS_INIT;
  opts.soon_days = 2;
  uint32_t i = 0;
  ASSERT_MDT_OK(mdt_dataset_find_task(&i, ds.get(), "soon"));
  mdt_classification* c = nullptr;
  ASSERT_MDT_OK(mdt_classify_task(&c, ds.get(), i, as_of, &opts));
  ClassificationPtr owned(c);
  mdt_classification_info info = MDT_CLASSIFICATION_INFO_INIT;
  ASSERT_MDT_OK(mdt_classification_get_info(&info, c));
  EXPECT_EQ(info.status, MDT_TASK_IN_PROGRESS);
}

TEST(CApiClassify, RecurringObligationsExposeTheirOccurrences) {
  Dataset ds = Scenario();
  uint32_t i = 0;
  ASSERT_MDT_OK(mdt_dataset_find_task(&i, ds.get(), "monthly"));
  const auto classify = [&]() {
    mdt_classification* c = nullptr;
    EXPECT_EQ(mdt_classify_task(&c, ds.get(), i, Date("2025-10-10"), nullptr), MDT_OK);
    return ClassificationPtr(c);
  };
  // Nothing ever reported: no data, not missed (January .. September fell due).
  {
    ClassificationPtr c = classify();
    mdt_classification_info info = MDT_CLASSIFICATION_INFO_INIT;
    ASSERT_MDT_OK(mdt_classification_get_info(&info, c.get()));
    EXPECT_EQ(info.deadline_kind, MDT_DEADLINE_RECURRING);
    EXPECT_EQ(info.status, MDT_TASK_IN_PROGRESS);
    EXPECT_EQ(info.due, Date("2025-10-31"));
    EXPECT_EQ(info.occurrence_count, 0u);
    EXPECT_EQ(info.missed, 0);
    int32_t no_reports = -1, not_reported = -1;
    ASSERT_MDT_OK(mdt_classification_no_reports(&no_reports, &not_reported, c.get()));
    EXPECT_EQ(no_reports, 1);
    EXPECT_EQ(not_reported, 9);
    ASSERT_MDT_OK(mdt_classification_no_reports(nullptr, nullptr, c.get()));
  }
  // One report recorded: the task's reports are tracked, the months after it are missed.
  ASSERT_MDT_OK(mdt_dataset_report_progress(ds.get(), "monthly", Date("2025-01-20"), -1, nullptr));
  ClassificationPtr c = classify();
  mdt_classification_info info = MDT_CLASSIFICATION_INFO_INIT;
  ASSERT_MDT_OK(mdt_classification_get_info(&info, c.get()));
  EXPECT_EQ(info.status, MDT_TASK_OVERDUE);
  ASSERT_EQ(info.occurrence_count, 9u);
  EXPECT_EQ(info.met_on_time, 1);
  EXPECT_EQ(info.missed, 8);
  int32_t no_reports = -1;
  ASSERT_MDT_OK(mdt_classification_no_reports(&no_reports, nullptr, c.get()));
  EXPECT_EQ(no_reports, 0);
  mdt_date start = 0, due = 0;
  mdt_occurrence_outcome outcome{};
  ASSERT_MDT_OK(mdt_classification_occurrence(&start, &due, &outcome, c.get(), 0));
  EXPECT_LE(start, due);
  EXPECT_EQ(outcome, MDT_OCCURRENCE_MET_ON_TIME);
  ASSERT_MDT_OK(mdt_classification_occurrence(&start, &due, &outcome, c.get(), 1));
  EXPECT_EQ(outcome, MDT_OCCURRENCE_MISSED);
  EXPECT_EQ(mdt_classification_occurrence(&start, &due, &outcome, c.get(), info.occurrence_count),
            MDT_ERR_OUT_OF_RANGE);
}

TEST(CApiClassify, MultiDeadlinesExposeTheirMilestones) {
  mdt_dataset* d = nullptr;
  ASSERT_MDT_OK(mdt_dataset_new(&d, nullptr));
  Dataset ds(d);
  mdt_task_input t = MDT_TASK_INPUT_INIT;
  t.id = "multi";
  t.title = "Thí điểm rồi phát triển";
  t.deadline_text = "Tháng 12/2025 và năm 2026";
  ASSERT_MDT_OK(mdt_dataset_add_task(nullptr, d, &t));
  mdt_classification* c = nullptr;
  ASSERT_MDT_OK(mdt_classify_task(&c, d, 0, Date("2026-01-10"), nullptr));
  ClassificationPtr owned(c);
  mdt_classification_info info = MDT_CLASSIFICATION_INFO_INIT;
  ASSERT_MDT_OK(mdt_classification_get_info(&info, c));
  ASSERT_EQ(info.milestone_count, 2u);
  const char* label = nullptr;
  size_t len = 0;
  mdt_date due = 0;
  mdt_task_status status{};
  ASSERT_MDT_OK(mdt_classification_milestone(&label, &len, &due, &status, c, 0));
  EXPECT_EQ(due, Date("2025-12-31"));
  EXPECT_EQ(status, MDT_TASK_OVERDUE);
  EXPECT_GT(len, 0u);
  ASSERT_MDT_OK(mdt_classification_milestone(nullptr, nullptr, &due, &status, c, 1));
  EXPECT_EQ(due, Date("2026-12-31"));
  EXPECT_EQ(status, MDT_TASK_IN_PROGRESS);
  EXPECT_EQ(info.status, MDT_TASK_OVERDUE);  // the earliest unmet milestone has passed
  EXPECT_EQ(info.due, Date("2025-12-31"));
  // The first milestone recorded as met on 20/12/2025: the 2026 one decides.
  ASSERT_MDT_OK(mdt_dataset_report_milestone(d, "multi", Date("2025-12-20"), 0, "Xong thí điểm"));
  EXPECT_MDT_ERR(MDT_ERR_OUT_OF_RANGE, "milestone",
                 mdt_dataset_report_milestone(d, "multi", Date("2025-12-20"), 5000, nullptr));
  EXPECT_EQ(mdt_dataset_report_milestone(d, "nope", Date("2025-12-20"), 0, nullptr),
            MDT_ERR_NOT_FOUND);
  mdt_classification* again = nullptr;
  ASSERT_MDT_OK(mdt_classify_task(&again, d, 0, Date("2026-01-10"), nullptr));
  ClassificationPtr owned_again(again);
  ASSERT_MDT_OK(mdt_classification_get_info(&info, again));
  EXPECT_EQ(info.status, MDT_TASK_IN_PROGRESS);
  EXPECT_EQ(info.due, Date("2026-12-31"));
  ASSERT_MDT_OK(mdt_classification_milestone(nullptr, nullptr, nullptr, &status, again, 0));
  EXPECT_EQ(status, MDT_TASK_COMPLETED_ON_TIME);
}

TEST(CApiClassify, ErrorPaths) {
  Dataset ds = Scenario();
  mdt_classification* c = nullptr;
  EXPECT_MDT_ERR(MDT_ERR_OUT_OF_RANGE, "task index",
                 mdt_classify_task(&c, ds.get(), 99, Date("2025-10-10"), nullptr));
  EXPECT_EQ(c, nullptr);
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "as_of",
                 mdt_classify_task(&c, ds.get(), 0, MDT_NO_DATE, nullptr));
  EXPECT_MDT_ERR(MDT_ERR_OUT_OF_RANGE, "as_of",
                 mdt_classify_task(&c, ds.get(), 0, 999999, nullptr));
  mdt_classify_options opts = MDT_CLASSIFY_OPTIONS_INIT;
  opts.soon_days = -1;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "soon_days",
                 mdt_classify_task(&c, ds.get(), 0, Date("2025-10-10"), &opts));
  opts = MDT_CLASSIFY_OPTIONS_INIT;
  opts.version = 0;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "options",
                 mdt_classify_task(&c, ds.get(), 0, Date("2025-10-10"), &opts));
  EXPECT_EQ(mdt_classify_task(nullptr, ds.get(), 0, Date("2025-10-10"), nullptr),
            MDT_ERR_INVALID_ARGUMENT);

  // The caller's array: size query, too small, exact.
  size_t n = 0;
  ASSERT_MDT_OK(mdt_classify_all(nullptr, 0, &n, ds.get(), Date("2025-10-10"), nullptr));
  EXPECT_EQ(n, 8u);
  int32_t small[4] = {9, 9, 9, 9};
  EXPECT_MDT_ERR(MDT_ERR_BUFFER_TOO_SMALL, "8 are needed",
                 mdt_classify_all(small, 4, &n, ds.get(), Date("2025-10-10"), nullptr));
  EXPECT_EQ(small[0], 9);
  int32_t exact[8];
  ASSERT_MDT_OK(mdt_classify_all(exact, 8, &n, ds.get(), Date("2025-10-10"), nullptr));
  EXPECT_EQ(exact[6], MDT_TASK_NOT_YET_ASSIGNED);
  EXPECT_EQ(mdt_classify_all(exact, 8, nullptr, ds.get(), Date("2025-10-10"), nullptr),
            MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_classify_all(exact, 8, &n, ds.get(), MDT_NO_DATE, nullptr),
            MDT_ERR_INVALID_ARGUMENT);

  mdt_status_counts counts = MDT_STATUS_COUNTS_INIT;
  counts.version = 5;
  EXPECT_EQ(mdt_classify_count(&counts, ds.get(), Date("2025-10-10"), nullptr),
            MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_classify_count(nullptr, ds.get(), Date("2025-10-10"), nullptr),
            MDT_ERR_INVALID_ARGUMENT);
  counts = MDT_STATUS_COUNTS_INIT;
  ASSERT_MDT_OK(mdt_classify_count(&counts, ds.get(), Date("2025-10-10"), nullptr));
  EXPECT_EQ(counts.total, 7u);
  EXPECT_EQ(counts.not_yet_assigned, 1u);
  mdt_classification_iter* it = nullptr;
  EXPECT_EQ(mdt_classification_iter_new(&it, ds.get(), 999999, nullptr), MDT_ERR_OUT_OF_RANGE);
  EXPECT_EQ(it, nullptr);
  EXPECT_EQ(mdt_classification_iter_new(nullptr, ds.get(), Date("2025-10-10"), nullptr),
            MDT_ERR_INVALID_ARGUMENT);
  mdt_classification_info info = MDT_CLASSIFICATION_INFO_INIT;
  EXPECT_EQ(mdt_classification_get_info(nullptr, nullptr), MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_classification_get_info(&info, nullptr), MDT_ERR_INVALID_HANDLE);
}

}  // namespace
}  // namespace mandate::capi_test
