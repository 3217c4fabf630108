// A numeric target (chỉ tiêu): "90% 5G coverage in 2025", optionally measured per locality
// (the 16 commune-level criteria in each of the 34 provinces).
#ifndef MANDATE_TARGET_H
#define MANDATE_TARGET_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mandate/civil_day.h"
#include "mandate/enum_table.h"

namespace mandate {

enum class TargetDirection : std::uint8_t { kAtLeast = 0, kAtMost = 1 };  // stable values
template <>
struct EnumTable<TargetDirection> {
  static constexpr EnumEntry<TargetDirection> kEntries[] = {
      {TargetDirection::kAtLeast, "at_least"},
      {TargetDirection::kAtMost, "at_most"},
  };
};
static_assert(EnumTableIsDense<TargetDirection>());

struct Measurement {
  Day day{};
  double value = 0;
  std::string locality;  // canonical agency id of the province, or "" for the national value
  std::string source;    // where the figure comes from
  friend bool operator==(const Measurement&, const Measurement&) = default;
};

struct Target {
  std::string id;
  std::string name;
  std::string unit;  // "%", "doanh nghiệp", ...
  TargetDirection direction = TargetDirection::kAtLeast;
  double baseline = 0;
  std::optional<Day> baseline_day;
  double target = 0;
  std::optional<Day> deadline;
  std::vector<std::string> responsible;   // canonical agency ids
  std::string family;                     // groups per-locality criteria ("commune-criteria")
  std::vector<Measurement> measurements;  // in day order
  friend bool operator==(const Target&, const Target&) = default;
};

// A goal (mục tiêu): groups tasks and targets by id.
struct Goal {
  std::string id;
  std::string name;
  std::vector<std::string> task_ids;
  std::vector<std::string> target_ids;
  friend bool operator==(const Goal&, const Goal&) = default;
};

// A source document (Nghị quyết, Kế hoạch, Thông báo, ...) that assigns tasks.
struct SourceDocument {
  std::string id;      // the reference as cited, e.g. "45-TB/TGV"
  std::string type;    // "Thông báo", "Kế hoạch", "Nghị quyết", "Quyết định", ...
  std::string number;  // "45"
  std::string issuer;  // "TGV"
  std::optional<Day> date;
  std::string title;
  friend bool operator==(const SourceDocument&, const SourceDocument&) = default;
};

}  // namespace mandate

#endif
