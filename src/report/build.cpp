// BuildReport: fills the report from the engine's results only (ClassifyAll, Aggregate,
// Rank, ComputeChange and the task lists), so every number in it is one the engine gives.
#include "report/build.h"

#include <algorithm>
#include <set>

#include "mandate/aggregate.h"
#include "mandate/aggregate_change.h"
#include "mandate/aggregate_lists.h"
#include "mandate/aggregate_rank.h"
#include "mandate/classification.h"
#include "mandate/locality_criteria.h"
#include "mandate/report.h"
#include "mandate/target_status.h"
#include "mandate/text.h"

namespace mandate {
namespace {

ReportCounts FromStatusCounts(const StatusCounts& c) {
  ReportCounts r;
  r.completed_on_time = c[TaskStatus::kCompletedOnTime];
  r.completed_late = c[TaskStatus::kCompletedLate];
  r.due_soon = c[TaskStatus::kDueSoon];
  r.in_progress = c[TaskStatus::kInProgress];
  r.overdue = c[TaskStatus::kOverdue];
  r.cancelled = c[TaskStatus::kCancelled];
  // The report's total is what its parts add up to: cancelled tasks stand apart.
  r.total = static_cast<std::int64_t>(c.total()) - r.cancelled;
  return r;
}

bool IsCentral(AgencyKind k) {
  return k == AgencyKind::kMinistry || k == AgencyKind::kMinistryLevel ||
         k == AgencyKind::kGovernmentAgency;
}

ReportTask MakeTask(const Dataset& ds, const ListedTask& listed) {
  const TaskIndex i = listed.task;
  ReportTask t;
  t.id = std::string(ds.task_id(i));
  t.title = std::string(ds.task_title(i));
  const TaskColumns& c = ds.columns();
  t.category = ds.categories()[c.category[i]];
  for (AgencyIndex lead : c.leads(i)) {
    t.lead.push_back(ds.registry().agency(lead).name);
  }
  t.deadline_text = ds.original_deadline(i).text;
  const Task task = ds.GetTask(i);
  t.lead_text = task.lead_text;
  for (const std::string& s : task.sources) t.source += (t.source.empty() ? "" : "; ") + s;
  t.due = listed.due;
  t.days_overdue = listed.days;
  return t;
}

// The per-agency table and its counts, agencies with the most tasks first.
absl::Status AddAgencies(ReportData& d, const Dataset& ds, const ReportOptions& options,
                         const ClassifyOptions& classify, const std::vector<std::uint8_t>& status) {
  AggregateQuery by_lead{.as_of = options.as_of, .classify = classify, .by = {Dimension::kLead}};
  auto agg = Aggregate(ds, by_lead, status);
  if (!agg.ok()) return agg.status();
  d.totals = FromStatusCounts(agg->totals);
  RankOptions most{.measure = Measure::kTotal, .descending = true};
  for (std::size_t g : Rank(*agg, most)) {
    const auto label = agg->Label(g, 0);
    if (!label) continue;
    const AgencyIndex a = static_cast<AgencyIndex>(agg->groups[g].code[0] - 1);
    const Agency& agency = ds.registry().agency(a);
    ReportAgency ra{.id = agency.id,
                    .name = agency.name,
                    .kind = agency.kind,
                    .counts = FromStatusCounts(agg->groups[g].counts)};
    if (ra.counts.total == 0) continue;
    ++d.agencies;
    if (IsCentral(agency.kind)) {
      ++d.agencies_central;
    } else if (agency.kind == AgencyKind::kProvince) {
      ++d.agencies_provinces;
    } else {
      ++d.agencies_other;
    }
    if (d.top_agencies.size() < 5) d.top_agencies.push_back(ra);
    d.by_agency.push_back(std::move(ra));
  }
  return absl::OkStatus();
}

// What changed since the previous report's day.
ReportData::Change ChangeSince(const Dataset& ds, Day since, const ReportOptions& options,
                               const ClassifyOptions& classify,
                               const std::vector<std::uint8_t>& status) {
  const TaskChange change = ComputeChange(ds, since, options.as_of, classify);
  ReportData::Change c;
  c.assigned = static_cast<std::int64_t>(change.newly_assigned.size());
  c.completed = static_cast<std::int64_t>(change.newly_completed.size());
  for (TaskIndex i : change.newly_completed) {
    if (status[i] == static_cast<std::uint8_t>(TaskStatus::kCompletedOnTime)) ++c.completed_on_time;
  }
  c.newly_overdue = static_cast<std::int64_t>(change.newly_overdue.size());
  return c;
}

// The overdue lists (by category, most overdue first; by agency) and the coming period's.
void AddTaskLists(ReportData& d, const Dataset& ds, const ReportOptions& options,
                  const std::vector<std::uint8_t>& status) {
  const ListQuery lists{.as_of = options.as_of, .category_level = 1};
  for (const TaskGroupList& g : OverdueByCategory(ds, status, lists)) {
    d.overdue_by_category.push_back(
        {g.key.value_or("-"), static_cast<std::int64_t>(g.tasks.size())});
    for (const ListedTask& t : g.tasks) d.overdue.push_back(MakeTask(ds, t));
  }
  std::stable_sort(
      d.overdue.begin(), d.overdue.end(), [](const ReportTask& a, const ReportTask& b) {
        return a.days_overdue != b.days_overdue ? a.days_overdue > b.days_overdue : a.id < b.id;
      });
  for (const TaskGroupList& g : OverdueByAgency(ds, status, lists)) {
    d.overdue_by_agency.push_back(
        {g.agency ? report::DisplayName(ds.registry().agency(*g.agency)) : "-",
         static_cast<std::int64_t>(g.tasks.size())});
  }
  // Most first, ties by name (not by internal id, which reads as random).
  std::stable_sort(d.overdue_by_agency.begin(), d.overdue_by_agency.end(),
                   [](const ReportGroup& a, const ReportGroup& b) {
                     return a.count != b.count ? a.count > b.count
                                               : NormalizeKey(a.label) < NormalizeKey(b.label);
                   });
  // The coming period: from the as-of day to the same day next month.
  d.next_from = options.as_of;
  const date::year_month_day ymd{options.as_of};
  date::year_month_day next = ymd + date::months{1};
  if (!next.ok()) next = next.year() / next.month() / date::last;
  d.next_to = Day{next};
  const int days = static_cast<int>((d.next_to - d.next_from).count());
  for (const TaskGroupList& g : DueWithinByCategory(ds, status, lists, days)) {
    ReportCategoryTasks group{.category = g.key.value_or("-")};
    for (const ListedTask& t : g.tasks) group.tasks.push_back(MakeTask(ds, t));
    d.due_next.push_back(std::move(group));
  }
}

void AddTargets(ReportData& d, const Dataset& ds, const ReportOptions& options) {
  for (const Target& target : ds.targets()) {
    const TargetEvaluation e = EvaluateTarget(target, options.as_of);
    ReportTarget rt{.id = target.id,
                    .name = target.name,
                    .unit = target.unit,
                    .status = std::string(EnumName(e.status)),
                    .target = target.target,
                    .achievement = e.achievement};
    if (e.measurement) rt.latest = e.measurement->value;
    rt.family_measured = !target.family.empty() &&
                         std::any_of(target.measurements.begin(), target.measurements.end(),
                                     [](const Measurement& m) { return !m.locality.empty(); });
    d.targets.push_back(std::move(rt));
  }
}

// One family of per-locality criteria (e.g. the digital-transformation index) summarised.
absl::StatusOr<std::optional<ReportCriteria>> CriteriaOf(const Dataset& ds,
                                                         const std::string& family,
                                                         const ReportOptions& options) {
  // Localities as 001 names them (DisplayName), in the order of their short names.
  const auto locality_name = [&](const std::string& id) {
    const auto i = ds.registry().FindById(id);
    return i ? report::DisplayName(ds.registry().agency(*i)) : id;
  };
  const auto locality_key = [&](const std::string& id) {
    const auto i = ds.registry().FindById(id);
    if (!i) return NormalizeKey(id);
    const Agency& a = ds.registry().agency(*i);
    return NormalizeKey(a.short_name.empty() ? a.name : a.short_name);
  };
  auto s = SummarizeLocalityCriteria(
      ds, {.family = family, .as_of = options.as_of, .threshold = options.criteria_threshold});
  if (!s.ok()) return s.status();
  if (s->localities.empty()) return std::nullopt;  // no locality measured by the as-of day yet
  ReportCriteria c{.family = family,
                   .threshold = options.criteria_threshold,
                   .criteria = static_cast<int>(s->criteria.size()),
                   .criteria_exceeding = s->criteria_exceeding,
                   .localities = static_cast<int>(s->localities.size()),
                   .localities_meeting_all = s->localities_meeting_all};
  std::vector<std::string> meeting;
  for (const LocalitySummary& l : s->localities) {
    if (l.meets_all) {
      meeting.push_back(l.locality);
    } else if (c.weakest_localities.size() < 5) {
      c.weakest_localities.push_back(locality_name(l.locality));
    }
  }
  std::sort(meeting.begin(), meeting.end(), [&](const std::string& a, const std::string& b) {
    return locality_key(a) < locality_key(b);
  });
  for (const std::string& id : meeting) c.meeting_all.push_back(locality_name(id));
  for (const CriterionSummary& cs : s->criteria) {
    if (cs.exceeds_threshold) continue;
    const auto t = std::find_if(ds.targets().begin(), ds.targets().end(),
                                [&](const Target& x) { return x.id == cs.target_id; });
    c.below_threshold.push_back({.id = cs.target_id,
                                 .name = cs.name,
                                 .unit = t != ds.targets().end() ? t->unit : "",
                                 .national = cs.national,
                                 .localities_met = cs.localities_met,
                                 .localities_measured = cs.localities_measured});
  }
  return c;
}

// Per-locality criteria: every family with a figure for some locality.
absl::Status AddCriteria(ReportData& d, const Dataset& ds, const ReportOptions& options) {
  std::set<std::string> families;
  for (const Target& target : ds.targets()) {
    if (target.family.empty()) continue;
    for (const Measurement& m : target.measurements) {
      if (!m.locality.empty()) families.insert(target.family);
    }
  }
  for (const std::string& family : families) {
    auto c = CriteriaOf(ds, family, options);
    if (!c.ok()) return c.status();
    if (*c) d.criteria.push_back(**std::move(c));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ReportData> BuildReport(const Dataset& ds, const ReportOptions& options) {
  ReportData d;
  d.header = options.header;
  d.as_of = options.as_of;
  d.since = options.since;
  const ClassifyOptions classify{.soon_days = options.soon_days};
  std::vector<std::uint8_t> status;
  ClassifyAll(ds, options.as_of, classify, status);
  if (auto s = AddAgencies(d, ds, options, classify, status); !s.ok()) return s;
  if (options.since) d.change = ChangeSince(ds, *options.since, options, classify, status);
  AddTaskLists(d, ds, options, status);
  AddTargets(d, ds, options);
  if (auto s = AddCriteria(d, ds, options); !s.ok()) return s;
  report::AddProgrammes(d, ds, options, status);
  d.coverage = report::CoverageOf(ds, status);
  return d;
}

}  // namespace mandate
