#include "mandate/aggregate.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <thread>

#include "absl/strings/str_format.h"
#include "aggregate_dimensions.h"
#include "aggregate_lead_status.h"
#include "mandate/task_state.h"

namespace mandate {
namespace {

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

namespace {

// Each dimension known and named at most once; a level that exists.
absl::Status CheckQuery(const AggregateQuery& query) {
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
          absl::StrFormat("group by: dimension \"%s\" named twice", EnumName(d)));
    }
    seen[k] = true;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::shared_ptr<const AggregatePlan>> AggregatePlan::Make(
    const Dataset& ds, const AggregateQuery& query) {
  if (auto s = CheckQuery(query); !s.ok()) return s;
  std::shared_ptr<AggregatePlan> p(new AggregatePlan());
  p->ds_ = &ds;
  p->query_ = query;
  if (auto s = p->CompileWindows(); !s.ok()) return s;
  p->InternDictionaries();
  if (auto s = p->SizeKeys(); !s.ok()) return s;
  p->CompileDimensions();
  p->RankCodes();
  return std::shared_ptr<const AggregatePlan>(std::move(p));
}

// The assigned, completed and due windows as inclusive epoch-day bounds.
absl::Status AggregatePlan::CompileWindows() {
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
  if (auto s = bounds("assigned", query_.assigned, assigned_); !s.ok()) return s;
  if (auto s = bounds("completed", query_.completed, completed_); !s.ok()) return s;
  if (auto s = bounds("due", query_.due, due_); !s.ok()) return s;
  filtered_ = assigned_.active || completed_.active || due_.active;
  return absl::OkStatus();
}

// Agency kind codes; category labels at the level asked, interned in first-seen order (0 =
// none); the sources the plan knows.
void AggregatePlan::InternDictionaries() {
  const AgencyRegistry& reg = ds_->registry();
  agency_kind_code_.resize(reg.size());
  for (std::size_t a = 0; a < reg.size(); ++a) {
    agency_kind_code_[a] = static_cast<std::uint8_t>(
        static_cast<int>(reg.agency(static_cast<AgencyIndex>(a)).kind) + 1);
  }
  source_count_ = ds_->sources().size();
  category_map_.resize(ds_->categories().size());
  category_labels_.push_back("");
  absl::flat_hash_map<std::string_view, std::uint16_t> index;
  for (std::size_t c = 1; c < ds_->categories().size(); ++c) {
    const std::string_view label = CategoryPrefix(ds_->categories()[c], query_.category_level);
    auto [it, inserted] = index.emplace(label, static_cast<std::uint16_t>(category_labels_.size()));
    if (inserted) category_labels_.emplace_back(label);
    category_map_[c] = it->second;
  }
}

// Cardinalities and strides (the last dimension varies fastest); dense when the keys are few.
absl::Status AggregatePlan::SizeKeys() {
  const std::size_t nd = query_.by.size();
  card_.resize(nd);
  stride_.resize(nd);
  for (std::size_t k = 0; k < nd; ++k)
    card_[k] = internal::TraitsOf(query_.by[k]).cardinality(*this);
  std::uint64_t space = 1;
  for (std::size_t k = nd; k-- > 0;) {
    stride_[k] = space;
    if (__builtin_mul_overflow(space, std::uint64_t{card_[k]}, &space)) {
      return absl::InvalidArgumentError("group by: too many possible keys for one 64-bit key");
    }
  }
  key_space_ = space;
  dense_ = space <= kDenseLimit;
  return absl::OkStatus();
}

// The per-task loop's view of `by`: the per-task dimensions with their strides, and the agency
// fan-out's (lead, coordinator, agency kind).
void AggregatePlan::CompileDimensions() {
  using internal::DimensionShape;
  bool reads_days = false;
  for (std::size_t k = 0; k < query_.by.size(); ++k) {
    const internal::DimensionTraits& t = internal::TraitsOf(query_.by[k]);
    reads_days = reads_days || t.reads_days;
    if (t.shape == DimensionShape::kPerTask) {
      singles_.push_back({query_.by[k], stride_[k], &t});
    } else if (t.shape == DimensionShape::kLeadAgency) {
      lead_ = true;
      lead_stride_ = stride_[k];
    } else if (t.shape == DimensionShape::kCoordinator) {
      coord_ = true;
      coord_stride_ = stride_[k];
    } else {
      kind_ = true;
      kind_stride_ = stride_[k];
    }
  }
  needs_days_ = completed_.active || due_.active || reads_days;
  const bool lead_status_only = !query_.include_coordinators && !coord_ && !kind_ &&
                                singles_.size() <= 1 &&
                                (singles_.empty() || singles_[0].dim == Dimension::kStatus);
  lead_status_fast_ = lead_status_only && !filtered_;
  fused_ = lead_status_only && !completed_.active && !due_.active && dense_ &&
           internal::LeadStatusKernelFits(*ds_);
}

// Sort ranks: each code's position in label order (or code order), none first.
void AggregatePlan::RankCodes() {
  rank_.resize(query_.by.size());
  for (std::size_t k = 0; k < query_.by.size(); ++k) {
    std::vector<std::uint32_t> codes(card_[k]);
    std::iota(codes.begin(), codes.end(), 0u);
    if (!internal::TraitsOf(query_.by[k]).sorts_by_code) {
      std::vector<std::optional<std::string>> labels(codes.size());
      for (auto c : codes) labels[c] = Label(k, c);
      std::stable_sort(codes.begin(), codes.end(),
                       [&](std::uint32_t a, std::uint32_t b) { return labels[a] < labels[b]; });
    }
    rank_[k].resize(codes.size());
    for (std::uint32_t r = 0; r < codes.size(); ++r) rank_[k][codes[r]] = r;
  }
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
  return code == 0 && internal::TraitsOf(query_.by[dim]).has_none;
}

std::optional<std::string> AggregatePlan::Label(std::size_t dim, std::uint32_t code) const {
  if (IsNone(dim, code)) return std::nullopt;
  return internal::TraitsOf(query_.by[dim]).label(*this, code);
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
// Always inlined: GCC otherwise keeps it out of line in AddOne, a call per task (10% on the
// general path).
template <typename F>
[[gnu::always_inline]] inline void ForEachAgency(const TaskColumns& c, TaskIndex i,
                                                 bool with_coordinators, F&& f) {
  const std::span<const AgencyIndex> leads = c.leads(i);
  const AgencyIndex* lead = leads.data();
  std::size_t a = 0, ae = leads.size();
  if (!with_coordinators) {
    if (a == ae) f(0u);
    for (; a < ae; ++a) f(static_cast<std::uint32_t>(lead[a]) + 1u);
    return;
  }
  const std::span<const AgencyIndex> coordinators = c.coordinators(i);
  const AgencyIndex* co = coordinators.data();
  std::size_t b = 0, be = coordinators.size();
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

// Bumps every group task i belongs to by delta in its status slot; base: the key of its
// per-task dimensions.
template <bool kDense>
inline void AggregateState::AddOne(TaskIndex i, std::uint8_t s, std::uint64_t base,
                                   std::uint32_t delta) {
  const AggregatePlan& p = *plan_;
  const TaskColumns& c = p.ds_->columns();
  const auto bump = [&](std::uint64_t key) {
    if constexpr (kDense) {
      dense_[key].n[s] += delta;
    } else {
      sparse_[key].n[s] += delta;
    }
  };
  const auto coordinators = [&](std::uint64_t key) {
    if (!p.coord_) return bump(key);
    const std::span<const AgencyIndex> coordinators = c.coordinators(i);
    if (coordinators.empty()) return bump(key);
    for (AgencyIndex a : coordinators) {
      bump(key + (static_cast<std::uint64_t>(a) + 1u) * p.coord_stride_);
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
    const std::span<const AgencyIndex> leads = c.leads(i);
    if (leads.empty()) {
      if constexpr (kDense)
        ++groups[base].n[s];
      else
        ++sparse_[base].n[s];
      continue;
    }
    for (AgencyIndex l : leads) {
      const std::uint64_t key = base + (static_cast<std::uint64_t>(l) + 1u) * ls;
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
  const internal::CodeInputs in{&c, p.category_map_.data(), p.category_map_.size(),
                                p.source_count_};
  const std::int32_t as_of = ToEpochDays(p.query_.as_of);
  const bool baseline = p.query_.classify.baseline;
  // Tasks go in runs: each per-task dimension adds its codes to a whole run in one call.
  constexpr std::size_t kRun = 256;
  TaskIndex task[kRun];
  std::uint8_t status[kRun];
  TaskDays days[kRun];
  std::uint64_t key[kRun];
  for (TaskIndex i = begin; i < end;) {
    std::size_t n = 0;
    for (; i < end && n < kRun; ++i) {
      const std::uint8_t s = st[i];
      if (s >= kTaskStatusCount) continue;
      TaskDays d;
      if (p.needs_days_) {
        d = (c.flags[i] & kSlowDays) == 0 ? FastDays(c, i, as_of)
                                          : TaskDaysAsOf(*p.ds_, i, p.query_.as_of, baseline);
      }
      if (p.filtered_) {
        if (p.assigned_.active && !InBounds(c.assigned[i], p.assigned_.lo, p.assigned_.hi)) {
          continue;
        }
        if (p.completed_.active &&
            (!IsCompleted(s) || !InBounds(d.completed, p.completed_.lo, p.completed_.hi))) {
          continue;
        }
        if (p.due_.active && !InBounds(d.due, p.due_.lo, p.due_.hi)) continue;
      }
      task[n] = i, status[n] = s, key[n] = 0;
      if (p.needs_days_) days[n] = d;  // else every entry stays the default
      ++n;
    }
    const internal::TaskRun run{task, status, days, key, n};
    for (const auto& single : p.singles_) single.traits->codes.run(in, run, single.stride);
    for (std::size_t k = 0; k < n; ++k) {
      ++totals_.n[status[k]];
      AddOne<kDense>(task[k], status[k], key[k], 1u);
      if constexpr (!kDense) {
        if (sparse_.size() > p.query_.max_groups) {
          over_limit_ = true;
          return;
        }
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

bool AggregateState::AddAllFused(int threads) {
  const AggregatePlan& p = *plan_;
  if (!p.fused_) return false;
  const internal::LeadStatusCounts counts =
      internal::CountLeadStatus(*p.ds_, p.query_.as_of, p.query_.classify, p.assigned_.active,
                                p.assigned_.lo, p.assigned_.hi, threads);
  const std::uint64_t ss = p.singles_.empty() ? 0 : p.singles_[0].stride;
  for (int s = 0; s < kTaskStatusCount; ++s) {
    totals_.n[s] += static_cast<std::uint32_t>(counts.totals[s]);
    if (!p.lead_) dense_[s * ss].n[s] += static_cast<std::uint32_t>(counts.totals[s]);
  }
  if (!p.lead_) return true;
  const std::size_t codes = counts.by.size() / 8;
  for (std::size_t code = 0; code < codes; ++code) {
    for (int s = 0; s < kTaskStatusCount; ++s) {
      const std::uint32_t v = counts.by[code * 8 + s];
      if (v != 0) dense_[code * p.lead_stride_ + s * ss].n[s] += v;
    }
  }
  return true;
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
  const internal::CodeInputs in{&c, p.category_map_.data(), p.category_map_.size(),
                                p.source_count_};
  std::uint64_t key = 0;
  for (const auto& single : p.singles_) {
    key += single.traits->codes.one(in, i, s, days) * single.stride;
  }
  if (p.dense_) {
    AddOne<true>(i, s, key, delta);
  } else {
    AddOne<false>(i, s, key, delta);
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

namespace {

absl::StatusOr<AggregateResult> AggregateStatus(const std::shared_ptr<const AggregatePlan>& plan,
                                                const std::vector<std::uint8_t>& status,
                                                int threads) {
  const Dataset& ds = plan->dataset();
  const AggregateQuery& query = plan->query();
  const auto n = static_cast<TaskIndex>(std::min(status.size(), ds.task_count()));
  // Below this many tasks a thread costs more than it saves.
  constexpr TaskIndex kParallelMin = 1u << 18;
  if (threads <= 0) {
    threads = n >= kParallelMin && std::thread::hardware_concurrency() >= 2 ? 2 : 1;
  }
  if (threads <= 1 || n < kParallelMin) {
    AggregateState state(plan);
    state.AddRange(status, 0, n);
    if (state.over_limit() || state.GroupCount() > query.max_groups) {
      return state.GroupLimitError();
    }
    return state.Result();
  }
  const auto parts = static_cast<TaskIndex>(std::min(threads, 16));
  std::vector<AggregateState> states(parts, AggregateState(plan));
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

}  // namespace

absl::StatusOr<AggregateResult> Aggregate(const Dataset& ds, const AggregateQuery& query,
                                          const std::vector<std::uint8_t>& status, int threads) {
  auto plan = AggregatePlan::Make(ds, query);
  if (!plan.ok()) return plan.status();
  return AggregateStatus(*plan, status, threads);
}

absl::StatusOr<AggregateResult> Aggregate(const Dataset& ds, const AggregateQuery& query,
                                          int threads) {
  auto plan = AggregatePlan::Make(ds, query);
  if (!plan.ok()) return plan.status();
  if (AggregateState state(*plan); state.AddAllFused(threads)) {
    if (state.GroupCount() > query.max_groups) return state.GroupLimitError();
    return state.Result();
  }
  std::vector<std::uint8_t> status;
  ClassifyAll(ds, query.as_of, query.classify, status);
  return AggregateStatus(*plan, status, threads);
}

}  // namespace mandate
