#include "aggregate_dimensions.h"

#include <algorithm>

#include "absl/strings/str_format.h"
#include "mandate/agency_registry.h"
#include "mandate/deadline.h"

namespace mandate::internal {
namespace {

constexpr std::uint32_t kMonthCodes = (2200 - 1900 + 1) * 12 + 1;  // 0 = none
constexpr auto kDeadlineKinds = static_cast<std::uint32_t>(EnumCount<DeadlineKind>());

// The loop of one per-task dimension over a run, its code function inlined.
template <TaskCodeFn kCode>
void AddCodes(const CodeInputs& in, const TaskRun& run, std::uint64_t stride) {
  for (std::size_t k = 0; k < run.size; ++k) {
    run.key[k] += kCode(in, run.task[k], run.status[k], run.days[k]) * stride;
  }
}

template <TaskCodeFn kCode>
constexpr PerTaskCodes Codes() {
  return {kCode, AddCodes<kCode>};
}

// ---- codes (per-task dimensions). Dictionary entries newer than the plan count as none
// rather than overflow the keys.

std::uint32_t CategoryCode(const CodeInputs& in, TaskIndex i, std::uint8_t, const TaskDays&) {
  const std::uint16_t c = in.columns->category[i];
  return c < in.category_count ? in.category_map[c] : 0u;
}
std::uint32_t SourceCode(const CodeInputs& in, TaskIndex i, std::uint8_t, const TaskDays&) {
  const auto s = in.columns->source[i];
  return s < in.source_count ? s : 0u;
}
std::uint32_t DueMonthCode(const CodeInputs&, TaskIndex, std::uint8_t, const TaskDays& d) {
  return MonthCode(d.due);
}
std::uint32_t AssignedMonthCode(const CodeInputs& in, TaskIndex i, std::uint8_t, const TaskDays&) {
  return MonthCode(in.columns->assigned[i]);
}
std::uint32_t DeadlineKindCode(const CodeInputs&, TaskIndex, std::uint8_t, const TaskDays& d) {
  return d.kind < kDeadlineKinds ? d.kind : 0u;
}
std::uint32_t StatusCode(const CodeInputs&, TaskIndex, std::uint8_t s, const TaskDays&) {
  return s;
}

// ---- cardinalities

std::uint32_t AgencyCount(const AggregatePlan& p) {
  return static_cast<std::uint32_t>(p.dataset().registry().size() + 1);
}
std::uint32_t AgencyKindCount(const AggregatePlan& p) {
  const AgencyRegistry& reg = p.dataset().registry();
  std::uint32_t m = 1;  // codes are kind + 1, 0 = none
  for (std::size_t a = 0; a < reg.size(); ++a) {
    const auto code = static_cast<std::uint32_t>(reg.agency(static_cast<AgencyIndex>(a)).kind) + 1u;
    m = std::max(m, code + 1u);
  }
  return m;
}
std::uint32_t CategoryCount(const AggregatePlan& p) {
  return static_cast<std::uint32_t>(p.category_labels().size());
}
std::uint32_t SourceCount(const AggregatePlan& p) {
  return static_cast<std::uint32_t>(p.dataset().sources().size());
}
std::uint32_t MonthCount(const AggregatePlan&) { return kMonthCodes; }
std::uint32_t DeadlineKindCount(const AggregatePlan&) { return kDeadlineKinds; }
std::uint32_t StatusCount(const AggregatePlan&) { return kTaskStatusCount; }

// ---- labels (codes that are not none)

std::string AgencyLabel(const AggregatePlan& p, std::uint32_t code) {
  return p.dataset().registry().agency(static_cast<AgencyIndex>(code - 1)).id;
}
std::string AgencyKindLabel(const AggregatePlan&, std::uint32_t code) {
  return std::string(EnumName(static_cast<AgencyKind>(code - 1)));
}
std::string CategoryLabel(const AggregatePlan& p, std::uint32_t code) {
  return p.category_labels()[code];
}
std::string SourceLabel(const AggregatePlan& p, std::uint32_t code) {
  return p.dataset().sources()[code];
}
std::string MonthLabel(const AggregatePlan&, std::uint32_t code) {
  return absl::StrFormat("%04d-%02d", 1900 + static_cast<int>((code - 1) / 12),
                         static_cast<int>((code - 1) % 12) + 1);
}
std::string DeadlineKindLabel(const AggregatePlan&, std::uint32_t code) {
  return std::string(EnumName(static_cast<DeadlineKind>(code)));
}
std::string StatusLabel(const AggregatePlan&, std::uint32_t code) {
  return std::string(EnumName(static_cast<TaskStatus>(code)));
}

using S = DimensionShape;
// One row per dimension, in Dimension value order (checked below).
//   dimension, shape, reads_days, has_none, sorts_by_code, cardinality, label, codes
constexpr DimensionTraits kTraits[] = {
    {Dimension::kLead, S::kLeadAgency, false, true, false, AgencyCount, AgencyLabel, {}},
    {Dimension::kCoordinator, S::kCoordinator, false, true, false, AgencyCount, AgencyLabel, {}},
    {Dimension::kAgencyKind,
     S::kAgencyKind,
     false,
     true,
     false,
     AgencyKindCount,
     AgencyKindLabel,
     {}},
    {Dimension::kCategory, S::kPerTask, false, true, false, CategoryCount, CategoryLabel,
     Codes<CategoryCode>()},
    {Dimension::kSource, S::kPerTask, false, true, false, SourceCount, SourceLabel,
     Codes<SourceCode>()},
    {Dimension::kDueMonth, S::kPerTask, true, true, true, MonthCount, MonthLabel,
     Codes<DueMonthCode>()},
    {Dimension::kAssignedMonth, S::kPerTask, false, true, true, MonthCount, MonthLabel,
     Codes<AssignedMonthCode>()},
    {Dimension::kDeadlineKind, S::kPerTask, true, false, false, DeadlineKindCount,
     DeadlineKindLabel, Codes<DeadlineKindCode>()},
    {Dimension::kStatus, S::kPerTask, false, false, false, StatusCount, StatusLabel,
     Codes<StatusCode>()},
};

constexpr bool RowsMatchTheEnum() {
  if (std::size(kTraits) != EnumCount<Dimension>()) return false;
  for (std::size_t i = 0; i < std::size(kTraits); ++i) {
    if (kTraits[i].dim != EnumTable<Dimension>::kEntries[i].value) return false;
  }
  return true;
}
static_assert(RowsMatchTheEnum(), "one traits row per Dimension, in value order");

}  // namespace

const DimensionTraits& TraitsOf(Dimension d) { return kTraits[static_cast<std::size_t>(d)]; }

std::span<const DimensionTraits> DimensionTraitsTable() { return kTraits; }

}  // namespace mandate::internal
