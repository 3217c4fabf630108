#include "mandate/dataset_xlsx.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "mandate/atomic_file.h"
#include "mandate/excel_serial.h"
#include "task_table.h"
#include "xlsx_archive.h"
#include "xlsx_sheet.h"
#include "xlsx_workbook.h"

namespace mandate {
namespace {

using internal::Column;
using internal::XlsxCellName;
using internal::XlsxMerge;
using internal::XlsxRow;
using internal::XlsxSheet;

constexpr std::size_t kHeaderSearchRows = 50;  // title blocks are a few rows
constexpr std::uint32_t kHeaderMaxColumns = 256;  // a task table has a dozen

// Excel's own spelling of a cell on a sheet: 'Kế hoạch'!C17 (quoted unless a plain name).
std::string SheetPrefix(std::string_view name) {
  const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (plain) return std::string(name);
  std::string out = "'";
  for (char c : name) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

class SheetLocator : public internal::CellLocator {
 public:
  explicit SheetLocator(std::string_view sheet) : prefix_(SheetPrefix(sheet)) {}
  std::string Where(std::size_t row, int column) const override {
    if (column < 0) return absl::StrFormat("%s row %d", prefix_, row);
    return prefix_ + "!" + XlsxCellName(static_cast<std::uint32_t>(row),
                                        static_cast<std::uint32_t>(column));
  }

 private:
  std::string prefix_;
};

// Cell lookup that sees through merged ranges (a merged cell's value is in its top-left).
class Grid {
 public:
  explicit Grid(const XlsxSheet& sheet) : sheet_(sheet) {
    for (const auto& m : sheet.merges) top_left_.emplace(Key(m.first_row, m.first_column), &m);
  }
  // The range whose top-left cell this is, if any (constant time: read for every row).
  const XlsxMerge* MergeFrom(std::uint32_t r, std::uint32_t c) const {
    auto it = top_left_.find(Key(r, c));
    return it == top_left_.end() ? nullptr : it->second;
  }

  const XlsxRow* Row(std::uint32_t r) const {
    auto it = std::lower_bound(sheet_.rows.begin(), sheet_.rows.end(), r,
                               [](const XlsxRow& row, std::uint32_t n) { return row.row < n; });
    return it != sheet_.rows.end() && it->row == r ? &*it : nullptr;
  }
  std::string_view Own(std::uint32_t r, std::uint32_t c) const {
    const XlsxRow* row = Row(r);
    if (!row) return {};
    for (const auto& cell : row->cells) {
      if (cell.column == c) return cell.text;
    }
    return {};
  }
  const XlsxMerge* MergeAt(std::uint32_t r, std::uint32_t c) const {
    for (const auto& m : sheet_.merges) {
      if (r >= m.first_row && r <= m.last_row && c >= m.first_column && c <= m.last_column) {
        return &m;
      }
    }
    return nullptr;
  }
  std::string_view Seen(std::uint32_t r, std::uint32_t c) const {
    const XlsxMerge* m = MergeAt(r, c);
    return m ? Own(m->first_row, m->first_column) : Own(r, c);
  }

 private:
  static std::uint64_t Key(std::uint32_t r, std::uint32_t c) {
    return (std::uint64_t{r} << 32) | c;
  }
  const XlsxSheet& sheet_;
  absl::flat_hash_map<std::uint64_t, const XlsxMerge*> top_left_;
};

struct FoundHeader {
  std::uint32_t row = 0, last_row = 0;  // the header's rows (two for a two-row header)
  std::vector<std::string> names;
};

// A header on rows r and r+1 when a range merged in row r reaches down, or spans columns
// that row r+1 names one by one ("Cơ quan" over "Chủ trì" | "Phối hợp").
bool TwoRowHeader(const XlsxSheet& sheet, const Grid& grid, std::uint32_t r) {
  for (const auto& m : sheet.merges) {
    if (m.first_row != r) continue;
    if (m.last_row > r) return true;
    for (std::uint32_t c = m.first_column; c <= m.last_column; ++c) {
      if (!grid.Own(r + 1, c).empty()) return true;
    }
  }
  return false;
}

// The name of column c: in a two-row header, the upper name and the lower one together
// ("Cơ quan chủ trì"), or whichever of them the alias table knows.
std::string HeaderName(const Grid& grid, std::uint32_t r, bool two_rows, std::uint32_t c) {
  const std::string upper(internal::TrimBlanks(grid.Seen(r, c)));
  if (!two_rows) return upper;
  const XlsxMerge* m = grid.MergeAt(r + 1, c);
  const bool lower_is_upper = m != nullptr && m->first_row <= r;  // merged down from row r
  const std::string lower(lower_is_upper ? "" : internal::TrimBlanks(grid.Seen(r + 1, c)));
  if (lower.empty()) return upper;
  if (upper.empty()) return lower;
  const std::string both = upper + " " + lower;
  if (internal::ColumnOf(both) || !internal::ColumnOf(lower)) return both;
  return lower;
}

// The first row (of the first kHeaderSearchRows) whose names include an id column.
absl::StatusOr<FoundHeader> FindHeader(const XlsxSheet& sheet, const Grid& grid) {
  for (std::size_t i = 0; i < sheet.rows.size() && i < kHeaderSearchRows; ++i) {
    const XlsxRow& row = sheet.rows[i];
    const bool two = TwoRowHeader(sheet, grid, row.row);
    std::uint32_t width = row.cells.empty() ? 0 : row.cells.back().column + 1;
    for (const auto& m : sheet.merges) {
      if (m.first_row <= row.row && m.last_row >= row.row) width = std::max(width, m.last_column + 1);
    }
    if (two) {
      if (const XlsxRow* next = grid.Row(row.row + 1); next && !next->cells.empty()) {
        width = std::max(width, next->cells.back().column + 1);
      }
    }
    width = std::min(width, kHeaderMaxColumns);
    FoundHeader h{row.row, two ? row.row + 1 : row.row, {}};
    bool has_id = false;
    for (std::uint32_t c = 0; c < width; ++c) {
      h.names.push_back(HeaderName(grid, row.row, two, c));
      has_id = has_id || internal::ColumnOf(h.names.back()) == internal::kId;
    }
    if (has_id) {
      while (!h.names.empty() && h.names.back().empty()) h.names.pop_back();
      return h;
    }
  }
  return absl::InvalidArgumentError(absl::StrFormat(
      "sheet \"%s\": no header row with an id column (\"id\", \"Mã\", \"Mã nhiệm vụ\") in its "
      "first %d rows; an \"STT\" ordinal is not an id (it changes when rows are inserted or "
      "sorted)",
      sheet.name, kHeaderSearchRows));
}

// Group headings: "I. …", "1. …", "2.1. …" or unnumbered. A heading right under another is
// its sub-heading; a heading after tasks continues the numbering it follows (II after I, 2.2
// after 2.1, an unnumbered one after an unnumbered one); any other starts a new top group.
class GroupPath {
 public:
  void Heading(std::string_view text) {
    Entry e = Classify(text);
    if (after_heading_ && !stack_.empty()) {
      stack_.push_back(std::move(e));
    } else {
      std::size_t level = stack_.size();
      while (level > 0) {
        const Entry& s = stack_[level - 1];
        if (s.kind == e.kind && s.depth == e.depth && (e.kind == kNone || s.value + 1 == e.value)) {
          break;
        }
        --level;
      }
      stack_.resize(level == 0 ? 0 : level - 1);
      stack_.push_back(std::move(e));
    }
    after_heading_ = true;
    path_.clear();
    for (const auto& s : stack_) path_ += (path_.empty() ? "" : " / ") + s.text;
  }
  void Task() { after_heading_ = false; }
  std::string_view path() const { return path_; }

 private:
  enum Kind { kNone, kRoman, kArabic };
  struct Entry {
    Kind kind = kNone;
    int depth = 0, value = 0;
    std::string text;
  };
  static int RomanValue(char c) {
    switch (c) {
      case 'I': return 1;
      case 'V': return 5;
      case 'X': return 10;
      case 'L': return 50;
      case 'C': return 100;
      default: return 0;
    }
  }
  static Entry Classify(std::string_view text) {
    Entry e{kNone, 0, 0, std::string(text)};
    std::size_t i = 0;
    int roman = 0;
    while (i < text.size() && i < 8 && RomanValue(text[i]) > 0) {
      const int v = RomanValue(text[i]);
      const int next = i + 1 < text.size() ? RomanValue(text[i + 1]) : 0;
      roman += v < next ? -v : v;
      ++i;
    }
    if (i > 0 && i < text.size() && text[i] == '.') return {kRoman, 1, roman, e.text};
    i = 0;
    int depth = 0, value = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      const std::size_t start = i;
      while (i < text.size() && i - start < 4 && text[i] >= '0' && text[i] <= '9') ++i;
      std::from_chars(text.data() + start, text.data() + i, value);
      ++depth;
      if (i < text.size() && text[i] == '.') ++i;
      else break;
    }
    if (depth > 0 && i < text.size() && (text[i] == ' ' || text[i - 1] == '.')) {
      return {kArabic, depth, value, e.text};
    }
    return e;
  }
  std::vector<Entry> stack_;
  std::string path_;
  bool after_heading_ = false;
};

// A group heading row: one value, merged across columns or outside the id column.
std::optional<std::string_view> GroupHeading(const XlsxRow& row, const Grid& grid, int id_column) {
  if (row.cells.size() != 1) return std::nullopt;
  const auto& cell = row.cells[0];
  const XlsxMerge* m = grid.MergeFrom(row.row, cell.column);
  const bool merged = m != nullptr && m->last_column > m->first_column;
  if (!merged && static_cast<int>(cell.column) == id_column) return std::nullopt;
  const std::string_view text = internal::TrimBlanks(cell.text);
  if (text.empty()) return std::nullopt;
  return text;
}

bool IsDateColumn(int role) {
  return role == internal::kAssigned || role == internal::kCompleted ||
         role == internal::kDeadline;
}

// A date cell's value as the row reader reads dates: a serial day in the workbook's date
// system becomes YYYY-MM-DD; a "d"-typed cell's ISO date-time loses its time.
std::string DateCellText(const internal::XlsxCell& cell, ExcelDateSystem system) {
  if (!cell.number) {
    const std::string_view t = cell.text;
    if (t.size() > 10 && t[4] == '-' && t[7] == '-' && t[10] == 'T') return std::string(t.substr(0, 10));
    return cell.text;
  }
  char* end = nullptr;
  const double serial = std::strtod(cell.text.c_str(), &end);
  if (end != cell.text.c_str() + cell.text.size()) return cell.text;
  auto day = DayFromExcelSerial(serial, system);
  return day.ok() ? FormatIsoDay(*day) : cell.text;
}

struct SheetRead {
  const XlsxSheet& sheet;
  const Grid& grid;
  const internal::TableHeader& header;
  ExcelDateSystem dates;
};

void ReadRows(const SheetRead& in, std::uint32_t first_data_row, internal::TaskRowReader& rows) {
  GroupPath groups;
  std::vector<std::string> cells;
  std::vector<std::string_view> views;
  const int id_column = in.header.where[internal::kId];
  for (const XlsxRow& row : in.sheet.rows) {
    if (row.row < first_data_row || row.cells.empty()) continue;
    if (auto heading = GroupHeading(row, in.grid, id_column)) {
      groups.Heading(*heading);
      continue;
    }
    const std::size_t width =
        std::max<std::size_t>(in.header.names.size(), row.cells.back().column + 1);
    cells.assign(width, std::string());
    for (const auto& cell : row.cells) {
      const int role = cell.column < in.header.role.size() ? in.header.role[cell.column]
                                                            : internal::kAttribute;
      cells[cell.column] = IsDateColumn(role) ? DateCellText(cell, in.dates) : cell.text;
    }
    views.assign(cells.begin(), cells.end());
    rows.Read({.cells = views, .number = row.row, .group_category = groups.path()});
    groups.Task();
  }
}

absl::StatusOr<const internal::XlsxSheetRef*> PickSheet(const internal::XlsxWorkbook& wb,
                                                        const std::string& name) {
  if (wb.sheets.empty()) return absl::InvalidArgumentError("the workbook has no sheet");
  if (name.empty()) return &wb.sheets[0];
  std::vector<std::string> names;
  for (const auto& s : wb.sheets) {
    if (s.name == name) return &s;
    names.push_back("\"" + s.name + "\"");
  }
  return absl::NotFoundError(absl::StrFormat("the workbook has no sheet \"%s\"; its sheets: %s",
                                             name, absl::StrJoin(names, ", ")));
}

}  // namespace

bool LooksLikeXlsx(std::string_view bytes) { return bytes.starts_with("PK\x03\x04"); }

absl::StatusOr<Dataset> ReadDatasetXlsx(std::string_view bytes, const XlsxReadOptions& options,
                                        std::vector<LoadProblem>* problems) {
  std::vector<LoadProblem> local;
  std::vector<LoadProblem>& out = problems ? *problems : local;
  auto archive = internal::XlsxArchive::Open(bytes, options.xlsx);
  if (!archive.ok()) return archive.status();
  auto wb = internal::ReadXlsxWorkbook(*archive, options.xlsx);
  if (!wb.ok()) return wb.status();
  auto ref = PickSheet(*wb, options.sheet);
  if (!ref.ok()) return ref.status();
  auto sheet = internal::ReadXlsxSheet(*archive, *wb, **ref, options.xlsx);
  if (!sheet.ok()) return sheet.status();
  const Grid grid(*sheet);
  auto found = FindHeader(*sheet, grid);
  if (!found.ok()) return found.status();

  const std::size_t first_problem = out.size();
  internal::ProblemSink sink(out, options.max_problems);
  const SheetLocator where(sheet->name);
  auto header = internal::MapHeader(std::move(found->names), where.Where(found->row, -1),
                                    absl::StrFormat("in row %d", found->row), sink,
                                    /*groups_give_category=*/true);
  if (!header.ok()) return header.status();
  Dataset ds(options.registry, options.limits);
  ds.Reserve(sheet->rows.size());
  const internal::TableRowOptions row_options{
      .plan_year = options.plan_year, .as_of = options.as_of, .unguard_formulas = false};
  internal::TaskRowReader rows(row_options, *header, where, ds, sink);
  ReadRows({*sheet, grid, *header, wb->dates}, found->last_row + 1, rows);
  const std::size_t count = sink.count();
  sink.Finish();
  if (options.strict && count > 0) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%d problem(s); strict mode refuses the workbook. First: %s", count,
                        FormatLoadProblem(out[first_problem])));
  }
  return ds;
}

absl::StatusOr<Dataset> LoadDatasetXlsx(const std::string& path, const XlsxReadOptions& options,
                                        std::vector<LoadProblem>* problems) {
  auto file = FileBytes::Open(path, options.xlsx.max_file_bytes);
  if (!file.ok()) return file.status();
  return ReadDatasetXlsx(file->text(), options, problems);
}

}  // namespace mandate
