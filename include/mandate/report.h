// The steering committee's summary report (the shape of seed 001): what it contains
// (ReportData, computed from the engine's results by BuildReport) and how it is written
// (Render: Markdown, self-contained HTML with an inline SVG chart, JSON, CSV; Vietnamese
// by default, English on request).
#ifndef MANDATE_REPORT_H
#define MANDATE_REPORT_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "mandate/agency_registry.h"
#include "mandate/civil_day.h"
#include "mandate/dataset.h"
#include "mandate/enum_table.h"

namespace mandate {

struct ReportCounts {
  std::int64_t total = 0;  // tasks assigned by the as-of day, cancelled ones excluded
  std::int64_t completed_on_time = 0;
  std::int64_t completed_late = 0;
  std::int64_t due_soon = 0;
  std::int64_t in_progress = 0;  // not due soon
  std::int64_t overdue = 0;
  std::int64_t cancelled = 0;
  std::int64_t completed() const { return completed_on_time + completed_late; }
  // "đang thực hiện" of the report: in_progress + due_soon.
  std::int64_t ongoing() const { return in_progress + due_soon; }
  friend bool operator==(const ReportCounts&, const ReportCounts&) = default;
};

struct ReportAgency {
  std::string id;
  std::string name;
  AgencyKind kind = AgencyKind::kOther;
  ReportCounts counts;
};

struct ReportGroup {
  std::string label;
  std::int64_t count = 0;
};

struct ReportTask {
  std::string id;
  std::string title;
  std::string category;
  std::vector<std::string> lead;  // agency names
  std::string deadline_text;
  std::optional<Day> due;
  int days_overdue = 0;  // overdue list only
};

struct ReportCategoryTasks {
  std::string category;
  std::vector<ReportTask> tasks;
};

struct ReportTarget {
  std::string id, name, unit, status;
  std::optional<double> latest;
  double target = 0;
  std::optional<double> achievement;  // 0..1 clamped
};

// A family of per-locality criteria (the 16 commune-level criteria across the provinces),
// summarised as seed 001 words it: how many criteria exceed the threshold nationally, how
// many localities meet every criterion, the weak criteria and the weakest localities.
struct ReportCriterion {
  std::string id, name, unit;
  std::optional<double> national;  // measured, or the mean of the localities' figures
  int localities_met = 0, localities_measured = 0;
};
struct ReportCriteria {
  std::string family;
  double threshold = 95;
  int criteria = 0, criteria_exceeding = 0;
  int localities = 0, localities_meeting_all = 0;
  std::vector<std::string> meeting_all;          // locality names, in id order
  std::vector<ReportCriterion> below_threshold;  // not exceeding nationally, weakest first
  std::vector<std::string> weakest_localities;   // up to five not meeting all, weakest first
};

// The document's letterhead (Decree 30/2020/NĐ-CP): who issues it, where, for which meeting.
// Empty fields are left out of the rendering. Shared by every format (md, html, json, csv,
// docx, xlsx) so the Word export and the text report say the same thing.
struct ReportHeader {
  std::string issuing_body;  // "BAN CHỈ ĐẠO TRUNG ƯƠNG …" (cơ quan ban hành)
  std::string place;         // "Hà Nội" in "Hà Nội, ngày 23 tháng 9 năm 2025"
  std::string meeting;       // "Phiên họp lần thứ 3" in "(Phục vụ Phiên họp lần thứ 3 …)"
  friend bool operator==(const ReportHeader&, const ReportHeader&) = default;
};

struct ReportData {
  ReportHeader header;
  Day as_of{};
  std::optional<Day> since;
  ReportCounts totals;
  int agencies = 0;          // agencies with at least one task
  int agencies_central = 0;  // ministries, ministry-level and government agencies
  int agencies_provinces = 0;
  std::vector<ReportAgency> top_agencies;  // the five with the most tasks
  std::vector<ReportAgency> by_agency;     // every agency with a task, most tasks first
  // Change since `since`: tasks assigned in (since, as_of], completed in it, and tasks
  // overdue at as_of that were not overdue at since.
  struct Change {
    std::int64_t assigned = 0, completed = 0, completed_on_time = 0, newly_overdue = 0;
  };
  std::optional<Change> change;
  std::vector<ReportGroup> overdue_by_category;  // top-level category, most first
  std::vector<ReportGroup> overdue_by_agency;
  std::vector<ReportTask> overdue;            // appendix 01: most days overdue first
  Day next_from{}, next_to{};                 // the coming period (as_of+1 .. +1 month)
  std::vector<ReportCategoryTasks> due_next;  // tasks due in it, by category
  std::vector<ReportTarget> targets;
  std::vector<ReportCriteria> criteria;  // one per target family measured per locality
};

struct ReportOptions {
  ReportHeader header;
  Day as_of{};
  std::optional<Day> since;
  int soon_days = 7;
  double criteria_threshold = 95;  // "n/16 tiêu chí đạt tỷ lệ trên 95%"
};

absl::StatusOr<ReportData> BuildReport(const Dataset& ds, const ReportOptions& options);

enum class ReportFormat : std::uint8_t {
  kMarkdown = 0,
  kHtml = 1,
  kJson = 2,
  kCsv = 3,
  kXlsx = 4,  // binary (include/mandate/report_office.h)
  kDocx = 5,  // binary: Decree 30/2020 administrative format (report_office.h)
};
template <>
struct EnumTable<ReportFormat> {
  static constexpr EnumEntry<ReportFormat> kEntries[] = {
      {ReportFormat::kMarkdown, "md"},
      {ReportFormat::kHtml, "html"},
      {ReportFormat::kJson, "json"},
      {ReportFormat::kCsv, "csv"},
      {ReportFormat::kXlsx, "xlsx"},
      {ReportFormat::kDocx, "docx"},
  };
};
static_assert(EnumTableIsDense<ReportFormat>());

enum class ReportLanguage : std::uint8_t { kVietnamese = 0, kEnglish = 1 };
template <>
struct EnumTable<ReportLanguage> {
  static constexpr EnumEntry<ReportLanguage> kEntries[] = {
      {ReportLanguage::kVietnamese, "vi"},
      {ReportLanguage::kEnglish, "en"},
  };
};
static_assert(EnumTableIsDense<ReportLanguage>());

std::string RenderReport(const ReportData& data, ReportFormat format, ReportLanguage lang);

// Number formatting of the report's language: vi "1.234" and "95,5%", en "1,234" and "95.5%".
std::string FormatCount(std::int64_t n, ReportLanguage lang);
std::string FormatPercent(double fraction, ReportLanguage lang);

}  // namespace mandate

#endif
