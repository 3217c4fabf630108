// An aggregate kept up to date as tasks are added or change (a completion, a deadline
// change, a cancellation): each update moves one task between groups instead of
// recomputing everything.
#ifndef MANDATE_AGGREGATE_LIVE_H
#define MANDATE_AGGREGATE_LIVE_H

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "mandate/aggregate.h"

namespace mandate {

class LiveAggregate {
 public:
  // Classifies and aggregates every task of ds as of query.as_of. ds must outlive this.
  static absl::StatusOr<LiveAggregate> Make(const Dataset& ds, const AggregateQuery& query);

  // After ds.AddTask(): call once for each appended task, in order. A task that brings a
  // new category or source into the dataset's dictionaries re-plans and recomputes (rare).
  absl::Status OnTaskAdded(TaskIndex i);
  // The same with a status the caller already has (TaskStatus value or kNotYetAssigned).
  absl::Status OnTaskAdded(TaskIndex i, std::uint8_t status);
  // After ds.AddEvent(i, ...): the task leaves the groups its previous state put it in and
  // joins those of its new state (status, due month, deadline kind, windows).
  absl::Status OnTaskChanged(TaskIndex i);
  absl::Status OnTaskChanged(TaskIndex i, std::uint8_t status);

  const StatusCounts& totals() const { return state_->totals(); }
  AggregateResult Result() const { return state_->Result(); }
  const AggregateState& state() const { return *state_; }
  const std::shared_ptr<const AggregatePlan>& plan() const { return plan_; }
  std::uint8_t status(TaskIndex i) const { return status_[i]; }
  std::size_t held() const { return status_.size(); }  // tasks counted: 0 .. held()-1

 private:
  LiveAggregate() = default;
  absl::Status Rebuild();
  std::uint8_t Classify(TaskIndex i) const;
  TaskDays Days(TaskIndex i) const;

  const Dataset* ds_ = nullptr;
  AggregateQuery query_;
  std::shared_ptr<const AggregatePlan> plan_;
  std::unique_ptr<AggregateState> state_;
  std::vector<std::uint8_t> status_;  // as counted
  std::vector<TaskDays> days_;        // as counted; only when the plan reads them
};

}  // namespace mandate

#endif
