// A Dataset owns every task, target, goal and source document of a monitoring programme.
// Tasks are stored column by column (small integer ids, interned strings, day numbers) so
// that millions fit in memory and the status/aggregation engine reads them in one pass;
// GetTask() materialises one task as a value when a caller needs it whole.
#ifndef MANDATE_DATASET_H
#define MANDATE_DATASET_H

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/status/statusor.h"
#include "mandate/agency_list_column.h"
#include "mandate/agency_registry.h"
#include "mandate/column.h"
#include "mandate/deadline.h"
#include "mandate/index_column.h"
#include "mandate/sparse_column.h"
#include "mandate/string_pool.h"
#include "mandate/target.h"
#include "mandate/task.h"

namespace mandate {

using TaskIndex = std::uint32_t;
// A day column's "no day" (no assignment date, no due day, not completed).
inline constexpr std::int32_t kNoDay = std::numeric_limits<std::int32_t>::min();

// Per-task flags in TaskColumns::flags.
enum TaskFlag : std::uint8_t {
  kTaskHasHistory = 1 << 0,        // at least one event: as-of days before the last need a fold
  kTaskCancelled = 1 << 1,         // cancelled at some day
  kTaskDeadlineChanged = 1 << 2,   // the deadline in force depends on the as-of day
  kTaskReopened = 1 << 3,          // completion depends on the as-of day beyond one day
  kTaskRecurring = 1 << 4,         // obligations recur: compliance is judged per occurrence
  kTaskMilestones = 1 << 5,        // multi or open_ended: milestone rules apply
  kTaskMultiLead = 1 << 6,         // several lead agencies (TaskColumns::lead's overflow)
  kTaskMultiCoordinator = 1 << 7,  // several coordinating agencies
};
// The flags that say nothing about the task's status.
inline constexpr std::uint8_t kTaskAgencyFlags = kTaskMultiLead | kTaskMultiCoordinator;

// The classified fields, one entry per task (index = TaskIndex). Day columns hold
// ToEpochDays() or kNoDay. Agency lists keep the first agency inline (agency_list_column.h):
// task i's leads are leads(i), sorted and unique.
struct TaskColumns {
  Column<std::int32_t> assigned;
  Column<std::int32_t> due;        // EffectiveDue of the latest deadline (after changes)
  Column<std::int32_t> completed;  // completion day in the latest state
  Column<std::uint8_t> kind;       // DeadlineKind of the latest deadline
  Column<std::uint8_t> flags;      // TaskFlag bits
  Column<std::uint16_t> category;  // index into Dataset::categories()
  Column<std::uint16_t> source;    // index into Dataset::sources() (first source)
  AgencyListColumn lead;
  AgencyListColumn coordinator;

  std::span<const AgencyIndex> leads(std::uint32_t i) const {
    return lead.Of(i, (flags[i] & kTaskMultiLead) != 0);
  }
  std::span<const AgencyIndex> coordinators(std::uint32_t i) const {
    return coordinator.Of(i, (flags[i] & kTaskMultiCoordinator) != 0);
  }
};

// Limits that protect against hostile input; documented defaults.
struct DatasetLimits {
  std::size_t max_id_bytes = 256;
  std::size_t max_text_bytes = 1 << 20;  // any one text field
  std::size_t max_agencies_per_task = 512;
  std::size_t max_events_per_task = 100000;
};

class Dataset {
 public:
  // registry: the agency registry ids are checked against; null = AgencyRegistry::Bundled().
  explicit Dataset(std::shared_ptr<const AgencyRegistry> registry = nullptr,
                   DatasetLimits limits = {});

  const AgencyRegistry& registry() const { return *registry_; }
  std::shared_ptr<const AgencyRegistry> shared_registry() const { return registry_; }
  const DatasetLimits& limits() const { return limits_; }

  // --- tasks ---
  // Validates and appends; errors name the task and the field ("task \"X\": lead: unknown
  // agency id \"Q\""). Nothing is stored on error.
  absl::StatusOr<TaskIndex> AddTask(const Task& task);
  // Bulk loading (the CSV reader): the same, with the agency lists already resolved to
  // registry indexes and the deadline already interned (InternDeadline), so a million rows
  // do not resolve the same names and key the same phrases a million times. task.lead,
  // task.coordinators and task.deadline are not read.
  struct Resolved {
    std::span<const AgencyIndex> lead, coordinators;  // any order, duplicates allowed
    std::uint32_t deadline = 0;                       // from InternDeadline
    bool utf8_checked = false;  // every text of the task is known to be valid UTF-8
    bool id_checked = false;    // the caller found no task with this id (FindTask)
  };
  absl::StatusOr<TaskIndex> AddTask(const Task& task, const Resolved& resolved);
  // The id of an equal deadline stored once for all the tasks that have it.
  std::uint32_t InternDeadline(const Deadline& d);
  // Appends an event to a task's history (kept in day order, stable for equal days).
  absl::Status AddEvent(TaskIndex task, const TaskEvent& event);

  // Room for n tasks in all, so a bulk load does not grow every column step by step.
  void Reserve(std::size_t n);
  // Gives back what a bulk load reserved and did not use (the CSV reader's estimate of the
  // row count): a copy of each column, a few milliseconds per million tasks.
  void ShrinkToFit();
  std::size_t task_count() const { return ids_->size(); }
  std::optional<TaskIndex> FindTask(std::string_view id) const;
  Task GetTask(TaskIndex i) const;
  std::string_view task_id(TaskIndex i) const { return (*ids_)[i]; }
  std::string_view task_title(TaskIndex i) const { return titles_[i]; }
  const Deadline& original_deadline(TaskIndex i) const { return deadlines_[deadline_[i]]; }
  // Its id: tasks with equal original deadlines (InternDeadline) share it.
  std::uint32_t original_deadline_id(TaskIndex i) const { return deadline_[i]; }
  // By value: a history that is one plain completion (the CSV case, ~half the tasks) is kept
  // as the completed column alone, not as an event. Keep the vector alive while a TaskState
  // folded from it is used (it points into it).
  std::vector<TaskEvent> history(TaskIndex i) const;
  // The same without allocating: the stored history, or scratch filled with the completion
  // (scratch keeps its capacity from call to call). Valid until scratch or the task changes.
  const std::vector<TaskEvent>& HistoryRef(TaskIndex i, std::vector<TaskEvent>& scratch) const;
  std::optional<Day> assigned(TaskIndex i) const;
  // Whether task i has any rare field stored (partners, several sources, attributes, a
  // history beyond one plain completion, its own occurrence_reports_tracked): without one, its
  // history is at most the completed column and its tracking the dataset's (one probe).
  bool has_rare_fields(TaskIndex i) const { return extra_.contains(i); }
  // Task::occurrence_reports_tracked of task i (unset for most tasks).
  std::optional<bool> occurrence_reports_tracked(TaskIndex i) const;
  // The dataset's default for Task::occurrence_reports_tracked (classification.h); unset =
  // tracked only for a task whose history holds a report.
  std::optional<bool> occurrence_reports_tracked() const { return reports_tracked_; }
  void set_occurrence_reports_tracked(std::optional<bool> v) { reports_tracked_ = v; }

  const TaskColumns& columns() const { return columns_; }
  // Dictionaries for TaskColumns::category / source; entry 0 is "" (none). Codes are 16-bit
  // (a task's columns stay small): at most 65,535 distinct values each, the task past that
  // is refused naming the field (documented in docs/dataset-format.md and SECURITY.md).
  const std::vector<std::string>& categories() const { return categories_; }
  const std::vector<std::string>& sources() const { return sources_; }

  // --- targets, goals, source documents ---
  absl::Status AddTarget(const Target& target);
  absl::Status AddMeasurement(std::string_view target_id, const Measurement& m);
  const std::vector<Target>& targets() const { return targets_; }
  const Target* FindTarget(std::string_view id) const;
  absl::Status AddGoal(const Goal& goal);
  const std::vector<Goal>& goals() const { return goals_; }
  absl::Status AddDocument(const SourceDocument& doc);
  const std::vector<SourceDocument>& documents() const { return documents_; }

  // Approximate heap bytes held, for the memory-per-task figures.
  std::size_t MemoryBytes() const;

 private:
  friend class SnapshotCodec;  // the binary snapshot reads and fills the columns
                               // (dataset_snapshot.cpp)

  struct Extra {  // rare fields, only for tasks that have them
    std::vector<std::string> partners;
    std::vector<std::string> sources;  // all sources when more than one
    std::vector<std::pair<std::string, std::string>> attributes;
    std::vector<TaskEvent> history;
    std::optional<bool> reports_tracked;  // Task::occurrence_reports_tracked
  };

  absl::Status ValidateTask(const Task& task, bool check_utf8 = true,
                            bool check_duplicate = true) const;
  absl::Status ValidateEvent(std::string_view task_id, const TaskEvent& event) const;
  absl::StatusOr<std::vector<AgencyIndex>> ResolveIds(std::string_view task_id,
                                                      std::string_view field,
                                                      const std::vector<std::string>& ids) const;
  absl::StatusOr<TaskIndex> Append(const Task& task, std::vector<AgencyIndex> lead,
                                   std::vector<AgencyIndex> coord, std::uint32_t deadline);
  std::uint16_t InternDictionary(std::vector<std::string>& dict,
                                 absl::flat_hash_map<std::string, std::uint16_t>& index,
                                 std::string_view value);
  void Rederive(TaskIndex i);  // recomputes the derived columns from the history
  void FoldAppended(TaskIndex i, const TaskEvent& e);  // the same for one event at the end
  void SetDeadlineColumns(TaskIndex i, const Deadline& current);  // kind, due, flags
  // Whether text is what GetTask rebuilds from the registry for list (names joined by ", "),
  // so the cell needs no storage of its own.
  bool IsDerivedText(std::string_view text, std::span<const AgencyIndex> list) const;
  std::string DerivedText(std::span<const AgencyIndex> list) const;
  void IndexIdsByHash();  // ids stopped arriving in order: from now on by_id_ finds them

  std::shared_ptr<const AgencyRegistry> registry_;
  DatasetLimits limits_;
  TaskColumns columns_;
  // The id index holds task indexes only (4 bytes a slot, not a 16-byte view plus the index);
  // hashing and comparing read the id column, which lives on the heap so that a moved
  // Dataset's index still finds it.
  struct IdHash {
    using is_transparent = void;
    const StringColumn* ids = nullptr;
    std::size_t operator()(std::string_view s) const { return absl::Hash<std::string_view>{}(s); }
    std::size_t operator()(TaskIndex i) const { return (*this)((*ids)[i]); }
  };
  struct IdEq {
    using is_transparent = void;
    const StringColumn* ids = nullptr;
    std::string_view Key(std::string_view s) const { return s; }
    std::string_view Key(TaskIndex i) const { return (*ids)[i]; }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return Key(a) == Key(b);
    }
  };
  std::unique_ptr<StringColumn> ids_ = std::make_unique<StringColumn>();
  StringColumn titles_;
  // While ids arrive in ascending byte order (generated and exported tables do), FindTask is
  // a binary search over the id column and the hash index stays empty (5-11 bytes a task);
  // the first id out of order builds it.
  bool ids_sorted_ = true;
  absl::flat_hash_set<TaskIndex, IdHash, IdEq> by_id_{0, IdHash{ids_.get()}, IdEq{ids_.get()}};
  IndexColumn deadline_;  // per task: index into deadlines_ (original deadline)
  // Pool ids of the text fields only some tasks have: agency cells that are not simply the
  // registry names, expected results, notes. An agency cell that names the task's agencies in
  // another order is kCellOrder | the order's code instead (src/agency_cell_order.h).
  static constexpr std::uint32_t kCellOrder = 0x80000000u;
  SparseColumn<std::uint32_t> lead_text_, coordinators_text_, expected_result_, note_;
  absl::flat_hash_map<TaskIndex, Extra> extra_;
  StringPool pool_;
  std::vector<Deadline> deadlines_;
  absl::flat_hash_map<std::string, std::uint32_t> deadline_index_;
  std::vector<std::string> categories_{""};
  absl::flat_hash_map<std::string, std::uint16_t> category_index_;
  std::vector<std::string> sources_{""};
  absl::flat_hash_map<std::string, std::uint16_t> source_index_;
  std::vector<Target> targets_;
  absl::flat_hash_map<std::string, std::size_t> target_index_;
  std::vector<Goal> goals_;
  std::vector<SourceDocument> documents_;
  std::optional<bool> reports_tracked_;
};

}  // namespace mandate

#endif
