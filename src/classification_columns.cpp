// ClassifyAll: one pass over the task columns. A task whose flags say its status cannot
// depend on anything but (assigned, due, completed) takes a branch-light loop that the
// compiler can vectorise; cancelled, rescheduled, reopened and recurring tasks, and
// open_ended tasks with a history, fall back to the full rules (slow_task_classifier.h, the
// engine of ClassifyTask), so both always agree.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <thread>

#include "mandate/classification.h"
#include "slow_task_classifier.h"

namespace mandate {
namespace {

constexpr std::size_t kParallelFrom = 262144;

void FastRange(const TaskColumns& c, std::size_t begin, std::size_t end, std::int32_t d,
               std::int32_t soon_end, std::uint8_t* out) {
  const std::int32_t* assigned = c.assigned.data();
  const std::int32_t* due = c.due.data();
  const std::int32_t* completed = c.completed.data();
  for (std::size_t i = begin; i < end; ++i) {
    const std::uint8_t s = internal::FastStatus(due[i], completed[i], d, soon_end);
    out[i] = assigned[i] <= d ? s : kNotYetAssigned;
  }
}

void SlowRange(const Dataset& ds, std::size_t begin, std::size_t end, Day as_of,
               const ClassifyOptions& options, std::uint8_t* out) {
  const std::uint8_t* flags = ds.columns().flags.data();
  const std::uint8_t* kind = ds.columns().kind.data();
  internal::SlowTaskClassifier slow(ds, as_of, options);
  for (std::size_t i = begin; i < end; ++i) {
    if (!(flags[i] & internal::kMaybeSlowFlags) || !internal::NeedsFullRules(flags[i], kind[i])) {
      continue;
    }
    out[i] = slow.Status(static_cast<TaskIndex>(i));
  }
}

void Range(const Dataset& ds, std::size_t begin, std::size_t end, Day as_of,
           const ClassifyOptions& options, std::uint8_t* out) {
  const std::int32_t d = ToEpochDays(as_of);
  FastRange(ds.columns(), begin, end, d, internal::SoonEnd(d, options.soon_days), out);
  SlowRange(ds, begin, end, as_of, options, out);
}

}  // namespace

void ClassifyAll(const Dataset& ds, Day as_of, const ClassifyOptions& options,
                 std::vector<std::uint8_t>& out) {
  const std::size_t n = ds.task_count();
  out.resize(n);
  int threads = options.threads;
  if (threads <= 0) {
    threads = n >= kParallelFrom && std::thread::hardware_concurrency() >= 2 ? 2 : 1;
  }
  threads = static_cast<int>(std::min<std::size_t>({static_cast<std::size_t>(threads), 64, n}));
  if (threads <= 1) {
    Range(ds, 0, n, as_of, options, out.data());
    return;
  }
  // Contiguous chunks; the columns are read-only and each thread writes its own bytes.
  std::vector<std::thread> workers;
  workers.reserve(static_cast<std::size_t>(threads) - 1);
  const std::size_t chunk = n / static_cast<std::size_t>(threads);
  for (int t = 1; t < threads; ++t) {
    const std::size_t b = chunk * static_cast<std::size_t>(t);
    const std::size_t e = t + 1 == threads ? n : b + chunk;
    workers.emplace_back([&, b, e] { Range(ds, b, e, as_of, options, out.data()); });
  }
  Range(ds, 0, chunk, as_of, options, out.data());
  for (auto& w : workers) w.join();
}

}  // namespace mandate
