// The error paths of every public C function, table-driven: each function that takes a
// handle refuses NULL, freed and wrong-kind handles; each that takes a date refuses days
// outside 1900..2200 (and MDT_NO_DATE where one is required); each that takes text refuses
// invalid UTF-8; each that fills a caller buffer reports the size it needs; each required
// out-parameter refuses NULL. The tables are checked against capi/mandate.h, so a new
// function must join them.
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "capi_fixture.h"
#include "capi_header.h"

namespace mandate::capi_test {
namespace {

enum class K {
  kRegistry,
  kResolution,
  kCalendar,
  kDeadline,
  kDataset,
  kClassification,
  kIter,
  kProblems,
  kEvaluations,
  kAggregate,
  kChange,
  kLists,
  kColumns,
  kLive,
};
constexpr int kKinds = 14;
const char* const kKindType[kKinds] = {"mdt_registry",
                                       "mdt_resolution",
                                       "mdt_calendar",
                                       "mdt_deadline",
                                       "mdt_dataset",
                                       "mdt_classification",
                                       "mdt_classification_iter",
                                       "mdt_problems",
                                       "mdt_target_evaluations",
                                       "mdt_aggregate_result",
                                       "mdt_task_change",
                                       "mdt_task_lists",
                                       "mdt_task_columns",
                                       "mdt_live_aggregate"};

// One live handle of each kind, made from a two-task dataset: a recurring obligation
// assigned 2025-03-01 and a quarter deadline assigned 2025-06-01, plus target T1.
class Handles {
 public:
  Handles() {
    EXPECT_MDT_OK(mdt_registry_bundled(&registry));
    EXPECT_MDT_OK(mdt_dataset_new(&dataset, registry));
    AddTask("M-1", "Báo cáo tháng", "Trước ngày 25 hàng tháng", "2025-03-01");
    AddTask("M-2", "Xây dựng Nghị định", "Quý IV", "2025-06-01");
    // A report on M-1 makes its occurrence reports tracked: its later months are missed, so
    // the classification has occurrences and the overdue lists a row.
    EXPECT_MDT_OK(mdt_dataset_report_progress(dataset, "M-1", Date("2025-03-20"), -1, nullptr));
    const char* resp[] = {"BKHCN"};
    mdt_target_input t = MDT_TARGET_INPUT_INIT;
    t.id = "T1";
    t.name = "Tỷ lệ hồ sơ trực tuyến";
    t.unit = "%";
    t.baseline = 40;
    t.target = 80;
    t.baseline_date = Date("2024-12-31");
    t.deadline = Date("2025-12-31");
    t.responsible = resp;
    t.responsible_count = 1;
    EXPECT_MDT_OK(mdt_dataset_add_target(dataset, &t));
    mdt_measurement_input m = MDT_MEASUREMENT_INPUT_INIT;
    m.date = Date("2025-06-30");
    m.value = 55;
    EXPECT_MDT_OK(mdt_dataset_add_measurement(dataset, "T1", &m));
    const char* cell = "Bộ KH&CN, Các bộ, ngành, địa phương, Ban Không Tồn Tại";
    EXPECT_MDT_OK(mdt_registry_resolve(&resolution, registry, cell, MDT_NUL_TERMINATED));
    EXPECT_MDT_OK(mdt_calendar_new(&calendar, MDT_CALENDAR_VIETNAM));
    const char* phrase = "Trước ngày 25 hàng tháng";
    EXPECT_MDT_OK(mdt_deadline_parse(&deadline, phrase, MDT_NUL_TERMINATED, nullptr));
    const mdt_date as_of = Date("2025-09-23");
    EXPECT_MDT_OK(mdt_classify_task(&classification, dataset, 0, as_of, nullptr));
    EXPECT_MDT_OK(mdt_classification_iter_new(&iter, dataset, as_of, nullptr));
    const char* csv = "id,title,deadline\r\nX-1,Một,31/02/2025\r\n";
    mdt_dataset* loaded = nullptr;
    EXPECT_MDT_OK(mdt_dataset_read_csv(&loaded, &problems, csv, MDT_NUL_TERMINATED, nullptr));
    mdt_dataset_free(loaded);
    EXPECT_MDT_OK(mdt_target_evaluate(&evaluations, dataset, "T1", nullptr, as_of, nullptr));
    mdt_aggregate_options o = MDT_AGGREGATE_OPTIONS_INIT;
    static const int32_t by[] = {MDT_DIM_LEAD};
    o.by = by;
    o.by_count = 1;
    EXPECT_MDT_OK(mdt_aggregate(&aggregate, dataset, as_of, &o));
    EXPECT_MDT_OK(mdt_task_change_compute(&change, dataset, Date("2025-01-01"), as_of, nullptr));
    EXPECT_MDT_OK(mdt_task_lists_new(&lists, dataset, MDT_LIST_OVERDUE_BY_AGENCY, as_of, nullptr));
    EXPECT_MDT_OK(mdt_dataset_columns(&columns, dataset, as_of, nullptr));
    EXPECT_MDT_OK(mdt_live_aggregate_new(&live, dataset, as_of, &o));
  }
  ~Handles() {
    mdt_registry_free(registry);
    mdt_resolution_free(resolution);
    mdt_calendar_free(calendar);
    mdt_deadline_free(deadline);
    mdt_dataset_free(dataset);
    mdt_classification_free(classification);
    mdt_classification_iter_free(iter);
    mdt_problems_free(problems);
    mdt_target_evaluations_free(evaluations);
    mdt_aggregate_result_free(aggregate);
    mdt_task_change_free(change);
    mdt_task_lists_free(lists);
    mdt_task_columns_free(columns);
    mdt_live_aggregate_free(live);
  }
  Handles(const Handles&) = delete;
  Handles& operator=(const Handles&) = delete;

  void* Get(K k) const {
    switch (k) {
      case K::kRegistry:
        return registry;
      case K::kResolution:
        return resolution;
      case K::kCalendar:
        return calendar;
      case K::kDeadline:
        return deadline;
      case K::kDataset:
        return dataset;
      case K::kClassification:
        return classification;
      case K::kIter:
        return iter;
      case K::kProblems:
        return problems;
      case K::kEvaluations:
        return evaluations;
      case K::kAggregate:
        return aggregate;
      case K::kChange:
        return change;
      case K::kLists:
        return lists;
      case K::kColumns:
        return columns;
      case K::kLive:
        return live;
    }
    return nullptr;
  }

  // A handle of kind k made and freed at once: a stale pointer.
  static void* Freed(K k) {
    Handles h;
    void* p = h.Get(k);
    return p;  // ~Handles frees it (and everything else)
  }

  mdt_registry* registry = nullptr;
  mdt_resolution* resolution = nullptr;
  mdt_calendar* calendar = nullptr;
  mdt_deadline* deadline = nullptr;
  mdt_dataset* dataset = nullptr;
  mdt_classification* classification = nullptr;
  mdt_classification_iter* iter = nullptr;
  mdt_problems* problems = nullptr;
  mdt_target_evaluations* evaluations = nullptr;
  mdt_aggregate_result* aggregate = nullptr;
  mdt_task_change* change = nullptr;
  mdt_task_lists* lists = nullptr;
  mdt_task_columns* columns = nullptr;
  mdt_live_aggregate* live = nullptr;

 private:
  void AddTask(const char* id, const char* title, const char* phrase, const char* assigned) {
    const char* lead[] = {"BKHCN"};
    mdt_task_input t = MDT_TASK_INPUT_INIT;
    t.id = id;
    t.title = title;
    t.lead = lead;
    t.lead_count = 1;
    t.deadline_text = phrase;
    mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
    ctx.plan_year = 2025;
    t.deadline_context = &ctx;
    t.assigned = Date(assigned);
    EXPECT_MDT_OK(mdt_dataset_add_task(nullptr, dataset, &t));
  }
};

template <typename T>
T* As(void* p) {
  return static_cast<T*>(p);
}

// Frees what a successful call allocated, so the tables leak nothing under ASan. They take
// the address of the result: the call (the other argument) fills it first.
mdt_status FreeString(mdt_status st, char** s) {
  mdt_string_free(*s);
  return st;
}
template <typename T, void (*Free)(T*)>
mdt_status FreeOut(mdt_status st, T** p) {
  Free(*p);
  return st;
}

// ---- Handles: every function that takes one ------------------------------------------

struct HandleCall {
  const char* fn;
  K kind;
  std::function<mdt_status(void*, const Handles&)> call;
  bool nullable = false;  // NULL means a default (the bundled registry, Vietnam's calendar)
};

std::vector<HandleCall> HandleCalls() {
  const mdt_date day = 20354;  // 2025-09-23
  std::vector<HandleCall> c;
  auto add = [&](const char* fn, K kind, std::function<mdt_status(void*, const Handles&)> f) {
    c.push_back({fn, kind, std::move(f)});
  };
  // An optional handle in an argument or a struct field: NULL is not an error there.
  auto add_optional = [&](const char* fn, K kind,
                          std::function<mdt_status(void*, const Handles&)> f) {
    c.push_back({fn, kind, std::move(f), true});
  };
  // Registry.
  add("mdt_registry_agency_count", K::kRegistry, [](void* h, const Handles&) {
    size_t n;
    return mdt_registry_agency_count(&n, As<mdt_registry>(h));
  });
  add("mdt_registry_agency", K::kRegistry, [](void* h, const Handles&) {
    return mdt_registry_agency(nullptr, nullptr, nullptr, As<mdt_registry>(h), 0);
  });
  add("mdt_registry_find_id", K::kRegistry, [](void* h, const Handles&) {
    size_t i;
    return mdt_registry_find_id(&i, As<mdt_registry>(h), "BKHCN");
  });
  add("mdt_registry_find_name", K::kRegistry, [](void* h, const Handles&) {
    size_t i;
    return mdt_registry_find_name(&i, As<mdt_registry>(h), "Bộ KH&CN", MDT_NUL_TERMINATED);
  });
  add("mdt_registry_resolve", K::kRegistry, [](void* h, const Handles&) {
    mdt_resolution* r = nullptr;
    const mdt_status st =
        mdt_registry_resolve(&r, As<mdt_registry>(h), "Bộ Y tế", MDT_NUL_TERMINATED);
    return FreeOut<mdt_resolution, mdt_resolution_free>(st, &r);
  });
  add("mdt_registry_find_leading", K::kRegistry, [](void* h, const Handles&) {
    mdt_resolution* r = nullptr;
    const mdt_status st =
        mdt_registry_find_leading(&r, As<mdt_registry>(h), "Bộ Y tế chủ trì", MDT_NUL_TERMINATED);
    return FreeOut<mdt_resolution, mdt_resolution_free>(st, &r);
  });
  add("mdt_registry_to_json", K::kRegistry, [](void* h, const Handles&) {
    char* s = nullptr;
    return FreeString(mdt_registry_to_json(&s, nullptr, As<mdt_registry>(h)), &s);
  });
  add_optional("mdt_dataset_new", K::kRegistry, [](void* h, const Handles&) {
    mdt_dataset* d = nullptr;
    return FreeOut<mdt_dataset, mdt_dataset_free>(mdt_dataset_new(&d, As<mdt_registry>(h)), &d);
  });
  // Resolution.
  add("mdt_resolution_agency_count", K::kResolution, [](void* h, const Handles&) {
    size_t n;
    return mdt_resolution_agency_count(&n, As<mdt_resolution>(h));
  });
  add("mdt_resolution_agency", K::kResolution, [](void* h, const Handles&) {
    return mdt_resolution_agency(nullptr, nullptr, As<mdt_resolution>(h), 0);
  });
  add("mdt_resolution_unresolved_count", K::kResolution, [](void* h, const Handles&) {
    size_t n;
    return mdt_resolution_unresolved_count(&n, As<mdt_resolution>(h));
  });
  add("mdt_resolution_unresolved", K::kResolution, [](void* h, const Handles&) {
    const char* s;
    return mdt_resolution_unresolved(&s, nullptr, As<mdt_resolution>(h), 0);
  });
  add("mdt_resolution_collective_count", K::kResolution, [](void* h, const Handles&) {
    size_t n;
    return mdt_resolution_collective_count(&n, As<mdt_resolution>(h));
  });
  add("mdt_resolution_collective", K::kResolution, [](void* h, const Handles&) {
    const char* s;
    return mdt_resolution_collective(&s, nullptr, As<mdt_resolution>(h), 0);
  });
  // Calendar.
  add("mdt_calendar_add_schedule", K::kCalendar, [](void* h, const Handles&) {
    const char* json = R"({"year": 2031, "days_off": [{"date": "2031-01-02", "reason": "Tết"}]})";
    return mdt_calendar_add_schedule(As<mdt_calendar>(h), json, MDT_NUL_TERMINATED);
  });
  add("mdt_calendar_is_working_day", K::kCalendar, [day](void* h, const Handles&) {
    int w;
    return mdt_calendar_is_working_day(&w, As<mdt_calendar>(h), day);
  });
  add("mdt_calendar_day_off_reason", K::kCalendar, [day](void* h, const Handles&) {
    char* s = nullptr;
    return FreeString(mdt_calendar_day_off_reason(&s, nullptr, As<mdt_calendar>(h), day + 4), &s);
  });
  add("mdt_calendar_working_day_reason", K::kCalendar, [day](void* h, const Handles&) {
    char* s = nullptr;
    return FreeString(mdt_calendar_working_day_reason(&s, nullptr, As<mdt_calendar>(h), day), &s);
  });
  add("mdt_calendar_add_working_days", K::kCalendar, [day](void* h, const Handles&) {
    mdt_date d;
    return mdt_calendar_add_working_days(&d, As<mdt_calendar>(h), day, 5);
  });
  add("mdt_calendar_working_days_between", K::kCalendar, [day](void* h, const Handles&) {
    int32_t n;
    return mdt_calendar_working_days_between(&n, As<mdt_calendar>(h), day, day + 30);
  });
  add("mdt_calendar_next_working_day", K::kCalendar, [day](void* h, const Handles&) {
    mdt_date d;
    return mdt_calendar_next_working_day(&d, As<mdt_calendar>(h), day);
  });
  add("mdt_calendar_days_off", K::kCalendar, [day](void* h, const Handles&) {
    mdt_date out[16];
    size_t n;
    return mdt_calendar_days_off(out, 16, &n, As<mdt_calendar>(h), day, day + 13);
  });
  add_optional("mdt_deadline_parse", K::kCalendar, [](void* h, const Handles&) {
    mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
    ctx.calendar = As<mdt_calendar>(h);
    ctx.assigned = 20354;
    mdt_deadline* d = nullptr;
    const mdt_status st =
        mdt_deadline_parse(&d, "trong vòng 10 ngày làm việc", MDT_NUL_TERMINATED, &ctx);
    return FreeOut<mdt_deadline, mdt_deadline_free>(st, &d);
  });
  add_optional("mdt_deadline_extract", K::kCalendar, [](void* h, const Handles&) {
    mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
    ctx.calendar = As<mdt_calendar>(h);
    mdt_deadline* d = nullptr;
    const mdt_status st =
        mdt_deadline_extract(&d, "Hoàn thành trong Quý IV/2025.", MDT_NUL_TERMINATED, &ctx);
    return FreeOut<mdt_deadline, mdt_deadline_free>(st, &d);
  });
  // Deadline.
  add("mdt_deadline_get_info", K::kDeadline, [](void* h, const Handles&) {
    mdt_deadline_info info = MDT_DEADLINE_INFO_INIT;
    return mdt_deadline_get_info(&info, As<mdt_deadline>(h));
  });
  add("mdt_deadline_milestone", K::kDeadline, [](void* h, const Handles&) {
    // The recurring deadline has no milestone: a live handle gives OUT_OF_RANGE, checked
    // after the handle.
    const mdt_status st =
        mdt_deadline_milestone(nullptr, nullptr, nullptr, nullptr, As<mdt_deadline>(h), 0);
    return st == MDT_ERR_OUT_OF_RANGE ? MDT_OK : st;
  });
  add("mdt_deadline_explanation", K::kDeadline, [](void* h, const Handles&) {
    const char* s;
    return mdt_deadline_explanation(&s, nullptr, As<mdt_deadline>(h), 0);
  });
  add("mdt_deadline_occurrences", K::kDeadline, [day](void* h, const Handles&) {
    mdt_date out[16];
    size_t n;
    return mdt_deadline_occurrences(out, 16, &n, As<mdt_deadline>(h), day, day + 90);
  });
  add("mdt_deadline_effective_due", K::kDeadline, [day](void* h, const Handles&) {
    mdt_date d;
    return mdt_deadline_effective_due(&d, As<mdt_deadline>(h), day);
  });
  add_optional("mdt_dataset_add_task", K::kDeadline, [](void* h, const Handles& hs) {
    mdt_task_input t = MDT_TASK_INPUT_INIT;
    static int n = 0;
    const std::string id = "D-" + std::to_string(++n);
    t.id = id.c_str();
    t.title = "Nhiệm vụ";
    t.deadline = As<mdt_deadline>(h);
    return mdt_dataset_add_task(nullptr, hs.dataset, &t);
  });
  add_optional("mdt_dataset_add_event", K::kDeadline, [day](void* h, const Handles& hs) {
    mdt_event_input e = MDT_EVENT_INPUT_INIT;
    e.type = MDT_EVENT_DEADLINE_CHANGED;
    e.date = day;
    e.new_deadline = As<mdt_deadline>(h);
    return mdt_dataset_add_event(hs.dataset, "M-2", &e);
  });
  // Dataset.
  auto ds = [](void* h) { return As<mdt_dataset>(h); };
  add("mdt_dataset_add_task", K::kDataset, [ds](void* h, const Handles&) {
    mdt_task_input t = MDT_TASK_INPUT_INIT;
    static int n = 0;
    const std::string id = "N-" + std::to_string(++n);
    t.id = id.c_str();
    t.title = "Nhiệm vụ";
    return mdt_dataset_add_task(nullptr, ds(h), &t);
  });
  add("mdt_dataset_add_event", K::kDataset, [ds, day](void* h, const Handles&) {
    mdt_event_input e = MDT_EVENT_INPUT_INIT;
    e.date = day;
    e.percent = 30;
    return mdt_dataset_add_event(ds(h), "M-2", &e);
  });
  add("mdt_dataset_report_progress", K::kDataset, [ds, day](void* h, const Handles&) {
    return mdt_dataset_report_progress(ds(h), "M-2", day, 40, "Đang soạn thảo");
  });
  add("mdt_dataset_report_milestone", K::kDataset, [ds, day](void* h, const Handles&) {
    return mdt_dataset_report_milestone(ds(h), "M-2", day, 0, "Xong giai đoạn 1");
  });
  add("mdt_dataset_complete_task", K::kDataset, [ds, day](void* h, const Handles&) {
    return mdt_dataset_complete_task(ds(h), "M-2", day + 60);
  });
  add("mdt_dataset_change_deadline", K::kDataset, [ds, day](void* h, const Handles&) {
    mdt_deadline_change_input c = MDT_DEADLINE_CHANGE_INPUT_INIT;
    c.date = day;
    c.deadline_text = "Tháng 12/2025";
    c.reason = "lùi hạn";
    return mdt_dataset_change_deadline(ds(h), "M-2", &c);
  });
  add("mdt_dataset_cancel_task", K::kDataset, [ds, day](void* h, const Handles&) {
    return mdt_dataset_cancel_task(ds(h), "M-2", day + 70, nullptr, nullptr);
  });
  add("mdt_dataset_task_count", K::kDataset, [ds](void* h, const Handles&) {
    size_t n;
    return mdt_dataset_task_count(&n, ds(h));
  });
  add("mdt_dataset_find_task", K::kDataset, [ds](void* h, const Handles&) {
    uint32_t i;
    return mdt_dataset_find_task(&i, ds(h), "M-1");
  });
  add("mdt_dataset_task_id", K::kDataset, [ds](void* h, const Handles&) {
    char* s = nullptr;
    return FreeString(mdt_dataset_task_id(&s, nullptr, ds(h), 0), &s);
  });
  add("mdt_dataset_task_title", K::kDataset, [ds](void* h, const Handles&) {
    char* s = nullptr;
    return FreeString(mdt_dataset_task_title(&s, nullptr, ds(h), 0), &s);
  });
  add("mdt_dataset_task_event_count", K::kDataset, [ds](void* h, const Handles&) {
    size_t n;
    return mdt_dataset_task_event_count(&n, ds(h), 0);
  });
  add("mdt_dataset_task_deadline", K::kDataset, [ds](void* h, const Handles&) {
    mdt_deadline* d = nullptr;
    return FreeOut<mdt_deadline, mdt_deadline_free>(mdt_dataset_task_deadline(&d, ds(h), 0), &d);
  });
  add("mdt_dataset_add_target", K::kDataset, [ds](void* h, const Handles&) {
    static int n = 0;
    const std::string id = "T-" + std::to_string(++n);
    mdt_target_input t = MDT_TARGET_INPUT_INIT;
    t.id = id.c_str();
    t.target = 100;
    return mdt_dataset_add_target(ds(h), &t);
  });
  add("mdt_dataset_add_measurement", K::kDataset, [ds, day](void* h, const Handles&) {
    mdt_measurement_input m = MDT_MEASUREMENT_INPUT_INIT;
    m.date = day;
    m.value = 60;
    return mdt_dataset_add_measurement(ds(h), "T1", &m);
  });
  add("mdt_dataset_target_count", K::kDataset, [ds](void* h, const Handles&) {
    size_t n;
    return mdt_dataset_target_count(&n, ds(h));
  });
  add("mdt_dataset_target_id", K::kDataset, [ds](void* h, const Handles&) {
    char* s = nullptr;
    return FreeString(mdt_dataset_target_id(&s, nullptr, ds(h), 0), &s);
  });
  add("mdt_dataset_measurement_count", K::kDataset, [ds](void* h, const Handles&) {
    size_t n;
    return mdt_dataset_measurement_count(&n, ds(h), "T1");
  });
  add("mdt_dataset_latest_measurement", K::kDataset, [ds, day](void* h, const Handles&) {
    return mdt_dataset_latest_measurement(nullptr, nullptr, ds(h), "T1", nullptr, day);
  });
  add("mdt_classify_task", K::kDataset, [ds, day](void* h, const Handles&) {
    mdt_classification* c = nullptr;
    return FreeOut<mdt_classification, mdt_classification_free>(
        mdt_classify_task(&c, ds(h), 0, day, nullptr), &c);
  });
  add("mdt_classify_all", K::kDataset, [ds, day](void* h, const Handles&) {
    int32_t out[64];
    size_t n;
    return mdt_classify_all(out, 64, &n, ds(h), day, nullptr);
  });
  add("mdt_classification_iter_new", K::kDataset, [ds, day](void* h, const Handles&) {
    mdt_classification_iter* it = nullptr;
    return FreeOut<mdt_classification_iter, mdt_classification_iter_free>(
        mdt_classification_iter_new(&it, ds(h), day, nullptr), &it);
  });
  add("mdt_classify_count", K::kDataset, [ds, day](void* h, const Handles&) {
    mdt_status_counts c = MDT_STATUS_COUNTS_INIT;
    return mdt_classify_count(&c, ds(h), day, nullptr);
  });
  add("mdt_dataset_save_json", K::kDataset, [ds](void* h, const Handles&) {
    const std::string path = ::testing::TempDir() + "capi-misuse.json";
    return mdt_dataset_save_json(ds(h), path.c_str());
  });
  add("mdt_dataset_write_json", K::kDataset, [ds](void* h, const Handles&) {
    char* s = nullptr;
    return FreeString(mdt_dataset_write_json(&s, nullptr, ds(h)), &s);
  });
  add("mdt_report", K::kDataset, [ds, day](void* h, const Handles&) {
    char* s = nullptr;
    return FreeString(mdt_report(&s, nullptr, ds(h), day, nullptr), &s);
  });
  add("mdt_dataset_save_csv", K::kDataset, [ds](void* h, const Handles&) {
    const std::string path = ::testing::TempDir() + "capi-misuse.csv";
    return mdt_dataset_save_csv(ds(h), path.c_str());
  });
  add("mdt_dataset_write_csv", K::kDataset, [ds](void* h, const Handles&) {
    char* s = nullptr;
    return FreeString(mdt_dataset_write_csv(&s, nullptr, ds(h)), &s);
  });
  add("mdt_dataset_save_snapshot", K::kDataset, [ds](void* h, const Handles&) {
    const std::string path = ::testing::TempDir() + "capi-misuse.snapshot";
    return mdt_dataset_save_snapshot(ds(h), path.c_str());
  });
  add("mdt_dataset_add_task_json", K::kDataset, [ds](void* h, const Handles&) {
    static int n = 0;
    const std::string json = R"({"id": "J-)" + std::to_string(++n) +
                             R"(", "title": "Nhiệm vụ", "deadline": )"
                             R"({"kind": "year", "text": "2025", "due": "2025-12-31"}})";
    return mdt_dataset_add_task_json(nullptr, ds(h), json.data(), json.size());
  });
  add("mdt_target_evaluate", K::kDataset, [ds, day](void* h, const Handles&) {
    mdt_target_evaluations* e = nullptr;
    return FreeOut<mdt_target_evaluations, mdt_target_evaluations_free>(
        mdt_target_evaluate(&e, ds(h), "T1", "", day, nullptr), &e);
  });
  add("mdt_aggregate", K::kDataset, [ds, day](void* h, const Handles&) {
    mdt_aggregate_result* r = nullptr;
    return FreeOut<mdt_aggregate_result, mdt_aggregate_result_free>(
        mdt_aggregate(&r, ds(h), day, nullptr), &r);
  });
  add("mdt_task_change_compute", K::kDataset, [ds, day](void* h, const Handles&) {
    mdt_task_change* ch = nullptr;
    return FreeOut<mdt_task_change, mdt_task_change_free>(
        mdt_task_change_compute(&ch, ds(h), day - 30, day, nullptr), &ch);
  });
  add("mdt_task_lists_new", K::kDataset, [ds, day](void* h, const Handles&) {
    mdt_task_lists* l = nullptr;
    return FreeOut<mdt_task_lists, mdt_task_lists_free>(
        mdt_task_lists_new(&l, ds(h), MDT_LIST_OVERDUE_BY_CATEGORY, day, nullptr), &l);
  });
  // Classification.
  add("mdt_classification_get_info", K::kClassification, [](void* h, const Handles&) {
    mdt_classification_info info = MDT_CLASSIFICATION_INFO_INIT;
    return mdt_classification_get_info(&info, As<mdt_classification>(h));
  });
  add("mdt_classification_milestone", K::kClassification, [](void* h, const Handles&) {
    const mdt_status st = mdt_classification_milestone(nullptr, nullptr, nullptr, nullptr,
                                                       As<mdt_classification>(h), 0);
    return st == MDT_ERR_OUT_OF_RANGE ? MDT_OK : st;  // no milestone: checked after the handle
  });
  add("mdt_classification_occurrence", K::kClassification, [](void* h, const Handles&) {
    return mdt_classification_occurrence(nullptr, nullptr, nullptr, As<mdt_classification>(h), 0);
  });
  add("mdt_classification_no_reports", K::kClassification, [](void* h, const Handles&) {
    return mdt_classification_no_reports(nullptr, nullptr, As<mdt_classification>(h));
  });
  // Iterator.
  add("mdt_classification_iter_next", K::kIter, [](void* h, const Handles&) {
    int has;
    return mdt_classification_iter_next(&has, nullptr, nullptr, As<mdt_classification_iter>(h));
  });
  add("mdt_classification_iter_detail", K::kIter, [](void* h, const Handles&) {
    mdt_classification* c = nullptr;
    return FreeOut<mdt_classification, mdt_classification_free>(
        mdt_classification_iter_detail(&c, As<mdt_classification_iter>(h)), &c);
  });
  // Problems.
  add("mdt_problems_count", K::kProblems, [](void* h, const Handles&) {
    size_t n;
    return mdt_problems_count(&n, As<mdt_problems>(h));
  });
  add("mdt_problems_get", K::kProblems, [](void* h, const Handles&) {
    return mdt_problems_get(nullptr, nullptr, nullptr, As<mdt_problems>(h), 0);
  });
  // Target evaluations.
  add("mdt_target_evaluations_count", K::kEvaluations, [](void* h, const Handles&) {
    size_t n;
    return mdt_target_evaluations_count(&n, As<mdt_target_evaluations>(h));
  });
  add("mdt_target_evaluations_get", K::kEvaluations, [](void* h, const Handles&) {
    mdt_target_evaluation_info info = MDT_TARGET_EVALUATION_INFO_INIT;
    return mdt_target_evaluations_get(&info, As<mdt_target_evaluations>(h), 0);
  });
  // Aggregate results.
  auto agg = [](void* h) { return As<mdt_aggregate_result>(h); };
  add("mdt_aggregate_group_count", K::kAggregate, [agg](void* h, const Handles&) {
    size_t n;
    return mdt_aggregate_group_count(&n, agg(h));
  });
  add("mdt_aggregate_dimension_count", K::kAggregate, [agg](void* h, const Handles&) {
    size_t n;
    return mdt_aggregate_dimension_count(&n, agg(h));
  });
  add("mdt_aggregate_counts", K::kAggregate, [agg](void* h, const Handles&) {
    mdt_status_counts c = MDT_STATUS_COUNTS_INIT;
    return mdt_aggregate_counts(&c, agg(h), MDT_AGGREGATE_TOTALS);
  });
  add("mdt_aggregate_label", K::kAggregate, [agg](void* h, const Handles&) {
    const char* s;
    return mdt_aggregate_label(&s, nullptr, agg(h), 0, 0);
  });
  add("mdt_aggregate_measure", K::kAggregate, [agg](void* h, const Handles&) {
    double v;
    return mdt_aggregate_measure(&v, agg(h), 0, MDT_MEASURE_COMPLETION_RATE);
  });
  add("mdt_aggregate_rank", K::kAggregate, [agg](void* h, const Handles&) {
    size_t out[8];
    size_t n;
    return mdt_aggregate_rank(out, 8, &n, agg(h), nullptr);
  });
  // Changes and lists.
  add("mdt_task_change_tasks", K::kChange, [](void* h, const Handles&) {
    uint32_t out[8];
    size_t n;
    return mdt_task_change_tasks(out, 8, &n, As<mdt_task_change>(h), MDT_CHANGE_NEWLY_ASSIGNED);
  });
  add("mdt_task_lists_group_count", K::kLists, [](void* h, const Handles&) {
    size_t n;
    return mdt_task_lists_group_count(&n, As<mdt_task_lists>(h));
  });
  add("mdt_task_lists_group", K::kLists, [](void* h, const Handles&) {
    return mdt_task_lists_group(nullptr, nullptr, As<mdt_task_lists>(h), 0);
  });
  add("mdt_task_lists_task", K::kLists, [](void* h, const Handles&) {
    return mdt_task_lists_task(nullptr, nullptr, nullptr, As<mdt_task_lists>(h), 0, 0);
  });
  add("mdt_live_aggregate_new", K::kDataset, [ds, day](void* h, const Handles&) {
    mdt_live_aggregate* l = nullptr;
    return FreeOut<mdt_live_aggregate, mdt_live_aggregate_free>(
        mdt_live_aggregate_new(&l, ds(h), day, nullptr), &l);
  });
  add("mdt_live_aggregate_update", K::kLive, [](void* h, const Handles&) {
    return mdt_live_aggregate_update(As<mdt_live_aggregate>(h), 0);
  });
  add("mdt_live_aggregate_totals", K::kLive, [](void* h, const Handles&) {
    mdt_status_counts c = MDT_STATUS_COUNTS_INIT;
    return mdt_live_aggregate_totals(&c, As<mdt_live_aggregate>(h));
  });
  add("mdt_live_aggregate_result", K::kLive, [](void* h, const Handles&) {
    mdt_aggregate_result* r = nullptr;
    return FreeOut<mdt_aggregate_result, mdt_aggregate_result_free>(
        mdt_live_aggregate_result(&r, As<mdt_live_aggregate>(h)), &r);
  });
  // Task fields and columns.
  add("mdt_dataset_registry", K::kDataset, [ds](void* h, const Handles&) {
    mdt_registry* r = nullptr;
    return FreeOut<mdt_registry, mdt_registry_free>(mdt_dataset_registry(&r, ds(h)), &r);
  });
  add("mdt_dataset_task_category", K::kDataset, [ds](void* h, const Handles&) {
    char* s = nullptr;
    return FreeString(mdt_dataset_task_category(&s, nullptr, ds(h), 0), &s);
  });
  add("mdt_dataset_task_lead_count", K::kDataset, [ds](void* h, const Handles&) {
    size_t n;
    return mdt_dataset_task_lead_count(&n, ds(h), 0);
  });
  add("mdt_dataset_task_lead", K::kDataset, [ds](void* h, const Handles&) {
    char* s = nullptr;
    return FreeString(mdt_dataset_task_lead(&s, nullptr, ds(h), 0, 0), &s);
  });
  add("mdt_dataset_task_coordinator_count", K::kDataset, [ds](void* h, const Handles&) {
    size_t n;
    return mdt_dataset_task_coordinator_count(&n, ds(h), 0);
  });
  add("mdt_dataset_task_coordinator", K::kDataset, [ds](void* h, const Handles&) {
    char* s = nullptr;  // M-1 has no coordinator: a live handle gives OUT_OF_RANGE
    const mdt_status st = FreeString(mdt_dataset_task_coordinator(&s, nullptr, ds(h), 0, 0), &s);
    return st == MDT_ERR_OUT_OF_RANGE ? MDT_OK : st;
  });
  add("mdt_dataset_task_source_count", K::kDataset, [ds](void* h, const Handles&) {
    size_t n;
    return mdt_dataset_task_source_count(&n, ds(h), 0);
  });
  add("mdt_dataset_task_source", K::kDataset, [ds](void* h, const Handles&) {
    char* s = nullptr;  // M-1 has no source: a live handle gives OUT_OF_RANGE
    const mdt_status st = FreeString(mdt_dataset_task_source(&s, nullptr, ds(h), 0, 0), &s);
    return st == MDT_ERR_OUT_OF_RANGE ? MDT_OK : st;
  });
  add("mdt_dataset_task_assigned", K::kDataset, [ds](void* h, const Handles&) {
    mdt_date d;
    return mdt_dataset_task_assigned(&d, ds(h), 0);
  });
  add("mdt_dataset_task_due", K::kDataset, [ds, day](void* h, const Handles&) {
    mdt_date d;
    return mdt_dataset_task_due(&d, ds(h), 1, day);
  });
  add("mdt_dataset_task_completed", K::kDataset, [ds, day](void* h, const Handles&) {
    mdt_date d;
    return mdt_dataset_task_completed(&d, ds(h), 1, day);
  });
  add("mdt_dataset_task_status", K::kDataset, [ds, day](void* h, const Handles&) {
    int32_t st;
    return mdt_dataset_task_status(&st, ds(h), 1, day, nullptr);
  });
  add("mdt_dataset_columns", K::kDataset, [ds, day](void* h, const Handles&) {
    mdt_task_columns* c = nullptr;
    return FreeOut<mdt_task_columns, mdt_task_columns_free>(
        mdt_dataset_columns(&c, ds(h), day, nullptr), &c);
  });
  auto cols = [](void* h) { return As<mdt_task_columns>(h); };
  add("mdt_task_columns_count", K::kColumns, [cols](void* h, const Handles&) {
    size_t n;
    return mdt_task_columns_count(&n, nullptr, cols(h));
  });
  add("mdt_task_columns_ids", K::kColumns,
      [cols](void* h, const Handles&) { return mdt_task_columns_ids(nullptr, nullptr, cols(h)); });
  add("mdt_task_columns_days", K::kColumns, [cols](void* h, const Handles&) {
    return mdt_task_columns_days(nullptr, nullptr, nullptr, cols(h));
  });
  add("mdt_task_columns_status", K::kColumns, [cols](void* h, const Handles&) {
    const int32_t* s;
    return mdt_task_columns_status(&s, cols(h));
  });
  add("mdt_task_columns_leads", K::kColumns, [cols](void* h, const Handles&) {
    return mdt_task_columns_leads(nullptr, nullptr, cols(h));
  });
  add("mdt_task_columns_coordinators", K::kColumns, [cols](void* h, const Handles&) {
    return mdt_task_columns_coordinators(nullptr, nullptr, cols(h));
  });
  // Calendar data.
  add("mdt_calendar_schedule_years", K::kCalendar, [](void* h, const Handles&) {
    int32_t years[16];
    size_t n;
    return mdt_calendar_schedule_years(years, 16, &n, As<mdt_calendar>(h));
  });
  add("mdt_calendar_day_kind", K::kCalendar, [day](void* h, const Handles&) {
    int32_t k;
    return mdt_calendar_day_kind(&k, As<mdt_calendar>(h), day);
  });
  return c;
}

// The table is sane: with the live handle of its kind every call succeeds, so the errors
// below come from the handle alone.
TEST(CApiMisuse, EveryHandleCallSucceedsWithALiveHandle) {
  Handles h;
  int has = 0;
  ASSERT_MDT_OK(mdt_classification_iter_next(&has, nullptr, nullptr, h.iter));  // a current row
  for (const auto& c : HandleCalls()) {
    const mdt_status st = c.call(h.Get(c.kind), h);
    EXPECT_EQ(st, MDT_OK) << c.fn << " (" << kKindType[static_cast<int>(c.kind)]
                          << "): " << mdt_status_name(st) << ": " << mdt_last_error();
  }
}

TEST(CApiMisuse, NullFreedAndWrongKindHandlesAreRefusedByEveryFunction) {
  Handles h;
  std::map<K, void*> freed;
  for (int k = 0; k < kKinds; ++k) freed[static_cast<K>(k)] = Handles::Freed(static_cast<K>(k));
  for (const auto& c : HandleCalls()) {
    SCOPED_TRACE(std::string(c.fn) + " with a " + kKindType[static_cast<int>(c.kind)]);
    if (!c.nullable) {
      EXPECT_MDT_ERR(MDT_ERR_INVALID_HANDLE, "NULL", c.call(nullptr, h));
    }
    // A freed handle: no new handle of that kind was made since, so its address is not
    // live (the documented limit of detection is reuse by a new handle of the same kind).
    EXPECT_MDT_ERR(MDT_ERR_INVALID_HANDLE, "not a live", c.call(freed[c.kind], h));
    // Every other kind of live handle in its place.
    for (int k = 0; k < kKinds; ++k) {
      if (static_cast<K>(k) == c.kind) continue;
      SCOPED_TRACE(std::string("given a ") + kKindType[k]);
      EXPECT_MDT_ERR(MDT_ERR_INVALID_HANDLE, "not a live", c.call(h.Get(static_cast<K>(k)), h));
    }
  }
}

TEST(CApiMisuse, FreeFunctionsIgnoreNullDoubleFreeAndOtherKinds) {
  Handles h;
  // Every free function accepts NULL and a handle of another kind (which stays live).
  mdt_registry_free(nullptr);
  mdt_resolution_free(nullptr);
  mdt_calendar_free(nullptr);
  mdt_deadline_free(nullptr);
  mdt_dataset_free(nullptr);
  mdt_classification_free(nullptr);
  mdt_classification_iter_free(nullptr);
  mdt_problems_free(nullptr);
  mdt_target_evaluations_free(nullptr);
  mdt_aggregate_result_free(nullptr);
  mdt_task_change_free(nullptr);
  mdt_task_lists_free(nullptr);
  mdt_task_columns_free(nullptr);
  mdt_live_aggregate_free(nullptr);
  mdt_live_aggregate_free(As<mdt_live_aggregate>(h.dataset));
  mdt_task_columns_free(As<mdt_task_columns>(h.dataset));
  mdt_string_free(nullptr);
  mdt_aggregate_result_free(As<mdt_aggregate_result>(h.dataset));
  mdt_task_change_free(As<mdt_task_change>(h.lists));
  mdt_task_lists_free(As<mdt_task_lists>(h.change));
  mdt_target_evaluations_free(As<mdt_target_evaluations>(h.aggregate));
  mdt_problems_free(As<mdt_problems>(h.evaluations));
  size_t n = 0;
  EXPECT_MDT_OK(mdt_dataset_task_count(&n, h.dataset));
  EXPECT_MDT_OK(mdt_task_lists_group_count(&n, h.lists));
  std::vector<uint32_t> tasks(8);
  EXPECT_MDT_OK(
      mdt_task_change_tasks(tasks.data(), tasks.size(), &n, h.change, MDT_CHANGE_NEWLY_ASSIGNED));
  EXPECT_MDT_OK(mdt_aggregate_group_count(&n, h.aggregate));
  EXPECT_MDT_OK(mdt_target_evaluations_count(&n, h.evaluations));
  // A double free of the result handles is ignored (the table forgot them).
  mdt_aggregate_result_free(h.aggregate);
  mdt_aggregate_result_free(h.aggregate);
  mdt_task_change_free(h.change);
  mdt_task_change_free(h.change);
  mdt_task_lists_free(h.lists);
  mdt_task_lists_free(h.lists);
  mdt_target_evaluations_free(h.evaluations);
  mdt_target_evaluations_free(h.evaluations);
  mdt_problems_free(h.problems);
  mdt_problems_free(h.problems);
  EXPECT_MDT_ERR(MDT_ERR_INVALID_HANDLE, "not a live", mdt_aggregate_group_count(&n, h.aggregate));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_HANDLE, "not a live", mdt_problems_count(&n, h.problems));
  // ~Handles frees them a third time: still ignored.
}

// ---- Dates: every function that takes one -------------------------------------------

struct DateCall {
  const char* fn;
  bool optional;  // MDT_NO_DATE is accepted ("unknown")
  std::function<mdt_status(mdt_date, const Handles&)> call;
};

std::vector<DateCall> DateCalls() {
  const mdt_date day = 20354;  // 2025-09-23
  std::vector<DateCall> c;
  auto add = [&](const char* fn, bool optional,
                 std::function<mdt_status(mdt_date, const Handles&)> f) {
    c.push_back({fn, optional, std::move(f)});
  };
  add("mdt_date_format", false, [](mdt_date d, const Handles&) {
    char buf[MDT_DATE_BUFFER_SIZE];
    return mdt_date_format(buf, sizeof buf, nullptr, d);
  });
  add("mdt_date_to_ymd", false, [](mdt_date d, const Handles&) {
    int32_t y;
    uint32_t m, dd;
    return mdt_date_to_ymd(&y, &m, &dd, d);
  });
  add("mdt_calendar_is_working_day", false, [](mdt_date d, const Handles& h) {
    int w;
    return mdt_calendar_is_working_day(&w, h.calendar, d);
  });
  add("mdt_calendar_day_off_reason", false, [](mdt_date d, const Handles& h) {
    char* s = nullptr;
    return FreeString(mdt_calendar_day_off_reason(&s, nullptr, h.calendar, d), &s);
  });
  add("mdt_calendar_working_day_reason", false, [](mdt_date d, const Handles& h) {
    char* s = nullptr;
    return FreeString(mdt_calendar_working_day_reason(&s, nullptr, h.calendar, d), &s);
  });
  add("mdt_calendar_add_working_days", false, [](mdt_date d, const Handles& h) {
    mdt_date out;
    return mdt_calendar_add_working_days(&out, h.calendar, d, 3);
  });
  add("mdt_calendar_working_days_between", false, [day](mdt_date d, const Handles& h) {
    int32_t n;
    return mdt_calendar_working_days_between(&n, h.calendar, d, day);
  });
  add("mdt_calendar_working_days_between", false, [day](mdt_date d, const Handles& h) {
    int32_t n;
    return mdt_calendar_working_days_between(&n, h.calendar, day, d);
  });
  add("mdt_calendar_next_working_day", false, [](mdt_date d, const Handles& h) {
    mdt_date out;
    return mdt_calendar_next_working_day(&out, h.calendar, d);
  });
  add("mdt_calendar_days_off", false, [](mdt_date d, const Handles& h) {
    size_t n;
    mdt_date out[8];
    return mdt_calendar_days_off(out, 8, &n, h.calendar, d, d);
  });
  add("mdt_calendar_days_off", false, [day](mdt_date d, const Handles& h) {
    size_t n;
    mdt_date out[8];
    return mdt_calendar_days_off(out, 8, &n, h.calendar, day, d);
  });
  add("mdt_lunar_from_solar", false, [](mdt_date d, const Handles&) {
    mdt_lunar_date l;
    return mdt_lunar_from_solar(&l, d);
  });
  add("mdt_deadline_occurrences", false, [day](mdt_date d, const Handles& h) {
    size_t n;
    mdt_date out[16];
    return mdt_deadline_occurrences(out, 16, &n, h.deadline, d, day);
  });
  add("mdt_deadline_occurrences", false, [day](mdt_date d, const Handles& h) {
    size_t n;
    mdt_date out[16];
    return mdt_deadline_occurrences(out, 16, &n, h.deadline, day, d);
  });
  add("mdt_deadline_effective_due", true, [](mdt_date d, const Handles& h) {
    mdt_date out;
    return mdt_deadline_effective_due(&out, h.deadline, d);
  });
  add("mdt_dataset_report_progress", false, [](mdt_date d, const Handles& h) {
    return mdt_dataset_report_progress(h.dataset, "M-1", d, 10, nullptr);
  });
  add("mdt_dataset_report_milestone", false, [](mdt_date d, const Handles& h) {
    return mdt_dataset_report_milestone(h.dataset, "M-1", d, 0, nullptr);
  });
  add("mdt_dataset_complete_task", false,
      [](mdt_date d, const Handles& h) { return mdt_dataset_complete_task(h.dataset, "M-1", d); });
  add("mdt_dataset_change_deadline", false, [](mdt_date d, const Handles& h) {
    mdt_deadline_change_input c = MDT_DEADLINE_CHANGE_INPUT_INIT;
    c.date = d;
    c.deadline_text = "Tháng 11/2025";
    return mdt_dataset_change_deadline(h.dataset, "M-2", &c);
  });
  add("mdt_dataset_cancel_task", false, [](mdt_date d, const Handles& h) {
    return mdt_dataset_cancel_task(h.dataset, "M-1", d, nullptr, nullptr);
  });
  add("mdt_dataset_latest_measurement", false, [](mdt_date d, const Handles& h) {
    double v;
    const mdt_status st = mdt_dataset_latest_measurement(&v, nullptr, h.dataset, "T1", nullptr, d);
    return st == MDT_ERR_NOT_FOUND ? MDT_OK : st;  // a valid day before the first measurement
  });
  add("mdt_classify_task", false, [](mdt_date d, const Handles& h) {
    mdt_classification* c = nullptr;
    return FreeOut<mdt_classification, mdt_classification_free>(
        mdt_classify_task(&c, h.dataset, 0, d, nullptr), &c);
  });
  add("mdt_classify_all", false, [](mdt_date d, const Handles& h) {
    int32_t out[8];
    size_t n;
    return mdt_classify_all(out, 8, &n, h.dataset, d, nullptr);
  });
  add("mdt_classification_iter_new", false, [](mdt_date d, const Handles& h) {
    mdt_classification_iter* it = nullptr;
    return FreeOut<mdt_classification_iter, mdt_classification_iter_free>(
        mdt_classification_iter_new(&it, h.dataset, d, nullptr), &it);
  });
  add("mdt_classify_count", false, [](mdt_date d, const Handles& h) {
    mdt_status_counts c = MDT_STATUS_COUNTS_INIT;
    return mdt_classify_count(&c, h.dataset, d, nullptr);
  });
  add("mdt_target_evaluate", false, [](mdt_date d, const Handles& h) {
    mdt_target_evaluations* e = nullptr;
    return FreeOut<mdt_target_evaluations, mdt_target_evaluations_free>(
        mdt_target_evaluate(&e, h.dataset, "T1", nullptr, d, nullptr), &e);
  });
  add("mdt_aggregate", false, [](mdt_date d, const Handles& h) {
    mdt_aggregate_result* r = nullptr;
    return FreeOut<mdt_aggregate_result, mdt_aggregate_result_free>(
        mdt_aggregate(&r, h.dataset, d, nullptr), &r);
  });
  add("mdt_task_change_compute", false, [day](mdt_date d, const Handles& h) {
    mdt_task_change* ch = nullptr;
    return FreeOut<mdt_task_change, mdt_task_change_free>(
        mdt_task_change_compute(&ch, h.dataset, d, day, nullptr), &ch);
  });
  add("mdt_task_change_compute", false, [day](mdt_date d, const Handles& h) {
    mdt_task_change* ch = nullptr;
    return FreeOut<mdt_task_change, mdt_task_change_free>(
        mdt_task_change_compute(&ch, h.dataset, day, d, nullptr), &ch);
  });
  add("mdt_report", false, [](mdt_date d, const Handles& h) {
    char* s = nullptr;
    return FreeString(mdt_report(&s, nullptr, h.dataset, d, nullptr), &s);
  });
  add("mdt_live_aggregate_new", false, [](mdt_date d, const Handles& h) {
    mdt_live_aggregate* l = nullptr;
    return FreeOut<mdt_live_aggregate, mdt_live_aggregate_free>(
        mdt_live_aggregate_new(&l, h.dataset, d, nullptr), &l);
  });
  add("mdt_task_lists_new", false, [](mdt_date d, const Handles& h) {
    mdt_task_lists* l = nullptr;
    return FreeOut<mdt_task_lists, mdt_task_lists_free>(
        mdt_task_lists_new(&l, h.dataset, MDT_LIST_DUE_WITHIN_BY_CATEGORY, d, nullptr), &l);
  });
  add("mdt_dataset_task_due", false, [](mdt_date d, const Handles& h) {
    mdt_date out;
    return mdt_dataset_task_due(&out, h.dataset, 1, d);
  });
  add("mdt_dataset_task_completed", false, [](mdt_date d, const Handles& h) {
    mdt_date out;
    return mdt_dataset_task_completed(&out, h.dataset, 1, d);
  });
  add("mdt_dataset_task_status", false, [](mdt_date d, const Handles& h) {
    int32_t out;
    return mdt_dataset_task_status(&out, h.dataset, 1, d, nullptr);
  });
  add("mdt_dataset_columns", false, [](mdt_date d, const Handles& h) {
    mdt_task_columns* c = nullptr;
    return FreeOut<mdt_task_columns, mdt_task_columns_free>(
        mdt_dataset_columns(&c, h.dataset, d, nullptr), &c);
  });
  add("mdt_calendar_day_kind", false, [](mdt_date d, const Handles& h) {
    int32_t k;
    return mdt_calendar_day_kind(&k, h.calendar, d);
  });
  return c;
}

TEST(CApiMisuse, EveryFunctionTakingADateRefusesDaysOutsideTheRange) {
  Handles h;
  const mdt_date first = Date("1900-01-01"), last = Date("2200-12-31");
  for (const auto& c : DateCalls()) {
    SCOPED_TRACE(c.fn);
    for (mdt_date bad : {first - 1, last + 1, INT32_MAX, INT32_MIN + 1, -1000000}) {
      EXPECT_MDT_ERR(MDT_ERR_OUT_OF_RANGE, "1900-01-01 .. 2200-12-31", c.call(bad, h));
    }
    if (c.optional) {
      EXPECT_MDT_OK(c.call(MDT_NO_DATE, h));
    } else {
      EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "MDT_NO_DATE", c.call(MDT_NO_DATE, h));
    }
    // A day inside the range is taken.
    EXPECT_MDT_OK(c.call(Date("2025-09-23"), h));
    // The ends of the range pass the date check; what follows may refuse them for its own
    // reasons (an event before the task's assignment, a walk leaving the range, a list
    // too long for the array), with a status and a message, never a crash.
    for (mdt_date edge : {first, last}) {
      mdt_clear_error();
      const mdt_status st = c.call(edge, h);
      EXPECT_NE(st, MDT_ERR_INTERNAL) << c.fn;
      if (st != MDT_OK) {
        EXPECT_STRNE(mdt_last_error(), "") << c.fn;
        EXPECT_EQ(std::string(mdt_last_error()).find("outside 1900-01-01"), std::string::npos)
            << c.fn << " refused the edge day " << edge << ": " << mdt_last_error();
      }
    }
  }
}

// ---- Text: every function that takes a string ----------------------------------------

struct TextCall {
  const char* fn;
  std::function<mdt_status(const char*, const Handles&)> call;  // a NUL-terminated string
};

std::vector<TextCall> TextCalls() {
  const mdt_date day = 20354;
  std::vector<TextCall> c;
  auto add = [&](const char* fn, std::function<mdt_status(const char*, const Handles&)> f) {
    c.push_back({fn, std::move(f)});
  };
  add("mdt_date_parse", [](const char* s, const Handles&) {
    mdt_date d;
    return mdt_date_parse(&d, s, MDT_NUL_TERMINATED);
  });
  add("mdt_task_status_from_name", [](const char* s, const Handles&) {
    mdt_task_status v;
    return mdt_task_status_from_name(&v, s);
  });
  add("mdt_deadline_kind_from_name", [](const char* s, const Handles&) {
    mdt_deadline_kind v;
    return mdt_deadline_kind_from_name(&v, s);
  });
  add("mdt_event_type_from_name", [](const char* s, const Handles&) {
    mdt_event_type v;
    return mdt_event_type_from_name(&v, s);
  });
  add("mdt_registry_from_json", [](const char* s, const Handles&) {
    mdt_registry* r = nullptr;
    return FreeOut<mdt_registry, mdt_registry_free>(
        mdt_registry_from_json(&r, s, MDT_NUL_TERMINATED), &r);
  });
  add("mdt_registry_from_file", [](const char* s, const Handles&) {
    mdt_registry* r = nullptr;
    return FreeOut<mdt_registry, mdt_registry_free>(mdt_registry_from_file(&r, s), &r);
  });
  add("mdt_registry_find_id", [](const char* s, const Handles& h) {
    size_t i;
    return mdt_registry_find_id(&i, h.registry, s);
  });
  add("mdt_registry_find_name", [](const char* s, const Handles& h) {
    size_t i;
    return mdt_registry_find_name(&i, h.registry, s, MDT_NUL_TERMINATED);
  });
  add("mdt_registry_resolve", [](const char* s, const Handles& h) {
    mdt_resolution* r = nullptr;
    return FreeOut<mdt_resolution, mdt_resolution_free>(
        mdt_registry_resolve(&r, h.registry, s, MDT_NUL_TERMINATED), &r);
  });
  add("mdt_registry_find_leading", [](const char* s, const Handles& h) {
    mdt_resolution* r = nullptr;
    return FreeOut<mdt_resolution, mdt_resolution_free>(
        mdt_registry_find_leading(&r, h.registry, s, MDT_NUL_TERMINATED), &r);
  });
  add("mdt_calendar_add_schedule", [](const char* s, const Handles& h) {
    return mdt_calendar_add_schedule(h.calendar, s, MDT_NUL_TERMINATED);
  });
  add("mdt_deadline_parse", [](const char* s, const Handles&) {
    mdt_deadline* d = nullptr;
    return FreeOut<mdt_deadline, mdt_deadline_free>(
        mdt_deadline_parse(&d, s, MDT_NUL_TERMINATED, nullptr), &d);
  });
  add("mdt_deadline_extract", [](const char* s, const Handles&) {
    mdt_deadline* d = nullptr;
    return FreeOut<mdt_deadline, mdt_deadline_free>(
        mdt_deadline_extract(&d, s, MDT_NUL_TERMINATED, nullptr), &d);
  });
  add("mdt_dataset_add_task", [](const char* s, const Handles& h) {
    mdt_task_input t = MDT_TASK_INPUT_INIT;
    t.id = "U-1";
    t.title = s;
    return mdt_dataset_add_task(nullptr, h.dataset, &t);
  });
  add("mdt_dataset_add_event", [day](const char* s, const Handles& h) {
    mdt_event_input e = MDT_EVENT_INPUT_INIT;
    e.date = day;
    e.text = s;
    return mdt_dataset_add_event(h.dataset, "M-1", &e);
  });
  add("mdt_dataset_report_progress", [day](const char* s, const Handles& h) {
    return mdt_dataset_report_progress(h.dataset, "M-1", day, 10, s);
  });
  add("mdt_dataset_report_milestone", [day](const char* s, const Handles& h) {
    return mdt_dataset_report_milestone(h.dataset, "M-1", day, 0, s);
  });
  add("mdt_dataset_complete_task", [day](const char* s, const Handles& h) {
    return mdt_dataset_complete_task(h.dataset, s, day);
  });
  add("mdt_dataset_change_deadline", [day](const char* s, const Handles& h) {
    mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
    ctx.plan_year = 2025;
    mdt_deadline_change_input c = MDT_DEADLINE_CHANGE_INPUT_INIT;
    c.date = day;
    c.deadline_text = s;
    c.context = &ctx;
    return mdt_dataset_change_deadline(h.dataset, "M-2", &c);
  });
  add("mdt_dataset_cancel_task", [day](const char* s, const Handles& h) {
    return mdt_dataset_cancel_task(h.dataset, "M-1", day, s, nullptr);
  });
  add("mdt_dataset_find_task", [](const char* s, const Handles& h) {
    uint32_t i;
    return mdt_dataset_find_task(&i, h.dataset, s);
  });
  add("mdt_dataset_add_target", [](const char* s, const Handles& h) {
    mdt_target_input t = MDT_TARGET_INPUT_INIT;
    t.id = "U-T";
    t.name = s;
    return mdt_dataset_add_target(h.dataset, &t);
  });
  add("mdt_dataset_add_measurement", [day](const char* s, const Handles& h) {
    mdt_measurement_input m = MDT_MEASUREMENT_INPUT_INIT;
    m.date = day;
    return mdt_dataset_add_measurement(h.dataset, s, &m);
  });
  add("mdt_dataset_measurement_count", [](const char* s, const Handles& h) {
    size_t n;
    return mdt_dataset_measurement_count(&n, h.dataset, s);
  });
  add("mdt_dataset_latest_measurement", [day](const char* s, const Handles& h) {
    double v;
    return mdt_dataset_latest_measurement(&v, nullptr, h.dataset, "T1", s, day);
  });
  add("mdt_dataset_load_json", [](const char* s, const Handles&) {
    mdt_dataset* d = nullptr;
    return FreeOut<mdt_dataset, mdt_dataset_free>(mdt_dataset_load_json(&d, nullptr, s, nullptr),
                                                  &d);
  });
  add("mdt_dataset_read_json", [](const char* s, const Handles&) {
    mdt_dataset* d = nullptr;
    return FreeOut<mdt_dataset, mdt_dataset_free>(
        mdt_dataset_read_json(&d, nullptr, s, MDT_NUL_TERMINATED, nullptr), &d);
  });
  add("mdt_dataset_load_csv", [](const char* s, const Handles&) {
    mdt_dataset* d = nullptr;
    return FreeOut<mdt_dataset, mdt_dataset_free>(mdt_dataset_load_csv(&d, nullptr, s, nullptr),
                                                  &d);
  });
  add("mdt_dataset_read_csv", [](const char* s, const Handles&) {
    mdt_dataset* d = nullptr;
    return FreeOut<mdt_dataset, mdt_dataset_free>(
        mdt_dataset_read_csv(&d, nullptr, s, MDT_NUL_TERMINATED, nullptr), &d);
  });
  add("mdt_dataset_save_json",
      [](const char* s, const Handles& h) { return mdt_dataset_save_json(h.dataset, s); });
  add("mdt_dataset_save_csv",
      [](const char* s, const Handles& h) { return mdt_dataset_save_csv(h.dataset, s); });
  add("mdt_dataset_save_snapshot",
      [](const char* s, const Handles& h) { return mdt_dataset_save_snapshot(h.dataset, s); });
  add("mdt_dataset_add_task_json", [](const char* s, const Handles& h) {
    return mdt_dataset_add_task_json(nullptr, h.dataset, s, MDT_NUL_TERMINATED);
  });
  add("mdt_target_evaluate", [day](const char* s, const Handles& h) {
    mdt_target_evaluations* e = nullptr;
    return FreeOut<mdt_target_evaluations, mdt_target_evaluations_free>(
        mdt_target_evaluate(&e, h.dataset, "T1", s, day, nullptr), &e);
  });
  return c;
}

TEST(CApiMisuse, EveryFunctionTakingTextRefusesInvalidUtf8) {
  Handles h;
  size_t before = 0;
  ASSERT_MDT_OK(mdt_dataset_task_count(&before, h.dataset));
  // An overlong '/', a lone surrogate, a truncated sequence, a byte that never starts one.
  for (const char* bad : {"2025-\xC0\xAF", "B\xED\xA0\x80", "B\xE1\xBB", "\xFF"}) {
    for (const auto& c : TextCalls()) {
      SCOPED_TRACE(c.fn);
      EXPECT_MDT_ERR(MDT_ERR_INVALID_UTF8, "invalid UTF-8", c.call(bad, h));
      // The message names the argument and stays valid UTF-8 itself.
      const std::string msg = mdt_last_error();
      EXPECT_EQ(msg.find('\xFF'), std::string::npos) << c.fn;
    }
  }
  size_t after = 0;
  ASSERT_MDT_OK(mdt_dataset_task_count(&after, h.dataset));
  EXPECT_EQ(after, before) << "nothing is stored from a refused call";
}

// ---- Caller buffers and arrays: the size needed, nothing written ---------------------

TEST(CApiMisuse, EveryCallerBufferTooSmallReportsTheSizeNeeded) {
  Handles h;
  const mdt_date day = Date("2025-09-23");
  {
    char buf[MDT_DATE_BUFFER_SIZE] = "untouched";
    size_t len = 0;
    EXPECT_MDT_ERR(MDT_ERR_BUFFER_TOO_SMALL, "11 are needed", mdt_date_format(buf, 10, &len, day));
    EXPECT_EQ(len, 10u);
    EXPECT_STREQ(buf, "untouched");
    // A size query (NULL, 0) is answered with MDT_OK, as snprintf, SQLite and libgit2 do.
    EXPECT_MDT_OK(mdt_date_format(nullptr, 0, &len, day));
    EXPECT_EQ(len, 10u);
  }
  // Arrays: count query with (NULL, 0), then one entry short.
  auto check = [](const char* fn, size_t expect_at_least,
                  const std::function<mdt_status(void*, size_t, size_t*)>& call, size_t elem) {
    SCOPED_TRACE(fn);
    size_t needed = 0;
    const mdt_status q = call(nullptr, 0, &needed);
    ASSERT_GE(needed, expect_at_least) << fn;
    EXPECT_EQ(q, MDT_OK) << fn << ": a count query is answered with MDT_OK: " << mdt_last_error();
    std::vector<unsigned char> buf((needed + 1) * elem, 0xAB);
    size_t count = 0;
    EXPECT_MDT_ERR(MDT_ERR_BUFFER_TOO_SMALL, "are needed", call(buf.data(), needed - 1, &count));
    EXPECT_EQ(count, needed) << fn;
    for (unsigned char b : buf) ASSERT_EQ(b, 0xAB) << fn << " wrote into a too-small array";
    EXPECT_MDT_OK(call(buf.data(), needed, &count));
    EXPECT_EQ(count, needed) << fn;
    EXPECT_EQ(buf[needed * elem], 0xAB) << fn << " wrote past the array";
    EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "out_count", call(buf.data(), needed, nullptr));
  };
  check(
      "mdt_calendar_days_off", 4,
      [&](void* out, size_t cap, size_t* n) {
        return mdt_calendar_days_off(static_cast<mdt_date*>(out), cap, n, h.calendar, day,
                                     day + 13);
      },
      sizeof(mdt_date));
  check(
      "mdt_deadline_occurrences", 12,
      [&](void* out, size_t cap, size_t* n) {
        return mdt_deadline_occurrences(static_cast<mdt_date*>(out), cap, n, h.deadline,
                                        Date("2025-01-01"), Date("2025-12-31"));
      },
      sizeof(mdt_date));
  check(
      "mdt_classify_all", 2,
      [&](void* out, size_t cap, size_t* n) {
        return mdt_classify_all(static_cast<int32_t*>(out), cap, n, h.dataset, day, nullptr);
      },
      sizeof(int32_t));
  check(
      "mdt_aggregate_rank", 1,
      [&](void* out, size_t cap, size_t* n) {
        return mdt_aggregate_rank(static_cast<size_t*>(out), cap, n, h.aggregate, nullptr);
      },
      sizeof(size_t));
  check(
      "mdt_task_change_tasks", 2,
      [&](void* out, size_t cap, size_t* n) {
        return mdt_task_change_tasks(static_cast<uint32_t*>(out), cap, n, h.change,
                                     MDT_CHANGE_NEWLY_ASSIGNED);
      },
      sizeof(uint32_t));
}

// ---- Required out-parameters: NULL is an invalid argument, nothing is made -----------

struct NullOutCall {
  const char* fn;
  std::function<mdt_status(const Handles&)> call;
};

#define NULL_OUT(fn, ...)                                                    \
  NullOutCall {                                                              \
#fn, [](const Handles& h) -> mdt_status { (void)h; return fn(__VA_ARGS__); } \
  }

std::vector<NullOutCall> NullOutCalls() {
  constexpr mdt_date d = 20354;  // 2025-09-23
  static const mdt_lunar_date lunar = {2025, 8, 2, 0};
  return {
      NULL_OUT(mdt_date_parse, nullptr, "2025-09-23", MDT_NUL_TERMINATED),
      NULL_OUT(mdt_date_from_ymd, nullptr, 2025, 9, 23),
      NULL_OUT(mdt_date_today, nullptr),
      NULL_OUT(mdt_task_status_from_name, nullptr, "overdue"),
      NULL_OUT(mdt_deadline_kind_from_name, nullptr, "quarter"),
      NULL_OUT(mdt_event_type_from_name, nullptr, "completed"),
      NULL_OUT(mdt_registry_bundled, nullptr),
      NULL_OUT(mdt_registry_from_json, nullptr, "{}", 2),
      NULL_OUT(mdt_registry_from_file, nullptr, MANDATE_SOURCE_DIR "/data/agencies.json"),
      NULL_OUT(mdt_registry_agency_count, nullptr, h.registry),
      NULL_OUT(mdt_registry_find_id, nullptr, h.registry, "BKHCN"),
      NULL_OUT(mdt_registry_find_name, nullptr, h.registry, "Bộ Y tế", MDT_NUL_TERMINATED),
      NULL_OUT(mdt_registry_resolve, nullptr, h.registry, "Bộ Y tế", MDT_NUL_TERMINATED),
      NULL_OUT(mdt_registry_find_leading, nullptr, h.registry, "Bộ Y tế", MDT_NUL_TERMINATED),
      NULL_OUT(mdt_registry_to_json, nullptr, nullptr, h.registry),
      NULL_OUT(mdt_resolution_agency_count, nullptr, h.resolution),
      NULL_OUT(mdt_resolution_unresolved_count, nullptr, h.resolution),
      NULL_OUT(mdt_resolution_unresolved, nullptr, nullptr, h.resolution, 0),
      NULL_OUT(mdt_resolution_collective_count, nullptr, h.resolution),
      NULL_OUT(mdt_resolution_collective, nullptr, nullptr, h.resolution, 0),
      NULL_OUT(mdt_calendar_new, nullptr, MDT_CALENDAR_VIETNAM),
      NULL_OUT(mdt_calendar_is_working_day, nullptr, h.calendar, d),
      NULL_OUT(mdt_calendar_day_off_reason, nullptr, nullptr, h.calendar, d),
      NULL_OUT(mdt_calendar_working_day_reason, nullptr, nullptr, h.calendar, d),
      NULL_OUT(mdt_calendar_add_working_days, nullptr, h.calendar, d, 3),
      NULL_OUT(mdt_calendar_working_days_between, nullptr, h.calendar, d, d + 7),
      NULL_OUT(mdt_calendar_next_working_day, nullptr, h.calendar, d),
      NULL_OUT(mdt_calendar_days_off, nullptr, 0, nullptr, h.calendar, d, d + 7),
      NULL_OUT(mdt_lunar_from_solar, nullptr, d),
      NULL_OUT(mdt_lunar_to_solar, nullptr, &lunar),
      NULL_OUT(mdt_deadline_parse, nullptr, "Quý IV", MDT_NUL_TERMINATED, nullptr),
      NULL_OUT(mdt_deadline_extract, nullptr, "trong Quý IV", MDT_NUL_TERMINATED, nullptr),
      NULL_OUT(mdt_deadline_get_info, nullptr, h.deadline),
      NULL_OUT(mdt_deadline_explanation, nullptr, nullptr, h.deadline, 0),
      NULL_OUT(mdt_deadline_occurrences, nullptr, 0, nullptr, h.deadline, d, d + 90),
      NULL_OUT(mdt_deadline_effective_due, nullptr, h.deadline, d),
      NULL_OUT(mdt_dataset_new, nullptr, nullptr),
      NULL_OUT(mdt_dataset_task_count, nullptr, h.dataset),
      NULL_OUT(mdt_dataset_find_task, nullptr, h.dataset, "M-1"),
      NULL_OUT(mdt_dataset_task_id, nullptr, nullptr, h.dataset, 0),
      NULL_OUT(mdt_dataset_task_title, nullptr, nullptr, h.dataset, 0),
      NULL_OUT(mdt_dataset_task_event_count, nullptr, h.dataset, 0),
      NULL_OUT(mdt_dataset_task_deadline, nullptr, h.dataset, 0),
      NULL_OUT(mdt_dataset_target_count, nullptr, h.dataset),
      NULL_OUT(mdt_dataset_target_id, nullptr, nullptr, h.dataset, 0),
      NULL_OUT(mdt_dataset_measurement_count, nullptr, h.dataset, "T1"),
      NULL_OUT(mdt_classify_task, nullptr, h.dataset, 0, d, nullptr),
      NULL_OUT(mdt_classification_get_info, nullptr, h.classification),
      NULL_OUT(mdt_classify_all, nullptr, 0, nullptr, h.dataset, d, nullptr),
      NULL_OUT(mdt_classification_iter_new, nullptr, h.dataset, d, nullptr),
      NULL_OUT(mdt_classification_iter_next, nullptr, nullptr, nullptr, h.iter),
      NULL_OUT(mdt_classification_iter_detail, nullptr, h.iter),
      NULL_OUT(mdt_classify_count, nullptr, h.dataset, d, nullptr),
      NULL_OUT(mdt_dataset_load_json, nullptr, nullptr, "/nonexistent/x.json", nullptr),
      NULL_OUT(mdt_dataset_read_json, nullptr, nullptr, "{}", 2, nullptr),
      NULL_OUT(mdt_dataset_load_csv, nullptr, nullptr, "/nonexistent/x.csv", nullptr),
      NULL_OUT(mdt_dataset_read_csv, nullptr, nullptr, "id,title\n", MDT_NUL_TERMINATED, nullptr),
      NULL_OUT(mdt_dataset_write_json, nullptr, nullptr, h.dataset),
      NULL_OUT(mdt_dataset_write_csv, nullptr, nullptr, h.dataset),
      NULL_OUT(mdt_problems_count, nullptr, h.problems),
      NULL_OUT(mdt_target_evaluate, nullptr, h.dataset, "T1", nullptr, d, nullptr),
      NULL_OUT(mdt_target_evaluations_count, nullptr, h.evaluations),
      NULL_OUT(mdt_target_evaluations_get, nullptr, h.evaluations, 0),
      NULL_OUT(mdt_aggregate, nullptr, h.dataset, d, nullptr),
      NULL_OUT(mdt_aggregate_group_count, nullptr, h.aggregate),
      NULL_OUT(mdt_aggregate_dimension_count, nullptr, h.aggregate),
      NULL_OUT(mdt_aggregate_counts, nullptr, h.aggregate, MDT_AGGREGATE_TOTALS),
      NULL_OUT(mdt_aggregate_label, nullptr, nullptr, h.aggregate, 0, 0),
      NULL_OUT(mdt_aggregate_measure, nullptr, h.aggregate, 0, MDT_MEASURE_TOTAL),
      NULL_OUT(mdt_aggregate_rank, nullptr, 0, nullptr, h.aggregate, nullptr),
      NULL_OUT(mdt_task_change_compute, nullptr, h.dataset, d - 30, d, nullptr),
      NULL_OUT(mdt_task_change_tasks, nullptr, 0, nullptr, h.change, MDT_CHANGE_NEWLY_ASSIGNED),
      NULL_OUT(mdt_task_lists_new, nullptr, h.dataset, MDT_LIST_OVERDUE_BY_AGENCY, d, nullptr),
      NULL_OUT(mdt_task_lists_group_count, nullptr, h.lists),
      NULL_OUT(mdt_live_aggregate_new, nullptr, h.dataset, d, nullptr),
      NULL_OUT(mdt_live_aggregate_totals, nullptr, h.live),
      NULL_OUT(mdt_live_aggregate_result, nullptr, h.live),
      NULL_OUT(mdt_report, nullptr, nullptr, h.dataset, d, nullptr),
      NULL_OUT(mdt_dataset_registry, nullptr, h.dataset),
      NULL_OUT(mdt_dataset_task_category, nullptr, nullptr, h.dataset, 0),
      NULL_OUT(mdt_dataset_task_lead_count, nullptr, h.dataset, 0),
      NULL_OUT(mdt_dataset_task_lead, nullptr, nullptr, h.dataset, 0, 0),
      NULL_OUT(mdt_dataset_task_coordinator_count, nullptr, h.dataset, 0),
      NULL_OUT(mdt_dataset_task_coordinator, nullptr, nullptr, h.dataset, 0, 0),
      NULL_OUT(mdt_dataset_task_source_count, nullptr, h.dataset, 0),
      NULL_OUT(mdt_dataset_task_source, nullptr, nullptr, h.dataset, 0, 0),
      NULL_OUT(mdt_dataset_task_assigned, nullptr, h.dataset, 0),
      NULL_OUT(mdt_dataset_task_due, nullptr, h.dataset, 0, d),
      NULL_OUT(mdt_dataset_task_completed, nullptr, h.dataset, 0, d),
      NULL_OUT(mdt_dataset_task_status, nullptr, h.dataset, 0, d, nullptr),
      NULL_OUT(mdt_dataset_columns, nullptr, h.dataset, d, nullptr),
      NULL_OUT(mdt_task_columns_status, nullptr, h.columns),
      NULL_OUT(mdt_calendar_schedule_years, nullptr, 0, nullptr, h.calendar),
      NULL_OUT(mdt_calendar_day_kind, nullptr, h.calendar, d),
      NULL_OUT(mdt_lunar_leap_month, nullptr, 2025),
      NULL_OUT(mdt_lunar_month_length, nullptr, 2025, 6, 1),
      NULL_OUT(mdt_deadline_context_init, nullptr, MDT_DEADLINE_CONTEXT_VERSION),
      NULL_OUT(mdt_deadline_info_init, nullptr, MDT_DEADLINE_INFO_VERSION),
      NULL_OUT(mdt_task_input_init, nullptr, MDT_TASK_INPUT_VERSION),
      NULL_OUT(mdt_event_input_init, nullptr, MDT_EVENT_INPUT_VERSION),
      NULL_OUT(mdt_deadline_change_input_init, nullptr, MDT_DEADLINE_CHANGE_INPUT_VERSION),
      NULL_OUT(mdt_target_input_init, nullptr, MDT_TARGET_INPUT_VERSION),
      NULL_OUT(mdt_measurement_input_init, nullptr, MDT_MEASUREMENT_INPUT_VERSION),
      NULL_OUT(mdt_classify_options_init, nullptr, MDT_CLASSIFY_OPTIONS_VERSION),
      NULL_OUT(mdt_classification_info_init, nullptr, MDT_CLASSIFICATION_INFO_VERSION),
      NULL_OUT(mdt_status_counts_init, nullptr, MDT_STATUS_COUNTS_VERSION),
      NULL_OUT(mdt_load_options_init, nullptr, MDT_LOAD_OPTIONS_VERSION),
      NULL_OUT(mdt_target_options_init, nullptr, MDT_TARGET_OPTIONS_VERSION),
      NULL_OUT(mdt_target_evaluation_info_init, nullptr, MDT_TARGET_EVALUATION_INFO_VERSION),
      NULL_OUT(mdt_aggregate_options_init, nullptr, MDT_AGGREGATE_OPTIONS_VERSION),
      NULL_OUT(mdt_rank_options_init, nullptr, MDT_RANK_OPTIONS_VERSION),
      NULL_OUT(mdt_report_options_init, nullptr, MDT_REPORT_OPTIONS_VERSION),
      NULL_OUT(mdt_task_lists_options_init, nullptr, MDT_TASK_LISTS_OPTIONS_VERSION),
  };
}
#undef NULL_OUT

TEST(CApiMisuse, EveryRequiredOutParameterRefusesNull) {
  Handles h;
  int has = 0;
  ASSERT_MDT_OK(mdt_classification_iter_next(&has, nullptr, nullptr, h.iter));  // a current row
  for (const auto& c : NullOutCalls()) {
    SCOPED_TRACE(c.fn);
    EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "NULL", c.call(h));
  }
}

// ---- The tables cover the header -----------------------------------------------------

template <typename Table>
std::set<std::string> Names(const Table& t) {
  std::set<std::string> s;
  for (const auto& c : t) s.insert(c.fn);
  return s;
}

std::string Missing(const std::vector<DeclaredFunction>& fns, const std::regex& takes,
                    const std::set<std::string>& table, const std::set<std::string>& exempt) {
  std::string missing;
  for (const auto& f : fns) {
    if (std::regex_search(f.params, takes) && !table.count(f.name) && !exempt.count(f.name)) {
      missing += "\n  " + f.name;
    }
  }
  return missing;
}

TEST(CApiMisuse, TheTablesCoverEveryFunctionOfTheHeader) {
  const auto fns = HeaderFunctions();
  ASSERT_GT(fns.size(), 100u);
  // A handle passed in (not an out-parameter **), other than to its own free function.
  std::string handle_types;
  for (const char* t : kKindType) handle_types += std::string(handle_types.empty() ? "" : "|") + t;
  const std::regex takes_handle("\\b(" + handle_types + ")\\s*\\*\\s*\\w");
  std::set<std::string> frees;
  for (const auto& f : fns) {
    if (f.name.size() > 5 && f.name.compare(f.name.size() - 5, 5, "_free") == 0)
      frees.insert(f.name);
  }
  EXPECT_EQ(Missing(fns, takes_handle, Names(HandleCalls()), frees), "")
      << "functions taking a handle missing from HandleCalls()";
  EXPECT_EQ(Missing(fns, std::regex(R"(\bmdt_date\s+\w)"), Names(DateCalls()), {}), "")
      << "functions taking a date missing from DateCalls()";
  // Text in: a const char* parameter that is not an out-parameter (const char**).
  EXPECT_EQ(Missing(fns, std::regex(R"(const char\s*\*\s*\w)"), Names(TextCalls()), {}), "")
      << "functions taking text missing from TextCalls()";
  // A required out-parameter: out, out_count or out_has_row (where "may be NULL" is not
  // documented: add_task's index, add_task_json's index, date_format's caller buffer).
  EXPECT_EQ(
      Missing(fns, std::regex(R"(\*\s*(out|out_count|out_has_row)\s*(,|$))"), Names(NullOutCalls()),
              {"mdt_dataset_add_task", "mdt_dataset_add_task_json", "mdt_date_format",
               "mdt_task_columns_count"}),
      "")
      << "functions with a required out-parameter missing from NullOutCalls()";
}

}  // namespace
}  // namespace mandate::capi_test
