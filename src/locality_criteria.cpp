#include "mandate/locality_criteria.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_format.h"

namespace mandate {

absl::StatusOr<LocalityCriteriaSummary> SummarizeLocalityCriteria(const Dataset& ds,
                                                                  const LocalityCriteriaQuery& q) {
  std::vector<const Target*> family;
  for (const Target& t : ds.targets()) {
    if (t.family == q.family) family.push_back(&t);
  }
  if (family.empty()) {
    return absl::NotFoundError(
        absl::StrFormat("no target of the family \"%s\"", q.family.substr(0, 80)));
  }
  std::vector<std::string> localities = q.localities;
  if (localities.empty()) {
    std::set<std::string> seen;
    for (const Target* t : family) {
      for (const Measurement& m : t->measurements) {
        if (!m.locality.empty() && m.day <= q.as_of) seen.insert(m.locality);
      }
    }
    localities.assign(seen.begin(), seen.end());
  } else {
    for (const auto& id : localities) {
      if (!ds.registry().FindById(id)) {
        return absl::InvalidArgumentError(
            absl::StrFormat("locality \"%s\": unknown agency id", id.substr(0, 80)));
      }
    }
    std::sort(localities.begin(), localities.end());
    localities.erase(std::unique(localities.begin(), localities.end()), localities.end());
  }

  LocalityCriteriaSummary out;
  out.localities.resize(localities.size());
  for (std::size_t l = 0; l < localities.size(); ++l) out.localities[l].locality = localities[l];
  std::vector<double> achievement_sum(localities.size(), 0.0);

  for (const Target* t : family) {
    CriterionSummary c;
    c.target_id = t->id;
    c.name = t->name;
    double sum = 0;
    for (std::size_t l = 0; l < localities.size(); ++l) {
      const TargetEvaluation e = EvaluateTarget(*t, q.as_of, localities[l], q.target_options);
      if (!e.measurement) continue;
      ++c.localities_measured;
      ++out.localities[l].criteria_measured;
      sum += e.measurement->value;
      achievement_sum[l] += e.achievement.value_or(0);
      if (e.status == TargetStatus::kAchieved) {
        ++c.localities_met;
        ++out.localities[l].criteria_met;
      }
    }
    const TargetEvaluation national = EvaluateTarget(*t, q.as_of, "", q.target_options);
    if (national.measurement) {
      c.national = national.measurement->value;
      c.national_measured = true;
    } else if (c.localities_measured > 0) {
      c.national = sum / c.localities_measured;
    }
    if (c.national) {
      c.exceeds_threshold = t->direction == TargetDirection::kAtLeast ? *c.national > q.threshold
                                                                      : *c.national < q.threshold;
    }
    if (c.exceeds_threshold) ++out.criteria_exceeding;
    out.criteria.push_back(std::move(c));
  }

  const int criteria = static_cast<int>(family.size());
  for (std::size_t l = 0; l < localities.size(); ++l) {
    LocalitySummary& s = out.localities[l];
    s.mean_achievement = achievement_sum[l] / criteria;
    s.meets_all = s.criteria_met == criteria;
    if (s.meets_all) ++out.localities_meeting_all;
  }

  // Weakness of a national value: lower is weaker for at-least, higher for at-most.
  std::vector<std::pair<const Target*, CriterionSummary*>> order;
  for (std::size_t k = 0; k < family.size(); ++k) order.emplace_back(family[k], &out.criteria[k]);
  const auto strength = [](const Target* t, const CriterionSummary& c) {
    return t->direction == TargetDirection::kAtLeast ? *c.national : -*c.national;
  };
  std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    const CriterionSummary &x = *a.second, &y = *b.second;
    if (x.localities_met != y.localities_met) return x.localities_met < y.localities_met;
    if (x.national.has_value() != y.national.has_value()) return !x.national.has_value();
    if (x.national && strength(a.first, x) != strength(b.first, y)) {
      return strength(a.first, x) < strength(b.first, y);
    }
    return x.target_id < y.target_id;
  });
  std::vector<CriterionSummary> sorted;
  for (auto& [t, c] : order) sorted.push_back(std::move(*c));
  out.criteria = std::move(sorted);
  std::sort(out.localities.begin(), out.localities.end(),
            [](const LocalitySummary& a, const LocalitySummary& b) {
              if (a.criteria_met != b.criteria_met) return a.criteria_met < b.criteria_met;
              if (a.mean_achievement != b.mean_achievement) {
                return a.mean_achievement < b.mean_achievement;
              }
              return a.locality < b.locality;
            });
  return out;
}

}  // namespace mandate
