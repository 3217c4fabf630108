// Enumerations across the C ABI: the values equal the C++ core's (checked here at compile
// time), and the names come from the core so files, reports and bindings agree.
#include "internal/convert.h"
#include "internal/enum_name.h"
#include "internal/error.h"
#include "mandate.h"
#include "mandate/agency_registry.h"
#include "mandate/classification.h"
#include "mandate/deadline.h"
#include "mandate/target.h"
#include "mandate/task.h"

namespace mandate::capi {
namespace {

using TS = TaskStatus;
static_assert(MDT_TASK_COMPLETED_ON_TIME == static_cast<int>(TS::kCompletedOnTime));
static_assert(MDT_TASK_COMPLETED_LATE == static_cast<int>(TS::kCompletedLate));
static_assert(MDT_TASK_OVERDUE == static_cast<int>(TS::kOverdue));
static_assert(MDT_TASK_DUE_SOON == static_cast<int>(TS::kDueSoon));
static_assert(MDT_TASK_IN_PROGRESS == static_cast<int>(TS::kInProgress));
static_assert(MDT_TASK_CANCELLED == static_cast<int>(TS::kCancelled));
// The status columns hold kNotYetAssigned (0xFF); the C ABI says -1 (StatusValue converts).
static_assert(MDT_TASK_NOT_YET_ASSIGNED == -1);
static_assert(MDT_TASK_STATUS_COUNT == kTaskStatusCount);

using DK = DeadlineKind;
static_assert(MDT_DEADLINE_UNKNOWN == static_cast<int>(DK::kUnknown));
static_assert(MDT_DEADLINE_DATE == static_cast<int>(DK::kDate));
static_assert(MDT_DEADLINE_BEFORE == static_cast<int>(DK::kBefore));
static_assert(MDT_DEADLINE_MONTH == static_cast<int>(DK::kMonth));
static_assert(MDT_DEADLINE_QUARTER == static_cast<int>(DK::kQuarter));
static_assert(MDT_DEADLINE_HALF == static_cast<int>(DK::kHalf));
static_assert(MDT_DEADLINE_YEAR == static_cast<int>(DK::kYear));
static_assert(MDT_DEADLINE_RECURRING == static_cast<int>(DK::kRecurring));
static_assert(MDT_DEADLINE_ONGOING == static_cast<int>(DK::kOngoing));
static_assert(MDT_DEADLINE_ROADMAP == static_cast<int>(DK::kRoadmap));
static_assert(MDT_DEADLINE_OPEN_ENDED == static_cast<int>(DK::kOpenEnded));
static_assert(MDT_DEADLINE_MULTI == static_cast<int>(DK::kMulti));
static_assert(MDT_DEADLINE_RELATIVE == static_cast<int>(DK::kRelative));
static_assert(MDT_DEADLINE_NONE == static_cast<int>(DK::kNone));
static_assert(MDT_DEADLINE_PERIOD == static_cast<int>(DK::kPeriod));
static_assert(static_cast<int>(EnumCount<DeadlineKind>()) == MDT_DEADLINE_PERIOD + 1);

static_assert(MDT_FREQ_WEEKLY == static_cast<int>(Frequency::kWeekly));
static_assert(MDT_FREQ_MONTHLY == static_cast<int>(Frequency::kMonthly));
static_assert(MDT_FREQ_QUARTERLY == static_cast<int>(Frequency::kQuarterly));
static_assert(MDT_FREQ_SEMIANNUAL == static_cast<int>(Frequency::kSemiannual));
static_assert(MDT_FREQ_YEARLY == static_cast<int>(Frequency::kYearly));
static_assert(static_cast<int>(EnumCount<Frequency>()) == MDT_FREQ_YEARLY + 1);

static_assert(MDT_EVENT_PROGRESS == static_cast<int>(EventType::kProgress));
static_assert(MDT_EVENT_COMPLETED == static_cast<int>(EventType::kCompleted));
static_assert(MDT_EVENT_REOPENED == static_cast<int>(EventType::kReopened));
static_assert(MDT_EVENT_DEADLINE_CHANGED == static_cast<int>(EventType::kDeadlineChanged));
static_assert(MDT_EVENT_CANCELLED == static_cast<int>(EventType::kCancelled));
static_assert(static_cast<int>(EnumCount<EventType>()) == MDT_EVENT_CANCELLED + 1);

static_assert(MDT_AGENCY_OTHER == static_cast<int>(AgencyKind::kOther));
static_assert(MDT_AGENCY_MINISTRY == static_cast<int>(AgencyKind::kMinistry));
static_assert(MDT_AGENCY_MINISTRY_LEVEL == static_cast<int>(AgencyKind::kMinistryLevel));
static_assert(MDT_AGENCY_GOVERNMENT_AGENCY == static_cast<int>(AgencyKind::kGovernmentAgency));
static_assert(MDT_AGENCY_PROVINCE == static_cast<int>(AgencyKind::kProvince));
static_assert(MDT_AGENCY_PARTY_BODY == static_cast<int>(AgencyKind::kPartyBody));
static_assert(MDT_AGENCY_ENTERPRISE == static_cast<int>(AgencyKind::kEnterprise));
static_assert(MDT_AGENCY_UNIVERSITY == static_cast<int>(AgencyKind::kUniversity));
static_assert(MDT_AGENCY_GOVERNMENT_UNIT == static_cast<int>(AgencyKind::kGovernmentUnit));
static_assert(MDT_AGENCY_BANK == static_cast<int>(AgencyKind::kBank));
static_assert(MDT_AGENCY_STATE_AUDIT == static_cast<int>(AgencyKind::kStateAudit));
static_assert(MDT_AGENCY_NATIONAL_ASSEMBLY == static_cast<int>(AgencyKind::kNationalAssembly));
static_assert(MDT_AGENCY_COURT == static_cast<int>(AgencyKind::kCourt));
static_assert(MDT_AGENCY_PROCURACY == static_cast<int>(AgencyKind::kProcuracy));
static_assert(static_cast<int>(EnumCount<AgencyKind>()) == MDT_AGENCY_PROCURACY + 1);

static_assert(MDT_TARGET_AT_LEAST == static_cast<int>(TargetDirection::kAtLeast));
static_assert(MDT_TARGET_AT_MOST == static_cast<int>(TargetDirection::kAtMost));
static_assert(static_cast<int>(EnumCount<TargetDirection>()) == MDT_TARGET_AT_MOST + 1);

static_assert(MDT_OCCURRENCE_MET_ON_TIME == static_cast<int>(OccurrenceOutcome::kMetOnTime));
static_assert(MDT_OCCURRENCE_MET_LATE == static_cast<int>(OccurrenceOutcome::kMetLate));
static_assert(MDT_OCCURRENCE_MISSED == static_cast<int>(OccurrenceOutcome::kMissed));

}  // namespace
}  // namespace mandate::capi

using namespace mandate::capi;  // NOLINT: the C entry points below

extern "C" {

MDT_API const char* mdt_task_status_name(mdt_task_status value_arg) {
  const std::int32_t value = EnumArg(value_arg);
  if (value == MDT_TASK_NOT_YET_ASSIGNED) return mandate::kNotYetAssignedName.data();
  return EnumCName<mandate::TaskStatus>(value);
}
MDT_API mdt_status mdt_task_status_from_name(mdt_task_status* out, const char* name) {
  return Guard([&] { return EnumFromCName<mandate::TaskStatus>(out, name, "a task status"); });
}
MDT_API const char* mdt_deadline_kind_name(mdt_deadline_kind value_arg) {
  return EnumCName<mandate::DeadlineKind>(EnumArg(value_arg));
}
MDT_API mdt_status mdt_deadline_kind_from_name(mdt_deadline_kind* out, const char* name) {
  return Guard([&] { return EnumFromCName<mandate::DeadlineKind>(out, name, "a deadline kind"); });
}
MDT_API const char* mdt_frequency_name(mdt_frequency value_arg) {
  return EnumCName<mandate::Frequency>(EnumArg(value_arg));
}
MDT_API const char* mdt_event_type_name(mdt_event_type value_arg) {
  return EnumCName<mandate::EventType>(EnumArg(value_arg));
}
MDT_API mdt_status mdt_event_type_from_name(mdt_event_type* out, const char* name) {
  return Guard([&] { return EnumFromCName<mandate::EventType>(out, name, "an event type"); });
}
MDT_API const char* mdt_agency_kind_name(mdt_agency_kind value_arg) {
  return EnumCName<mandate::AgencyKind>(EnumArg(value_arg));
}
MDT_API const char* mdt_target_direction_name(mdt_target_direction value_arg) {
  return EnumCName<mandate::TargetDirection>(EnumArg(value_arg));
}

}  // extern "C"
