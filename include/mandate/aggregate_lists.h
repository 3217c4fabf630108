// The report's task lists: overdue tasks grouped by category and by agency (appendix 01),
// and the tasks due in a coming window grouped by category.
#ifndef MANDATE_AGGREGATE_LISTS_H
#define MANDATE_AGGREGATE_LISTS_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mandate/civil_day.h"
#include "mandate/classification.h"
#include "mandate/dataset.h"

namespace mandate {

struct ListedTask {
  TaskIndex task = 0;
  std::optional<Day> due;  // in force as of the day (none for a missed recurring occurrence)
  // Overdue lists: days past due (as_of - due, 0 when there is no due day).
  // Due lists: days left (due - as_of).
  int days = 0;
};

struct TaskGroupList {
  std::optional<std::string> key;  // category prefix or agency canonical id; nullopt = none
  std::optional<AgencyIndex> agency;
  std::vector<ListedTask> tasks;
};

struct ListQuery {
  Day as_of{};
  bool baseline = false;   // as ClassifyOptions::baseline: which due day to print
  int category_level = 0;  // category groups at this level (0 = whole path)
};

// Overdue tasks (status column as of query.as_of) grouped by category. Groups: most tasks
// first, then by key (none last); tasks: most days overdue first, then by task id.
std::vector<TaskGroupList> OverdueByCategory(const Dataset& ds,
                                             const std::vector<std::uint8_t>& status,
                                             const ListQuery& query);
// The same grouped by lead agency: a task with several leads is listed under each.
std::vector<TaskGroupList> OverdueByAgency(const Dataset& ds,
                                           const std::vector<std::uint8_t>& status,
                                           const ListQuery& query);
// Open tasks (in progress or due soon as of query.as_of) due in [as_of, as_of + days],
// grouped by category; tasks soonest first, then by task id.
std::vector<TaskGroupList> DueWithinByCategory(const Dataset& ds,
                                               const std::vector<std::uint8_t>& status,
                                               const ListQuery& query, int days);

}  // namespace mandate

#endif
