// The live aggregate across the C ABI (experimental): after each change through the C ABI,
// one update gives the same groups and totals as aggregating the dataset again.
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "capi_fixture.h"

namespace mandate::capi_test {
namespace {

// Every group's label and counts, and the totals, of a result: what must agree.
std::vector<std::string> Snapshot(const mdt_aggregate_result* r) {
  std::vector<std::string> rows;
  size_t groups = 0, dims = 0;
  EXPECT_MDT_OK(mdt_aggregate_group_count(&groups, r));
  EXPECT_MDT_OK(mdt_aggregate_dimension_count(&dims, r));
  for (size_t g = 0; g <= groups; ++g) {
    const size_t group = g == groups ? MDT_AGGREGATE_TOTALS : g;
    std::string row = g == groups ? "totals" : "";
    for (size_t d = 0; g < groups && d < dims; ++d) {
      const char* label = nullptr;
      size_t len = 0;
      EXPECT_MDT_OK(mdt_aggregate_label(&label, &len, r, g, d));
      row += (label ? std::string(label, len) : std::string("(none)")) + "|";
    }
    mdt_status_counts c = MDT_STATUS_COUNTS_INIT;
    EXPECT_MDT_OK(mdt_aggregate_counts(&c, r, group));
    for (int s = 0; s < MDT_TASK_STATUS_COUNT; ++s) row += " " + std::to_string(c.by_status[s]);
    rows.push_back(row);
  }
  return rows;
}

struct LiveSeedPlan : ::testing::Test {
  void SetUp() override {
    NewSeedPlanDataset(&ds);
    ASSERT_FALSE(HasFatalFailure());
    opts.by = by;
    opts.by_count = 2;
  }
  std::vector<std::string> Fresh() {
    mdt_aggregate_result* r = nullptr;
    EXPECT_MDT_OK(mdt_aggregate(&r, ds.get(), as_of, &opts));
    AggPtr owned(r);
    return Snapshot(r);
  }
  std::vector<std::string> Live(const mdt_live_aggregate* live) {
    mdt_aggregate_result* r = nullptr;
    EXPECT_MDT_OK(mdt_live_aggregate_result(&r, live));
    AggPtr owned(r);
    return Snapshot(r);
  }
  Dataset ds;
  const int32_t by[2] = {MDT_DIM_LEAD, MDT_DIM_STATUS};
  mdt_aggregate_options opts = MDT_AGGREGATE_OPTIONS_INIT;
  const mdt_date as_of = Date("2025-10-01");
};

TEST_F(LiveSeedPlan, EachUpdateEqualsAFreshAggregate) {
  mdt_live_aggregate* live = nullptr;
  ASSERT_MDT_OK(mdt_live_aggregate_new(&live, ds.get(), as_of, &opts));
  mandate::c::LiveAggregate owned(live);
  ASSERT_EQ(Live(live), Fresh());

  // Completions, on time and late, a cancellation and a deadline change, one at a time.
  struct Change {
    const char* id;
    mdt_event_type type;
    const char* day;
  };
  const Change changes[] = {{"KH25-III-1", MDT_EVENT_COMPLETED, "2025-09-15"},
                            {"KH25-III-2", MDT_EVENT_COMPLETED, "2025-09-30"},
                            {"KH25-V-1", MDT_EVENT_CANCELLED, "2025-09-20"},
                            {"KH25-III-1", MDT_EVENT_REOPENED, "2025-09-25"}};
  for (const Change& c : changes) {
    SCOPED_TRACE(c.id);
    mdt_event_input e = MDT_EVENT_INPUT_INIT;
    e.type = c.type;
    e.date = Date(c.day);
    ASSERT_MDT_OK(mdt_dataset_add_event(ds.get(), c.id, &e));
    uint32_t task = 0;
    ASSERT_MDT_OK(mdt_dataset_find_task(&task, ds.get(), c.id));
    ASSERT_MDT_OK(mdt_live_aggregate_update(live, task));
    EXPECT_EQ(Live(live), Fresh());
  }
  mdt_event_input change = MDT_EVENT_INPUT_INIT;
  change.type = MDT_EVENT_DEADLINE_CHANGED;
  change.date = Date("2025-09-01");
  change.new_deadline_text = "Tháng 9/2025";
  ASSERT_MDT_OK(mdt_dataset_add_event(ds.get(), "KH25-III-4", &change));
  uint32_t task = 0;
  ASSERT_MDT_OK(mdt_dataset_find_task(&task, ds.get(), "KH25-III-4"));
  ASSERT_MDT_OK(mdt_live_aggregate_update(live, task));
  EXPECT_EQ(Live(live), Fresh());
}

TEST_F(LiveSeedPlan, AddedTasksJoinInOrderAndTotalsFollow) {
  mandate::c::LiveAggregate live =
      ds.live_aggregate(mandate::c::Day(std::chrono::days(as_of)), &opts);
  const mdt_status_counts before = live.totals();
  // Two new tasks, one with a new category (the plan is redone once), then one update for both.
  uint32_t first = 0, second = 0;
  for (auto [id, category, out] :
       {std::tuple{"NEW-1", "Nhóm mới", &first}, std::tuple{"NEW-2", "Nhóm mới khác", &second}}) {
    const char* lead[] = {"BKHCN"};
    mdt_task_input t = MDT_TASK_INPUT_INIT;
    t.id = id;
    t.title = "Nhiệm vụ mới";
    t.lead = lead;
    t.lead_count = 1;
    t.category = category;
    t.deadline_text = "Tháng 9/2025";
    ASSERT_MDT_OK(mdt_dataset_add_task(out, ds.get(), &t));
  }
  EXPECT_EQ(second, first + 1);
  live.update(second);  // brings in first, then second
  const mdt_status_counts after = live.totals();
  EXPECT_EQ(after.total, before.total + 2);
  EXPECT_EQ(after.by_status[MDT_TASK_OVERDUE], before.by_status[MDT_TASK_OVERDUE] + 2);
  EXPECT_EQ(Live(live.get()), Fresh());
}

TEST_F(LiveSeedPlan, MisuseGetsTheLibrarysMessage) {
  mdt_live_aggregate* live = nullptr;
  ASSERT_MDT_OK(mdt_live_aggregate_new(&live, ds.get(), as_of, nullptr));
  mandate::c::LiveAggregate owned(live);
  EXPECT_MDT_ERR(MDT_ERR_NOT_FOUND, "the dataset has", mdt_live_aggregate_update(live, 1u << 30));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_HANDLE, "live",
                 mdt_live_aggregate_update(reinterpret_cast<mdt_live_aggregate*>(ds.get()), 0));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "NULL", mdt_live_aggregate_result(nullptr, live));
  mdt_status_counts bad{};
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "version", mdt_live_aggregate_totals(&bad, live));
  EXPECT_MDT_ERR(MDT_ERR_OUT_OF_RANGE, "as_of",
                 mdt_live_aggregate_new(&live, ds.get(), 10000000, nullptr));
  mdt_live_aggregate_free(nullptr);
}

// A writer adds events while readers take snapshots: the dataset's lock and the live
// aggregate's own keep every snapshot whole (run under ThreadSanitizer in CI).
TEST_F(LiveSeedPlan, ThreadsReadWhileOneWrites) {
  mdt_live_aggregate* live = nullptr;
  ASSERT_MDT_OK(mdt_live_aggregate_new(&live, ds.get(), as_of, &opts));
  mandate::c::LiveAggregate owned(live);
  mdt_status_counts start = MDT_STATUS_COUNTS_INIT;
  ASSERT_MDT_OK(mdt_live_aggregate_totals(&start, live));
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&] {
      for (int k = 0; k < 50; ++k) {
        mdt_status_counts c = MDT_STATUS_COUNTS_INIT;
        EXPECT_EQ(mdt_live_aggregate_totals(&c, live), MDT_OK);
        EXPECT_EQ(c.total, start.total);  // changes move tasks, never add or drop one
        mdt_aggregate_result* res = nullptr;
        EXPECT_EQ(mdt_live_aggregate_result(&res, live), MDT_OK);
        mdt_aggregate_result_free(res);
      }
    });
  }
  for (uint32_t task = 0; task < 40; ++task) {
    mdt_event_input e = MDT_EVENT_INPUT_INIT;
    e.type = MDT_EVENT_COMPLETED;
    e.date = Date("2025-09-10");
    char* id = nullptr;
    size_t len = 0;
    ASSERT_MDT_OK(mdt_dataset_task_id(&id, &len, ds.get(), task));
    String owned_id(id);
    ASSERT_MDT_OK(mdt_dataset_add_event(ds.get(), id, &e));
    ASSERT_MDT_OK(mdt_live_aggregate_update(live, task));
  }
  for (auto& t : readers) t.join();
  EXPECT_EQ(Live(live), Fresh());
}

}  // namespace
}  // namespace mandate::capi_test
