// Issue 21's unbounded work and small holes, one regression each: the aggregate group limit
// (core and C ABI), events appended in O(1) that derive what a full fold derives, due days
// past 2200-12-31 refused, and a NUL inside mdt_last_error() escaped instead of cutting it.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "capi_fixture.h"
#include "mandate/aggregate.h"
#include "mandate/dataset.h"
#include "mandate/dataset_csv.h"
#include "mandate/dataset_json.h"

namespace mandate {
namespace {

constexpr char kHeader[] =
    "id,title,lead,coordinators,category,source,assigned,deadline,completed\r\n";

// n rows with a distinct category and source each: n groups by category,source.
std::string DistinctRows(std::size_t n, std::string_view agencies = "Bộ Tài chính,Bộ Y tế") {
  std::string csv(kHeader);
  for (std::size_t i = 0; i < n; ++i) {
    csv += absl::StrFormat("T%d,t,%s,Nhóm %d,Văn bản %d,2025-01-02,2025-12-31,\r\n", i, agencies, i,
                           i);
  }
  return csv;
}

TEST(UnboundedInput, AggregateRefusesPastMaxGroupsByName) {
  auto ds = ReadDatasetCsv(DistinctRows(300));
  ASSERT_TRUE(ds.ok()) << ds.status();
  AggregateQuery q;
  q.as_of = date::sys_days{date::year{2025} / 9 / 23};
  q.by = {Dimension::kCategory, Dimension::kSource};
  EXPECT_EQ(AggregateQuery{}.max_groups, 1'000'000u);
  auto all = Aggregate(*ds, q, 1);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->groups.size(), 300u);

  q.max_groups = 299;
  for (int threads : {1, 4}) {
    auto r = Aggregate(*ds, q, threads);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted);
    EXPECT_NE(r.status().message().find("more than 299 groups"), std::string_view::npos)
        << r.status();
    EXPECT_NE(r.status().message().find("max_groups"), std::string_view::npos);
  }
  q.max_groups = 300;
  EXPECT_TRUE(Aggregate(*ds, q, 1).ok());

  // Collective lead and coordinators multiply: every ministry by every province, by 300
  // categories and sources, would be millions of groups; the limit trips long before. (A lead
  // is never its own coordinator, so the two cells name different agencies.)
  auto collective =
      ReadDatasetCsv(DistinctRows(300, "\"Các bộ, ngành\",\"Các tỉnh, thành phố\""));
  ASSERT_TRUE(collective.ok()) << collective.status();
  q.by = {Dimension::kLead, Dimension::kCoordinator, Dimension::kCategory, Dimension::kSource};
  q.max_groups = 10'000;
  auto many = Aggregate(*collective, q, 1);
  ASSERT_FALSE(many.ok());
  EXPECT_EQ(many.status().code(), absl::StatusCode::kResourceExhausted);

  // A dense key space (few groups possible) obeys the limit too.
  q.by = {Dimension::kStatus};
  q.max_groups = 0;
  EXPECT_EQ(Aggregate(*ds, q, 1).status().code(), absl::StatusCode::kResourceExhausted);
}

TEST(UnboundedInput, CApiAggregateLimitIsMdtErrLimit) {
  const std::string csv = DistinctRows(50);
  mdt_dataset* raw = nullptr;
  ASSERT_MDT_OK(mdt_dataset_read_csv(&raw, nullptr, csv.data(), csv.size(), nullptr));
  capi_test::Dataset ds(raw);
  const int32_t by[] = {MDT_DIM_CATEGORY, MDT_DIM_SOURCE};
  mdt_aggregate_options o = MDT_AGGREGATE_OPTIONS_INIT;
  EXPECT_EQ(o.version, 1u);
  EXPECT_EQ(o.max_groups, 0u);
  o.by = by;
  o.by_count = 2;
  const mdt_date as_of = capi_test::Date("2025-09-23");
  mdt_aggregate_result* r = nullptr;
  ASSERT_MDT_OK(mdt_aggregate(&r, ds.get(), as_of, &o));  // 0 = the default limit
  mdt_aggregate_result_free(r);
  o.max_groups = 49;
  EXPECT_MDT_ERR(MDT_ERR_LIMIT, "more than 49 groups", mdt_aggregate(&r, ds.get(), as_of, &o));
}

// Appending in day order folds one event at a time; the columns must be what a full fold of
// the history gives (the dataset read back from its JSON is folded whole).
TEST(UnboundedInput, AppendedEventsDeriveWhatAFullFoldDerives) {
  auto ds = ReadDatasetCsv(absl::StrCat(kHeader, "A,a,Bộ Tài chính,,,,2025-01-02,2025-06-30,\r\n",
                                        "B,b,Bộ Y tế,,,,2025-01-02,hằng quý,\r\n"));
  ASSERT_TRUE(ds.ok()) << ds.status();
  const Day d0 = date::sys_days{date::year{2025} / 2 / 1};
  auto event = [&](EventType type, int day) {
    TaskEvent e;
    e.type = type;
    e.day = d0 + date::days{day};
    if (type == EventType::kDeadlineChanged) {
      Deadline nd;
      nd.kind = DeadlineKind::kDate;
      nd.due = d0 + date::days{day + 100};
      nd.text = "new";
      e.new_deadline = nd;
    }
    return e;
  };
  const EventType seq[] = {EventType::kProgress,        EventType::kCompleted,
                           EventType::kReopened,        EventType::kDeadlineChanged,
                           EventType::kProgress,        EventType::kCancelled,
                           EventType::kCompleted,       EventType::kCompleted,
                           EventType::kDeadlineChanged, EventType::kReopened};
  for (TaskIndex t = 0; t < 2; ++t) {
    int day = 0;
    for (EventType type : seq) {
      ASSERT_TRUE(ds->AddEvent(t, event(type, day)).ok());
      day += 3;
      auto json = WriteDatasetJson(*ds);
      ASSERT_TRUE(json.ok());
      auto full = ReadDatasetJson(*json);
      ASSERT_TRUE(full.ok()) << full.status();
      const TaskColumns& a = ds->columns();
      const TaskColumns& b = full->columns();
      for (TaskIndex i = 0; i < 2; ++i) {
        EXPECT_EQ(a.flags[i], b.flags[i]) << i << " after " << EnumName(type);
        EXPECT_EQ(a.due[i], b.due[i]) << i << " after " << EnumName(type);
        EXPECT_EQ(a.kind[i], b.kind[i]) << i << " after " << EnumName(type);
        EXPECT_EQ(a.completed[i], b.completed[i]) << i << " after " << EnumName(type);
      }
    }
  }
  // An event before the others still goes in day order.
  ASSERT_TRUE(ds->AddEvent(0, event(EventType::kProgress, -10)).ok());
  EXPECT_EQ(ds->history(0).front().day, d0 - date::days{10});
}

TEST(UnboundedInput, DueDaysPastTheRangeAreRefused) {
  std::vector<LoadProblem> problems;
  auto ds = ReadDatasetCsv(absl::StrCat(kHeader, "A,a,Bộ Tài chính,,,,2200-12-31,sau 10 ngày,\r\n",
                                        "B,b,Bộ Tài chính,,,,2200-12-20,30 ngày làm việc,\r\n",
                                        "C,c,Bộ Tài chính,,,,2200-12-01,sau 10 ngày,\r\n"),
                           {}, &problems);
  ASSERT_TRUE(ds.ok()) << ds.status();
  ASSERT_EQ(ds->task_count(), 1u);  // C: 2200-12-11, inside
  EXPECT_EQ(ds->task_id(0), "C");
  ASSERT_EQ(problems.size(), 2u);
  for (const auto& p : problems) {
    EXPECT_NE(p.message.find("outside the supported range"), std::string::npos) << p.message;
  }
  // What loads saves and loads again.
  auto json = WriteDatasetJson(*ds);
  ASSERT_TRUE(json.ok());
  std::vector<LoadProblem> again;
  ASSERT_TRUE(ReadDatasetJson(*json, {}, &again).ok());
  EXPECT_TRUE(again.empty());
}

TEST(UnboundedInput, LastErrorEscapesAnEmbeddedNul) {
  // A deadline phrase with a NUL inside: the message quotes it whole.
  const char phrase[] = "abc\0XYZ";
  mdt_deadline* d = nullptr;
  const mdt_status st = mdt_deadline_parse(&d, phrase, sizeof phrase - 1, nullptr);
  mdt_deadline_free(d);
  ASSERT_NE(st, MDT_OK);
  const std::string msg = mdt_last_error();
  EXPECT_NE(msg.find("\\0"), std::string::npos) << msg;
  EXPECT_NE(msg.find("XYZ"), std::string::npos) << msg;
}

}  // namespace
}  // namespace mandate
