// ClassifyAll at small N (issue 8): single-threaded and allocation-free once its output
// column has its size, on the benchmark workload including tasks whose deadline changed
// (the full-rule path) — so a dashboard refresh of a ministry's few thousand tasks costs no
// heap traffic. Counted by replacing the global operator new: this runner
// (mandate_alloc_tests) holds only tests that may do so.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "generate.h"
#include "mandate/classification.h"

// GCC 12 inlines the replaced operator new into its callers and then sees std::free() on
// "memory from operator new" (-Wmismatched-new-delete): a false positive here, since this
// operator new allocates with std::malloc.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

namespace {
std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0};
}  // namespace

void* operator new(std::size_t n) {
  if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
// The nothrow forms too (std::stable_sort's temporary buffer uses them): otherwise they come
// from the runtime (ASan's, under sanitizers) and are freed by the delete above.
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1);
  return std::malloc(n ? n : 1);
}
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace mandate {
namespace {

TEST(ClassifyAllSmall, NoAllocationOnceTheColumnIsSized) {
  // The workload without recurring deadlines, whose occurrence lists are built per call.
  Dataset ds;
  bench::Generator gen({.n = 20000});
  bench::GenTask g;
  std::size_t changed = 0;
  while (gen.Next(g)) {
    if (g.rule == 'R') continue;
    changed += g.change_day.has_value();
    ASSERT_TRUE(ds.AddTask(bench::ToTask(g)).ok());
  }
  ASSERT_GT(changed, 50u);  // the full-rule path is exercised
  std::vector<std::uint8_t> status;
  ClassifyAll(ds, bench::kDefaultAsOf, {}, status);  // sizes the column
  const std::vector<std::uint8_t> first = status;
  g_allocations = 0;
  g_counting = true;
  ClassifyAll(ds, bench::kDefaultAsOf, {}, status);  // threads = 0: automatic
  ClassifyAll(ds, bench::kDefaultAsOf + date::days{30}, {}, status);
  ClassifyAll(ds, bench::kDefaultAsOf, {}, status);
  g_counting = false;
  EXPECT_EQ(g_allocations.load(), 0);
  EXPECT_EQ(status, first);
}

// The fast paths (plain tasks, recurring tasks without reports) agree with the full rules of
// ClassifyTask on every task of the workload, loaded from its CSV (completion as a column)
// and built with its deadline changes as events, on days around occurrences.
TEST(ClassifyAllSmall, AgreesWithClassifyTaskOnTheWorkload) {
  auto direct = bench::GenerateDataset({.n = 5000});
  ASSERT_TRUE(direct.ok());
  std::size_t recurring = 0;
  for (TaskIndex i = 0; i < direct->task_count(); ++i) {
    recurring += direct->columns().kind[i] == static_cast<std::uint8_t>(DeadlineKind::kRecurring);
  }
  ASSERT_GT(recurring, 150u);
  for (Day d : {bench::kDefaultAsOf, Day{date::year{2024} / 2 / 24},
                Day{date::year{2024} / 12 / 31}, Day{date::year{2025} / 3 / 25}}) {
    for (bool inclusive : {false, true}) {
      ClassifyOptions options;
      options.inclusive_before = inclusive;
      std::vector<std::uint8_t> status;
      ClassifyAll(*direct, d, options, status);
      for (TaskIndex i = 0; i < direct->task_count(); ++i) {
        const auto c = ClassifyTask(*direct, i, d, options);
        const std::uint8_t want = c ? static_cast<std::uint8_t>(c->status) : kNotYetAssigned;
        ASSERT_EQ(status[i], want) << direct->task_id(i) << " " << direct->original_deadline(i).text
                                   << " as of " << FormatIsoDay(d) << " inclusive " << inclusive;
      }
    }
  }
}

TEST(ClassifyAllSmall, TheCounterSeesAllocations) {
  // The check above can fail: a vector growing under counting is seen.
  g_allocations = 0;
  g_counting = true;
  std::vector<int>* v = new std::vector<int>(100);
  g_counting = false;
  delete v;
  EXPECT_GE(g_allocations.load(), 2);
}

}  // namespace
}  // namespace mandate
