#include "mandate/deadline_cache.h"

namespace mandate {

const absl::StatusOr<Deadline>& DeadlineCache::Parse(std::string_view text,
                                                     const DeadlineContext& ctx) {
  Key key{std::string(text), ctx.plan_year.value_or(0),
          ctx.assigned ? ToEpochDays(*ctx.assigned) : INT32_MIN, ctx.inclusive_before,
          ctx.calendar};
  auto [it, inserted] = entries_.try_emplace(std::move(key));
  if (inserted) it->second = std::make_unique<absl::StatusOr<Deadline>>(ParseDeadline(text, ctx));
  return *it->second;
}

}  // namespace mandate
