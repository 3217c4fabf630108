// A small hand-built dataset with known statuses as of 2025-09-23, shared by the aggregate
// tests. Every count the tests assert follows from this table:
//
//  id  leads        coord   assigned    due         done        category (level 2)        src kind
//  status 23/9 T1  BKHCN        -       2025-03-01  2025-06-30  2025-06-15  I. Thể chế / 1.1. Luật
//  S1  month  on time T2  BKHCN,BTC    -       2025-03-01  2025-06-30  2025-07-10  I. Thể chế
//  / 1.2. Nghị định S1 month  late T3  BTC          BKHCN   2025-04-01  2025-08-31  -           II.
//  Hạ tầng / 2.1. Số      S2  month  overdue T4  HNI          -       2025-08-01  2025-09-25  - II.
//  Hạ tầng / 2.1. Số      S2  date   due soon T5  BCA,HNI      BTC     2025-05-01  2025-12-31  -
//  II. Hạ tầng / 2.2. Dữ liệu S2  year   in progress T6  BCA          -       2025-05-01 2025-10-31
//  cancelled 2025-07-01 (same category)   S2  month  cancelled T7  BKHCN        -       2025-10-01
//  2025-12-31  -           I. Thể chế / 1.1. Luật     S1  month  not yet assigned T8  - -
//  2025-02-01  2025-09-01  -           (none)                     -   date   overdue
#ifndef MANDATE_TESTS_AGGREGATE_TEST_DATA_H
#define MANDATE_TESTS_AGGREGATE_TEST_DATA_H

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mandate/dataset.h"

namespace mandate::testdata {

inline Day D(int y, unsigned m, unsigned d) {
  return date::year{y} / static_cast<int>(m) / static_cast<int>(d);
}
inline const Day kAsOf = D(2025, 9, 23);

inline Deadline DueOn(DeadlineKind kind, Day due) {
  Deadline d;
  d.kind = kind;
  d.text = FormatIsoDay(due);
  d.due = due;
  return d;
}

inline Task MakeTask(std::string id, std::vector<std::string> lead, std::vector<std::string> coord,
                     Day assigned, Day due, std::optional<Day> done, std::string category,
                     std::string source, DeadlineKind kind = DeadlineKind::kMonth) {
  Task t;
  t.id = std::move(id);
  t.title = "Nhiệm vụ " + t.id;
  t.lead = std::move(lead);
  t.coordinators = std::move(coord);
  t.category = std::move(category);
  if (!source.empty()) t.sources = {std::move(source)};
  t.deadline = DueOn(kind, due);
  t.assigned = assigned;
  if (done) t.history.push_back(TaskEvent{.day = *done, .type = EventType::kCompleted});
  return t;
}

inline std::unique_ptr<Dataset> SmallDataset() {
  auto ds = std::make_unique<Dataset>();
  const std::string law = "I. Thể chế / 1.1. Luật", decree = "I. Thể chế / 1.2. Nghị định",
                    digital = "II. Hạ tầng / 2.1. Số", data = "II. Hạ tầng / 2.2. Dữ liệu";
  std::vector<Task> tasks = {
      MakeTask("T1", {"BKHCN"}, {}, D(2025, 3, 1), D(2025, 6, 30), D(2025, 6, 15), law, "S1"),
      MakeTask("T2", {"BKHCN", "BTC"}, {}, D(2025, 3, 1), D(2025, 6, 30), D(2025, 7, 10), decree,
               "S1"),
      MakeTask("T3", {"BTC"}, {"BKHCN"}, D(2025, 4, 1), D(2025, 8, 31), std::nullopt, digital,
               "S2"),
      MakeTask("T4", {"HNI"}, {}, D(2025, 8, 1), D(2025, 9, 25), std::nullopt, digital, "S2",
               DeadlineKind::kDate),
      MakeTask("T5", {"BCA", "HNI"}, {"BTC"}, D(2025, 5, 1), D(2025, 12, 31), std::nullopt, data,
               "S2", DeadlineKind::kYear),
      MakeTask("T6", {"BCA"}, {}, D(2025, 5, 1), D(2025, 10, 31), std::nullopt, data, "S2"),
      MakeTask("T7", {"BKHCN"}, {}, D(2025, 10, 1), D(2025, 12, 31), std::nullopt, law, "S1"),
      MakeTask("T8", {}, {}, D(2025, 2, 1), D(2025, 9, 1), std::nullopt, "", "",
               DeadlineKind::kDate),
  };
  tasks[5].history.push_back(TaskEvent{.day = D(2025, 7, 1), .type = EventType::kCancelled});
  for (const Task& t : tasks) {
    auto r = ds->AddTask(t);
    EXPECT_TRUE(r.ok()) << r.status();
  }
  return ds;
}

}  // namespace mandate::testdata

#endif
