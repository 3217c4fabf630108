// mandate.hpp, the header-only C++ API over the C ABI: RAII handles (move-only, freed once),
// values returned, mandate::c::Error thrown with the status and the library's message,
// std::chrono days. Runs under ASan/UBSan in build-asan like every test.
#include <type_traits>

#include "capi_fixture.h"

namespace mandate::capi_test {
namespace {

namespace mc = mandate::c;
using namespace std::chrono;

static_assert(!std::is_copy_constructible_v<mc::Dataset>);
static_assert(!std::is_copy_assignable_v<mc::Registry>);
static_assert(std::is_nothrow_move_constructible_v<mc::TaskColumns>);
static_assert(std::is_nothrow_move_assignable_v<mc::Calendar>);

TEST(CApiCpp, DatesAreChronoDays) {
  const mc::Day d = mc::parse_date("2025-09-23");
  EXPECT_EQ(d, sys_days(year(2025) / 9 / 23));
  EXPECT_EQ(mc::format_date(d), "2025-09-23");
  EXPECT_EQ(mc::to_c(d), Date("2025-09-23"));
  EXPECT_EQ(mc::from_c(MDT_NO_DATE), std::nullopt);
  EXPECT_EQ(mc::to_c(std::optional<mc::Day>{}), MDT_NO_DATE);
  EXPECT_GT(mc::today(), d - days(1));
  EXPECT_EQ(mc::version_number(), MDT_VERSION_NUMBER);
  EXPECT_EQ(mc::version(), MDT_VERSION_STRING);
  EXPECT_EQ(mc::abi_version(), MDT_SOVERSION);
}

TEST(CApiCpp, ErrorsCarryTheStatusAndTheMessage) {
  try {
    mc::parse_date("2025-02-30");
    FAIL() << "no exception";
  } catch (const mc::Error& e) {
    EXPECT_EQ(e.status(), MDT_ERR_INVALID_ARGUMENT);
    EXPECT_NE(e.message().find("day 30"), std::string::npos) << e.message();
    EXPECT_EQ(std::string(e.what()).rfind("MDT_ERR_INVALID_ARGUMENT: ", 0), 0u) << e.what();
  }
  // A failed load: the problems list is handed over and the message is the real one.
  mc::Problems problems;
  try {
    mc::Dataset::load_json("/nope.json", nullptr, &problems);
    FAIL() << "no exception";
  } catch (const mc::Error& e) {
    EXPECT_EQ(e.status(), MDT_ERR_NOT_FOUND);
    EXPECT_NE(e.message().find("/nope.json"), std::string::npos) << e.message();
  }
  EXPECT_TRUE(problems);
  EXPECT_EQ(problems.size(), 0u);
  EXPECT_THROW(mc::Registry::from_json("{"), mc::Error);
}

TEST(CApiCpp, HandlesMoveAndFreeOnce) {
  mc::Registry a = mc::Registry::bundled();
  mdt_registry* raw = a.get();
  mc::Registry b = std::move(a);
  EXPECT_FALSE(a);  // NOLINT(bugprone-use-after-move): moved-from is empty by contract
  EXPECT_EQ(b.get(), raw);
  mc::Registry c;
  c = std::move(b);
  EXPECT_EQ(c.get(), raw);
  EXPECT_GT(c.size(), 50u);
  const auto bkhcn = c.find_id("BKHCN");
  ASSERT_TRUE(bkhcn);
  EXPECT_EQ(c.agency(*bkhcn).id, "BKHCN");
  EXPECT_FALSE(c.find_id("NOPE"));
  EXPECT_EQ(c.find_name("Bộ KH&CN"), bkhcn);
  const mc::Resolution r = c.resolve("Bộ KH&CN, Các bộ, ngành, địa phương, Ban Không Tồn Tại");
  EXPECT_GT(r.agencies().size(), 10u);
  EXPECT_EQ(r.unresolved().size(), 1u);
  EXPECT_EQ(r.collectives().size(), 1u);
  EXPECT_EQ(c.find_leading("Bộ Y tế chủ trì").agencies().size(), 1u);
  EXPECT_NE(c.to_json().find("BKHCN"), std::string::npos);
  mdt_registry* released = c.release();
  EXPECT_FALSE(c);
  mc::Registry again(released);  // ownership back in a class
  again.reset();
  EXPECT_FALSE(again);
}

TEST(CApiCpp, CalendarAndLunar) {
  const mc::Calendar cal = mc::Calendar::make();
  const mc::Day tet = mc::parse_date("2025-01-29");
  EXPECT_FALSE(cal.is_working_day(tet));
  EXPECT_EQ(cal.day_off_reason(tet), "Tết Nguyên đán");
  EXPECT_EQ(cal.day_off_reason(mc::parse_date("2025-02-03")), std::nullopt);
  EXPECT_TRUE(cal.working_day_reason(mc::parse_date("2025-04-26")));
  EXPECT_EQ(cal.day_kind(mc::parse_date("2025-04-26")), MDT_DAY_SWAPPED_WORKING);
  EXPECT_EQ(cal.next_working_day(mc::parse_date("2025-01-25")), mc::parse_date("2025-02-03"));
  EXPECT_EQ(cal.add_working_days(mc::parse_date("2025-01-24"), 1), mc::parse_date("2025-02-03"));
  EXPECT_EQ(cal.working_days_between(mc::parse_date("2025-01-24"), mc::parse_date("2025-02-10")),
            6);
  EXPECT_EQ(cal.days_off(mc::parse_date("2025-01-24"), mc::parse_date("2025-02-09")).size(), 11u);
  EXPECT_EQ(cal.schedule_years().back(), 2026);
  mc::Calendar rules = mc::Calendar::make(MDT_CALENDAR_RULES_ONLY);
  rules.add_schedule(R"({"year": 2031, "days_off": [{"date": "2031-01-02", "reason": "Tết"}]})");
  EXPECT_EQ(rules.schedule_years(), std::vector<int32_t>{2031});
  const mdt_lunar_date l = mc::lunar_from_solar(tet);
  EXPECT_EQ(l.month, 1u);
  EXPECT_EQ(mc::lunar_to_solar(l), tet);
  EXPECT_EQ(mc::lunar_leap_month(2025), 6u);
  EXPECT_EQ(mc::lunar_month_length(2025, 6, true) + mc::lunar_month_length(2025, 6), 59u);
}

TEST(CApiCpp, DeadlinesDatasetsAndResults) {
  mdt_deadline_context ctx = MDT_DEADLINE_CONTEXT_INIT;
  ctx.plan_year = 2025;
  const mc::Deadline q4 = mc::Deadline::parse("Quý IV", &ctx);
  EXPECT_EQ(q4.kind(), MDT_DEADLINE_QUARTER);
  EXPECT_EQ(q4.text(), "Quý IV");
  EXPECT_EQ(q4.due(), mc::parse_date("2025-12-31"));
  EXPECT_FALSE(q4.explanations().empty());
  EXPECT_EQ(q4.effective_due(), q4.due());
  const mc::Deadline monthly = mc::Deadline::extract("Báo cáo trước ngày 25 hằng tháng.", &ctx);
  EXPECT_EQ(monthly.occurrences(mc::parse_date("2025-01-01"), mc::parse_date("2025-12-31")).size(),
            12u);

  mc::Dataset ds = mc::Dataset::make();
  const char* lead[] = {"BKHCN"};
  mdt_task_input t = MDT_TASK_INPUT_INIT;
  t.id = "C-1";
  t.title = "Nhiệm vụ";
  t.lead = lead;
  t.lead_count = 1;
  t.deadline = q4.get();
  t.assigned = Date("2025-04-01");
  EXPECT_EQ(ds.add_task(t), 0u);
  EXPECT_EQ(ds.add_task_json(R"({"id": "C-2", "title": "Hai", "deadline": )"
                             R"({"kind": "year", "text": "2025", "due": "2025-12-31"}})"),
            1u);
  ds.report_progress("C-1", mc::parse_date("2025-06-01"), 50, "Đang làm");
  ds.complete_task("C-1", mc::parse_date("2025-10-01"));
  mdt_deadline_change_input change = MDT_DEADLINE_CHANGE_INPUT_INIT;
  change.date = Date("2025-07-01");
  change.deadline_text = "Tháng 3/2026";
  ds.change_deadline("C-2", change);
  ds.cancel_task("C-2", mc::parse_date("2025-08-01"), "Không còn phù hợp");
  EXPECT_THROW(ds.complete_task("C-9", mc::parse_date("2025-10-01")), mc::Error);
  EXPECT_EQ(ds.task_count(), 2u);
  EXPECT_EQ(ds.find_task("C-2"), 1u);
  EXPECT_EQ(ds.find_task("C-9"), std::nullopt);
  EXPECT_EQ(ds.task_id(0), "C-1");
  EXPECT_EQ(ds.task_title(1), "Hai");
  EXPECT_EQ(ds.task_leads(0), std::vector<std::string>{"BKHCN"});
  EXPECT_TRUE(ds.task_coordinators(0).empty());
  EXPECT_TRUE(ds.task_sources(0).empty());
  EXPECT_EQ(ds.task_category(0), "");
  EXPECT_EQ(ds.task_event_count(0), 2u);
  EXPECT_EQ(ds.task_deadline(0).kind(), MDT_DEADLINE_QUARTER);
  EXPECT_EQ(ds.task_assigned(0), mc::parse_date("2025-04-01"));
  EXPECT_EQ(ds.task_due(1, mc::parse_date("2025-06-30")), mc::parse_date("2025-12-31"));
  EXPECT_EQ(ds.task_due(1, mc::parse_date("2025-07-01")), mc::parse_date("2026-03-31"));
  EXPECT_EQ(ds.task_completed(0, mc::parse_date("2025-10-01")), mc::parse_date("2025-10-01"));
  const mc::Day as_of = mc::parse_date("2025-10-15");
  EXPECT_EQ(ds.task_status(0, as_of), MDT_TASK_COMPLETED_ON_TIME);
  EXPECT_EQ(ds.task_status(1, as_of), MDT_TASK_CANCELLED);
  EXPECT_EQ(ds.registry().agency(*ds.registry().find_id("BKHCN")).id, "BKHCN");

  // Classification, all of it at once, and the iterator.
  EXPECT_EQ(ds.classify(0, as_of).status(), MDT_TASK_COMPLETED_ON_TIME);
  EXPECT_FALSE(ds.classify(0, as_of).reason().empty());
  EXPECT_EQ(ds.classify_all(as_of),
            (std::vector<int32_t>{MDT_TASK_COMPLETED_ON_TIME, MDT_TASK_CANCELLED}));
  EXPECT_EQ(ds.classify_count(as_of).by_status[MDT_TASK_CANCELLED], 1u);
  mc::ClassificationIter it = ds.iterate(as_of);
  size_t rows = 0;
  while (auto row = it.next()) {
    EXPECT_EQ(it.current().status(), row->second);
    ++rows;
  }
  EXPECT_EQ(rows, 2u);

  // Columns: spans lent by the columns object, which outlives the dataset.
  const mc::TaskColumns cols = ds.columns(as_of);
  const mc::Registry reg = ds.registry();
  ds.reset();
  ASSERT_EQ(cols.size(), 2u);
  EXPECT_EQ(cols.as_of(), as_of);
  EXPECT_EQ(cols.id(1), "C-2");
  EXPECT_EQ(cols.assigned()[0], Date("2025-04-01"));
  EXPECT_EQ(cols.due()[1], Date("2026-03-31"));
  EXPECT_EQ(cols.completed()[0], Date("2025-10-01"));
  EXPECT_EQ(cols.status()[1], MDT_TASK_CANCELLED);
  ASSERT_EQ(cols.leads(0).size(), 1u);
  EXPECT_EQ(reg.agency(cols.leads(0)[0]).id, "BKHCN");
  EXPECT_TRUE(cols.leads(1).empty());
  EXPECT_TRUE(cols.coordinators(0).empty());
}

TEST(CApiCpp, AggregatesTargetsReportsAndExperimentalLists) {
  Dataset ds;
  NewSeedPlanDataset(&ds);
  const mc::Day as_of = mc::parse_date("2025-10-15");
  const int32_t by[] = {MDT_DIM_LEAD};
  mdt_aggregate_options o = MDT_AGGREGATE_OPTIONS_INIT;
  o.by = by;
  o.by_count = 1;
  const mc::AggregateResult r = ds.aggregate(as_of, &o);
  EXPECT_GT(r.group_count(), 10u);
  EXPECT_EQ(r.dimension_count(), 1u);
  EXPECT_EQ(r.counts().total, ds.classify_count(as_of).total);
  mdt_rank_options ro = MDT_RANK_OPTIONS_INIT;
  ro.limit = 3;
  const std::vector<size_t> top = r.rank(&ro);
  ASSERT_EQ(top.size(), 3u);
  EXPECT_EQ(r.label(top[0], 0), "BKHCN");
  EXPECT_TRUE(r.measure(MDT_AGGREGATE_TOTALS, MDT_MEASURE_COMPLETION_RATE));
  EXPECT_THROW(r.counts(r.group_count()), mc::Error);
  const mc::AggregateResult empty = mc::Dataset::make().aggregate(as_of);
  EXPECT_EQ(empty.measure(MDT_AGGREGATE_TOTALS, MDT_MEASURE_COMPLETION_RATE), std::nullopt);

  mdt_report_options ropts = MDT_REPORT_OPTIONS_INIT;
  ropts.language = MDT_REPORT_ENGLISH;
  EXPECT_NE(ds.report(as_of, &ropts).find("APPENDIX 01. OVERDUE TASKS"), std::string::npos);

  const mc::TaskChange ch = ds.change(mc::parse_date("2025-09-01"), as_of);
  EXPECT_FALSE(ch.tasks(MDT_CHANGE_NEWLY_OVERDUE).empty());
  const mc::TaskLists lists = ds.task_lists(MDT_LIST_OVERDUE_BY_AGENCY, as_of);
  ASSERT_GT(lists.group_count(), 0u);
  EXPECT_TRUE(lists.key(0));
  EXPECT_FALSE(lists.tasks(0).empty());

  mc::Dataset own = mc::Dataset::make();
  mdt_target_input t = MDT_TARGET_INPUT_INIT;
  t.id = "T1";
  t.baseline = 40;
  t.target = 80;
  t.baseline_date = Date("2024-12-31");
  t.deadline = Date("2025-12-31");
  own.add_target(t);
  mdt_measurement_input m = MDT_MEASUREMENT_INPUT_INIT;
  m.date = Date("2025-06-30");
  m.value = 55;
  own.add_measurement("T1", m);
  EXPECT_EQ(own.target_count(), 1u);
  EXPECT_EQ(own.target_id(0), "T1");
  const mc::TargetEvaluations ev = own.evaluate_target("T1", "", as_of);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].value, 55);

  // JSON and CSV round trips, with the problems of a CSV read handed back.
  const mc::Dataset back = mc::Dataset::read_json(ds.to_json());
  EXPECT_EQ(back.task_count(), 248u);
  mc::Problems problems;
  const mc::Dataset csv =
      mc::Dataset::read_csv("id,title,deadline\r\nX-1,Một,31/02/2025\r\n", nullptr, &problems);
  EXPECT_EQ(csv.task_count(), 1u);
  ASSERT_GE(problems.size(), 1u);
  EXPECT_FALSE(problems[0].message.empty());
  const std::string dir = ::testing::TempDir();
  back.save_json(dir + "capi-cpp.json");
  back.save_csv(dir + "capi-cpp.csv");
  EXPECT_EQ(mc::Dataset::load_json(dir + "capi-cpp.json").task_count(), 248u);
  EXPECT_EQ(mc::Dataset::load_csv(dir + "capi-cpp.csv").task_count(), 248u);
  EXPECT_FALSE(back.to_csv().empty());
}

}  // namespace
}  // namespace mandate::capi_test
