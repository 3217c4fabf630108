// The report as an Excel workbook, written with libxlsxwriter: each table of the report on a
// sheet of its own (title, as-of line, a bordered table with a frozen, filterable header),
// numbers as numbers and days as real dates, so that an official can sort, filter and sum.
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <variant>
#include <vector>

#include "absl/strings/str_format.h"
#include "mandate/report_office.h"
#include "report/labels.h"
#include "report/render.h"

namespace mandate {
namespace {

using Cell = std::variant<std::string, std::int64_t, std::optional<Day>>;

struct Column {
  std::string name;
  double width;  // in characters; wide enough for Vietnamese names, long text wraps
};

struct Formats {
  lxw_format *title, *note, *header, *text, *number, *date;
};

Formats MakeFormats(lxw_workbook* wb) {
  const auto base = [&] {
    lxw_format* f = workbook_add_format(wb);
    format_set_font_name(f, "Times New Roman");
    format_set_font_size(f, 12);
    return f;
  };
  const auto cell = [&] {
    lxw_format* f = base();
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(f);
    return f;
  };
  Formats f{base(), base(), cell(), cell(), cell(), cell()};
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  format_set_italic(f.note);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xDDEBF7);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_num_format(f.number, "#,##0");
  format_set_num_format(f.date, "dd/mm/yyyy");
  format_set_align(f.date, LXW_ALIGN_CENTER);
  return f;
}

void WriteCell(lxw_worksheet* ws, const Formats& f, lxw_row_t r, lxw_col_t c, const Cell& v) {
  if (const auto* s = std::get_if<std::string>(&v)) {
    worksheet_write_string(ws, r, c, s->c_str(), f.text);
  } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
    worksheet_write_number(ws, r, c, static_cast<double>(*n), f.number);
  } else if (const auto& d = std::get<std::optional<Day>>(v)) {
    const date::year_month_day ymd{*d};
    lxw_datetime dt{static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
                    static_cast<int>(unsigned(ymd.day())), 0, 0, 0};
    worksheet_write_datetime(ws, r, c, &dt, f.date);
  } else {
    worksheet_write_blank(ws, r, c, f.text);
  }
}

// A sheet: a title, an as-of line, then the table from row 4 with its header frozen and
// filterable.
void Sheet(lxw_workbook* wb, const Formats& f, const std::string& name, const std::string& title,
           const std::string& note, const std::vector<Column>& columns,
           const std::vector<std::vector<Cell>>& rows) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  const auto last = static_cast<lxw_col_t>(columns.size() - 1);
  worksheet_write_string(ws, 0, 0, title.c_str(), f.title);
  worksheet_write_string(ws, 1, 0, note.c_str(), f.note);
  constexpr lxw_row_t kHeader = 3;
  for (lxw_col_t c = 0; c <= last; ++c) {
    worksheet_set_column(ws, c, c, columns[c].width, nullptr);
    worksheet_write_string(ws, kHeader, c, columns[c].name.c_str(), f.header);
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (lxw_col_t c = 0; c <= last && c < rows[r].size(); ++c) {
      WriteCell(ws, f, static_cast<lxw_row_t>(kHeader + 1 + r), c, rows[r][c]);
    }
  }
  worksheet_freeze_panes(ws, kHeader + 1, 0);
  worksheet_autofilter(ws, kHeader, 0, static_cast<lxw_row_t>(kHeader + rows.size()), last);
}

struct SheetNames {
  const char *totals, *agencies, *by_category, *by_agency, *due_next, *tasks;
};
const SheetNames& NamesFor(ReportLanguage lang) {
  // Excel allows 31 characters in a sheet name.
  static const SheetNames kVi{"Tổng hợp",           "Theo cơ quan", "Quá hạn theo nhóm",
                              "Quá hạn theo cơ quan", "Sắp đến hạn",  "Nhiệm vụ"};
  static const SheetNames kEn{"Totals",            "By agency", "Overdue by group",
                              "Overdue by agency", "Due next",  "Tasks"};
  return lang == ReportLanguage::kEnglish ? kEn : kVi;
}

std::vector<Column> CountColumns(const report::Labels& l, std::string first) {
  std::vector<Column> out{{std::move(first), 40}};
  for (std::string_view s : {l.total, l.completed, l.on_time, l.late, l.in_progress, l.due_soon,
                             l.overdue, l.cancelled}) {
    out.push_back({std::string(s), 14});
  }
  return out;
}

// "In progress" is the report's: in progress including those due soon (ReportCounts::ongoing).
std::vector<Cell> CountCells(std::string first, const ReportCounts& c) {
  return {std::move(first), c.total,       c.completed(), c.completed_on_time, c.completed_late,
          c.ongoing(),      c.due_soon,    c.overdue,     c.cancelled};
}

void ReportSheets(lxw_workbook* wb, const Formats& f, const ReportData& d, ReportLanguage lang) {
  const report::Labels& l = report::LabelsFor(lang);
  const SheetNames& n = NamesFor(lang);
  const std::string as_of = std::string(l.as_of) + " " + report::DayText(d.as_of, lang);
  const std::string title(l.title);
  Sheet(wb, f, n.totals, title, as_of, {{std::string(l.status), 40}, {std::string(l.tasks), 14}},
        {{std::string(l.total), d.totals.total},
         {std::string(l.completed), d.totals.completed()},
         {std::string(l.on_time), d.totals.completed_on_time},
         {std::string(l.late), d.totals.completed_late},
         {std::string(l.in_progress), d.totals.ongoing()},  // as the report counts it
         {std::string(l.due_soon), d.totals.due_soon},
         {std::string(l.overdue), d.totals.overdue},
         {std::string(l.cancelled), d.totals.cancelled}});
  std::vector<std::vector<Cell>> agencies;
  for (const ReportAgency& a : d.by_agency) agencies.push_back(CountCells(a.name, a.counts));
  Sheet(wb, f, n.agencies, title, as_of, CountColumns(l, std::string(l.agency)), agencies);
  const auto groups = [](const std::vector<ReportGroup>& g) {
    std::vector<std::vector<Cell>> rows;
    for (const ReportGroup& x : g) rows.push_back({x.label, x.count});
    return rows;
  };
  Sheet(wb, f, n.by_category, std::string(l.overdue_heading),
        std::string(l.by_category) + ". " + as_of,
        {{std::string(l.category), 70}, {std::string(l.overdue), 16}},
        groups(d.overdue_by_category));
  Sheet(wb, f, n.by_agency, std::string(l.overdue_heading), std::string(l.by_agency) + ". " + as_of,
        {{std::string(l.agency), 45}, {std::string(l.overdue), 16}}, groups(d.overdue_by_agency));
  std::vector<std::vector<Cell>> next;
  for (const ReportCategoryTasks& c : d.due_next) {
    for (const ReportTask& t : c.tasks) {
      std::string leads;
      for (const auto& x : t.lead) leads += (leads.empty() ? "" : ", ") + x;
      next.push_back({c.category, t.id, t.title, leads, t.deadline_text, t.due});
    }
  }
  Sheet(wb, f, n.due_next, std::string(l.next_heading),
        report::DayText(d.next_from, lang) + " - " + report::DayText(d.next_to, lang),
        {{std::string(l.category), 40},
         {std::string(l.id), 12},
         {std::string(l.task), 70},
         {std::string(l.lead), 35},
         {std::string(l.deadline), 25},
         {std::string(l.due), 13}},
        next);
}

void TaskSheet(lxw_workbook* wb, const Formats& f, const ReportData& d, ReportLanguage lang,
               std::span<const ReportTaskStatus> tasks) {
  const report::Labels& l = report::LabelsFor(lang);
  const bool en = lang == ReportLanguage::kEnglish;
  std::vector<std::vector<Cell>> rows;
  for (const ReportTaskStatus& t : tasks) {
    rows.push_back({t.id, t.title, t.lead, t.coordinators, t.deadline_text, t.due,
                    std::string(EnumLabel(t.status, en ? LabelLanguage::kEn : LabelLanguage::kVi)),
                    t.reason});
  }
  Sheet(wb, f, NamesFor(lang).tasks, std::string(l.title),
        std::string(l.as_of) + " " + report::DayText(d.as_of, lang),
        {{std::string(l.id), 12},
         {std::string(l.task), 70},
         {std::string(l.lead), 35},
         {en ? "Coordinating agencies" : "Cơ quan phối hợp", 35},
         {std::string(l.deadline), 25},
         {std::string(l.due), 13},
         {std::string(l.status), 20},
         {en ? "Reason" : "Căn cứ xác định", 60}},
        rows);
}

}  // namespace

absl::StatusOr<std::string> RenderReportXlsx(const ReportData& data, ReportLanguage lang,
                                             std::span<const ReportTaskStatus> tasks) {
  // libxlsxwriter 1.1 writes to a file: a private temporary one, read back and removed.
  std::string path = (std::filesystem::temp_directory_path() / "mandate-report-XXXXXX.xlsx").string();
  const int fd = mkstemps(path.data(), 5);
  if (fd < 0) return absl::InternalError("cannot create a temporary file for the workbook");
  close(fd);
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) {
    std::remove(path.c_str());
    return absl::InternalError("cannot start the workbook");
  }
  const Formats f = MakeFormats(wb);
  ReportSheets(wb, f, data, lang);
  if (!tasks.empty()) TaskSheet(wb, f, data, lang, tasks);
  const lxw_error closed = workbook_close(wb);
  std::string bytes;
  if (closed == LXW_NO_ERROR) {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::remove(path.c_str());
  if (closed != LXW_NO_ERROR || bytes.empty()) {
    return absl::InternalError(
        absl::StrFormat("cannot write the workbook: %s", lxw_strerror(closed)));
  }
  return bytes;
}

}  // namespace mandate
