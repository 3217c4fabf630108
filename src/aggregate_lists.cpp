#include "mandate/aggregate_lists.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "mandate/aggregate.h"

namespace mandate {
namespace {

ListedTask Listed(const Dataset& ds, TaskIndex i, const ListQuery& q, bool overdue) {
  const TaskDays d = TaskDaysAsOf(ds, i, q.as_of, q.baseline);
  ListedTask t;
  t.task = i;
  if (d.due != kNoDay) {
    t.due = FromEpochDays(d.due);
    t.days = overdue ? ToEpochDays(q.as_of) - d.due : d.due - ToEpochDays(q.as_of);
  }
  return t;
}

// Groups in insertion order keyed by a small integer, then sorted for the report.
class Grouper {
 public:
  std::vector<ListedTask>& At(std::uint32_t code) {
    auto [it, inserted] = index_.emplace(code, groups_.size());
    if (inserted) groups_.emplace_back(code, std::vector<ListedTask>{});
    return groups_[it->second].second;
  }
  template <typename Label, typename TaskLess>
  std::vector<TaskGroupList> Finish(const Dataset& ds, Label label, TaskLess less) {
    std::vector<TaskGroupList> out;
    for (auto& [code, tasks] : groups_) {
      TaskGroupList g;
      label(code, g);
      std::sort(tasks.begin(), tasks.end(), [&](const ListedTask& a, const ListedTask& b) {
        if (less(a, b)) return true;
        if (less(b, a)) return false;
        return ds.task_id(a.task) < ds.task_id(b.task);
      });
      g.tasks = std::move(tasks);
      out.push_back(std::move(g));
    }
    std::sort(out.begin(), out.end(), [](const TaskGroupList& a, const TaskGroupList& b) {
      if (a.tasks.size() != b.tasks.size()) return a.tasks.size() > b.tasks.size();
      if (a.key.has_value() != b.key.has_value()) return a.key.has_value();  // none last
      return a.key < b.key;
    });
    return out;
  }

 private:
  absl::flat_hash_map<std::uint32_t, std::size_t> index_;
  std::vector<std::pair<std::uint32_t, std::vector<ListedTask>>> groups_;
};

bool MoreOverdue(const ListedTask& a, const ListedTask& b) { return a.days > b.days; }
bool DueSooner(const ListedTask& a, const ListedTask& b) { return a.days < b.days; }

std::vector<TaskGroupList> ByCategory(const Dataset& ds, const std::vector<std::uint8_t>& status,
                                      const ListQuery& q, bool overdue, int days) {
  // Category prefixes at the level, interned once per distinct dataset category.
  std::vector<std::string> labels;
  std::vector<std::uint32_t> map(ds.categories().size(), 0);
  {
    absl::flat_hash_map<std::string_view, std::uint32_t> index;
    labels.push_back("");
    for (std::size_t c = 1; c < ds.categories().size(); ++c) {
      const std::string_view label = CategoryPrefix(ds.categories()[c], q.category_level);
      auto [it, inserted] = index.emplace(label, static_cast<std::uint32_t>(labels.size()));
      if (inserted) labels.emplace_back(label);
      map[c] = it->second;
    }
  }
  Grouper grouper;
  const std::size_t n = std::min(status.size(), ds.task_count());
  const auto& cat = ds.columns().category;
  for (std::size_t k = 0; k < n; ++k) {
    const auto i = static_cast<TaskIndex>(k);
    const auto s = static_cast<TaskStatus>(status[i]);
    if (overdue) {
      if (s != TaskStatus::kOverdue) continue;
      grouper.At(map[cat[i]]).push_back(Listed(ds, i, q, true));
    } else {
      if (s != TaskStatus::kInProgress && s != TaskStatus::kDueSoon) continue;
      const ListedTask t = Listed(ds, i, q, false);
      if (!t.due || t.days < 0 || t.days > days) continue;
      grouper.At(map[cat[i]]).push_back(t);
    }
  }
  return grouper.Finish(
      ds,
      [&](std::uint32_t code, TaskGroupList& g) {
        if (code != 0) g.key = labels[code];
      },
      overdue ? &MoreOverdue : &DueSooner);
}

}  // namespace

std::vector<TaskGroupList> OverdueByCategory(const Dataset& ds,
                                             const std::vector<std::uint8_t>& status,
                                             const ListQuery& query) {
  return ByCategory(ds, status, query, true, 0);
}

std::vector<TaskGroupList> DueWithinByCategory(const Dataset& ds,
                                               const std::vector<std::uint8_t>& status,
                                               const ListQuery& query, int days) {
  return ByCategory(ds, status, query, false, days);
}

std::vector<TaskGroupList> OverdueByAgency(const Dataset& ds,
                                           const std::vector<std::uint8_t>& status,
                                           const ListQuery& query) {
  Grouper grouper;
  const TaskColumns& c = ds.columns();
  const std::size_t n = std::min(status.size(), ds.task_count());
  for (std::size_t k = 0; k < n; ++k) {
    const auto i = static_cast<TaskIndex>(k);
    if (status[i] != static_cast<std::uint8_t>(TaskStatus::kOverdue)) continue;
    const ListedTask t = Listed(ds, i, query, true);
    const auto leads = c.leads(i);
    if (leads.empty()) grouper.At(0).push_back(t);
    for (AgencyIndex lead : leads) {
      grouper.At(static_cast<std::uint32_t>(lead) + 1u).push_back(t);
    }
  }
  return grouper.Finish(
      ds,
      [&](std::uint32_t code, TaskGroupList& g) {
        if (code == 0) return;
        g.agency = static_cast<AgencyIndex>(code - 1);
        g.key = ds.registry().agency(*g.agency).id;
      },
      &MoreOverdue);
}

}  // namespace mandate
