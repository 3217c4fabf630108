// Internal: what the aggregation engine knows about each dimension, one row per dimension in
// one table (src/aggregate_dimensions.cpp): how its codes are taken from a task, how many there
// can be, their labels, which code is "none" and how they sort. The stable names are the
// EnumTable<Dimension> in mandate/aggregate.h. Adding a dimension: its enum value and name, one
// row here and its tests (docs/architecture.md, "Where a change goes").
#ifndef MANDATE_SRC_AGGREGATE_DIMENSIONS_H
#define MANDATE_SRC_AGGREGATE_DIMENSIONS_H

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "mandate/aggregate.h"

namespace mandate::internal {

// The plan's dictionaries a per-task code reads, taken once per pass.
struct CodeInputs {
  const TaskColumns* columns = nullptr;
  const std::uint16_t* category_map = nullptr;  // dataset category -> level code
  std::size_t category_count = 0;               // dataset categories when planned
  std::size_t source_count = 0;                 // dataset sources when planned
};

// A run of tasks whose keys are being built: per task, its index, status, as-of days and the
// key so far.
struct TaskRun {
  const TaskIndex* task;
  const std::uint8_t* status;
  const TaskDays* days;
  std::uint64_t* key;
  std::size_t size;
};

// A per-task dimension's code of one task, and the loop adding code * stride to every key of a
// run (the code inlined in it: no indirect call per task).
using TaskCodeFn = std::uint32_t (*)(const CodeInputs& in, TaskIndex i, std::uint8_t status,
                                     const TaskDays& days);
using RunCodesFn = void (*)(const CodeInputs& in, const TaskRun& run, std::uint64_t stride);
struct PerTaskCodes {
  TaskCodeFn one = nullptr;
  RunCodesFn run = nullptr;
};

// How a dimension takes its codes from a task.
enum class DimensionShape : std::uint8_t {
  kPerTask,      // one code per task: codes
  kLeadAgency,   // one per lead agency (per agency, coordinators too, with include_coordinators)
  kCoordinator,  // one per coordinating agency
  kAgencyKind,   // one per distinct kind of the lead agencies
};

struct DimensionTraits {
  Dimension dim;
  DimensionShape shape;
  bool reads_days;     // the code depends on the days in force as of the as-of day
  bool has_none;       // code 0 is "none": no label, sorts first
  bool sorts_by_code;  // groups sort by code (time order of months), else by label
  // Codes are 0 .. cardinality - 1.
  std::uint32_t (*cardinality)(const AggregatePlan& plan);
  // The printed key value of a code that is not none.
  std::string (*label)(const AggregatePlan& plan, std::uint32_t code);
  PerTaskCodes codes;  // kPerTask only
};

// The row of d (d must be a valid dimension).
const DimensionTraits& TraitsOf(Dimension d);
std::span<const DimensionTraits> DimensionTraitsTable();

}  // namespace mandate::internal

#endif
