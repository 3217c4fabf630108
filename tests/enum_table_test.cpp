// One table per enumeration (include/mandate/enum_table.h): every layer reads the same names,
// and a value outside a table is "unknown" (label "?") everywhere, the C ABI included.
#include "mandate/enum_table.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "mandate.h"
#include "mandate/agency_registry.h"
#include "mandate/aggregate_rank.h"
#include "mandate/calendar.h"
#include "mandate/classification.h"
#include "mandate/csv.h"
#include "mandate/deadline.h"
#include "mandate/report.h"
#include "mandate/target.h"
#include "mandate/target_status.h"
#include "mandate/task.h"

namespace mandate {
namespace {

// Names round-trip, are distinct and non-empty; the value after the last is unknown.
template <typename E>
void ExpectTableWellFormed() {
  std::set<std::string_view> names;
  for (const auto& e : EnumTable<E>::kEntries) {
    EXPECT_FALSE(e.name.empty());
    EXPECT_TRUE(names.insert(e.name).second) << e.name << " twice";
    EXPECT_EQ(EnumName(e.value), e.name);
    EXPECT_EQ(EnumFromName<E>(e.name), e.value) << e.name;
  }
  const auto past = static_cast<E>(EnumFirst<E>() + EnumCount<E>());
  EXPECT_EQ(EnumName(past), kUnknownEnumName);
  EXPECT_EQ(EnumLabel(past, LabelLanguage::kVi), kUnknownEnumLabel);
  EXPECT_EQ(EnumLabel(past, LabelLanguage::kEn), kUnknownEnumLabel);
  // "unknown" names no value, except where a value is itself named so (DeadlineKind::kUnknown).
  if (!names.contains(kUnknownEnumName)) {
    EXPECT_FALSE(EnumFromName<E>(kUnknownEnumName).has_value());
  }
}

TEST(EnumTable, EveryTableIsWellFormed) {
  ExpectTableWellFormed<TaskStatus>();
  ExpectTableWellFormed<OccurrenceOutcome>();
  ExpectTableWellFormed<DeadlineKind>();
  ExpectTableWellFormed<Frequency>();
  ExpectTableWellFormed<EventType>();
  ExpectTableWellFormed<AgencyKind>();
  ExpectTableWellFormed<TargetStatus>();
  ExpectTableWellFormed<TargetDirection>();
  ExpectTableWellFormed<Measure>();
  ExpectTableWellFormed<DayOffCategory>();
  ExpectTableWellFormed<DayKind>();
  ExpectTableWellFormed<CsvErrorKind>();
  ExpectTableWellFormed<ReportFormat>();
  ExpectTableWellFormed<ReportLanguage>();
}

TEST(EnumTable, TablesStartingAtOneRefuseZero) {
  EXPECT_EQ(EnumName(static_cast<DayOffCategory>(0)), kUnknownEnumName);
  EXPECT_EQ(EnumName(static_cast<CsvErrorKind>(0)), kUnknownEnumName);
  EXPECT_EQ(EnumName(DayOffCategory::kWeekend), "weekend");
  EXPECT_EQ(EnumName(CsvErrorKind::kUnterminatedQuote), "unterminated_quote");
}

TEST(EnumTable, ReportLabelsComeFromTheStatusTable) {
  EXPECT_EQ(EnumLabel(TaskStatus::kOverdue, LabelLanguage::kVi), "quá hạn, chậm muộn");
  EXPECT_EQ(EnumLabel(TaskStatus::kOverdue, LabelLanguage::kEn), "overdue");
  EXPECT_EQ(EnumLabel(TargetStatus::kAtRisk, LabelLanguage::kVi), "có nguy cơ chậm");
  EXPECT_EQ(EnumLabel(TargetStatus::kAtRisk, LabelLanguage::kEn), "at risk");
  // No label: the name.
  EXPECT_EQ(EnumLabel(OccurrenceOutcome::kMissed, LabelLanguage::kVi), "missed");
}

TEST(EnumTable, MeasuresOfAStatusAreNamedAsTheStatus) {
  EXPECT_EQ(EnumName(Measure::kCompletedOnTime), EnumName(TaskStatus::kCompletedOnTime));
  EXPECT_EQ(EnumName(Measure::kCancelled), EnumName(TaskStatus::kCancelled));
}

// The C ABI's *_name functions hand out the core's names, and "unknown" outside them.
template <typename E, typename C>
void ExpectCNames(const char* (*c_name)(C)) {
  for (const auto& e : EnumTable<E>::kEntries) {
    EXPECT_EQ(std::string(c_name(static_cast<C>(e.value))), e.name);
  }
  const auto past = static_cast<std::int64_t>(EnumFirst<E>() + EnumCount<E>());
  EXPECT_STREQ(c_name(static_cast<C>(past)), "unknown");
  EXPECT_STREQ(c_name(static_cast<C>(past + 256)), "unknown");  // no wrap to a uint8_t value
  EXPECT_STREQ(c_name(static_cast<C>(-2)), "unknown");
}

TEST(EnumTable, TheCAbiReadsTheSameTables) {
  ExpectCNames<TaskStatus>(mdt_task_status_name);
  ExpectCNames<DeadlineKind>(mdt_deadline_kind_name);
  ExpectCNames<Frequency>(mdt_frequency_name);
  ExpectCNames<EventType>(mdt_event_type_name);
  ExpectCNames<AgencyKind>(mdt_agency_kind_name);
  ExpectCNames<TargetDirection>(mdt_target_direction_name);
  ExpectCNames<TargetStatus>(mdt_target_status_name);
  ExpectCNames<Measure>(mdt_measure_name);
  ExpectCNames<DayKind>(mdt_day_kind_name);
  EXPECT_EQ(std::string(mdt_task_status_name(MDT_TASK_NOT_YET_ASSIGNED)), kNotYetAssignedName);
}

}  // namespace
}  // namespace mandate
