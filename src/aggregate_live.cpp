#include "mandate/aggregate_live.h"

#include "absl/strings/str_format.h"

namespace mandate {

absl::StatusOr<LiveAggregate> LiveAggregate::Make(const Dataset& ds, const AggregateQuery& query) {
  LiveAggregate live;
  live.ds_ = &ds;
  live.query_ = query;
  ClassifyAll(ds, query.as_of, query.classify, live.status_);
  if (auto s = live.Rebuild(); !s.ok()) return s;
  return live;
}

absl::Status LiveAggregate::Rebuild() {
  auto plan = AggregatePlan::Make(*ds_, query_);
  if (!plan.ok()) return plan.status();
  plan_ = *std::move(plan);
  state_ = std::make_unique<AggregateState>(plan_);
  state_->AddRange(status_, 0, static_cast<TaskIndex>(status_.size()));
  days_.clear();
  if (plan_->needs_days_) {
    days_.resize(status_.size());
    for (TaskIndex i = 0; i < status_.size(); ++i) days_[i] = Days(i);
  }
  return absl::OkStatus();
}

std::uint8_t LiveAggregate::Classify(TaskIndex i) const {
  const auto c = ClassifyTask(*ds_, i, query_.as_of, query_.classify);
  return c ? static_cast<std::uint8_t>(c->status) : kNotYetAssigned;
}

TaskDays LiveAggregate::Days(TaskIndex i) const {
  if (!plan_->needs_days_) return {};
  return TaskDaysAsOf(*ds_, i, query_.as_of, query_.classify.baseline);
}

absl::Status LiveAggregate::OnTaskAdded(TaskIndex i) {
  if (i >= ds_->task_count()) {
    return absl::NotFoundError(absl::StrFormat("no task with index %u", i));
  }
  return OnTaskAdded(i, Classify(i));
}

absl::Status LiveAggregate::OnTaskAdded(TaskIndex i, std::uint8_t status) {
  if (i >= ds_->task_count()) {
    return absl::NotFoundError(absl::StrFormat("no task with index %u", i));
  }
  if (i != status_.size()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "task %u added out of order: the aggregate holds %u tasks", i, status_.size()));
  }
  if (status >= kTaskStatusCount && status != kNotYetAssigned) {
    return absl::InvalidArgumentError(absl::StrFormat("status %d is not a TaskStatus", status));
  }
  status_.push_back(status);
  const TaskColumns& c = ds_->columns();
  // The plan sized its codes from the dictionaries it saw: a new entry needs a new plan.
  if ((plan_->Uses(Dimension::kCategory) && c.category[i] >= plan_->category_map_.size()) ||
      (plan_->Uses(Dimension::kSource) && c.source[i] >= plan_->source_count_)) {
    return Rebuild();
  }
  const TaskDays d = Days(i);
  if (plan_->needs_days_) days_.push_back(d);
  state_->AddTask(i, status, d, +1);
  return absl::OkStatus();
}

absl::Status LiveAggregate::OnTaskChanged(TaskIndex i) {
  if (i >= status_.size()) {
    return absl::NotFoundError(absl::StrFormat("no task with index %u in the aggregate", i));
  }
  return OnTaskChanged(i, Classify(i));
}

absl::Status LiveAggregate::OnTaskChanged(TaskIndex i, std::uint8_t status) {
  if (i >= status_.size()) {
    return absl::NotFoundError(absl::StrFormat("no task with index %u in the aggregate", i));
  }
  if (status >= kTaskStatusCount && status != kNotYetAssigned) {
    return absl::InvalidArgumentError(absl::StrFormat("status %d is not a TaskStatus", status));
  }
  const TaskDays old_days = plan_->needs_days_ ? days_[i] : TaskDays{};
  state_->AddTask(i, status_[i], old_days, -1);
  const TaskDays d = Days(i);
  status_[i] = status;
  if (plan_->needs_days_) days_[i] = d;
  state_->AddTask(i, status, d, +1);
  return absl::OkStatus();
}

}  // namespace mandate
