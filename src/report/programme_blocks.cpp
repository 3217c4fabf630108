// The report's per-programme blocks (seed 001 I.1.a/b and II.1.a/b), from one pass over the
// tasks with the statuses ClassifyAll gave.
#include <algorithm>
#include <map>

#include "absl/strings/str_join.h"
#include "mandate/classification.h"
#include "mandate/text.h"
#include "report/build.h"

namespace mandate::report {
namespace {

void Tally(ReportCounts& c, TaskStatus s) {
  switch (s) {
    case TaskStatus::kCompletedOnTime:
      ++c.completed_on_time;
      break;
    case TaskStatus::kCompletedLate:
      ++c.completed_late;
      break;
    case TaskStatus::kDueSoon:
      ++c.due_soon;
      break;
    case TaskStatus::kInProgress:
      ++c.in_progress;
      break;
    case TaskStatus::kOverdue:
      ++c.overdue;
      break;
    case TaskStatus::kCancelled:
      ++c.cancelled;
      return;
  }
  ++c.total;
}

void Tally(ReportWindow& w, TaskStatus s) {
  if (s == TaskStatus::kCancelled) return;
  ++w.assigned;
  if (s == TaskStatus::kCompletedOnTime) ++w.completed_on_time;
  if (s == TaskStatus::kCompletedOnTime || s == TaskStatus::kCompletedLate) ++w.completed;
  if (s == TaskStatus::kInProgress || s == TaskStatus::kDueSoon) ++w.ongoing;
  if (s == TaskStatus::kOverdue) ++w.overdue;
}

bool IsCentralKind(AgencyKind k) {
  return k == AgencyKind::kMinistry || k == AgencyKind::kMinistryLevel ||
         k == AgencyKind::kGovernmentAgency;
}

// The working state of one programme while the tasks are passed over.
struct Accumulator {
  ReportProgramme out;
  std::map<AgencyIndex, ReportCounts> by_agency;
  std::map<AgencyIndex, std::int64_t> overdue_by_agency;
  std::map<int, std::map<int, std::int64_t>> overdue_by_theme;  // theme (-1 last) -> part -> n
};

void Finish(Accumulator& acc, const Dataset& ds, const Programme* def,
            const Programmes& programmes) {
  ReportProgramme& p = acc.out;
  std::vector<ReportAgency> agencies;
  for (const auto& [a, counts] : acc.by_agency) {
    if (counts.total == 0) continue;
    const Agency& agency = ds.registry().agency(a);
    agencies.push_back(
        {.id = agency.id, .name = agency.name, .kind = agency.kind, .counts = counts});
    ++p.agencies;
    if (IsCentralKind(agency.kind))
      ++p.agencies_central;
    else if (agency.kind == AgencyKind::kProvince)
      ++p.agencies_provinces;
    else
      ++p.agencies_other;
  }
  std::stable_sort(agencies.begin(), agencies.end(), [](const auto& a, const auto& b) {
    return a.counts.total != b.counts.total ? a.counts.total > b.counts.total
                                            : NormalizeKey(a.name) < NormalizeKey(b.name);
  });
  for (std::size_t i = 0; i < agencies.size() && i < 5; ++i) p.top_agencies.push_back(agencies[i]);
  for (const auto& [a, n] : acc.overdue_by_agency) {
    p.overdue_by_agency.push_back({DisplayName(ds.registry().agency(a)), n});
  }
  std::stable_sort(p.overdue_by_agency.begin(), p.overdue_by_agency.end(),
                   [](const ReportGroup& a, const ReportGroup& b) {
                     return a.count != b.count ? a.count > b.count
                                               : NormalizeKey(a.label) < NormalizeKey(b.label);
                   });
  // Themes in the file's order, tasks of no theme last.
  std::vector<int> order;
  for (const auto& [theme, parts] : acc.overdue_by_theme) {
    if (theme >= 0) order.push_back(theme);
  }
  if (acc.overdue_by_theme.count(-1)) order.push_back(-1);
  for (int theme : order) {
    ReportThemeGroup g;
    if (theme >= 0) g.label = programmes.themes()[static_cast<std::size_t>(theme)].label;
    for (const auto& [part, n] : acc.overdue_by_theme[theme]) {
      g.count += n;
      ReportText label;
      if (def != nullptr && part >= 0) label = def->parts[static_cast<std::size_t>(part)].label;
      g.by_part.push_back({label, n});
    }
    p.overdue_by_theme.push_back(std::move(g));
  }
}

}  // namespace

std::string DisplayName(const Agency& agency) {
  if (agency.kind == AgencyKind::kProvince && !agency.short_name.empty() &&
      !agency.flag("centrally_run_city")) {
    return agency.short_name;
  }
  return agency.name;
}

void AddProgrammes(ReportData& d, const Dataset& ds, const ReportOptions& options,
                   const std::vector<std::uint8_t>& status) {
  const std::shared_ptr<const Programmes> programmes =
      options.programmes ? options.programmes : Programmes::Bundled();
  const auto& defs = programmes->programmes();
  std::vector<Accumulator> acc(defs.size() + 1);  // the last: tasks of no programme
  for (std::size_t k = 0; k < defs.size(); ++k) {
    const Programme& def = defs[k];
    acc[k].out = {.id = def.id,
                  .heading = def.heading,
                  .subject = def.subject,
                  .overdue_heading = def.overdue_heading,
                  .window_on_time = def.window_on_time};
  }
  acc.back().out = {.id = "other",
                    .heading = {"Thực hiện các nhiệm vụ khác", "Other tasks"},
                    .subject = {"các nhiệm vụ khác", "other tasks"},
                    .overdue_heading = {"Về các nhiệm vụ khác", "Other tasks"}};
  if (options.since) {
    for (auto& a : acc) a.out.window.emplace();
    d.window.emplace();
  }
  std::map<std::string, std::string> programme_of_task;
  const TaskColumns& c = ds.columns();
  for (TaskIndex i = 0; i < ds.task_count(); ++i) {
    if (status[i] == kNotYetAssigned) continue;  // not part of the report as of its day
    const Task task = ds.GetTask(i);
    const Programmes::Match m = programmes->Classify(task.sources, task.category);
    Accumulator& a = acc[m.programme < 0 ? defs.size() : static_cast<std::size_t>(m.programme)];
    const auto s = static_cast<TaskStatus>(status[i]);
    programme_of_task[task.id] = a.out.id;
    Tally(a.out.totals, s);
    for (AgencyIndex lead : c.leads(i)) {
      Tally(a.by_agency[lead], s);
      if (s == TaskStatus::kOverdue) ++a.overdue_by_agency[lead];
    }
    if (s == TaskStatus::kOverdue) ++a.overdue_by_theme[programmes->ThemeOf(task.category)][m.part];
    if (options.since && c.assigned[i] != kNoDay && c.assigned[i] > ToEpochDays(*options.since) &&
        c.assigned[i] <= ToEpochDays(options.as_of)) {
      Tally(*a.out.window, s);
      Tally(*d.window, s);
    }
  }
  for (std::size_t k = 0; k < acc.size(); ++k) {
    Finish(acc[k], ds, k < defs.size() ? &defs[k] : nullptr, *programmes);
    if (acc[k].out.totals.total + acc[k].out.totals.cancelled == 0) continue;
    if (k < defs.size() && !defs[k].criteria_family.empty()) {
      for (const ReportCriteria& cr : d.criteria) {
        if (cr.family == defs[k].criteria_family) acc[k].out.criteria = cr;
      }
    }
    d.programmes.push_back(std::move(acc[k].out));
  }
  // A programme with criteria but no tasks still has its block (seed 001 I.1.b).
  for (std::size_t k = 0; k < defs.size(); ++k) {
    if (defs[k].criteria_family.empty()) continue;
    const bool present = std::any_of(d.programmes.begin(), d.programmes.end(),
                                     [&](const ReportProgramme& p) { return p.id == defs[k].id; });
    if (present) continue;
    for (const ReportCriteria& cr : d.criteria) {
      if (cr.family != defs[k].criteria_family) continue;
      ReportProgramme p = {.id = defs[k].id,
                           .heading = defs[k].heading,
                           .subject = defs[k].subject,
                           .overdue_heading = defs[k].overdue_heading,
                           .criteria = cr};
      const auto at =
          std::find_if(d.programmes.begin(), d.programmes.end(), [&](const ReportProgramme& q) {
            for (std::size_t j = k + 1; j < defs.size(); ++j)
              if (defs[j].id == q.id) return true;
            return q.id == "other";
          });
      d.programmes.insert(at, std::move(p));
    }
  }
  for (ReportTask& t : d.overdue) t.programme = programme_of_task[t.id];
  for (ReportCategoryTasks& g : d.due_next) {
    for (ReportTask& t : g.tasks) t.programme = programme_of_task[t.id];
  }
}

ReportCoverage CoverageOf(const Dataset& ds, const std::vector<std::uint8_t>& status) {
  ReportCoverage cov;
  const TaskColumns& c = ds.columns();
  std::vector<TaskEvent> scratch;
  for (TaskIndex i = 0; i < ds.task_count(); ++i) {
    if (status[i] == kNotYetAssigned ||
        static_cast<TaskStatus>(status[i]) == TaskStatus::kCancelled) {
      continue;
    }
    ++cov.tasks;
    if (c.completed[i] != kNoDay) ++cov.completions_recorded;
    const bool events = !ds.HistoryRef(i, scratch).empty();
    if (events) ++cov.tasks_with_events;
    if (c.flags[i] & kTaskRecurring) {
      ++cov.recurring;
      if (!events) ++cov.recurring_unreported;
    }
  }
  return cov;
}

}  // namespace mandate::report
