// The naive loop: the fast status arithmetic with a branchy count per (lead, status), one
// thread, what a straightforward implementation costs. It is a reference, NOT a floor (issue
// 20: its mispredicted branches and counter chain cost far more than reading the bytes; the
// floor is stream_floor.h). Used by mandate_benchtool (naive_loop_ms) and BM_NaiveLoop.
#ifndef MANDATE_BENCH_NAIVE_LOOP_H
#define MANDATE_BENCH_NAIVE_LOOP_H

#include <cstdint>

#include "mandate/dataset.h"

namespace mandate::bench {

// by: (agency + 1) * 8 + status (agency code 0 = no lead); totals: per status. Tasks assigned
// outside lo..hi are skipped.
inline void NaiveLoop(const TaskColumns& c, std::int32_t d, std::int32_t soon_end, std::int32_t lo,
                      std::int32_t hi, std::uint32_t* by, std::uint32_t* totals) {
  const std::int32_t* assigned = c.assigned.data();
  const std::int32_t* due = c.due.data();
  const std::int32_t* completed = c.completed.data();
  const std::size_t n = c.assigned.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t a = assigned[i], u = due[i], k = completed[i];
    if (a < lo || a > hi) continue;
    const bool has_due = u != kNoDay;
    const bool done = (k != kNoDay) & (k <= d);
    const unsigned s = done ? ((!has_due | (k <= u)) ? 0u : 1u)
                            : (!has_due        ? 4u
                               : u < d         ? 2u
                               : u <= soon_end ? 3u
                                               : 4u);
    ++totals[s];
    for (AgencyIndex lead : c.leads(static_cast<std::uint32_t>(i))) ++by[(lead + 1u) * 8u + s];
  }
}

}  // namespace mandate::bench

#endif
