#include "mandate/dataset.h"

#include <gtest/gtest.h>

#include "mandate/task_state.h"

namespace mandate {
namespace {

using date::year;

Deadline MonthDeadline(std::string text, Day due) {
  Deadline d;
  d.kind = DeadlineKind::kMonth;
  d.text = std::move(text);
  d.due = due;
  return d;
}

Task MakeTask(std::string id) {
  Task t;
  t.id = std::move(id);
  t.title = "Xây dựng Nghị định về chuyển đổi số";
  t.lead = {"BKHCN"};
  t.coordinators = {"BTC", "BCA"};
  t.lead_text = "Bộ Khoa học và Công nghệ";
  t.coordinators_text = "Bộ Tài chính, Bộ Công an";
  t.category = "III. Hạ tầng / 3.1. Hạ tầng số";
  t.sources = {"45-TB/TGV ngày 30/9/2025"};
  t.expected_result = "Nghị định của Chính phủ";
  t.deadline = MonthDeadline("Tháng 10/2025", year{2025} / 10 / 31);
  t.assigned = year{2025} / 4 / 14;
  t.note = "12-TB/TGV ngày 14/4/2025";
  return t;
}

TEST(Dataset, AddAndMaterialiseRoundTrips) {
  Dataset ds;
  Task t = MakeTask("T-1");
  t.partners = {"VIETTEL"};
  t.attributes = {{"priority", "cao"}};
  auto i = ds.AddTask(t);
  ASSERT_TRUE(i.ok()) << i.status();
  EXPECT_EQ(ds.task_count(), 1u);
  Task back = ds.GetTask(*i);
  std::sort(t.coordinators.begin(), t.coordinators.end());
  std::sort(back.coordinators.begin(), back.coordinators.end());
  EXPECT_EQ(back, t);
  EXPECT_EQ(ds.FindTask("T-1"), *i);
  EXPECT_FALSE(ds.FindTask("T-2").has_value());
}

TEST(Dataset, ColumnsHoldDerivedFields) {
  Dataset ds;
  auto i = ds.AddTask(MakeTask("T-1"));
  ASSERT_TRUE(i.ok());
  const TaskColumns& c = ds.columns();
  EXPECT_EQ(c.assigned[*i], ToEpochDays(year{2025} / 4 / 14));
  EXPECT_EQ(c.due[*i], ToEpochDays(year{2025} / 10 / 31));
  EXPECT_EQ(c.completed[*i], kNoDay);
  EXPECT_EQ(c.kind[*i], static_cast<std::uint8_t>(DeadlineKind::kMonth));
  EXPECT_EQ(c.leads(*i).size(), 1u);
  EXPECT_EQ(c.coordinators(*i).size(), 2u);
  EXPECT_EQ(ds.categories()[c.category[*i]], "III. Hạ tầng / 3.1. Hạ tầng số");
  EXPECT_EQ(ds.sources()[c.source[*i]], "45-TB/TGV ngày 30/9/2025");
}

// The compact layout (issue 20): ids found whether or not they arrive in order, the first
// lead inline with the rest in the overflow list, agency cells stored only when they differ
// from the registry's names, and every field given back by GetTask.
TEST(Dataset, IdsFoundInOrderAndOutOfOrder) {
  for (const std::vector<std::string>& ids :
       {std::vector<std::string>{"A-1", "A-2", "B", "C"},
        std::vector<std::string>{"C", "A-2", "B", "A-1"},
        std::vector<std::string>{"A-1", "B", "A-2", "C", "D", "AA"}}) {
    Dataset ds;
    for (const auto& id : ids) ASSERT_TRUE(ds.AddTask(MakeTask(id)).ok()) << id;
    for (std::size_t k = 0; k < ids.size(); ++k) {
      EXPECT_EQ(ds.FindTask(ids[k]), static_cast<TaskIndex>(k)) << ids[k];
      EXPECT_EQ(ds.task_id(static_cast<TaskIndex>(k)), ids[k]);
      auto dup = ds.AddTask(MakeTask(ids[k]));
      EXPECT_EQ(dup.status().code(), absl::StatusCode::kAlreadyExists) << ids[k];
    }
    EXPECT_FALSE(ds.FindTask("A").has_value());
    EXPECT_FALSE(ds.FindTask("ZZ").has_value());
    EXPECT_FALSE(ds.FindTask("").has_value());
    EXPECT_EQ(ds.task_count(), ids.size());
  }
}

TEST(Dataset, SeveralLeadsAndAgencyCellsRoundTrip) {
  Dataset ds;
  const AgencyRegistry& reg = ds.registry();
  Task many = MakeTask("T-1");
  many.lead = {"BTC", "BKHCN", "BCA"};
  many.lead_text = "Bộ KH&CN, Bộ Tài chính, Bộ Công an";  // as written: stored
  many.coordinators = {"BYT"};
  many.coordinators_text = reg.agency(*reg.FindById("BYT")).name;  // the registry's: derived
  Task none = MakeTask("T-2");
  none.lead = {};
  none.lead_text = "";
  none.coordinators = {};
  none.coordinators_text = "Các bộ, ngành";  // a cell that resolved to nobody
  none.expected_result = "";
  none.note = "";
  Task written = MakeTask("T-3");
  written.lead_text = "";  // a lead without a cell: "" stays ""
  written.coordinators = {"BTC", "BCA"};
  for (const Task& t : {many, none, written}) {
    auto i = ds.AddTask(t);
    ASSERT_TRUE(i.ok()) << i.status();
    Task back = ds.GetTask(*i);
    Task want = t;
    std::sort(want.lead.begin(), want.lead.end(),
              [&](const auto& x, const auto& y) { return *reg.FindById(x) < *reg.FindById(y); });
    std::sort(want.coordinators.begin(), want.coordinators.end(),
              [&](const auto& x, const auto& y) { return *reg.FindById(x) < *reg.FindById(y); });
    EXPECT_EQ(back, want) << t.id;
  }
  const TaskColumns& c = ds.columns();
  EXPECT_EQ(c.leads(0).size(), 3u);
  EXPECT_TRUE(c.flags[0] & kTaskMultiLead);
  EXPECT_FALSE(c.flags[0] & kTaskMultiCoordinator);
  EXPECT_TRUE(std::is_sorted(c.leads(0).begin(), c.leads(0).end()));
  EXPECT_EQ(c.lead.first[0], c.leads(0).front());
  EXPECT_EQ(c.lead.first[1], kNoAgency);
  EXPECT_TRUE(c.leads(1).empty());
  EXPECT_TRUE(c.flags[2] & kTaskMultiCoordinator);
  EXPECT_EQ(c.coordinators(2).size(), 2u);
}

TEST(Dataset, EventsKeepDayOrderAndUpdateColumns) {
  Dataset ds;
  const TaskIndex i = *ds.AddTask(MakeTask("T-1"));
  TaskEvent done{.day = year{2025} / 11 / 3, .type = EventType::kCompleted};
  TaskEvent progress{.day = year{2025} / 9 / 20, .type = EventType::kProgress, .percent = 60};
  ASSERT_TRUE(ds.AddEvent(i, done).ok());
  ASSERT_TRUE(ds.AddEvent(i, progress).ok());  // earlier day, inserted before
  ASSERT_EQ(ds.history(i).size(), 2u);
  EXPECT_EQ(ds.history(i)[0].type, EventType::kProgress);
  EXPECT_EQ(ds.columns().completed[i], ToEpochDays(year{2025} / 11 / 3));
  EXPECT_TRUE(ds.columns().flags[i] & kTaskHasHistory);

  // Extension before the completion: the due column follows the latest deadline.
  TaskEvent change{.day = year{2025} / 10 / 20,
                   .type = EventType::kDeadlineChanged,
                   .text = "gia hạn",
                   .new_deadline = MonthDeadline("Tháng 11/2025", year{2025} / 11 / 30),
                   .document = "50-TB/TGV"};
  ASSERT_TRUE(ds.AddEvent(i, change).ok());
  EXPECT_EQ(ds.columns().due[i], ToEpochDays(year{2025} / 11 / 30));
  EXPECT_TRUE(ds.columns().flags[i] & kTaskDeadlineChanged);
  EXPECT_EQ(ds.original_deadline(i).due, Day{year{2025} / 10 / 31});
}

TEST(Dataset, FoldAtADayOnlySeesEventsUpToIt) {
  Task t = MakeTask("T-1");
  t.history = {
      {.day = year{2025} / 9 / 1, .type = EventType::kProgress, .percent = 30},
      {.day = year{2025} / 10 / 10,
       .type = EventType::kDeadlineChanged,
       .new_deadline = MonthDeadline("Tháng 12/2025", year{2025} / 12 / 31)},
      {.day = year{2025} / 11 / 5, .type = EventType::kCompleted},
      {.day = year{2025} / 11 / 20, .type = EventType::kReopened},
  };
  const TaskState before = FoldTask(t, year{2025} / 10 / 9);
  EXPECT_EQ(before.deadline->due, Day{year{2025} / 10 / 31});
  EXPECT_EQ(before.percent, 30);
  EXPECT_FALSE(before.completed);
  const TaskState mid = FoldTask(t, year{2025} / 11 / 5);
  EXPECT_EQ(mid.deadline->due, Day{year{2025} / 12 / 31});
  EXPECT_EQ(mid.deadline_event, 1);
  EXPECT_EQ(mid.completed, Day{year{2025} / 11 / 5});
  const TaskState after = FoldTask(t, year{2025} / 12 / 1);
  EXPECT_FALSE(after.completed);
}

TEST(Dataset, RejectsBadTasksNamingTheField) {
  Dataset ds;
  ASSERT_TRUE(ds.AddTask(MakeTask("T-1")).ok());
  auto dup = ds.AddTask(MakeTask("T-1"));
  EXPECT_EQ(dup.status().code(), absl::StatusCode::kAlreadyExists);

  Task unknown = MakeTask("T-2");
  unknown.lead = {"NO_SUCH"};
  auto s = ds.AddTask(unknown).status();
  EXPECT_NE(s.message().find("T-2"), std::string::npos);
  EXPECT_NE(s.message().find("lead"), std::string::npos);
  EXPECT_NE(s.message().find("NO_SUCH"), std::string::npos);

  Task bad_utf8 = MakeTask("T-3");
  bad_utf8.title = "ab\xc0\xaf";
  s = ds.AddTask(bad_utf8).status();
  EXPECT_NE(s.message().find("title"), std::string::npos);
  EXPECT_NE(s.message().find("UTF-8"), std::string::npos);

  Task oversized = MakeTask("T-4");
  oversized.note.assign(2 << 20, 'x');
  s = ds.AddTask(oversized).status();
  EXPECT_NE(s.message().find("note"), std::string::npos);

  Task bad_percent = MakeTask("T-5");
  bad_percent.history = {{.day = year{2025} / 9 / 1, .type = EventType::kProgress, .percent = 140}};
  s = ds.AddTask(bad_percent).status();
  EXPECT_NE(s.message().find("percent"), std::string::npos);

  EXPECT_FALSE(ds.AddTask(Task{}).ok());
  // Nothing of the rejected tasks was stored; the good neighbour stays.
  EXPECT_EQ(ds.task_count(), 1u);
  EXPECT_TRUE(ds.AddTask(MakeTask("T-6")).ok());
  EXPECT_EQ(ds.task_count(), 2u);
}

TEST(Dataset, InternsRepeatedDeadlinesAndText) {
  Dataset ds;
  for (int k = 0; k < 1000; ++k) ASSERT_TRUE(ds.AddTask(MakeTask("T-" + std::to_string(k))).ok());
  const std::size_t per_task = ds.MemoryBytes() / ds.task_count();
  // Titles and ids dominate; shared text is stored once.
  EXPECT_LT(per_task, 256u) << per_task;
  EXPECT_EQ(ds.GetTask(999).expected_result, "Nghị định của Chính phủ");
}

TEST(Dataset, TargetsGoalsAndDocuments) {
  Dataset ds;
  Target t{.id = "CT-5G",
           .name = "Phủ sóng 5G",
           .unit = "%",
           .baseline = 20,
           .baseline_day = year{2024} / 12 / 31,
           .target = 90,
           .deadline = year{2025} / 12 / 31,
           .responsible = {"BKHCN"}};
  ASSERT_TRUE(ds.AddTarget(t).ok());
  EXPECT_EQ(ds.AddTarget(t).code(), absl::StatusCode::kAlreadyExists);
  ASSERT_TRUE(ds.AddMeasurement("CT-5G", {.day = year{2025} / 9 / 30, .value = 75}).ok());
  ASSERT_TRUE(ds.AddMeasurement("CT-5G", {.day = year{2025} / 6 / 30, .value = 50}).ok());
  EXPECT_EQ(ds.FindTarget("CT-5G")->measurements.front().value, 50);
  EXPECT_EQ(ds.AddMeasurement("nope", {}).code(), absl::StatusCode::kNotFound);
  EXPECT_FALSE(ds.AddMeasurement("CT-5G", {.day = year{2025} / 9 / 30, .locality = "XX"}).ok());
  Target flat = t;
  flat.id = "CT-flat";
  flat.target = flat.baseline;
  EXPECT_FALSE(ds.AddTarget(flat).ok());

  ASSERT_TRUE(ds.AddGoal({.id = "MT-1", .name = "Hạ tầng số", .task_ids = {"T-1"}}).ok());
  EXPECT_FALSE(ds.AddGoal({.id = "MT-1"}).ok());
  ASSERT_TRUE(ds.AddDocument({.id = "45-TB/TGV",
                              .type = "Thông báo",
                              .number = "45",
                              .issuer = "TGV",
                              .date = year{2025} / 9 / 30})
                  .ok());
  EXPECT_EQ(ds.documents().size(), 1u);
}

}  // namespace
}  // namespace mandate
