// Reading every task field across the C ABI, one task at a time (mdt_dataset_task_*) and all
// at once (mdt_dataset_columns), checked against the JSON export of the same dataset.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "capi_fixture.h"

namespace mandate::capi_test {
namespace {

using nlohmann::json;

std::string Take(char* s, size_t len) {
  String owned(s);
  return s ? std::string(s, len) : std::string();
}

std::vector<std::string> Strings(const json& task, const char* key) {
  std::vector<std::string> out;
  if (task.contains(key)) {
    for (const auto& v : task[key]) out.push_back(v.get<std::string>());
  }
  return out;
}

mdt_date JsonDay(const json& v) {
  return v.is_string() ? Date(v.get<std::string>().c_str()) : MDT_NO_DATE;
}

// The due day and completion in force as of a day, folded from the exported history.
struct Expected {
  mdt_date due = MDT_NO_DATE, completed = MDT_NO_DATE;
};
Expected FromHistory(const json& task, mdt_date as_of) {
  Expected e;
  if (task["deadline"].contains("due")) e.due = JsonDay(task["deadline"]["due"]);
  if (!task.contains("history")) return e;
  for (const auto& ev : task["history"]) {
    if (JsonDay(ev["day"]) > as_of) break;
    const std::string type = ev["type"];
    if (type == "completed") e.completed = JsonDay(ev["day"]);
    if (type == "reopened") e.completed = MDT_NO_DATE;
    if (type == "deadline_changed") {
      e.due = ev["new_deadline"].contains("due") ? JsonDay(ev["new_deadline"]["due"]) : MDT_NO_DATE;
    }
  }
  return e;
}

class Fields : public ::testing::Test {
 protected:
  void SetUp() override {
    NewSeedPlanDataset(&ds);
    // Tasks with every list filled and a history that changes the answer by day.
    const char* lead[] = {"BKHCN", "BTC"};
    const char* coord[] = {"BCA", "BTC"};
    const char* sources[] = {"45-TB/TGV ngày 30/9/2025", "57-NQ/TW"};
    mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
    ctx.plan_year = 2025;
    mdt_task_input t = MDT_TASK_INPUT_INIT;
    t.id = "F-1";
    t.title = "Nhiệm vụ đủ trường";
    t.lead = lead;
    t.lead_count = 2;
    t.coordinators = coord;
    t.coordinator_count = 2;
    t.sources = sources;
    t.source_count = 2;
    t.category = "2. Chuyển đổi số / 2.1 Dữ liệu";
    t.deadline_text = "Quý III";
    t.deadline_context = &ctx;
    t.assigned = Date("2025-04-14");
    ASSERT_MDT_OK(mdt_dataset_add_task(&f1, ds.get(), &t));
    mdt_deadline_change_input c = MDT_DEADLINE_CHANGE_INPUT_INIT;
    c.date = Date("2025-09-01");
    c.deadline_text = "Tháng 12/2025";
    c.context = &ctx;
    ASSERT_MDT_OK(mdt_dataset_change_deadline(ds.get(), "F-1", &c));
    ASSERT_MDT_OK(mdt_dataset_complete_task(ds.get(), "F-1", Date("2025-10-20")));
    mdt_event_input e = MDT_EVENT_INPUT_INIT;
    e.type = MDT_EVENT_REOPENED;
    e.date = Date("2025-11-02");
    ASSERT_MDT_OK(mdt_dataset_add_event(ds.get(), "F-1", &e));
    ASSERT_MDT_OK(mdt_dataset_complete_task(ds.get(), "KH25-II-1", Date("2025-06-30")));
    char* text = nullptr;
    size_t len = 0;
    ASSERT_MDT_OK(mdt_dataset_write_json(&text, &len, ds.get()));
    exported = json::parse(Take(text, len))["dataset"]["tasks"];
    ASSERT_EQ(exported.size(), 249u);
  }
  Dataset ds;
  uint32_t f1 = 0;
  json exported;
};

TEST_F(Fields, PerTaskGettersEqualTheJsonExport) {
  for (const mdt_date as_of : {Date("2025-08-01"), Date("2025-10-25"), Date("2025-12-31")}) {
    for (uint32_t i = 0; i < exported.size(); ++i) {
      const json& want = exported[i];
      SCOPED_TRACE(want["id"].get<std::string>());
      char* s = nullptr;
      size_t len = 0;
      ASSERT_MDT_OK(mdt_dataset_task_id(&s, &len, ds.get(), i));
      EXPECT_EQ(Take(s, len), want["id"]);
      ASSERT_MDT_OK(mdt_dataset_task_category(&s, &len, ds.get(), i));
      EXPECT_EQ(Take(s, len), want.value("category", ""));
      auto list = [&](auto count_fn, auto item_fn) {
        size_t n = 0;
        EXPECT_MDT_OK(count_fn(&n, ds.get(), i));
        std::vector<std::string> out;
        for (size_t k = 0; k < n; ++k) {
          char* item = nullptr;
          size_t item_len = 0;
          EXPECT_MDT_OK(item_fn(&item, &item_len, ds.get(), i, k));
          out.push_back(Take(item, item_len));
        }
        char* past = nullptr;
        EXPECT_EQ(item_fn(&past, nullptr, ds.get(), i, n), MDT_ERR_OUT_OF_RANGE);
        return out;
      };
      EXPECT_EQ(list(mdt_dataset_task_lead_count, mdt_dataset_task_lead), Strings(want, "lead"));
      EXPECT_EQ(list(mdt_dataset_task_coordinator_count, mdt_dataset_task_coordinator),
                Strings(want, "coordinators"));
      EXPECT_EQ(list(mdt_dataset_task_source_count, mdt_dataset_task_source),
                Strings(want, "sources"));
      mdt_date d = 0;
      ASSERT_MDT_OK(mdt_dataset_task_assigned(&d, ds.get(), i));
      EXPECT_EQ(d, want.contains("assigned") ? JsonDay(want["assigned"]) : MDT_NO_DATE);
      const Expected e = FromHistory(want, as_of);
      ASSERT_MDT_OK(mdt_dataset_task_due(&d, ds.get(), i, as_of));
      if (want["deadline"]["kind"] != "relative" && want["deadline"]["kind"] != "open_ended") {
        EXPECT_EQ(d, e.due);
      }
      ASSERT_MDT_OK(mdt_dataset_task_completed(&d, ds.get(), i, as_of));
      EXPECT_EQ(d, e.completed);
      // The status is mdt_classify_task's.
      int32_t status = 99;
      ASSERT_MDT_OK(mdt_dataset_task_status(&status, ds.get(), i, as_of, nullptr));
      mdt_classification* c = nullptr;
      ASSERT_MDT_OK(mdt_classify_task(&c, ds.get(), i, as_of, nullptr));
      ClassificationPtr owned(c);
      mdt_classification_info info = MDT_CLASSIFICATION_INFO_INIT;
      ASSERT_MDT_OK(mdt_classification_get_info(&info, c));
      EXPECT_EQ(status, info.status);
    }
  }
  // F-1 as of three days: the changed deadline, the completion, the reopening.
  mdt_date d = 0;
  ASSERT_MDT_OK(mdt_dataset_task_due(&d, ds.get(), f1, Date("2025-08-01")));
  EXPECT_EQ(d, Date("2025-09-30"));
  ASSERT_MDT_OK(mdt_dataset_task_due(&d, ds.get(), f1, Date("2025-09-01")));
  EXPECT_EQ(d, Date("2025-12-31"));
  ASSERT_MDT_OK(mdt_dataset_task_completed(&d, ds.get(), f1, Date("2025-10-25")));
  EXPECT_EQ(d, Date("2025-10-20"));
  ASSERT_MDT_OK(mdt_dataset_task_completed(&d, ds.get(), f1, Date("2025-11-02")));
  EXPECT_EQ(d, MDT_NO_DATE);
  int32_t status = 0;
  ASSERT_MDT_OK(mdt_dataset_task_status(&status, ds.get(), f1, Date("2025-01-01"), nullptr));
  EXPECT_EQ(status, MDT_TASK_NOT_YET_ASSIGNED);
  size_t count = 0;
  EXPECT_EQ(mdt_dataset_task_lead_count(&count, ds.get(), 249), MDT_ERR_OUT_OF_RANGE);
}

TEST_F(Fields, ColumnsEqualThePerTaskGettersAndOutliveTheDataset) {
  const mdt_date as_of = Date("2025-10-25");
  mdt_task_columns* raw = nullptr;
  ASSERT_MDT_OK(mdt_dataset_columns(&raw, ds.get(), as_of, nullptr));
  Columns cols(raw);
  mdt_registry* reg_raw = nullptr;
  ASSERT_MDT_OK(mdt_dataset_registry(&reg_raw, ds.get()));
  Registry reg(reg_raw);
  std::vector<int32_t> statuses(exported.size());
  size_t n = 0;
  ASSERT_MDT_OK(mdt_classify_all(statuses.data(), statuses.size(), &n, ds.get(), as_of, nullptr));
  ds.reset();  // the columns are a snapshot: they outlive the dataset

  mdt_date made_for = 0;
  ASSERT_MDT_OK(mdt_task_columns_count(&n, &made_for, cols.get()));
  ASSERT_EQ(n, exported.size());
  EXPECT_EQ(made_for, as_of);
  const uint64_t *id_off = nullptr, *lead_off = nullptr, *coord_off = nullptr;
  const char* chars = nullptr;
  const mdt_date *assigned = nullptr, *due = nullptr, *completed = nullptr;
  const int32_t* status = nullptr;
  const uint32_t *leads = nullptr, *coords = nullptr;
  ASSERT_MDT_OK(mdt_task_columns_ids(&id_off, &chars, cols.get()));
  ASSERT_MDT_OK(mdt_task_columns_days(&assigned, &due, &completed, cols.get()));
  ASSERT_MDT_OK(mdt_task_columns_status(&status, cols.get()));
  ASSERT_MDT_OK(mdt_task_columns_leads(&lead_off, &leads, cols.get()));
  ASSERT_MDT_OK(mdt_task_columns_coordinators(&coord_off, &coords, cols.get()));
  EXPECT_EQ(id_off[0], 0u);
  auto agency = [&](uint32_t index) {
    const char* id = nullptr;
    EXPECT_MDT_OK(mdt_registry_agency(&id, nullptr, nullptr, reg.get(), index));
    return std::string(id ? id : "");
  };
  for (size_t i = 0; i < n; ++i) {
    const json& want = exported[i];
    SCOPED_TRACE(want["id"].get<std::string>());
    EXPECT_EQ(std::string(chars + id_off[i], id_off[i + 1] - id_off[i]), want["id"]);
    EXPECT_EQ(assigned[i], want.contains("assigned") ? JsonDay(want["assigned"]) : MDT_NO_DATE);
    const Expected e = FromHistory(want, as_of);
    if (want["deadline"]["kind"] != "relative" && want["deadline"]["kind"] != "open_ended") {
      EXPECT_EQ(due[i], e.due);
    }
    EXPECT_EQ(completed[i], e.completed);
    EXPECT_EQ(status[i], statuses[i]);
    std::vector<std::string> lead_ids, coord_ids;
    for (uint64_t k = lead_off[i]; k < lead_off[i + 1]; ++k) lead_ids.push_back(agency(leads[k]));
    for (uint64_t k = coord_off[i]; k < coord_off[i + 1]; ++k) {
      coord_ids.push_back(agency(coords[k]));
    }
    std::vector<std::string> want_lead = Strings(want, "lead"),
                             want_coord = Strings(want, "coordinators");
    std::sort(lead_ids.begin(), lead_ids.end());
    std::sort(want_lead.begin(), want_lead.end());
    std::sort(coord_ids.begin(), coord_ids.end());
    std::sort(want_coord.begin(), want_coord.end());
    EXPECT_EQ(lead_ids, want_lead);
    EXPECT_EQ(coord_ids, want_coord);
  }
  EXPECT_EQ(chars[id_off[n]], '\0');
  // Any out may be NULL; a required one may not.
  EXPECT_MDT_OK(mdt_task_columns_days(nullptr, nullptr, nullptr, cols.get()));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "out", mdt_task_columns_status(nullptr, cols.get()));
}

TEST(CApiFields, ColumnsOfAnEmptyDatasetAreNotNull) {
  mdt_dataset* d = nullptr;
  ASSERT_MDT_OK(mdt_dataset_new(&d, nullptr));
  Dataset ds(d);
  mdt_task_columns* raw = nullptr;
  ASSERT_MDT_OK(mdt_dataset_columns(&raw, d, Date("2025-01-01"), nullptr));
  Columns cols(raw);
  size_t n = 1;
  ASSERT_MDT_OK(mdt_task_columns_count(&n, nullptr, raw));
  EXPECT_EQ(n, 0u);
  const mdt_date* a = nullptr;
  const int32_t* s = nullptr;
  const uint64_t* off = nullptr;
  const uint32_t* v = nullptr;
  ASSERT_MDT_OK(mdt_task_columns_days(&a, nullptr, nullptr, raw));
  ASSERT_MDT_OK(mdt_task_columns_status(&s, raw));
  ASSERT_MDT_OK(mdt_task_columns_leads(&off, &v, raw));
  EXPECT_NE(a, nullptr);
  EXPECT_NE(s, nullptr);
  EXPECT_NE(v, nullptr);
  EXPECT_EQ(off[0], 0u);
}

}  // namespace
}  // namespace mandate::capi_test
