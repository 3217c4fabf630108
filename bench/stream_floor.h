// The streaming floor of query 1: the time to read, on every core, exactly the bytes the query
// reads (the assigned, due and completed int32 day columns, the uint8 flags, the uint16 first
// lead and the overflow lists of the tasks with several leads) and do nothing with them but a
// sum. No query over these columns can beat
// it on this machine, so benchmarks report each query as a multiple of it, measured in the
// same run. (The older "floor" loop did the status arithmetic with a branchy inner loop over
// the leads: it measured a naive implementation, not the memory system; issue 20.)
#ifndef MANDATE_BENCH_STREAM_FLOOR_H
#define MANDATE_BENCH_STREAM_FLOOR_H

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <thread>
#include <vector>

#include "mandate/dataset.h"

namespace mandate::bench {

struct StreamFloor {
  double seconds = 0;       // best of the repetitions
  std::uint64_t bytes = 0;  // bytes read per pass
  std::uint32_t sum = 0;    // the sum (kept so the reads cannot be optimised away)
  double gb_per_s() const { return seconds > 0 ? double(bytes) / seconds / 1e9 : 0; }
};

// Sum of the elements of [begin, end) of v (wrapping): a loop the compiler vectorises.
template <typename T>
std::uint32_t SumSlice(std::span<const T> v, std::size_t begin, std::size_t end) {
  std::uint32_t s = 0;
  for (std::size_t i = begin; i < end; ++i) s += static_cast<std::uint32_t>(v[i]);
  return s;
}

// One thread's share (part of parts) of every column.
inline std::uint32_t SumPart(const TaskColumns& c, unsigned part, unsigned parts) {
  const auto slice = [&](auto v) {
    const std::size_t n = v.size();
    return SumSlice(v, n * part / parts, n * (part + 1) / parts);
  };
  return slice(std::span<const std::int32_t>(c.assigned)) +
         slice(std::span<const std::int32_t>(c.due)) +
         slice(std::span<const std::int32_t>(c.completed)) +
         slice(std::span<const std::uint8_t>(c.flags)) +
         slice(std::span<const AgencyIndex>(c.lead.first)) +
         slice(std::span<const std::uint32_t>(c.lead.multi_task)) +
         slice(std::span<const std::uint32_t>(c.lead.multi_offset)) +
         slice(std::span<const AgencyIndex>(c.lead.values));
}

inline std::uint64_t StreamFloorBytes(const TaskColumns& c) {
  return (c.assigned.size() + c.due.size() + c.completed.size()) * sizeof(std::int32_t) +
         c.flags.size() + c.lead.first.size() * sizeof(AgencyIndex) +
         (c.lead.multi_task.size() + c.lead.multi_offset.size()) * sizeof(std::uint32_t) +
         c.lead.values.size() * sizeof(AgencyIndex);
}

// threads 0 = every core (std::thread::hardware_concurrency).
inline StreamFloor MeasureStreamFloor(const TaskColumns& c, unsigned threads = 0, int reps = 7) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  StreamFloor out;
  out.bytes = StreamFloorBytes(c);
  out.seconds = 1e300;
  std::vector<std::uint32_t> sums(threads);
  for (int r = 0; r < reps; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) {
      pool.emplace_back([&, t] { sums[t] = SumPart(c, t, threads); });
    }
    sums[0] = SumPart(c, 0, threads);
    for (auto& th : pool) th.join();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    out.seconds = std::min(out.seconds, s);
    out.sum = 0;
    for (auto v : sums) out.sum += v;
  }
  return out;
}

}  // namespace mandate::bench

#endif
