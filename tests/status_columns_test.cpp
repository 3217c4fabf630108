// ClassifyAll at small N (issue 8): single-threaded and allocation-free once its output
// column has its size, on the benchmark workload including tasks whose deadline changed
// (the full-rule path) — so a dashboard refresh of a ministry's few thousand tasks costs no
// heap traffic. Counted by replacing the global operator new for this test runner.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "generate.h"
#include "mandate/status.h"

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
