// The task table: a spreadsheet's rows of cells read as tasks, shared by the CSV reader
// (src/dataset_csv.cpp) and the .xlsx reader (src/dataset_xlsx.cpp) so that both accept the
// same header names (English or Vietnamese, docs/dataset-format.md) and treat a bad cell the
// same way: the task loads with what could be read and the problem names the cell.
#ifndef MANDATE_SRC_TASK_TABLE_H
#define MANDATE_SRC_TASK_TABLE_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "mandate/absl_compat.h"
#include "mandate/agency_registry.h"
#include "mandate/civil_day.h"
#include "mandate/dataset.h"
#include "mandate/load_problem.h"
#include "mandate/task.h"

namespace mandate::internal {

enum Column : int {
  kId,
  kTitle,
  kLead,
  kCoordinators,
  kCategory,
  kSource,
  kAssigned,
  kDeadline,
  kCompleted,
  kProgress,
  kNote,
  kExpectedResult,
  kPartners,
  kColumnCount,
  kAttribute = -1,
};
inline constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "id",       "title",     "lead",     "coordinators", "category",        "source",  "assigned",
    "deadline", "completed", "progress", "note",         "expected_result", "partners"};
inline constexpr int kRequiredColumns = kCompleted + 1;  // id .. completed

// The column a header cell names, through the table of accepted spellings (compared after
// NormalizeKey, so "Cơ quan chủ trì" and "CO QUAN CHU TRI" are the same name).
std::optional<Column> ColumnOf(std::string_view header);

std::string_view TrimBlanks(std::string_view s);
// YYYY-MM-DD, DD/MM/YYYY or an Excel serial day (1900 system).
absl::StatusOr<Day> ParseDayOrSerial(std::string_view v);

// Collects problems up to a limit, counting the rest.
class ProblemSink {
 public:
  ProblemSink(std::vector<LoadProblem>& out, std::size_t max) : out_(out), max_(max) {}
  void Add(std::string record, std::string field, std::string message);
  std::size_t count() const { return count_; }
  void Finish();  // one final problem counting those not listed

 private:
  std::vector<LoadProblem>& out_;
  std::size_t max_;
  std::size_t count_ = 0;
};

// Where a problem is: "line 12" for CSV, "'Kế hoạch'!C17" for a workbook.
class CellLocator {
 public:
  virtual ~CellLocator() = default;
  // row: the record's line or row number (1-based); column: 0-based, -1 for the whole row.
  virtual std::string Where(std::size_t row, int column) const = 0;
};

// The header row mapped: each known column once; repeats and unknown columns become
// attributes.
struct TableHeader {
  std::vector<std::string> names;       // trimmed; "column N" for an empty one
  std::vector<int> role;                // per column: a Column, or kAttribute
  std::array<int, kColumnCount> where;  // per Column: its position, or -1

  // 1-based, as CsvError counts.
  std::string ColumnName(std::size_t column) const;
  std::string NameOf(Column c) const { return where[c] >= 0 ? names[where[c]] : ""; }
};

// Maps the names; a repeated column or a missing required one is a problem (record
// `header_record`). Fails when there is no id column (`how_split` says how the names were
// read, for the message). `groups_give_category`: a workbook's group headings give the
// category, so no category column is required.
absl::StatusOr<TableHeader> MapHeader(std::vector<std::string> names,
                                      const std::string& header_record, std::string_view how_split,
                                      ProblemSink& sink, bool groups_give_category = false);

struct TableRowOptions {
  std::optional<int> plan_year;
  std::optional<Day> as_of;
  bool unguard_formulas = true;  // CSV: undo the export's "'=" guard; a workbook has none
};

// One row of cells; cells past the row's end read as empty.
struct TableRow {
  std::span<const std::string_view> cells;
  std::size_t number = 0;           // line (CSV) or row (workbook), for problems
  std::string_view group_category;  // the group heading above the row (workbook), if any
};

// A row read into a task without touching the dataset: what one thread of a parallel load
// prepares (src/dataset_csv.cpp), committed later in file order by TaskRowCommitter. Reused
// from row to row (the strings keep their capacity).
struct PreparedRow {
  struct Problem {
    std::size_t number = 0;  // the row's line or row number, before the chunk's base
    int column = -1;
    std::string field, message;
  };
  enum class Kind : std::uint8_t { kBlank, kSkipped, kTask };
  Kind kind = Kind::kBlank;
  std::size_t number = 0;
  Task task;
  std::vector<AgencyIndex> lead, coordinators;
  // The deadline: a parse shared through the parser's store (alive as long as the parser),
  // or one of this row alone (`own`), for phrases that are not cached.
  const Deadline* deadline = nullptr;
  Deadline own;
  std::vector<Problem> problems;
  std::size_t problems_before_id = 0;  // these come before the duplicate-id check
};

// Reads rows into PreparedRows: cells split, agency names resolved, dates and deadline
// phrases parsed, each distinct agency cell and phrase once (per parser). Reads the registry
// only: one parser per thread, several may run at once.
class TaskRowParser {
 public:
  TaskRowParser(const TableRowOptions& options, const TableHeader& header,
                const AgencyRegistry& registry);
  ~TaskRowParser();
  void Parse(const TableRow& row, PreparedRow& out);

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// Appends prepared rows to the dataset in file order: the duplicate-id check, the deadline
// interned, AddTask, and every problem in the order a row-by-row read gives it.
class TaskRowCommitter {
 public:
  TaskRowCommitter(const TableHeader& header, const CellLocator& where, Dataset& ds,
                   ProblemSink& problems);
  ~TaskRowCommitter();
  // base: added to the row's numbers (a chunk's first line - 1).
  void Commit(const PreparedRow& row, std::size_t base = 0);
  // A problem about the whole row (a malformed CSV record).
  void RowProblem(std::size_t number, int column, std::string message);

 private:
  void Add(std::size_t number, int column, std::string field, std::string message);
  const TableHeader& h_;
  const CellLocator& loc_;
  Dataset& ds_;
  ProblemSink& problems_;
  absl::flat_hash_map<const Deadline*, std::uint32_t> deadline_ids_;
  std::vector<std::uint32_t> number_of_;  // by TaskIndex: for "duplicate of line N"
};

// Parse + Commit, one row at a time (the .xlsx reader, small CSV files).
class TaskRowReader {
 public:
  TaskRowReader(const TableRowOptions& options, const TableHeader& header, const CellLocator& where,
                Dataset& ds, ProblemSink& problems);
  ~TaskRowReader();
  // One data row: a task added, or problems saying why the row was skipped.
  void Read(const TableRow& row);
  // A problem about the whole row (a malformed CSV record).
  void RowProblem(std::size_t number, int column, std::string message);

 private:
  TaskRowParser parser_;
  TaskRowCommitter committer_;
  PreparedRow row_;
};

}  // namespace mandate::internal

#endif
