// Datasets across the C ABI: tasks, events, targets and measurements, and the read calls.
#include <string>
#include <vector>

#include "capi_fixture.h"

namespace mandate::capi_test {
namespace {

Dataset NewDataset() {
  mdt_dataset* ds = nullptr;
  EXPECT_EQ(mdt_dataset_new(&ds, nullptr), MDT_OK) << mdt_last_error();
  return Dataset(ds);
}

// context: how the phrase is read; NULL = plan year 2025.
uint32_t AddTask(mdt_dataset* ds, const char* id, const char* deadline,
                 mdt_date assigned = MDT_NO_DATE, const mdt_deadline_context* context = nullptr) {
  const char* lead[] = {"BKHCN"};
  mdt_task_input t = MDT_TASK_INPUT_INIT;
  t.id = id;
  t.title = "Xây dựng Nghị định về chuyển đổi số";
  t.lead = lead;
  t.lead_count = 1;
  t.lead_text = "Bộ Khoa học và Công nghệ";
  t.deadline_text = deadline;
  mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
  ctx.plan_year = 2025;
  t.deadline_context = context != nullptr ? context : &ctx;
  t.assigned = assigned;
  uint32_t index = 0;
  EXPECT_EQ(mdt_dataset_add_task(&index, ds, &t), MDT_OK) << id << ": " << mdt_last_error();
  return index;
}

TEST(CApiDataset, TheSeedPlanLoadsThroughTheCApi) {
  mdt_registry* reg = nullptr;
  ASSERT_MDT_OK(mdt_registry_bundled(&reg));
  Registry owned(reg);
  Dataset ds = NewDataset();
  EXPECT_EQ(AddSeedPlan(ds.get(), reg), 248u);
  size_t n = 0;
  ASSERT_MDT_OK(mdt_dataset_task_count(&n, ds.get()));
  EXPECT_EQ(n, 248u);
  uint32_t i = 0;
  ASSERT_MDT_OK(mdt_dataset_find_task(&i, ds.get(), "KH25-III-23"));
  char* id = nullptr;
  size_t len = 0;
  ASSERT_MDT_OK(mdt_dataset_task_id(&id, &len, ds.get(), i));
  String id_owned(id);
  EXPECT_EQ(std::string(id, len), "KH25-III-23");
  char* title = nullptr;
  ASSERT_MDT_OK(mdt_dataset_task_title(&title, nullptr, ds.get(), i));
  String title_owned(title);
  EXPECT_GT(std::string(title).size(), 10u);
  // "Quý IV" of section II parsed with the plan year.
  ASSERT_MDT_OK(mdt_dataset_find_task(&i, ds.get(), "KH25-II-3"));
  mdt_deadline* d = nullptr;
  ASSERT_MDT_OK(mdt_dataset_task_deadline(&d, ds.get(), i));
  DeadlinePtr dl(d);
  mdt_deadline_info info = MDT_DEADLINE_INFO_INIT;
  ASSERT_MDT_OK(mdt_deadline_get_info(&info, d));
  EXPECT_EQ(info.kind, MDT_DEADLINE_QUARTER);
  EXPECT_EQ(std::string(info.text, info.text_len).rfind("Quý", 0), 0u);
}

TEST(CApiDataset, AddTaskValidatesEveryField) {
  Dataset ds = NewDataset();
  AddTask(ds.get(), "T-1", "Tháng 10/2025");
  mdt_task_input t = MDT_TASK_INPUT_INIT;
  t.id = "T-1";
  t.title = "x";
  EXPECT_MDT_ERR(MDT_ERR_ALREADY_EXISTS, "T-1", mdt_dataset_add_task(nullptr, ds.get(), &t));
  t.id = nullptr;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "task.id", mdt_dataset_add_task(nullptr, ds.get(), &t));
  t.id = "T-2";
  t.title = "bad \xff title";
  EXPECT_MDT_ERR(MDT_ERR_INVALID_UTF8, "task.title", mdt_dataset_add_task(nullptr, ds.get(), &t));
  t.title = "ok";
  const char* lead[] = {"NO-SUCH-AGENCY"};
  t.lead = lead;
  t.lead_count = 1;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "NO-SUCH-AGENCY",
                 mdt_dataset_add_task(nullptr, ds.get(), &t));
  t.lead = nullptr;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "task.lead",
                 mdt_dataset_add_task(nullptr, ds.get(), &t));
  const char* with_null[] = {"BKHCN", nullptr};
  t.lead = with_null;
  t.lead_count = 2;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "task.lead[1]",
                 mdt_dataset_add_task(nullptr, ds.get(), &t));
  t.lead_count = 1;
  t.deadline_text = "Tháng 13/2025";
  EXPECT_MDT_ERR(MDT_ERR_PARSE, "month 13", mdt_dataset_add_task(nullptr, ds.get(), &t));
  t.deadline_text = "Quý IV";
  mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
  ctx.plan_year = 0;
  t.deadline_context = &ctx;
  EXPECT_MDT_ERR(MDT_ERR_PARSE, "plan year", mdt_dataset_add_task(nullptr, ds.get(), &t));
  t.deadline_text = nullptr;
  t.assigned = 5000000;
  EXPECT_MDT_ERR(MDT_ERR_OUT_OF_RANGE, "task.assigned",
                 mdt_dataset_add_task(nullptr, ds.get(), &t));
  t.assigned = MDT_NO_DATE;
  t.version = 2;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "version 2",
                 mdt_dataset_add_task(nullptr, ds.get(), &t));
  t.version = MDT_TASK_INPUT_VERSION;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "task is NULL",
                 mdt_dataset_add_task(nullptr, ds.get(), nullptr));
  size_t n = 0;
  ASSERT_MDT_OK(mdt_dataset_task_count(&n, ds.get()));
  EXPECT_EQ(n, 1u);  // nothing stored on error
  // A parsed deadline handle is taken as is.
  mdt_deadline* d = nullptr;
  ASSERT_MDT_OK(mdt_deadline_parse(&d, "Tháng 7/2025", MDT_NUL_TERMINATED, nullptr));
  DeadlinePtr dl(d);
  t.deadline = d;
  t.deadline_text = "ignored when a handle is given";
  uint32_t index = 0;
  ASSERT_MDT_OK(mdt_dataset_add_task(&index, ds.get(), &t));
  EXPECT_EQ(index, 1u);
  mdt_deadline* back = nullptr;
  ASSERT_MDT_OK(mdt_dataset_task_deadline(&back, ds.get(), index));
  DeadlinePtr back_owned(back);
  mdt_deadline_info info = MDT_DEADLINE_INFO_INIT;
  ASSERT_MDT_OK(mdt_deadline_get_info(&info, back));
  EXPECT_EQ(info.due, Date("2025-07-31"));
}

TEST(CApiDataset, EventsAndTheirShorthands) {
  Dataset ds = NewDataset();
  const uint32_t i = AddTask(ds.get(), "T-1", "Tháng 10/2025", Date("2025-04-14"));
  ASSERT_MDT_OK(
      mdt_dataset_report_progress(ds.get(), "T-1", Date("2025-06-20"), 40, "Đã xây dựng dự thảo"));
  mdt_deadline_context ctx2025 = MDT_DEADLINE_CONTEXT_INIT;
  ctx2025.plan_year = 2025;
  mdt_deadline_change_input change;
  ASSERT_MDT_OK(mdt_deadline_change_input_init(&change, MDT_DEADLINE_CHANGE_INPUT_VERSION));
  change.date = Date("2025-07-01");
  change.deadline_text = "Tháng 12/2025";
  change.context = &ctx2025;
  change.reason = "Gia hạn";
  change.document = "45-TB/TGV";
  ASSERT_MDT_OK(mdt_dataset_change_deadline(ds.get(), "T-1", &change));
  ASSERT_MDT_OK(mdt_dataset_complete_task(ds.get(), "T-1", Date("2025-11-20")));
  const char* evidence[] = {"https://nq57.vn/minh-chung/1"};
  mdt_event_input e = MDT_EVENT_INPUT_INIT;
  e.type = MDT_EVENT_REOPENED;
  e.date = Date("2025-11-25");
  e.text = "Sản phẩm bị trả lại";
  e.evidence = evidence;
  e.evidence_count = 1;
  ASSERT_MDT_OK(mdt_dataset_add_event(ds.get(), "T-1", &e));
  size_t n = 0;
  ASSERT_MDT_OK(mdt_dataset_task_event_count(&n, ds.get(), i));
  EXPECT_EQ(n, 4u);

  AddTask(ds.get(), "T-2", "2025");
  ASSERT_MDT_OK(
      mdt_dataset_cancel_task(ds.get(), "T-2", Date("2025-08-01"), "Không còn phù hợp", nullptr));

  EXPECT_MDT_ERR(MDT_ERR_NOT_FOUND, "T-9",
                 mdt_dataset_complete_task(ds.get(), "T-9", Date("2025-11-20")));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "percent",
                 mdt_dataset_report_progress(ds.get(), "T-1", Date("2025-06-20"), 140, nullptr));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "event.date",
                 mdt_dataset_complete_task(ds.get(), "T-1", MDT_NO_DATE));
  change.deadline_text = "Tháng 13/2025";
  EXPECT_MDT_ERR(MDT_ERR_PARSE, "new_deadline",
                 mdt_dataset_change_deadline(ds.get(), "T-1", &change));
  change.deadline_text = nullptr;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "needs new_deadline",
                 mdt_dataset_change_deadline(ds.get(), "T-1", &change));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "change",
                 mdt_dataset_change_deadline(ds.get(), "T-1", nullptr));
  EXPECT_MDT_ERR(
      MDT_ERR_INVALID_UTF8, "event.text",
      mdt_dataset_report_progress(ds.get(), "T-1", Date("2025-06-20"), 10, "\xed\xa0\x80"));
  e.type = static_cast<mdt_event_type>(9);
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "event.type",
                 mdt_dataset_add_event(ds.get(), "T-1", &e));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "event is NULL",
                 mdt_dataset_add_event(ds.get(), "T-1", nullptr));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "task_id",
                 mdt_dataset_complete_task(ds.get(), nullptr, Date("2025-11-20")));
  ASSERT_MDT_OK(mdt_dataset_task_event_count(&n, ds.get(), i));
  EXPECT_EQ(n, 4u);  // no failed call stored anything
  EXPECT_MDT_ERR(MDT_ERR_OUT_OF_RANGE, "task index", mdt_dataset_task_event_count(&n, ds.get(), 7));
  char* s = nullptr;
  EXPECT_EQ(mdt_dataset_task_id(&s, nullptr, ds.get(), 7), MDT_ERR_OUT_OF_RANGE);
  EXPECT_EQ(s, nullptr);
  EXPECT_EQ(mdt_dataset_task_title(nullptr, nullptr, ds.get(), 0), MDT_ERR_INVALID_ARGUMENT);
  uint32_t found = 0;
  EXPECT_EQ(mdt_dataset_find_task(&found, ds.get(), "nope"), MDT_ERR_NOT_FOUND);
  mdt_deadline* d = nullptr;
  EXPECT_EQ(mdt_dataset_task_deadline(&d, ds.get(), 99), MDT_ERR_OUT_OF_RANGE);
}

TEST(CApiDataset, TargetsAndMeasurements) {
  Dataset ds = NewDataset();
  const char* responsible[] = {"BKHCN"};
  mdt_target_input t = MDT_TARGET_INPUT_INIT;
  t.id = "5G";
  t.name = "Phủ sóng 5G";
  t.unit = "%";
  t.baseline = 26;
  t.baseline_date = Date("2024-12-31");
  t.target = 90;
  t.deadline = Date("2025-12-31");
  t.responsible = responsible;
  t.responsible_count = 1;
  ASSERT_MDT_OK(mdt_dataset_add_target(ds.get(), &t));
  EXPECT_NE(mdt_dataset_add_target(ds.get(), &t), MDT_OK);  // duplicate id
  mdt_measurement_input m = MDT_MEASUREMENT_INPUT_INIT;
  m.date = Date("2025-06-30");
  m.value = 60;
  m.source = "Bộ KHCN";
  ASSERT_MDT_OK(mdt_dataset_add_measurement(ds.get(), "5G", &m));
  m.date = Date("2025-09-30");
  m.value = 85;
  ASSERT_MDT_OK(mdt_dataset_add_measurement(ds.get(), "5G", &m));
  m.date = Date("2025-09-30");
  m.value = 70;
  m.locality = "HNI";
  ASSERT_MDT_OK(mdt_dataset_add_measurement(ds.get(), "5G", &m));

  size_t n = 0;
  ASSERT_MDT_OK(mdt_dataset_target_count(&n, ds.get()));
  EXPECT_EQ(n, 1u);
  char* id = nullptr;
  ASSERT_MDT_OK(mdt_dataset_target_id(&id, nullptr, ds.get(), 0));
  String owned(id);
  EXPECT_STREQ(id, "5G");
  EXPECT_EQ(mdt_dataset_target_id(&id, nullptr, ds.get(), 1), MDT_ERR_OUT_OF_RANGE);
  ASSERT_MDT_OK(mdt_dataset_measurement_count(&n, ds.get(), "5G"));
  EXPECT_EQ(n, 3u);
  double value = 0;
  mdt_date when = 0;
  ASSERT_MDT_OK(
      mdt_dataset_latest_measurement(&value, &when, ds.get(), "5G", nullptr, Date("2025-08-01")));
  EXPECT_EQ(value, 60);
  EXPECT_EQ(when, Date("2025-06-30"));
  ASSERT_MDT_OK(
      mdt_dataset_latest_measurement(&value, &when, ds.get(), "5G", "", Date("2025-12-01")));
  EXPECT_EQ(value, 85);
  ASSERT_MDT_OK(
      mdt_dataset_latest_measurement(&value, nullptr, ds.get(), "5G", "HNI", Date("2025-12-01")));
  EXPECT_EQ(value, 70);
  EXPECT_MDT_ERR(
      MDT_ERR_NOT_FOUND, "no measurement",
      mdt_dataset_latest_measurement(&value, &when, ds.get(), "5G", nullptr, Date("2025-01-01")));
  EXPECT_MDT_ERR(
      MDT_ERR_NOT_FOUND, "nope",
      mdt_dataset_latest_measurement(&value, &when, ds.get(), "nope", nullptr, Date("2025-01-01")));
  EXPECT_MDT_ERR(MDT_ERR_NOT_FOUND, "nope", mdt_dataset_measurement_count(&n, ds.get(), "nope"));
  EXPECT_NE(mdt_dataset_add_measurement(ds.get(), "nope", &m), MDT_OK);
  m.date = MDT_NO_DATE;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "measurement.date",
                 mdt_dataset_add_measurement(ds.get(), "5G", &m));
  EXPECT_EQ(mdt_dataset_add_measurement(ds.get(), "5G", nullptr), MDT_ERR_INVALID_ARGUMENT);
  t.id = "x";
  t.direction = static_cast<mdt_target_direction>(5);
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "direction", mdt_dataset_add_target(ds.get(), &t));
  t.direction = MDT_TARGET_AT_MOST;
  t.unit = "\xff";
  EXPECT_MDT_ERR(MDT_ERR_INVALID_UTF8, "target.unit", mdt_dataset_add_target(ds.get(), &t));
  EXPECT_EQ(mdt_dataset_add_target(ds.get(), nullptr), MDT_ERR_INVALID_ARGUMENT);
  ASSERT_MDT_OK(mdt_dataset_measurement_count(&n, ds.get(), "5G"));
  EXPECT_EQ(n, 3u);
}

TEST(CApiDataset, CustomRegistryAndOutlivingHandles) {
  const char* json = R"({"agencies": [{"id": "A1", "name": "Cơ quan Một", "kind": "ministry"}]})";
  mdt_registry* reg = nullptr;
  ASSERT_MDT_OK(mdt_registry_from_json(&reg, json, MDT_NUL_TERMINATED));
  mdt_dataset* ds = nullptr;
  ASSERT_MDT_OK(mdt_dataset_new(&ds, reg));
  mdt_registry_free(reg);  // the dataset keeps its own reference
  Dataset owned(ds);
  const char* lead[] = {"A1"};
  mdt_task_input t = MDT_TASK_INPUT_INIT;
  t.id = "X";
  t.title = "Nhiệm vụ";
  t.lead = lead;
  t.lead_count = 1;
  ASSERT_MDT_OK(mdt_dataset_add_task(nullptr, ds, &t));
  const char* bkhcn[] = {"BKHCN"};
  t.id = "Y";
  t.lead = bkhcn;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "BKHCN", mdt_dataset_add_task(nullptr, ds, &t));
  EXPECT_EQ(mdt_dataset_new(nullptr, nullptr), MDT_ERR_INVALID_ARGUMENT);
}

// mdt_dataset_add_task parses each distinct phrase once (the dataset's deadline cache): the
// same phrase under another context, or with a caller's calendar, must still get its own due.
TEST(CApiDataset, RepeatedPhrasesKeepTheirContexts) {
  Dataset ds = Dataset::make();
  const auto add = [&](const char* id, const char* phrase, const mdt_deadline_context* ctx) {
    const uint32_t i = AddTask(ds.get(), id, phrase, MDT_NO_DATE, ctx);
    mdt_date due = MDT_NO_DATE;
    EXPECT_MDT_OK(mdt_dataset_task_due(&due, ds.get(), i, Date("2030-01-01")));
    return due;
  };
  mdt_deadline_context y2025 = MDT_DEADLINE_CONTEXT_INIT, y2026 = MDT_DEADLINE_CONTEXT_INIT;
  y2025.plan_year = 2025;
  y2026.plan_year = 2026;
  EXPECT_EQ(add("A", "Quý IV", &y2025), Date("2025-12-31"));
  EXPECT_EQ(add("B", "Quý IV", &y2026), Date("2026-12-31"));
  EXPECT_EQ(add("C", "Quý IV", &y2025), Date("2025-12-31"));
  mdt_deadline_context inclusive = y2025;
  inclusive.inclusive_before = 1;
  EXPECT_EQ(add("D", "Trước ngày 15/11/2025", &y2025), Date("2025-11-14"));
  EXPECT_EQ(add("E", "Trước ngày 15/11/2025", &inclusive), Date("2025-11-15"));

  // A caller's calendar may gain days off between two tasks: no cached answer is reused.
  mdt_calendar* cal = nullptr;
  ASSERT_MDT_OK(mdt_calendar_new(&cal, MDT_CALENDAR_VIETNAM));
  Calendar owned(cal);
  mdt_deadline_context with_cal = MDT_DEADLINE_CONTEXT_INIT;
  with_cal.assigned = Date("2025-10-06");  // a Monday
  with_cal.calendar = cal;
  const char* phrase = "trong thời hạn 05 ngày làm việc";
  const mdt_date before = add("F", phrase, &with_cal);
  EXPECT_EQ(before, Date("2025-10-13"));
  const char* schedule =
      R"({"year":2025,"days_off":[{"date":"2025-10-08","reason":"Nghỉ bù"}],"working_days":[]})";
  ASSERT_MDT_OK(mdt_calendar_add_schedule(cal, schedule, MDT_NUL_TERMINATED));
  EXPECT_EQ(add("G", phrase, &with_cal), Date("2025-10-14"));
}

}  // namespace
}  // namespace mandate::capi_test
