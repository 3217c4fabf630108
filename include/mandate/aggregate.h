// The aggregation engine: status counts per group of tasks, as of a day, in one pass over the
// columns. A query names the dimensions to group by and the windows that restrict the tasks;
// a plan compiles it against a dataset (small integer codes packed into one uint64 key); an
// AggregateState accumulates any task range and merges with another (sharding); the result
// lists the groups sorted by key with their measures.
//
// Counting rule (the steering committee's report): a task with several lead agencies, given
// directly or through a collective, counts once for EACH of them in per-agency groups and
// ONCE in the totals, so per-agency counts can add up to more than the total.
#ifndef MANDATE_AGGREGATE_H
#define MANDATE_AGGREGATE_H

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "mandate/civil_day.h"
#include "mandate/classification.h"
#include "mandate/dataset.h"
#include "mandate/enum_table.h"

namespace mandate {

// Values are stable; names in EnumTable<Dimension> below. What the engine does with each:
// src/aggregate_dimensions.cpp, one row per dimension.
enum class Dimension : std::uint8_t {
  kLead = 0,
  kCoordinator = 1,
  kAgencyKind = 2,  // kind of the lead agency (of each one, once per distinct kind)
  kCategory = 3,    // at AggregateQuery::category_level
  kSource = 4,      // first source document
  kDueMonth = 5,    // month of the due day in force as of the as-of day
  kAssignedMonth = 6,
  kDeadlineKind = 7,  // kind of the deadline in force as of the as-of day
  kStatus = 8,
};
// The one place a dimension's stable name is written (query files, the command's --by, the C
// ABI's mdt_dimension_name is to read it too); the C++ names below are wrappers for callers.
template <>
struct EnumTable<Dimension> {
  static constexpr EnumEntry<Dimension> kEntries[] = {
      {Dimension::kLead, "lead"},
      {Dimension::kCoordinator, "coordinator"},
      {Dimension::kAgencyKind, "agency_kind"},
      {Dimension::kCategory, "category"},
      {Dimension::kSource, "source"},
      {Dimension::kDueMonth, "due_month"},
      {Dimension::kAssignedMonth, "assigned_month"},
      {Dimension::kDeadlineKind, "deadline_kind"},
      {Dimension::kStatus, "status"},
  };
};
static_assert(EnumTableIsDense<Dimension>());
inline constexpr int kDimensionCount = static_cast<int>(EnumCount<Dimension>());

// An inclusive range of days; an unset end is open.
struct DayWindow {
  std::optional<Day> from;
  std::optional<Day> to;
  bool active() const { return from.has_value() || to.has_value(); }
};

struct AggregateQuery {
  Day as_of{};
  ClassifyOptions classify;
  std::vector<Dimension> by;  // each at most once; any order (it is the key order)
  // Category path levels kept (levels are joined by " / "): 0 = the whole path.
  int category_level = 0;
  // Per-agency groups (lead, agency_kind) count every agency that leads OR coordinates a
  // task, each once. The coordinator dimension is available either way.
  bool include_coordinators = false;
  // Restrictions; a task outside any active window is left out of groups and totals.
  // assigned: assignment day. completed: the completion in force as of as_of (so only
  // completed tasks pass). due: the due day in force as of as_of (tasks without one fail).
  DayWindow assigned, completed, due;
  // Most groups a result may hold (ResourceExhausted past it): multi-valued dimensions
  // multiply, and 2,000 rows by lead, coordinator, category and source made 6 M groups.
  std::size_t max_groups = kDefaultMaxGroups;
  static constexpr std::size_t kDefaultMaxGroups = 1'000'000;
};

// Counts of each TaskStatus (indexed by its value).
struct StatusCounts {
  std::array<std::uint32_t, kTaskStatusCount> n{};

  std::uint32_t operator[](TaskStatus s) const { return n[static_cast<int>(s)]; }
  std::uint64_t total() const;
  std::uint64_t completed() const { return std::uint64_t{n[0]} + n[1]; }
  // Rates; nullopt when the denominator is 0. Cancelled tasks are outside every rate.
  // completion: completed / (total - cancelled).
  std::optional<double> completion_rate() const;
  // on time: completed on time / completed.
  std::optional<double> on_time_rate() const;
  // overdue: overdue / (total - cancelled), as the report reads "27 of 679 overdue".
  std::optional<double> overdue_rate() const;
  void Add(const StatusCounts& o);
  friend bool operator==(const StatusCounts&, const StatusCounts&) = default;
};

// The days of a task that depend on the as-of day (history folded when the flags say so).
struct TaskDays {
  std::int32_t due = kNoDay;        // due day in force (the original one with baseline)
  std::int32_t completed = kNoDay;  // completion in force
  std::uint8_t kind = 0;            // DeadlineKind in force
};
TaskDays TaskDaysAsOf(const Dataset& ds, TaskIndex i, Day as_of, bool baseline = false);

// The first `level` levels of a category path ("I. Thể chế / 1.1. Luật" at level 1 is
// "I. Thể chế"); level 0 or beyond the depth gives the whole path.
std::string_view CategoryPrefix(std::string_view path, int level);
// Month code of an epoch day for the month dimensions: (year - 1900) * 12 + month, 0 for
// kNoDay or a day outside 1900..2200.
std::uint32_t MonthCode(std::int32_t day);

namespace internal {
struct DimensionTraits;  // src/aggregate_dimensions.h
}  // namespace internal

// Key code of each dimension (what AggregateResult::Group::code holds):
//   lead, coordinator: 0 = none, else AgencyIndex + 1;  agency_kind: 0 = none, else kind + 1;
//   category: index into AggregatePlan::category_labels() (0 = none);  source: index into
//   Dataset::sources() (0 = none);  due_month, assigned_month: 0 = none, else
//   (year - 1900) * 12 + month;  deadline_kind: DeadlineKind value;  status: TaskStatus value.
class AggregatePlan {
 public:
  // Errors: a dimension named twice, a negative category level, a window with from > to,
  // more than 2^64 possible keys.
  static absl::StatusOr<std::shared_ptr<const AggregatePlan>> Make(const Dataset& ds,
                                                                   const AggregateQuery& query);

  const Dataset& dataset() const { return *ds_; }
  const AggregateQuery& query() const { return query_; }
  std::size_t dimension_count() const { return query_.by.size(); }
  // Groups live in a dense array when the key space is at most this many keys.
  static constexpr std::uint64_t kDenseLimit = 1u << 16;
  bool dense() const { return dense_; }
  bool Uses(Dimension d) const;

  void UnpackKey(std::uint64_t key, std::uint32_t* codes) const;
  // The key value as printed: agency canonical id, kind name, category path prefix, source,
  // "YYYY-MM", deadline kind name, status name; nullopt for "none".
  std::optional<std::string> Label(std::size_t dim, std::uint32_t code) const;
  bool IsNone(std::size_t dim, std::uint32_t code) const;
  // Position of a code in label order (none first): what groups are sorted by.
  std::uint32_t SortRank(std::size_t dim, std::uint32_t code) const { return rank_[dim][code]; }
  const std::vector<std::string>& category_labels() const { return category_labels_; }

 private:
  friend class AggregateState;
  friend class LiveAggregate;
  AggregatePlan() = default;
  // The steps of Make, in order.
  absl::Status CompileWindows();
  void InternDictionaries();
  absl::Status SizeKeys();
  void CompileDimensions();
  void RankCodes();

  const Dataset* ds_ = nullptr;
  AggregateQuery query_;
  std::vector<std::uint32_t> card_;
  std::vector<std::uint64_t> stride_;
  std::uint64_t key_space_ = 1;
  bool dense_ = true;
  std::size_t source_count_ = 0;             // dataset sources when planned
  std::vector<std::uint16_t> category_map_;  // dataset category -> level code
  std::vector<std::string> category_labels_;
  std::vector<std::vector<std::uint32_t>> rank_;  // per dimension: code -> label order
  std::vector<std::uint8_t> agency_kind_code_;    // AgencyIndex -> kind + 1
  // Compiled form of `by`, for the per-task loop.
  struct Single {
    Dimension dim;
    std::uint64_t stride;
    const internal::DimensionTraits* traits;  // its row of the traits table
  };
  std::vector<Single> singles_;  // single-valued dimensions
  std::uint64_t lead_stride_ = 0, coord_stride_ = 0, kind_stride_ = 0;
  bool lead_ = false, coord_ = false, kind_ = false;
  bool needs_days_ = false;  // due/completed/kind as of the day are read
  bool filtered_ = false;
  struct Bounds {
    bool active = false;
    std::int32_t lo = 0, hi = 0;
  };
  Bounds assigned_, completed_, due_;
  bool lead_status_fast_ = false;  // by is lead and/or status only, nothing else
  bool fused_ = false;             // the same with at most an assigned window, dense
};

struct AggregateResult {
  struct Group {
    std::array<std::uint32_t, kDimensionCount> code{};  // first plan->dimension_count() used
    StatusCounts counts;
  };
  std::shared_ptr<const AggregatePlan> plan;
  std::vector<Group> groups;  // sorted by key: label by label in `by` order, none first
  StatusCounts totals;        // every task once

  std::optional<std::string> Label(std::size_t group, std::size_t dim) const {
    return plan->Label(dim, groups[group].code[dim]);
  }
};

// Partial aggregate over any set of task ranges; states of one plan merge exactly.
class AggregateState {
 public:
  explicit AggregateState(std::shared_ptr<const AggregatePlan> plan);

  // Adds tasks [begin, end) whose statuses (ClassifyAll's column, kNotYetAssigned skipped)
  // are status[begin..end).
  void AddRange(const std::vector<std::uint8_t>& status, TaskIndex begin, TaskIndex end);
  // Classifies every task of the plan's dataset as of the query's day and adds it, in one
  // fused pass (no status column) when the grouping is lead and/or status with at most an
  // assigned window; false (nothing added) for any other plan. threads as Aggregate's.
  bool AddAllFused(int threads);
  // Adds (sign +1) or removes (-1) one task with the given status and as-of days: the
  // incremental path.
  void AddTask(TaskIndex i, std::uint8_t status, const TaskDays& days, int sign = 1);
  // InvalidArgument when the other state comes from another plan.
  absl::Status Merge(const AggregateState& other);

  const StatusCounts& totals() const { return totals_; }
  // More groups than the query's max_groups were made: counting stopped there (so memory
  // stays bounded) and the state is incomplete. GroupLimitError() says so.
  bool over_limit() const { return over_limit_; }
  std::size_t GroupCount() const;  // groups with a task
  absl::Status GroupLimitError() const;
  AggregateResult Result() const;
  friend bool operator==(const AggregateState& a, const AggregateState& b);

 private:
  friend class LiveAggregate;
  template <bool kDense>
  void AddRangeImpl(const std::uint8_t* status, TaskIndex begin, TaskIndex end);
  template <bool kDense>
  void AddLeadStatus(const std::uint8_t* status, TaskIndex begin, TaskIndex end);
  template <bool kDense>
  void AddOne(TaskIndex i, std::uint8_t status, std::uint64_t base, std::uint32_t delta);

  std::shared_ptr<const AggregatePlan> plan_;
  std::vector<StatusCounts> dense_;
  absl::flat_hash_map<std::uint64_t, StatusCounts> sparse_;
  StatusCounts totals_;
  bool over_limit_ = false;
};

// Plans, classifies every task as of query.as_of and aggregates them. threads: 0 =
// automatic (2 from 262144 tasks on a machine with 2 or more cores, else 1: no thread);
// more splits the tasks into ranges aggregated in parallel and merged. Classification
// follows query.classify.threads. ResourceExhausted past query.max_groups.
absl::StatusOr<AggregateResult> Aggregate(const Dataset& ds, const AggregateQuery& query,
                                          int threads = 0);
// The same over a status column the caller already holds (ClassifyAll as of query.as_of).
absl::StatusOr<AggregateResult> Aggregate(const Dataset& ds, const AggregateQuery& query,
                                          const std::vector<std::uint8_t>& status, int threads = 0);

}  // namespace mandate

#endif
