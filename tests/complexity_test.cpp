// Growth, not speed (issue 21): each parser and the aggregation run on inputs of size n and
// 4n (long cells, many tokens, many events, many groups), and the time may grow at most 8x —
// linear work grows 4x, quadratic 16x. Only a ratio within one run is checked, never an
// absolute time; n is large enough that the fastest of a few runs is well above timer noise.
// ctest runs them alone (RUN_SERIAL).
#include <gtest/gtest.h>
#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "capi_fixture.h"
#include "mandate/absl_compat.h"
#include "mandate/agency_registry.h"
#include "mandate/aggregate.h"
#include "mandate/csv.h"
#include "mandate/dataset.h"
#include "mandate/dataset_csv.h"
#include "mandate/dataset_json.h"
#include "mandate/deadline.h"
#include "mandate/report.h"
#include "mandate/string_pool.h"

namespace mandate {
namespace {

constexpr double kMaxRatio = 8.0;

// The allocator must not decide the ratio: by default glibc maps large blocks afresh and
// returns freed memory to the system, so a 4n input pays page faults a warm n input does not
// (a 25 MB and a 100 MB column measured 1 ms and 240 ms). For these tests freed memory stays
// in the heap and is reused, as in a long-running program; defaults come back afterwards.
// Under a sanitizer the times are the sanitizer's allocator and checks: not measured.
class Complexity : public ::testing::Test {
 protected:
  void SetUp() override {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    GTEST_SKIP() << "growth is not measured under a sanitizer";
#endif
#if defined(__GLIBC__)
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
  }
  void TearDown() override {
#if defined(__GLIBC__)
    mallopt(M_MMAP_MAX, 65536);
    mallopt(M_TRIM_THRESHOLD, 128 * 1024);
#endif
  }
};

// Fastest of `reps` runs of work(input) for inputs of size n and 4n, the two interleaved so
// a slow spell of the machine hits both; returns t(4n) / t(n) and prints both times (the
// figures SECURITY.md quotes). Each run repeats work `inner` times, so the smaller input
// still takes milliseconds, well above the clock's and the allocator's noise.
template <typename Make, typename Work>
double GrowthRatio(std::size_t n, Make make, Work work, int inner = 1, int reps = 7) {
  const auto small = make(n);
  const auto large = make(4 * n);
  // CPU time, not wall time: on a shared machine a longer run is more often preempted, which
  // would inflate the ratio by waiting that is not work.
  const auto cpu_seconds = [] {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  };
  const auto time = [&](const auto& input) {
    const double t0 = cpu_seconds();
    for (int k = 0; k < inner; ++k) work(input);
    return cpu_seconds() - t0;
  };
  double ts = 1e300, tl = 1e300;
  for (int r = 0; r < reps; ++r) {
    ts = std::min(ts, time(small));
    tl = std::min(tl, time(large));
  }
  const double ratio = tl / std::max(ts, 1e-9);
  std::printf("  %s: n = %zu: %.2f ms, 4n: %.2f ms, ratio %.2f\n",
              ::testing::UnitTest::GetInstance()->current_test_info()->name(), n, ts * 1e3,
              tl * 1e3, ratio);
  return ratio;
}

constexpr char kHeader[] =
    "id,title,lead,coordinators,category,source,assigned,deadline,completed\r\n";

std::string RowsCsv(std::size_t n) {
  std::string csv(kHeader);
  for (std::size_t i = 0; i < n; ++i) {
    csv += absl::StrFormat(
        "T%d,Nhiệm vụ %d,Bộ Tài chính,Bộ Y tế,Nhóm %d,Văn bản %d,2025-01-02,"
        "trong quý %d năm 2025,\r\n",
        i, i, i, i, 1 + i % 4);
  }
  return csv;
}

TEST_F(Complexity, CsvReaderOnLongCells) {
  // 40 rows whose titles are n bytes (cells stop at 1 MiB): 2 MB and 8 MB of text, both
  // past the caches, so the ratio is the reader's and not the cache's.
  const double r = GrowthRatio(
      50'000,
      [](std::size_t n) {
        std::string csv(kHeader);
        for (int i = 0; i < 40; ++i) {
          csv += absl::StrCat("T", i, ",\"", std::string(n, 'A'),
                              "\",Bộ Tài chính,,,,2025-01-02,2025-12-31,\r\n");
        }
        return csv;
      },
      [](const std::string& csv) { ASSERT_TRUE(ReadDatasetCsv(csv).ok()); }, 3);
  EXPECT_LE(r, kMaxRatio);
}

TEST_F(Complexity, CsvReaderOnManyRows) {
  const double r = GrowthRatio(
      8'000, RowsCsv, [](const std::string& csv) { ASSERT_TRUE(ReadDatasetCsv(csv).ok()); });
  EXPECT_LE(r, kMaxRatio);
}

TEST_F(Complexity, JsonReaderOnManyTasksAndALongTitle) {
  const auto json_of = [](const std::string& csv) {
    auto ds = ReadDatasetCsv(csv);
    EXPECT_TRUE(ds.ok());
    return *WriteDatasetJson(*ds);
  };
  double r = GrowthRatio(
      2'000, [&](std::size_t n) { return json_of(RowsCsv(n)); },
      [](const std::string& json) { ASSERT_TRUE(ReadDatasetJson(json).ok()); });
  EXPECT_LE(r, kMaxRatio) << "many tasks";
  r = GrowthRatio(
      200'000,
      [&](std::size_t n) {
        return json_of(absl::StrCat(kHeader, "T1,", std::string(n, 'A'),
                                    ",Bộ Tài chính,,,,2025-01-02,2025-12-31,\r\n"));
      },
      [](const std::string& json) { ASSERT_TRUE(ReadDatasetJson(json).ok()); }, 10);
  EXPECT_LE(r, kMaxRatio) << "long title";
}

TEST_F(Complexity, AgencyResolverOnRepeatedPrefixes) {
  const AgencyRegistry& reg = AgencyRegistry::Bundled();
  const auto repeat = [](std::string_view word) {
    return [word](std::size_t n) {
      std::string cell;
      for (std::size_t i = 0; i < n; ++i) cell += word;
      return cell;
    };
  };
  const auto resolve = [&](const std::string& cell) { (void)reg.Resolve(cell); };
  // "tỉnh, tỉnh, …": 8k tokens took 40 s (quadratic).
  EXPECT_LE(GrowthRatio(2'000, repeat("tỉnh, "), resolve), kMaxRatio) << "tỉnh, tỉnh";
  EXPECT_LE(GrowthRatio(4'000, repeat("tp "), resolve), kMaxRatio) << "tp tp";
  EXPECT_LE(GrowthRatio(2'000, repeat("UBND tỉnh Hà Nội, Bộ Tài chính và "), resolve), kMaxRatio)
      << "a long list";
}

TEST_F(Complexity, DeadlineParserOnLongPhrases) {
  const auto phrase = [](std::size_t n) {
    std::string s;
    while (s.size() + 12 < n) s += "quý 4 2025, ";
    return s;
  };
  // Phrases stop at 4,096 bytes (kMaxDeadlinePhraseBytes): 1,000 and 4,000.
  EXPECT_LE(GrowthRatio(
                1'000, phrase, [](const std::string& p) { (void)ParseDeadline(p); }, 200),
            kMaxRatio);
}

TEST_F(Complexity, AddEventOnOneTask) {
  const auto events = [](std::size_t n) { return n; };
  const auto add = [](std::size_t n) {
    DatasetLimits limits;
    limits.max_events_per_task = 1'000'000;
    Dataset ds(nullptr, limits);
    auto rows = ReadDatasetCsv(RowsCsv(1));
    ASSERT_TRUE(rows.ok());
    Task t = rows->GetTask(0);
    ASSERT_TRUE(ds.AddTask(t).ok());
    const Day start = date::sys_days{date::year{2025} / 1 / 2};
    for (std::size_t k = 0; k < n; ++k) {
      TaskEvent e;
      e.type = EventType::kProgress;
      e.day = start + date::days{static_cast<int>(k / 50)};
      e.percent = static_cast<int>(k % 100);
      ASSERT_TRUE(ds.AddEvent(0, e).ok());
    }
  };
  // 10k / 20k / 40k events took 8 / 42 / 162 s (each add copied and re-folded the history).
  EXPECT_LE(GrowthRatio(50'000, events, add), kMaxRatio);
}

TEST_F(Complexity, CApiAddEventOnOneTask) {
  const auto add = [](std::size_t n) {
    mdt_registry* r = nullptr;
    ASSERT_EQ(mdt_registry_bundled(&r), MDT_OK);
    capi_test::Registry reg(r);
    mdt_dataset* raw = nullptr;
    ASSERT_EQ(mdt_dataset_new(&raw, reg.get()), MDT_OK);
    capi_test::Dataset ds(raw);
    const char* lead[] = {"BTC"};
    mdt_task_input t = MDT_TASK_INPUT_INIT;
    t.id = "E1";
    t.title = "events";
    t.lead = lead;
    t.lead_count = 1;
    ASSERT_EQ(mdt_dataset_add_task(nullptr, ds.get(), &t), MDT_OK) << mdt_last_error();
    for (std::size_t k = 0; k < n; ++k) {
      ASSERT_EQ(mdt_dataset_report_progress(ds.get(), "E1", 20000 + static_cast<int>(k / 50),
                                            static_cast<int>(k % 100), "ok"),
                MDT_OK)
          << mdt_last_error();
    }
  };
  EXPECT_LE(GrowthRatio(
                20'000, [](std::size_t n) { return n; }, add),
            kMaxRatio);
}

TEST_F(Complexity, AggregateOnManyGroups) {
  const auto make = [](std::size_t n) {
    auto ds = ReadDatasetCsv(RowsCsv(n));
    EXPECT_TRUE(ds.ok());
    return std::make_shared<Dataset>(*std::move(ds));
  };
  const auto aggregate = [](const std::shared_ptr<Dataset>& ds) {
    AggregateQuery q;
    q.as_of = date::sys_days{date::year{2025} / 9 / 23};
    q.by = {Dimension::kLead, Dimension::kCoordinator, Dimension::kCategory, Dimension::kSource};
    auto r = Aggregate(*ds, q, 1);
    ASSERT_TRUE(r.ok()) << r.status();
    ASSERT_EQ(r->groups.size(), ds->task_count());
  };
  EXPECT_LE(GrowthRatio(15'000, make, aggregate), kMaxRatio);
}

TEST_F(Complexity, ReportInEveryFormat) {
  const auto make = [](std::size_t n) {
    auto ds = ReadDatasetCsv(RowsCsv(n));
    EXPECT_TRUE(ds.ok());
    return std::make_shared<Dataset>(*std::move(ds));
  };
  const auto report = [](const std::shared_ptr<Dataset>& ds) {
    ReportOptions o;
    o.as_of = date::sys_days{date::year{2025} / 9 / 23};
    auto data = BuildReport(*ds, o);
    ASSERT_TRUE(data.ok()) << data.status();
    for (auto f :
         {ReportFormat::kMarkdown, ReportFormat::kHtml, ReportFormat::kJson, ReportFormat::kCsv}) {
      EXPECT_FALSE(RenderReport(*data, f, ReportLanguage::kVietnamese).empty());
    }
  };
  EXPECT_LE(GrowthRatio(5'000, make, report), kMaxRatio);
}

TEST_F(Complexity, StringColumnOnLongStrings) {
  const auto add = [](std::size_t n) {
    StringColumn col;
    const std::string s(5000, 'x');
    for (std::size_t k = 0; k < n; ++k) col.Append(s);
  };
  EXPECT_LE(GrowthRatio(
                5'000, [](std::size_t n) { return n; }, add),
            kMaxRatio);
}

}  // namespace
}  // namespace mandate
