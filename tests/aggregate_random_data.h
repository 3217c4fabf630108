// A deterministic random dataset for the property tests (merge == whole, incremental ==
// recompute): several leads and coordinators, categories at two levels, sources, and every
// kind of history event (completion, reopening, deadline change, cancellation).
#ifndef MANDATE_TESTS_AGGREGATE_RANDOM_DATA_H
#define MANDATE_TESTS_AGGREGATE_RANDOM_DATA_H

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "aggregate_test_data.h"
#include "mandate/aggregate.h"

namespace mandate::testdata {

inline const char* const kRandomAgencies[] = {"BKHCN", "BTC", "BCA", "BGDDT", "BNNMT",
                                              "BYT",   "HNI", "HCM", "DNG",   "VPCP"};

inline Task RandomTask(std::mt19937& rng, int n) {
  const auto pick = [&](int k) { return static_cast<int>(rng() % static_cast<unsigned>(k)); };
  const Day base = D(2025, 1, 1);
  const Day assigned = base + date::days{pick(300)};
  const Day due = assigned + date::days{pick(200) - 20};
  std::optional<Day> done;
  if (pick(2) == 0) done = assigned + date::days{pick(250)};
  const std::string category =
      "Nhóm " + std::to_string(pick(4)) + " / Mục " + std::to_string(pick(3));
  const std::string source = pick(5) == 0 ? "" : "TB-" + std::to_string(pick(6));
  std::vector<std::string> lead, coord;
  const int leads = pick(10) == 0 ? 0 : (pick(5) == 0 ? 2 + pick(3) : 1);
  for (int k = 0; k < leads; ++k) lead.push_back(kRandomAgencies[pick(10)]);
  for (int k = pick(3); k > 0; --k) coord.push_back(kRandomAgencies[pick(10)]);
  std::sort(lead.begin(), lead.end());
  lead.erase(std::unique(lead.begin(), lead.end()), lead.end());
  std::sort(coord.begin(), coord.end());
  coord.erase(std::unique(coord.begin(), coord.end()), coord.end());
  const DeadlineKind kinds[] = {DeadlineKind::kDate, DeadlineKind::kMonth, DeadlineKind::kQuarter,
                                DeadlineKind::kYear};
  Task t = MakeTask("R" + std::to_string(n), lead, coord, assigned, due, done,
                    pick(8) == 0 ? "" : category, source, kinds[pick(4)]);
  if (pick(6) == 0) {
    t.history.push_back(
        TaskEvent{.day = assigned + date::days{pick(100)},
                  .type = EventType::kDeadlineChanged,
                  .new_deadline = DueOn(DeadlineKind::kDate, due + date::days{30 + pick(60)})});
  }
  if (done && pick(8) == 0) {
    t.history.push_back(
        TaskEvent{.day = *done + date::days{1 + pick(20)}, .type = EventType::kReopened});
  }
  if (pick(15) == 0) {
    t.history.push_back(
        TaskEvent{.day = assigned + date::days{pick(150)}, .type = EventType::kCancelled});
  }
  return t;
}

inline std::unique_ptr<Dataset> RandomDataset(int n, unsigned seed) {
  std::mt19937 rng(seed);
  auto ds = std::make_unique<Dataset>();
  for (int i = 0; i < n; ++i) {
    auto r = ds->AddTask(RandomTask(rng, i));
    EXPECT_TRUE(r.ok()) << r.status();
  }
  return ds;
}

// Queries that cover the dense and the hashed paths, every dimension and every window.
inline std::vector<AggregateQuery> PropertyQueries(Day as_of) {
  return {
      {.as_of = as_of, .by = {Dimension::kLead, Dimension::kStatus}},
      {.as_of = as_of, .by = {Dimension::kLead}},
      {.as_of = as_of, .by = {Dimension::kCategory, Dimension::kSource}, .category_level = 1},
      {.as_of = as_of,
       .by = {Dimension::kAgencyKind, Dimension::kCoordinator, Dimension::kDeadlineKind},
       .include_coordinators = true},
      {.as_of = as_of,
       .by = {Dimension::kDueMonth, Dimension::kLead, Dimension::kStatus},
       .assigned = {D(2025, 2, 1), D(2025, 8, 31)}},
      {.as_of = as_of,
       .by = {Dimension::kAssignedMonth, Dimension::kCategory},
       .completed = {D(2025, 3, 1), std::nullopt}},
      {.as_of = as_of,
       .by = {Dimension::kStatus, Dimension::kLead, Dimension::kCoordinator, Dimension::kAgencyKind,
              Dimension::kCategory, Dimension::kSource, Dimension::kDueMonth,
              Dimension::kAssignedMonth, Dimension::kDeadlineKind},
       .due = {D(2025, 4, 1), D(2025, 12, 31)}},
  };
}

}  // namespace mandate::testdata

#endif
