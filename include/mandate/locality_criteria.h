// A family of per-locality targets read together (the 16 commune-level criteria measured in
// each of the 34 provinces): how many criteria exceed a threshold nationally, how many
// localities meet every criterion, and the weakest criteria and localities.
#ifndef MANDATE_LOCALITY_CRITERIA_H
#define MANDATE_LOCALITY_CRITERIA_H

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "mandate/civil_day.h"
#include "mandate/dataset.h"
#include "mandate/target_status.h"

namespace mandate {

struct LocalityCriteriaQuery {
  std::string family;  // Target::family
  Day as_of{};
  // A criterion "exceeds" the threshold nationally when its national value is above it
  // (below it for an at-most criterion), strictly: the report's "trên 95%".
  double threshold = 95;
  // The localities judged (canonical ids). Empty: every locality measured in the family at
  // or before as_of. A locality without a figure for a criterion does not meet it.
  std::vector<std::string> localities;
  TargetOptions target_options;
};

struct CriterionSummary {
  std::string target_id;
  std::string name;
  // The national measurement at or before as_of; without one, the mean of the localities'
  // latest figures (each locality weighs the same); nullopt when neither exists.
  std::optional<double> national;
  bool national_measured = false;  // national came from a national measurement
  bool exceeds_threshold = false;
  int localities_met = 0;       // localities whose latest figure achieves the target
  int localities_measured = 0;  // localities with a figure at or before as_of
};

struct LocalitySummary {
  std::string locality;  // canonical id
  int criteria_met = 0;
  int criteria_measured = 0;
  double mean_achievement = 0;  // mean over every criterion, an unmeasured one counting 0
  bool meets_all = false;
};

struct LocalityCriteriaSummary {
  int criteria_exceeding = 0;      // of criteria.size()
  int localities_meeting_all = 0;  // of localities.size()
  // Weakest first: criteria by localities met, then national value (a missing one first,
  // at-most criteria compared mirrored), then id; localities by criteria met, then mean
  // achievement, then id.
  std::vector<CriterionSummary> criteria;
  std::vector<LocalitySummary> localities;
};

// NotFound when the dataset has no target of the family; InvalidArgument for an unknown
// locality id.
absl::StatusOr<LocalityCriteriaSummary> SummarizeLocalityCriteria(const Dataset& ds,
                                                                  const LocalityCriteriaQuery& q);

}  // namespace mandate

#endif
