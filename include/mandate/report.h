// The steering committee's summary report (the shape of seed 001): what it contains
// (ReportData, computed from the engine's results by BuildReport) and how it is written
// (Render: Markdown, self-contained HTML with an inline SVG chart, JSON, CSV; Vietnamese
// by default, English on request).
#ifndef MANDATE_REPORT_H
#define MANDATE_REPORT_H

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "mandate/agency_registry.h"
#include "mandate/civil_day.h"
#include "mandate/dataset.h"
#include "mandate/enum_table.h"
#include "mandate/report_programmes.h"

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
  std::string lead_text;  // the lead cell as written ("Các bộ, ngành, địa phương")
  std::string source;     // the task's source documents as written, "; "-joined
  std::string programme;  // Programme::id, "" = other
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
  bool family_measured = false;  // one of a family measured per locality (see criteria)
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

// Tasks assigned in the window (since, as_of], as they stand at as_of (seed 001: "được giao
// 73 nhiệm vụ, đã hoàn thành 50 nhiệm vụ và còn 23 nhiệm vụ quá hạn").
struct ReportWindow {
  std::int64_t assigned = 0, completed = 0, completed_on_time = 0, ongoing = 0, overdue = 0;
  friend bool operator==(const ReportWindow&, const ReportWindow&) = default;
};

// Overdue tasks of one theme ("Về hạ tầng: 17 nhiệm vụ (06 … theo NQ71; 11 … theo TBKL)").
struct ReportThemeGroup {
  ReportText label;  // empty vi = tasks of no theme ("các nhiệm vụ khác")
  std::int64_t count = 0;
  struct Part {
    ReportText label;  // the programme part's label ("NQ71")
    std::int64_t count = 0;
  };
  std::vector<Part> by_part;  // parts with tasks, in the programme's order
};

// One programme's block (seed 001 I.1.a, I.1.b; II.1.a, II.1.b).
struct ReportProgramme {
  std::string id;  // Programme::id; "other" for tasks matching no programme
  ReportText heading, subject, overdue_heading;
  bool window_on_time = true;
  ReportCounts totals;
  int agencies = 0, agencies_central = 0, agencies_provinces = 0, agencies_other = 0;
  std::vector<ReportAgency> top_agencies;   // the five with the most tasks
  std::optional<ReportWindow> window;       // when the report has a since day
  std::vector<ReportThemeGroup> overdue_by_theme;  // themes in the programmes file's order
  // Display name (provinces by short name, centrally-run cities by name) and count, most
  // first then by name; a task counts once for each lead agency (collectives expanded).
  std::vector<ReportGroup> overdue_by_agency;
  std::optional<ReportCriteria> criteria;  // Programme::criteria_family, when measured
};

// What the dataset records, so the report can say what its figures rest on.
struct ReportCoverage {
  std::int64_t tasks = 0;                  // not cancelled
  std::int64_t completions_recorded = 0;   // tasks with a recorded completion day
  std::int64_t tasks_with_events = 0;      // tasks with any recorded event
  std::int64_t recurring = 0;              // recurring tasks
  std::int64_t recurring_unreported = 0;   // recurring tasks with no event recorded at all
};

// The document's letterhead (Decree 30/2020/NĐ-CP): who issues it, where, for which meeting.
// Empty fields are left out of the rendering. Shared by every format (md, html, json, csv,
// docx, xlsx) so the Word export and the text report say the same thing.
struct ReportHeader {
  std::string issuing_body;  // "BAN CHỈ ĐẠO TRUNG ƯƠNG …" (cơ quan ban hành)
  std::string place;         // "Hà Nội" in "Hà Nội, ngày 23 tháng 9 năm 2025"
  std::string meeting;       // "Phiên họp lần thứ 3" in "(Phục vụ Phiên họp lần thứ 3 …)"
  // The meeting the since day was (seed 001: "từ ngày 20/7/2025 (Phiên họp lần 3 …)").
  std::string previous_meeting;
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
  // Added for seed 001's structure (issue 18):
  int agencies_other = 0;  // agencies neither central nor provinces (parts add up to agencies)
  std::optional<ReportWindow> window;       // all tasks assigned in (since, as_of]
  std::vector<ReportProgramme> programmes;  // the programmes file's order, "other" last
  ReportCoverage coverage;
};

struct ReportOptions {
  ReportHeader header;
  Day as_of{};
  std::optional<Day> since;
  int soon_days = 7;
  double criteria_threshold = 95;  // "n/16 tiêu chí đạt tỷ lệ trên 95%"
  std::shared_ptr<const Programmes> programmes;  // null = Programmes::Bundled()
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
