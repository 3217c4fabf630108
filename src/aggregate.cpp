#include "mandate/aggregate.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <thread>

#include "absl/strings/str_format.h"
#include "mandate/task_state.h"

namespace mandate {
namespace {

constexpr std::string_view kDimensionNames[kDimensionCount] = {
    "lead",      "coordinator",    "agency_kind",   "category", "source",
    "due_month", "assigned_month", "deadline_kind", "status"};

constexpr std::uint32_t kMonthCodes = (2200 - 1900 + 1) * 12 + 1;  // 0 = none
constexpr std::uint32_t kDeadlineKinds = 14;

bool IsCompleted(std::uint8_t s) {
  return s == static_cast<std::uint8_t>(TaskStatus::kCompletedOnTime) ||
         s == static_cast<std::uint8_t>(TaskStatus::kCompletedLate);
}

// Flags whose tasks need their history folded to know the days as of a given day.
constexpr std::uint8_t kSlowDays = kTaskDeadlineChanged | kTaskReopened;

inline TaskDays FastDays(const TaskColumns& c, TaskIndex i, std::int32_t as_of) {
  TaskDays d;
  d.due = c.due[i];
  d.completed = c.completed[i] != kNoDay && c.completed[i] <= as_of ? c.completed[i] : kNoDay;
  d.kind = c.kind[i];
  return d;
}

inline bool InBounds(std::int32_t day, std::int32_t lo, std::int32_t hi) {
  return day != kNoDay && day >= lo && day <= hi;
}

}  // namespace

std::string_view DimensionName(Dimension d) {
  const auto i = static_cast<std::size_t>(d);
  return i < kDimensionCount ? kDimensionNames[i] : std::string_view("?");
}

std::optional<Dimension> DimensionFromName(std::string_view name) {
  for (int i = 0; i < kDimensionCount; ++i) {
    if (kDimensionNames[i] == name) return static_cast<Dimension>(i);
  }
  return std::nullopt;
}

std::uint64_t StatusCounts::total() const {
  std::uint64_t t = 0;
  for (auto v : n) t += v;
  return t;
}

std::optional<double> StatusCounts::completion_rate() const {
  const std::uint64_t denom = total() - n[static_cast<int>(TaskStatus::kCancelled)];
  if (denom == 0) return std::nullopt;
  return static_cast<double>(completed()) / static_cast<double>(denom);
}

std::optional<double> StatusCounts::on_time_rate() const {
  if (completed() == 0) return std::nullopt;
  return static_cast<double>(n[0]) / static_cast<double>(completed());
}

std::optional<double> StatusCounts::overdue_rate() const {
  const std::uint64_t denom = total() - n[static_cast<int>(TaskStatus::kCancelled)];
  if (denom == 0) return std::nullopt;
  return static_cast<double>(n[static_cast<int>(TaskStatus::kOverdue)]) /
         static_cast<double>(denom);
}

void StatusCounts::Add(const StatusCounts& o) {
  for (int s = 0; s < kTaskStatusCount; ++s) n[s] += o.n[s];
}

TaskDays TaskDaysAsOf(const Dataset& ds, TaskIndex i, Day as_of, bool baseline) {
  const TaskColumns& c = ds.columns();
  if ((c.flags[i] & kSlowDays) == 0) return FastDays(c, i, ToEpochDays(as_of));
  thread_local std::vector<TaskEvent> scratch;
  const std::vector<TaskEvent>& history = ds.HistoryRef(i, scratch);  // st points into it
  const TaskState st = FoldHistory(ds.original_deadline(i), history, as_of);
  const Deadline& dl = baseline ? ds.original_deadline(i) : *st.deadline;
  TaskDays d;
  const auto due = EffectiveDue(dl, ds.assigned(i));
  d.due = due ? ToEpochDays(*due) : kNoDay;
  d.completed = st.completed ? ToEpochDays(*st.completed) : kNoDay;
  d.kind = static_cast<std::uint8_t>(dl.kind);
  return d;
}

std::string_view CategoryPrefix(std::string_view path, int level) {
  if (level <= 0) return path;
  std::size_t pos = 0;
  for (int l = 0; l < level; ++l) {
    pos = path.find(" / ", pos);
    if (pos == std::string_view::npos) return path;
    if (l + 1 < level) pos += 3;
  }
  return path.substr(0, pos);
}

std::uint32_t MonthCode(std::int32_t day) {
  if (day == kNoDay) return 0;
  const date::year_month_day ymd{FromEpochDays(day)};
  const int y = static_cast<int>(ymd.year());
  if (y < 1900 || y > 2200) return 0;
  return static_cast<std::uint32_t>((y - 1900) * 12) + static_cast<unsigned>(ymd.month());
}

// ---------------------------------------------------------------------------------------
// Plan

absl::StatusOr<std::shared_ptr<const AggregatePlan>> AggregatePlan::Make(
    const Dataset& ds, const AggregateQuery& query) {
  std::shared_ptr<AggregatePlan> p(new AggregatePlan());
  p->ds_ = &ds;
  p->query_ = query;
  if (query.by.size() > static_cast<std::size_t>(kDimensionCount)) {
    return absl::InvalidArgumentError("group by: too many dimensions");
  }
  if (query.category_level < 0) {
    return absl::InvalidArgumentError(
        absl::StrFormat("category level %d: must be 0 (whole path) or more", query.category_level));
  }
  bool seen[kDimensionCount] = {};
  for (Dimension d : query.by) {
    const auto k = static_cast<std::size_t>(d);
    if (k >= kDimensionCount) return absl::InvalidArgumentError("group by: unknown dimension");
    if (seen[k]) {
      return absl::InvalidArgumentError(
          absl::StrFormat("group by: dimension \"%s\" named twice", DimensionName(d)));
    }
    seen[k] = true;
  }
  const auto bounds = [](std::string_view name, const DayWindow& w, Bounds& b) -> absl::Status {
    if (!w.active()) return absl::OkStatus();
    b.active = true;
    b.lo = w.from ? ToEpochDays(*w.from) : std::numeric_limits<std::int32_t>::min() + 1;
    b.hi = w.to ? ToEpochDays(*w.to) : std::numeric_limits<std::int32_t>::max();
    if (b.lo > b.hi) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s window: from %s is after to %s", name, FormatIsoDay(*w.from), FormatIsoDay(*w.to)));
    }
    return absl::OkStatus();
  };
  if (auto s = bounds("assigned", query.assigned, p->assigned_); !s.ok()) return s;
  if (auto s = bounds("completed", query.completed, p->completed_); !s.ok()) return s;
  if (auto s = bounds("due", query.due, p->due_); !s.ok()) return s;
  p->filtered_ = p->assigned_.active || p->completed_.active || p->due_.active;

  const AgencyRegistry& reg = ds.registry();
  p->agency_kind_code_.resize(reg.size());
  for (std::size_t a = 0; a < reg.size(); ++a) {
    p->agency_kind_code_[a] = static_cast<std::uint8_t>(
        static_cast<int>(reg.agency(static_cast<AgencyIndex>(a)).kind) + 1);
  }
  // Category labels at the level asked, interned in first-seen order (0 = none).
  p->source_count_ = ds.sources().size();
  p->category_map_.resize(ds.categories().size());
  p->category_labels_.push_back("");
  {
    absl::flat_hash_map<std::string_view, std::uint16_t> index;
    for (std::size_t c = 1; c < ds.categories().size(); ++c) {
      const std::string_view label = CategoryPrefix(ds.categories()[c], query.category_level);
      auto [it, inserted] =
          index.emplace(label, static_cast<std::uint16_t>(p->category_labels_.size()));
      if (inserted) p->category_labels_.emplace_back(label);
      p->category_map_[c] = it->second;
    }
  }

  // Cardinalities and strides (the last dimension varies fastest).
  const std::size_t nd = query.by.size();
  p->card_.resize(nd);
  p->stride_.resize(nd);
  for (std::size_t k = 0; k < nd; ++k) {
    switch (query.by[k]) {
      case Dimension::kLead:
      case Dimension::kCoordinator:
        p->card_[k] = static_cast<std::uint32_t>(reg.size() + 1);
        break;
      case Dimension::kAgencyKind: {
        std::uint32_t m = 1;
        for (auto v : p->agency_kind_code_) m = std::max<std::uint32_t>(m, v + 1u);
        p->card_[k] = m;
        break;
      }
      case Dimension::kCategory:
        p->card_[k] = static_cast<std::uint32_t>(p->category_labels_.size());
        break;
      case Dimension::kSource:
        p->card_[k] = static_cast<std::uint32_t>(ds.sources().size());
        break;
      case Dimension::kDueMonth:
      case Dimension::kAssignedMonth:
        p->card_[k] = kMonthCodes;
        break;
      case Dimension::kDeadlineKind:
        p->card_[k] = kDeadlineKinds;
        break;
      case Dimension::kStatus:
        p->card_[k] = kTaskStatusCount;
        break;
    }
  }
  std::uint64_t space = 1;
  for (std::size_t k = nd; k-- > 0;) {
    p->stride_[k] = space;
    if (__builtin_mul_overflow(space, std::uint64_t{p->card_[k]}, &space)) {
      return absl::InvalidArgumentError("group by: too many possible keys for one 64-bit key");
    }
  }
  p->key_space_ = space;
  p->dense_ = space <= kDenseLimit;

  for (std::size_t k = 0; k < nd; ++k) {
    switch (query.by[k]) {
      case Dimension::kLead:
        p->lead_ = true;
        p->lead_stride_ = p->stride_[k];
        break;
      case Dimension::kCoordinator:
        p->coord_ = true;
        p->coord_stride_ = p->stride_[k];
        break;
      case Dimension::kAgencyKind:
        p->kind_ = true;
        p->kind_stride_ = p->stride_[k];
        break;
      default:
        p->singles_.push_back({query.by[k], p->stride_[k]});
        break;
    }
  }
  p->needs_days_ = p->completed_.active || p->due_.active ||
                   seen[static_cast<int>(Dimension::kDueMonth)] ||
                   seen[static_cast<int>(Dimension::kDeadlineKind)];
  p->lead_status_fast_ = !p->filtered_ && !query.include_coordinators && !p->coord_ && !p->kind_ &&
                         p->singles_.size() <= 1 &&
                         (p->singles_.empty() || p->singles_[0].dim == Dimension::kStatus);

  // Sort ranks: each code's position in label order, none first.
  p->rank_.resize(nd);
  for (std::size_t k = 0; k < nd; ++k) {
    std::vector<std::uint32_t> codes(p->card_[k]);
    std::iota(codes.begin(), codes.end(), 0u);
    const Dimension d = query.by[k];
    if (d != Dimension::kDueMonth && d != Dimension::kAssignedMonth) {  // months: code order
      std::vector<std::optional<std::string>> labels(codes.size());
      for (auto c : codes) labels[c] = p->Label(k, c);
      std::stable_sort(codes.begin(), codes.end(),
                       [&](std::uint32_t a, std::uint32_t b) { return labels[a] < labels[b]; });
    }
    p->rank_[k].resize(codes.size());
    for (std::uint32_t r = 0; r < codes.size(); ++r) p->rank_[k][codes[r]] = r;
  }
  return std::shared_ptr<const AggregatePlan>(std::move(p));
}

std::uint64_t AggregatePlan::PackKey(const std::uint32_t* codes) const {
  std::uint64_t key = 0;
  for (std::size_t k = 0; k < card_.size(); ++k) key += codes[k] * stride_[k];
  return key;
}

void AggregatePlan::UnpackKey(std::uint64_t key, std::uint32_t* codes) const {
  for (std::size_t k = 0; k < card_.size(); ++k) {
    codes[k] = static_cast<std::uint32_t>(key / stride_[k]);
    key %= stride_[k];
  }
}

bool AggregatePlan::Uses(Dimension d) const {
  return std::find(query_.by.begin(), query_.by.end(), d) != query_.by.end();
}

bool AggregatePlan::IsNone(std::size_t dim, std::uint32_t code) const {
  switch (query_.by[dim]) {
    case Dimension::kDeadlineKind:
    case Dimension::kStatus:
      return false;
    default:
      return code == 0;
  }
}

std::optional<std::string> AggregatePlan::Label(std::size_t dim, std::uint32_t code) const {
  if (IsNone(dim, code)) return std::nullopt;
  switch (query_.by[dim]) {
    case Dimension::kLead:
    case Dimension::kCoordinator:
      return ds_->registry().agency(static_cast<AgencyIndex>(code - 1)).id;
    case Dimension::kAgencyKind:
      return std::string(AgencyKindName(static_cast<AgencyKind>(code - 1)));
    case Dimension::kCategory:
      return category_labels_[code];
    case Dimension::kSource:
      return ds_->sources()[code];
    case Dimension::kDueMonth:
    case Dimension::kAssignedMonth:
      return absl::StrFormat("%04d-%02d", 1900 + static_cast<int>((code - 1) / 12),
                             static_cast<int>((code - 1) % 12) + 1);
    case Dimension::kDeadlineKind:
      return std::string(DeadlineKindName(static_cast<DeadlineKind>(code)));
    case Dimension::kStatus:
      return std::string(TaskStatusName(static_cast<TaskStatus>(code)));
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------
// State

AggregateState::AggregateState(std::shared_ptr<const AggregatePlan> plan) : plan_(std::move(plan)) {
  if (plan_->dense_) dense_.resize(plan_->key_space_);
}

namespace {

// Calls f(code) for every agency of task i in the per-agency role (code = index + 1, or 0
// once when there is none). Lists are sorted and unique (the dataset guarantees it), so
// codes of one task are distinct and a task counts once per agency.
template <typename F>
inline void ForEachAgency(const TaskColumns& c, TaskIndex i, bool with_coordinators, F&& f) {
  const AgencyIndex* lead = c.lead_agencies.data();
  std::uint32_t a = c.lead_offset[i], ae = c.lead_offset[i + 1];
  if (!with_coordinators) {
    if (a == ae) f(0u);
    for (; a < ae; ++a) f(static_cast<std::uint32_t>(lead[a]) + 1u);
    return;
  }
  const AgencyIndex* co = c.coordinator_agencies.data();
  std::uint32_t b = c.coordinator_offset[i], be = c.coordinator_offset[i + 1];
  if (a == ae && b == be) f(0u);
  while (a < ae || b < be) {  // merge of two sorted unique lists
    AgencyIndex x;
    if (b == be || (a < ae && lead[a] < co[b])) {
      x = lead[a++];
    } else if (a == ae || co[b] < lead[a]) {
      x = co[b++];
    } else {
      x = lead[a++];
      ++b;
    }
    f(static_cast<std::uint32_t>(x) + 1u);
  }
}

}  // namespace

// Bumps every group task i belongs to by delta in its status slot.
template <bool kDense>
inline void AggregateState::AddOne(TaskIndex i, std::uint8_t s, const TaskDays& days,
                                   std::uint32_t delta) {
  const AggregatePlan& p = *plan_;
  const TaskColumns& c = p.ds_->columns();
  std::uint64_t base = 0;
  for (const auto& single : p.singles_) {
    std::uint32_t code = 0;
    switch (single.dim) {
      // Dictionary entries newer than the plan count as none rather than overflow the keys.
      case Dimension::kCategory:
        code = c.category[i] < p.category_map_.size() ? p.category_map_[c.category[i]] : 0u;
        break;
      case Dimension::kSource:
        code = c.source[i] < p.source_count_ ? c.source[i] : 0u;
        break;
      case Dimension::kDueMonth:
        code = MonthCode(days.due);
        break;
      case Dimension::kAssignedMonth:
        code = MonthCode(c.assigned[i]);
        break;
      case Dimension::kDeadlineKind:
        code = days.kind < kDeadlineKinds ? days.kind : 0;
        break;
      case Dimension::kStatus:
        code = s;
        break;
      default:
        break;
    }
    base += code * single.stride;
  }
  const auto bump = [&](std::uint64_t key) {
    if constexpr (kDense) {
      dense_[key].n[s] += delta;
    } else {
      sparse_[key].n[s] += delta;
    }
  };
  const auto coordinators = [&](std::uint64_t key) {
    if (!p.coord_) return bump(key);
    const std::uint32_t b = c.coordinator_offset[i], be = c.coordinator_offset[i + 1];
    if (b == be) return bump(key);
    for (std::uint32_t k = b; k < be; ++k) {
      bump(key + (static_cast<std::uint64_t>(c.coordinator_agencies[k]) + 1u) * p.coord_stride_);
    }
  };
  if (p.lead_) {
    ForEachAgency(c, i, p.query_.include_coordinators, [&](std::uint32_t code) {
      std::uint64_t key = base + code * p.lead_stride_;
      if (p.kind_) key += (code == 0 ? 0u : p.agency_kind_code_[code - 1]) * p.kind_stride_;
      coordinators(key);
    });
  } else if (p.kind_) {
    std::uint64_t mask = 0;
    ForEachAgency(c, i, p.query_.include_coordinators, [&](std::uint32_t code) {
      mask |= std::uint64_t{1} << (code == 0 ? 0u : p.agency_kind_code_[code - 1] & 63u);
    });
    while (mask != 0) {
      const int k = __builtin_ctzll(mask);
      mask &= mask - 1;
      coordinators(base + static_cast<std::uint64_t>(k) * p.kind_stride_);
    }
  } else {
    coordinators(base);
  }
}

template <bool kDense>
void AggregateState::AddLeadStatus(const std::uint8_t* st, TaskIndex begin, TaskIndex end) {
  // by = lead and/or status, no windows: the hot query, one tight loop over three columns.
  const AggregatePlan& p = *plan_;
  const TaskColumns& c = p.ds_->columns();
  const std::uint32_t* off = c.lead_offset.data();
  const AgencyIndex* lead = c.lead_agencies.data();
  const std::uint64_t ls = p.lead_ ? p.lead_stride_ : 0;
  const std::uint64_t ss = p.singles_.empty() ? 0 : p.singles_[0].stride;
  StatusCounts* groups = kDense ? dense_.data() : nullptr;
  std::array<std::uint32_t, 8> totals{};
  for (TaskIndex i = begin; i < end; ++i) {
    const std::uint8_t s = st[i];
    if (s >= kTaskStatusCount) continue;
    ++totals[s];
    const std::uint64_t base = s * ss;
    if (!p.lead_) {
      if constexpr (kDense)
        ++groups[base].n[s];
      else
        ++sparse_[base].n[s];
      continue;
    }
    std::uint32_t a = off[i];
    const std::uint32_t ae = off[i + 1];
    if (a == ae) {
      if constexpr (kDense)
        ++groups[base].n[s];
      else
        ++sparse_[base].n[s];
      continue;
    }
    for (; a < ae; ++a) {
      const std::uint64_t key = base + (static_cast<std::uint64_t>(lead[a]) + 1u) * ls;
      if constexpr (kDense)
        ++groups[key].n[s];
      else
        ++sparse_[key].n[s];
    }
    if constexpr (!kDense) {
      if (sparse_.size() > p.query_.max_groups) {
        over_limit_ = true;
        break;
      }
    }
  }
  for (int s = 0; s < kTaskStatusCount; ++s) totals_.n[s] += totals[s];
}

template <bool kDense>
void AggregateState::AddRangeImpl(const std::uint8_t* st, TaskIndex begin, TaskIndex end) {
  const AggregatePlan& p = *plan_;
  if (p.lead_status_fast_) return AddLeadStatus<kDense>(st, begin, end);
  const TaskColumns& c = p.ds_->columns();
  const std::int32_t as_of = ToEpochDays(p.query_.as_of);
  const bool baseline = p.query_.classify.baseline;
  for (TaskIndex i = begin; i < end; ++i) {
    const std::uint8_t s = st[i];
    if (s >= kTaskStatusCount) continue;
    TaskDays days;
    if (p.needs_days_) {
      days = (c.flags[i] & kSlowDays) == 0 ? FastDays(c, i, as_of)
                                           : TaskDaysAsOf(*p.ds_, i, p.query_.as_of, baseline);
    }
    if (p.filtered_) {
      if (p.assigned_.active && !InBounds(c.assigned[i], p.assigned_.lo, p.assigned_.hi)) continue;
      if (p.completed_.active &&
          (!IsCompleted(s) || !InBounds(days.completed, p.completed_.lo, p.completed_.hi))) {
        continue;
      }
      if (p.due_.active && !InBounds(days.due, p.due_.lo, p.due_.hi)) continue;
    }
    ++totals_.n[s];
    AddOne<kDense>(i, s, days, 1u);
    if constexpr (!kDense) {
      if (sparse_.size() > p.query_.max_groups) {
        over_limit_ = true;
        return;
      }
    }
  }
}

void AggregateState::AddRange(const std::vector<std::uint8_t>& status, TaskIndex begin,
                              TaskIndex end) {
  end = std::min<TaskIndex>(
      end, static_cast<TaskIndex>(std::min(status.size(), plan_->ds_->task_count())));
  if (begin >= end) return;
  if (plan_->dense_) {
    AddRangeImpl<true>(status.data(), begin, end);
  } else {
    AddRangeImpl<false>(status.data(), begin, end);
  }
}

void AggregateState::AddTask(TaskIndex i, std::uint8_t s, const TaskDays& days, int sign) {
  const AggregatePlan& p = *plan_;
  if (s >= kTaskStatusCount || i >= p.ds_->task_count()) return;
  const TaskColumns& c = p.ds_->columns();
  if (p.filtered_) {
    if (p.assigned_.active && !InBounds(c.assigned[i], p.assigned_.lo, p.assigned_.hi)) return;
    if (p.completed_.active &&
        (!IsCompleted(s) || !InBounds(days.completed, p.completed_.lo, p.completed_.hi))) {
      return;
    }
    if (p.due_.active && !InBounds(days.due, p.due_.lo, p.due_.hi)) return;
  }
  // Unsigned wrap-around makes -1 a decrement.
  const std::uint32_t delta = sign >= 0 ? 1u : std::numeric_limits<std::uint32_t>::max();
  totals_.n[s] += delta;
  if (p.dense_) {
    AddOne<true>(i, s, days, delta);
  } else {
    AddOne<false>(i, s, days, delta);
  }
}

absl::Status AggregateState::Merge(const AggregateState& other) {
  if (other.plan_ != plan_) {
    return absl::InvalidArgumentError("merge: the states come from different plans");
  }
  totals_.Add(other.totals_);
  if (plan_->dense_) {
    for (std::size_t k = 0; k < dense_.size(); ++k) dense_[k].Add(other.dense_[k]);
  } else {
    for (const auto& [key, counts] : other.sparse_) sparse_[key].Add(counts);
  }
  over_limit_ = over_limit_ || other.over_limit_ || GroupCount() > plan_->query_.max_groups;
  return absl::OkStatus();
}

std::size_t AggregateState::GroupCount() const {
  if (!plan_->dense_) return sparse_.size();
  return static_cast<std::size_t>(std::count_if(
      dense_.begin(), dense_.end(), [](const StatusCounts& c) { return c.total() != 0; }));
}

absl::Status AggregateState::GroupLimitError() const {
  return absl::ResourceExhaustedError(absl::StrFormat(
      "aggregate: the grouping makes more than %d groups, the limit; group by fewer "
      "dimensions or narrow the tasks, or raise the limit (AggregateQuery::max_groups, "
      "mdt_aggregate_options.max_groups, mandate aggregate --max-groups)",
      plan_->query_.max_groups));
}

bool operator==(const AggregateState& a, const AggregateState& b) {
  if (a.plan_ != b.plan_ || a.totals_ != b.totals_) return false;
  if (a.plan_->dense()) return a.dense_ == b.dense_;
  const StatusCounts zero;
  const auto covered = [&](const AggregateState& x, const AggregateState& y) {
    for (const auto& [key, counts] : x.sparse_) {
      auto it = y.sparse_.find(key);
      if (counts != (it == y.sparse_.end() ? zero : it->second)) return false;
    }
    return true;
  };
  return covered(a, b) && covered(b, a);
}

AggregateResult AggregateState::Result() const {
  AggregateResult r;
  r.plan = plan_;
  r.totals = totals_;
  const std::size_t nd = plan_->dimension_count();
  const auto add = [&](std::uint64_t key, const StatusCounts& counts) {
    if (counts.total() == 0) return;
    AggregateResult::Group g;
    plan_->UnpackKey(key, g.code.data());
    g.counts = counts;
    r.groups.push_back(g);
  };
  if (plan_->dense_) {
    for (std::size_t k = 0; k < dense_.size(); ++k) add(k, dense_[k]);
  } else {
    for (const auto& [key, counts] : sparse_) add(key, counts);
  }
  const AggregatePlan& p = *plan_;
  std::sort(r.groups.begin(), r.groups.end(),
            [&](const AggregateResult::Group& x, const AggregateResult::Group& y) {
              for (std::size_t k = 0; k < nd; ++k) {
                const auto rx = p.SortRank(k, x.code[k]), ry = p.SortRank(k, y.code[k]);
                if (rx != ry) return rx < ry;
              }
              return false;
            });
  return r;
}

absl::StatusOr<AggregateResult> Aggregate(const Dataset& ds, const AggregateQuery& query,
                                          const std::vector<std::uint8_t>& status, int threads) {
  auto plan = AggregatePlan::Make(ds, query);
  if (!plan.ok()) return plan.status();
  const auto n = static_cast<TaskIndex>(std::min(status.size(), ds.task_count()));
  // Below this many tasks a thread costs more than it saves.
  constexpr TaskIndex kParallelMin = 1u << 18;
  if (threads <= 0) {
    threads = n >= kParallelMin && std::thread::hardware_concurrency() >= 2 ? 2 : 1;
  }
  if (threads <= 1 || n < kParallelMin) {
    AggregateState state(*plan);
    state.AddRange(status, 0, n);
    if (state.over_limit() || state.GroupCount() > query.max_groups) {
      return state.GroupLimitError();
    }
    return state.Result();
  }
  const auto parts = static_cast<TaskIndex>(std::min(threads, 16));
  std::vector<AggregateState> states(parts, AggregateState(*plan));
  std::vector<std::thread> workers;
  for (TaskIndex t = 0; t < parts; ++t) {
    const TaskIndex b = static_cast<TaskIndex>(std::uint64_t{n} * t / parts);
    const TaskIndex e = static_cast<TaskIndex>(std::uint64_t{n} * (t + 1) / parts);
    workers.emplace_back([&states, &status, t, b, e] { states[t].AddRange(status, b, e); });
  }
  for (auto& w : workers) w.join();
  for (TaskIndex t = 1; t < parts; ++t) {
    if (states[t].over_limit()) return states[t].GroupLimitError();
    if (auto s = states[0].Merge(states[t]); !s.ok()) return s;
  }
  if (states[0].over_limit() || states[0].GroupCount() > query.max_groups) {
    return states[0].GroupLimitError();
  }
  return states[0].Result();
}

absl::StatusOr<AggregateResult> Aggregate(const Dataset& ds, const AggregateQuery& query,
                                          int threads) {
  std::vector<std::uint8_t> status;
  ClassifyAll(ds, query.as_of, query.classify, status);
  return Aggregate(ds, query, status, threads);
}

}  // namespace mandate
