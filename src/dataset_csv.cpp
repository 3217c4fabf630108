#include "mandate/dataset_csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "legacy_encoding.h"
#include "task_table.h"
#include "mandate/absl_compat.h"
#include "mandate/atomic_file.h"
#include "mandate/deadline.h"
#include "mandate/excel_serial.h"
#include "mandate/task_state.h"
#include "mandate/text.h"

namespace mandate {
namespace {

using internal::ColumnOf;
using enum internal::Column;
using internal::kColumnNames;

// The header line's cells split on `delimiter` outside quotes, quotes and blanks removed:
// enough to see whether a split names an id column.
bool SplitNamesId(std::string_view line, char delimiter) {
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    const char c = i < line.size() ? line[i] : delimiter;
    if (c == '"') {
      quoted = !quoted;
    } else if (c == delimiter && !quoted) {
      if (ColumnOf(cell) == kId) return true;
      cell.clear();
    } else {
      cell.push_back(c);
    }
  }
  return false;
}

// The delimiter of the header line, among ',', ';' and tab outside quotes (a Vietnamese-locale
// Excel writes ';', "Unicode Text" and copies write tabs): the one whose split names an id
// column, else the most frequent; `fallback` on a tie with it or when none occurs (a
// one-column file). The id test keeps a header whose names hold many ';' (kept as attribute
// names and written back unquoted) read with the ',' it was written with.
char DetectDelimiter(std::string_view text, char fallback) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::size_t comma = 0, semicolon = 0, tab = 0, end = text.size();
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      quoted = !quoted;  // a doubled quote toggles twice: still right
    } else if (quoted) {
      continue;
    } else if (c == '\n' || c == '\r') {
      end = i;
      break;
    } else {
      comma += c == ',';
      semicolon += c == ';';
      tab += c == '\t';
    }
  }
  std::pair<std::size_t, char> counts[] = {{comma, ','}, {semicolon, ';'}, {tab, '\t'}};
  // Most frequent first; on a tie the fallback first.
  std::stable_sort(std::begin(counts), std::end(counts), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : (a.second == fallback) > (b.second == fallback);
  });
  if (counts[0].first == 0) return fallback;
  const std::string_view line = text.substr(0, end);
  for (const auto& [n, c] : counts) {
    if (n > 0 && SplitNamesId(line, c)) return c;
  }
  return counts[0].second;
}


absl::StatusOr<internal::TableHeader> ReadHeader(CsvReader& reader, CsvRecord& rec, char delimiter,
                                                 internal::ProblemSink& sink) {
  if (!reader.Next(rec)) return absl::InvalidArgumentError("the CSV file is empty: no header row");
  if (!rec.ok()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("header row (line %d, column %d) is malformed: %s", rec.error()->line,
                        rec.error()->column, rec.error()->message));
  }
  return internal::MapHeader(
      rec.ToVector(), "header",
      absl::StrFormat("separated by '%s'",
                      delimiter == '\t' ? "\\t" : std::string(1, delimiter)),
      sink);
}

// CSV problems are located by line.
class LineLocator : public internal::CellLocator {
 public:
  std::string Where(std::size_t row, int) const override {
    return absl::StrFormat("line %d", row);
  }
};

// Each record through the shared row reader; a malformed record is one problem.
void ReadRows(CsvReader& reader, CsvRecord& rec, internal::TaskRowReader& rows) {
  std::vector<std::string_view> cells;
  while (reader.Next(rec)) {
    if (!rec.ok()) {
      const CsvError& e = *rec.error();
      rows.RowProblem(e.line, e.column == 0 ? -1 : static_cast<int>(e.column) - 1,
                      e.message + "; row skipped");
      continue;
    }
    cells.clear();
    for (std::size_t c = 0; c < rec.size(); ++c) cells.push_back(rec[c]);
    rows.Read({.cells = cells, .number = rec.line()});
  }
}

}  // namespace

absl::StatusOr<Dataset> ReadDatasetCsv(std::string_view text, const CsvReadOptions& options,
                                       std::vector<LoadProblem>* problems) {
  std::vector<LoadProblem> local;
  std::vector<LoadProblem>& out = problems ? *problems : local;
  if (text.size() > options.max_bytes) {
    return absl::ResourceExhaustedError(absl::StrFormat(
        "CSV file is %d bytes, over the limit of %d", text.size(), options.max_bytes));
  }
  const std::size_t first_problem = out.size();
  internal::ProblemSink sink(out, options.max_problems);
  CsvOptions csv = options.csv;
  if (options.detect_delimiter) csv.delimiter = DetectDelimiter(text, csv.delimiter);
  // Said once for the file; the rows it breaks are still listed one by one.
  const std::optional<std::string> not_utf8 = internal::NotUtf8Hint(text);
  if (not_utf8) sink.Add("file", "encoding", *not_utf8);
  CsvReader reader(text, csv);
  CsvRecord rec;
  auto header = ReadHeader(reader, rec, csv.delimiter, sink);
  if (!header.ok()) {
    if (!not_utf8) return header.status();
    return absl::Status(header.status().code(),
                        absl::StrCat(header.status().message(), "; ", *not_utf8));
  }

  Dataset ds(options.registry, options.limits);
  // One task a line at most: room for them up front. Bounded by the bytes too (a real row is
  // well over 64 bytes), so a hostile file of line breaks cannot reserve gigabytes.
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  ds.Reserve(std::min(lines, text.size() / 64 + 1));
  const internal::TableRowOptions row_options{.plan_year = options.plan_year,
                                             .as_of = options.as_of};
  const LineLocator lines_at;
  internal::TaskRowReader rows(row_options, *header, lines_at, ds, sink);
  ReadRows(reader, rec, rows);
  const std::size_t count = sink.count();
  sink.Finish();
  if (options.strict && count > 0) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%d problem(s); strict mode refuses the file. First: %s", count,
                        FormatLoadProblem(out[first_problem])));
  }
  return ds;
}

absl::StatusOr<Dataset> LoadDatasetCsv(const std::string& path, const CsvReadOptions& options,
                                       std::vector<LoadProblem>* problems) {
  auto file = FileBytes::Open(path, options.max_bytes);
  if (!file.ok()) return file.status();
  return ReadDatasetCsv(file->text(), options, problems);
}

std::string WriteDatasetCsv(const Dataset& ds) {
  std::vector<std::string> attr_names;
  absl::flat_hash_map<std::string, std::size_t> attr_index;
  for (TaskIndex i = 0; i < ds.task_count(); ++i) {
    for (const auto& [k, v] : ds.GetTask(i).attributes) {
      if (k == "partners_text" || k == "progress" || k.starts_with("raw:")) continue;
      if (attr_index.emplace(k, attr_names.size()).second) attr_names.push_back(k);
    }
  }
  // The optional occurrence_reports_tracked column, only when a task states it.
  constexpr std::string_view kTracked = "occurrence_reports_tracked";
  std::optional<std::size_t> tracked_column;
  for (TaskIndex i = 0; i < ds.task_count() && !tracked_column; ++i) {
    if (!ds.occurrence_reports_tracked(i)) continue;
    if (auto it = attr_index.find(std::string(kTracked)); it != attr_index.end()) {
      tracked_column = it->second;  // a cell kept as an attribute shares the column
    } else {
      tracked_column = attr_names.size();
      attr_names.emplace_back(kTracked);
    }
  }
  // Officials open the export in a spreadsheet: cells that would run as formulas are guarded
  // (the reader above undoes it).
  CsvWriter w({.delimiter = ',', .line_end = "\r\n", .bom = true, .guard_formulas = true});
  std::vector<std::string> row(kColumnNames.begin(), kColumnNames.end());
  row.insert(row.end(), attr_names.begin(), attr_names.end());
  w.WriteRecord(row);
  const auto join = [&](const std::vector<std::string>& parts, std::string_view sep) {
    std::string s;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      if (k) s += sep;
      s += parts[k];
    }
    return s;
  };
  const auto names_of = [&](const std::vector<std::string>& ids) {
    std::vector<std::string> names;
    for (const auto& id : ids) {
      auto a = ds.registry().FindById(id);
      names.push_back(a ? ds.registry().agency(*a).name : id);
    }
    return join(names, "; ");
  };
  for (TaskIndex i = 0; i < ds.task_count(); ++i) {
    const Task t = ds.GetTask(i);
    std::fill(row.begin(), row.end(), std::string());
    row[kId] = t.id;
    row[kTitle] = t.title;
    row[kLead] = t.lead_text.empty() ? names_of(t.lead) : t.lead_text;
    row[kCoordinators] =
        t.coordinators_text.empty() ? names_of(t.coordinators) : t.coordinators_text;
    row[kCategory] = t.category;
    row[kSource] = join(t.sources, "; ");
    if (t.assigned) row[kAssigned] = FormatIsoDay(*t.assigned);
    row[kDeadline] = !t.deadline.text.empty() || !t.deadline.due ? t.deadline.text
                                                                 : FormatIsoDay(*t.deadline.due);
    if (ds.columns().completed[i] != kNoDay) {
      row[kCompleted] = FormatIsoDay(FromEpochDays(ds.columns().completed[i]));
    }
    for (const auto& e : t.history) {
      if (e.type == EventType::kProgress && e.percent) row[kProgress] = std::to_string(*e.percent);
    }
    row[kNote] = t.note;
    row[kExpectedResult] = t.expected_result;
    row[kPartners] = names_of(t.partners);
    for (const auto& [k, v] : t.attributes) {
      if (k == "partners_text") {
        row[kPartners] = v;
      } else if (k == "progress" && row[kProgress].empty()) {
        row[kProgress] = v;
      } else if (k.starts_with("raw:")) {  // the unreadable cell goes back where it came from
        for (int c : {kAssigned, kCompleted, kProgress}) {
          if (k.substr(4) == kColumnNames[c] && row[c].empty()) row[c] = v;
        }
      } else if (auto it = attr_index.find(k); it != attr_index.end()) {
        row[kColumnCount + it->second] = v;
      }
    }
    if (const auto tracked = ds.occurrence_reports_tracked(i); tracked && tracked_column) {
      row[kColumnCount + *tracked_column] = *tracked ? "yes" : "no";
    }
    w.WriteRecord(row);
  }
  return w.Take();
}

absl::Status SaveDatasetCsv(const Dataset& dataset, const std::string& path) {
  return WriteFileAtomically(path, WriteDatasetCsv(dataset));
}

}  // namespace mandate
