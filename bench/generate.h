// The national-scale workload of bench/README.md: N synthetic tasks shaped like the seed plan,
// deterministic for a seed. One task at a time (no N-sized buffer), so 10^7 tasks stream to a
// CSV file or straight into a Dataset.
//
// Shape: the first 60 agencies of the bundled registry with Zipf weights (agency k gets
// 1/(k+1): five agencies lead half the tasks), 10% of tasks with 2-4 leads, 12 categories,
// 40 source documents, assignment over the two years ending on the as-of day, deadline
// phrases as the seed writes them ("Tháng 9/2025", "2025", "Quý IV", "Trước ngày 20/12/2025",
// "Thường xuyên", "Hằng tháng", ...), ~45% completed by the as-of day (~30% of those late),
// 1% with a deadline change.
#ifndef MANDATE_BENCH_GENERATE_H
#define MANDATE_BENCH_GENERATE_H

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "mandate/civil_day.h"
#include "mandate/dataset.h"
#include "mandate/deadline_cache.h"

namespace mandate::bench {

inline const Day kDefaultAsOf = date::year{2025} / 9 / 23;

struct GenOptions {
  std::size_t n = 1000;
  std::uint64_t seed = 57;
  Day as_of = kDefaultAsOf;  // assignments fall in the two years ending here
  std::size_t agencies = 60;
};

// How the SQL engines classify a task (bench/README.md): 'F' one fixed due day (or none),
// 'R' recurring with no reports: overdue once the first occurrence is past.
struct GenTask {
  std::uint64_t index = 0;
  std::string id;  // "T0000042"
  std::string title;
  std::vector<AgencyIndex> leads;  // distinct, in draw order
  std::string lead_text;           // the agencies' names joined by ", "
  std::string coordinators_text;
  std::uint8_t category = 0;  // 0..11
  std::uint8_t source = 0;    // 0..39
  Day assigned{};
  std::string deadline_text;  // the original phrase
  Deadline deadline;          // its parse (plan year = the assignment year)
  // A deadline change: the new phrase, its parse and the day of the change (<= as_of).
  std::optional<Day> change_day;
  std::string new_deadline_text;
  Deadline new_deadline;
  std::optional<Day> completed;  // <= as_of
  // Pre-resolved for SQL: the due day in force ('F') or, for a recurring deadline ('R'), the
  // next occurrence on or after the as-of day (no report is generated: not overdue, no data).
  char rule = 'F';
  std::optional<Day> due;
};

class Generator {
 public:
  explicit Generator(const GenOptions& options);
  // The next task; false after n.
  bool Next(GenTask& t);
  const GenOptions& options() const { return opt_; }
  static const std::vector<std::string>& Categories();
  static const std::vector<std::string>& Sources();

 private:
  std::uint64_t Rand();
  int Below(int n);
  AgencyIndex PickAgency();
  void MakeDeadline(GenTask& t);

  GenOptions opt_;
  const AgencyRegistry& reg_;
  std::vector<double> cumulative_;
  std::uint64_t state_;
  std::uint64_t next_ = 0;
  DeadlineCache cache_;
};

// The task as the engine takes it (history: the deadline change, the completion).
Task ToTask(const GenTask& g);
// Builds the dataset directly (no CSV): what the query benchmarks run on.
absl::StatusOr<Dataset> GenerateDataset(const GenOptions& options);
// GenerateDataset({.n = n}) built once per n for the whole process (benchmarks share it).
const Dataset& SharedDataset(std::size_t n);

// The project CSV (docs/dataset-format.md): id,title,lead,coordinators,category,source,
// assigned,deadline,completed,note. The deadline cell is the deadline in force (the format
// keeps no history); the original phrase of a changed deadline goes in the note.
void WriteCsvHeader(std::ostream& out);
void WriteCsvRow(std::ostream& out, const GenTask& t);
// The same tasks for the SQL engines, pre-resolved: id,assigned,due,completed,rule,
// lead1..lead4 (ISO days, agency ids; empty = NULL).
void WriteSqlHeader(std::ostream& out);
void WriteSqlRow(std::ostream& out, const GenTask& t, const AgencyRegistry& reg);

}  // namespace mandate::bench

#endif
