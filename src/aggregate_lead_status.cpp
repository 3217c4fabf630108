// The fused classify-and-count pass (aggregate_lead_status.h). What it does per block of
// tasks, and why (bench/README.md has what each step gained):
//  1. the fast status of every task, branch-free into a small block buffer (vectorised);
//  2. one increment per task into counter tables indexed by (first lead, status): the first
//     lead is inline (agency_list_column.h), so no offset pair is chased, and four tables
//     taken in turn break the store-to-load chain on a popular agency's counters;
//  3. the few tasks the fast rule may misjudge (flags) get the full rules and their count is
//     moved from the fast status to the true one;
//  4. the tasks with several leads (10%, found by walking the overflow list in order) add
//     their other leads with the block's status, into a table of their own so that the totals
//     (the four tables) count each task once: three increments a task without a branch (a
//     missing lead counts in a spare row), since a loop over 2-4 leads mispredicted on nearly
//     every task (9.6 ns of the 41 ms at 10^7, one thread); longer lists loop for the rest.
#include "aggregate_lead_status.h"

#include <algorithm>
#include <thread>

#include "slow_task_classifier.h"

namespace mandate::internal {
namespace {

constexpr std::size_t kBlock = 2048;
constexpr std::size_t kTables = 4;  // first-lead tables; a fifth takes the other leads
constexpr std::uint8_t kSkip = 7;   // not counted: not yet assigned, or outside the window
constexpr std::size_t kParallelFrom = 262144;

// Codes: 0 no lead, 1..size the agencies, size + 1 a spare row that absorbs missing leads.
std::size_t Codes(const Dataset& ds) { return ds.registry().size() + 1; }
std::size_t Slots(const Dataset& ds) { return (Codes(ds) + 1) * 8; }

struct Range {
  std::int32_t d, soon_end, lo, hi;  // as-of day, last due-soon day, assigned bounds
};

void CountBlocks(const Dataset& ds, Day as_of, const ClassifyOptions& options, const Range& r,
                 std::size_t begin, std::size_t end, std::uint32_t* tables) {
  const TaskColumns& c = ds.columns();
  const std::int32_t* assigned = c.assigned.data();
  const std::int32_t* due = c.due.data();
  const std::int32_t* completed = c.completed.data();
  const std::uint8_t* flags = c.flags.data();
  const AgencyIndex* first = c.lead.first.data();
  const Column<std::uint32_t>& multi = c.lead.multi_task;
  const std::size_t slots = Slots(ds);
  std::uint32_t* t0 = tables;
  std::uint32_t* t1 = tables + slots;
  std::uint32_t* t2 = tables + 2 * slots;
  std::uint32_t* t3 = tables + 3 * slots;
  std::uint32_t* te = tables + 4 * slots;  // the other leads of multi-lead tasks
  const std::uint32_t spare = static_cast<std::uint32_t>(Codes(ds)) * 8u;
  const AgencyIndex* values = c.lead.values.data();
  const std::uint32_t* offsets = c.lead.multi_offset.data();
  SlowTaskClassifier slow(ds, as_of, options);
  std::uint8_t st[kBlock];
  std::uint32_t candidates[kBlock];
  std::size_t k = static_cast<std::size_t>(
      std::lower_bound(multi.begin(), multi.end(), static_cast<std::uint32_t>(begin)) -
      multi.begin());
  const auto code = [&](std::size_t i) {
    return static_cast<std::uint32_t>((first[i] + 1u) & 0xFFFFu);  // kNoAgency -> 0
  };
  for (std::size_t b = begin; b < end; b += kBlock) {
    const std::size_t m = std::min(kBlock, end - b);
    const std::int32_t* a = assigned + b;
    const std::int32_t* u = due + b;
    const std::int32_t* q = completed + b;
    for (std::size_t j = 0; j < m; ++j) {
      const std::uint8_t s = FastStatus(u[j], q[j], r.d, r.soon_end);
      st[j] = ((a[j] >= r.lo) & (a[j] <= r.hi)) ? s : kSkip;
    }
    const AgencyIndex* f = first + b;
    std::size_t j = 0;
    for (; j + 4 <= m; j += 4) {
      ++t0[((f[j] + 1u) & 0xFFFFu) * 8u + st[j]];
      ++t1[((f[j + 1] + 1u) & 0xFFFFu) * 8u + st[j + 1]];
      ++t2[((f[j + 2] + 1u) & 0xFFFFu) * 8u + st[j + 2]];
      ++t3[((f[j + 3] + 1u) & 0xFFFFu) * 8u + st[j + 3]];
    }
    for (; j < m; ++j) ++t0[((f[j] + 1u) & 0xFFFFu) * 8u + st[j]];
    // Tasks the fast rule may misjudge: recorded without a branch, judged one by one.
    std::size_t n = 0;
    const std::uint8_t* fl = flags + b;
    for (j = 0; j < m; ++j) {
      candidates[n] = static_cast<std::uint32_t>(j);
      n += (fl[j] & kMaybeSlowFlags) != 0;
    }
    for (std::size_t x = 0; x < n; ++x) {
      const std::size_t jj = candidates[x], i = b + jj;
      if (!NeedsFullRules(flags[i], c.kind[i])) continue;
      const std::uint8_t s = slow.Status(static_cast<TaskIndex>(i));
      const std::uint8_t now =
          s == kNotYetAssigned || !((assigned[i] >= r.lo) & (assigned[i] <= r.hi)) ? kSkip : s;
      if (now == st[jj]) continue;
      --t0[code(i) * 8u + st[jj]];
      ++t0[code(i) * 8u + now];
      st[jj] = now;
    }
    // The other leads of the tasks that have several (the first is counted above); a skipped
    // task counts in the kSkip column, which is dropped at the end.
    for (; k < multi.size() && multi[k] < b + m; ++k) {
      const std::uint32_t s = st[multi[k] - b];
      const AgencyIndex* v = values + offsets[k];
      const std::uint32_t size = offsets[k + 1] - offsets[k];  // >= 2
      const std::uint32_t last = size - 1;
      const std::uint32_t l2 = std::min(2u, last), l3 = std::min(3u, last);
      ++te[(v[1] + 1u) * 8u + s];
      ++te[(size > 2 ? (v[l2] + 1u) * 8u : spare) + s];
      ++te[(size > 3 ? (v[l3] + 1u) * 8u : spare) + s];
      for (std::uint32_t l = 4; l < size; ++l) ++te[(v[l] + 1u) * 8u + s];
    }
  }
}

}  // namespace

bool LeadStatusKernelFits(const Dataset& ds) {
  return Slots(ds) * (kTables + 1) * sizeof(std::uint32_t) <= (std::size_t{512} << 10);
}

LeadStatusCounts CountLeadStatus(const Dataset& ds, Day as_of, const ClassifyOptions& options,
                                 bool window, std::int32_t lo, std::int32_t hi, int threads) {
  const std::size_t n = ds.task_count();
  const std::int32_t d = ToEpochDays(as_of);
  // kNoDay (no assignment day) is always assigned, but never inside a window.
  Range r{d, SoonEnd(d, options.soon_days), window ? lo : kNoDay, window ? std::min(hi, d) : d};
  if (threads <= 0)
    threads = n >= kParallelFrom && std::thread::hardware_concurrency() >= 2 ? 2 : 1;
  const std::size_t parts = std::max<std::size_t>(
      1, std::min<std::size_t>({static_cast<std::size_t>(threads), 64, n / kBlock + 1}));
  const std::size_t slots = Slots(ds);
  std::vector<std::vector<std::uint32_t>> tables(parts);
  const auto work = [&](std::size_t p) {
    tables[p].assign((kTables + 1) * slots, 0u);
    const std::size_t b = n * p / parts, e = n * (p + 1) / parts;
    CountBlocks(ds, as_of, options, r, b, e, tables[p].data());
  };
  std::vector<std::thread> pool;
  for (std::size_t p = 1; p < parts; ++p) pool.emplace_back(work, p);
  work(0);
  for (auto& t : pool) t.join();

  // The first-lead tables count each task once (the totals); the fifth adds the other leads.
  LeadStatusCounts out;
  const std::size_t kept = Codes(ds) * 8;  // without the spare row
  out.by.assign(kept, 0u);
  for (std::size_t p = 0; p < parts; ++p) {
    for (std::size_t t = 0; t < kTables; ++t) {
      const std::uint32_t* table = tables[p].data() + t * slots;
      for (std::size_t x = 0; x < kept; ++x) out.by[x] += table[x];  // wraps back exactly
    }
  }
  for (std::size_t x = 0; x < kept; ++x) out.totals[x % 8] += out.by[x];
  for (std::size_t p = 0; p < parts; ++p) {
    const std::uint32_t* table = tables[p].data() + kTables * slots;
    for (std::size_t x = 0; x < kept; ++x) out.by[x] += table[x];
  }
  for (std::size_t x = kSkip; x < kept; x += 8) out.by[x] = 0;
  out.totals[kSkip] = 0;
  return out;
}

}  // namespace mandate::internal
