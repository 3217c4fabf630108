#include "mandate/dataset_csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "legacy_encoding.h"
#include "mandate/absl_compat.h"
#include "mandate/atomic_file.h"
#include "mandate/deadline.h"
#include "mandate/excel_serial.h"
#include "mandate/task_state.h"
#include "mandate/text.h"

namespace mandate {
namespace {

enum Column : int {
  kId,
  kTitle,
  kLead,
  kCoordinators,
  kCategory,
  kSource,
  kAssigned,
  kDeadline,
  kCompleted,
  kProgress,
  kNote,
  kExpectedResult,
  kPartners,
  kColumnCount,
  kAttribute = -1,
};
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "id",       "title",     "lead",     "coordinators", "category",        "source",  "assigned",
    "deadline", "completed", "progress", "note",         "expected_result", "partners"};
constexpr int kRequiredColumns = kCompleted + 1;  // id .. completed

// Header spellings, compared after NormalizeKey ("Cơ quan chủ trì" -> "co quan chu tri").
struct HeaderAlias {
  std::string_view key;
  Column column;
};
constexpr HeaderAlias kAliases[] = {
    {"id", kId},
    {"ma", kId},
    {"ma nhiem vu", kId},
    {"ma so", kId},
    {"ma nv", kId},
    {"title", kTitle},
    {"ten nhiem vu", kTitle},
    {"nhiem vu", kTitle},
    {"noi dung nhiem vu", kTitle},
    {"lead", kLead},
    {"co quan chu tri", kLead},
    {"don vi chu tri", kLead},
    {"don vi thuc hien", kLead},
    {"coordinators", kCoordinators},
    {"co quan phoi hop", kCoordinators},
    {"don vi phoi hop", kCoordinators},
    {"category", kCategory},
    {"nhom nhiem vu", kCategory},
    {"linh vuc", kCategory},
    {"source", kSource},
    {"van ban giao", kSource},
    {"nguon", kSource},
    {"nguon van ban", kSource},
    {"nguon nhiem vu", kSource},
    {"van ban", kSource},
    {"can cu", kSource},
    {"assigned", kAssigned},
    {"ngay giao", kAssigned},
    {"ngay giao nhiem vu", kAssigned},
    {"thoi gian giao", kAssigned},
    {"deadline", kDeadline},
    {"thoi han", kDeadline},
    {"thoi han hoan thanh", kDeadline},
    {"thoi gian hoan thanh", kDeadline},
    {"completed", kCompleted},
    {"ngay hoan thanh", kCompleted},
    {"ngay hoan thanh thuc te", kCompleted},
    {"progress", kProgress},
    {"tien do", kProgress},
    {"note", kNote},
    {"ghi chu", kNote},
    {"luu y", kNote},
    {"expected result", kExpectedResult},
    {"ket qua", kExpectedResult},
    {"du kien ket qua", kExpectedResult},
    {"ket qua du kien", kExpectedResult},
    {"san pham", kExpectedResult},
    {"san pham du kien", kExpectedResult},
    {"partners", kPartners},
    {"doanh nghiep dong hanh", kPartners},
};

std::optional<Column> ColumnOf(std::string_view header) {
  const std::string key = NormalizeKey(header);
  for (const auto& a : kAliases) {
    if (a.key == key) return a.column;
  }
  return std::nullopt;
}

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

absl::StatusOr<Day> ParseDayOrSerial(std::string_view v) {
  auto d = ParseDay(v);
  if (d.ok()) return d;
  auto serial = ParseExcelSerialDay(v);
  // A number is a serial out of range (OutOfRange); anything else, the date's own error.
  return serial.ok() || absl::IsOutOfRange(serial.status()) ? serial : d;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Source references are separated by ';' or line breaks (a reference itself has commas:
// "45-TB/TGV ngày 30/9/2025").
std::vector<std::string> SplitSources(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= cell.size(); ++i) {
    if (i == cell.size() || cell[i] == ';' || cell[i] == '\n' || cell[i] == '\r') {
      const std::string_view part = Trim(cell.substr(start, i - start));
      if (!part.empty()) out.emplace_back(part);
      start = i + 1;
    }
  }
  return out;
}

std::optional<int> ParsePercent(std::string_view cell) {
  cell = Trim(cell);
  if (!cell.empty() && cell.back() == '%') cell = Trim(cell.substr(0, cell.size() - 1));
  int v = -1;
  const auto [p, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
  if (ec != std::errc() || p != cell.data() + cell.size() || v < 0 || v > 100) {
    return std::nullopt;
  }
  return v;
}

class ProblemSink {
 public:
  ProblemSink(std::vector<LoadProblem>& out, std::size_t max) : out_(out), max_(max) {}
  void Add(std::string record, std::string field, std::string message) {
    ++count_;
    if (count_ <= max_) out_.push_back({std::move(record), std::move(field), std::move(message)});
  }
  std::size_t count() const { return count_; }
  void Finish() {
    if (count_ > max_) {
      out_.push_back(
          {"file", "",
           absl::StrFormat("%d more problems not listed (limit %d)", count_ - max_, max_)});
    }
  }

 private:
  std::vector<LoadProblem>& out_;
  std::size_t max_;
  std::size_t count_ = 0;
};

// Agency cells and deadline phrases repeat from row to row; parsing each distinct one once
// keeps a million-row load fast. Bounded: cleared when full.
template <typename V>
class BoundedCache {
 public:
  const V* Find(std::string_view key) const {
    auto it = map_.find(ToAbsl(key));
    return it == map_.end() ? nullptr : &it->second;
  }
  const V* Put(std::string_view key, V value) {
    if (map_.size() >= 8192) map_.clear();
    return &map_.emplace(std::string(key), std::move(value)).first->second;
  }

 private:
  absl::flat_hash_map<std::string, V> map_;
};

// The header row mapped: each known column once; repeats and unknown columns become
// attributes.
struct Header {
  std::vector<std::string> names;       // trimmed; "column N" for an empty one
  std::vector<int> role;                // per column: a Column, or kAttribute
  std::array<int, kColumnCount> where;  // per Column: its position, or -1

  // 1-based, as CsvError counts.
  std::string ColumnName(std::size_t column) const {
    return column >= 1 && column <= names.size() ? names[column - 1]
                                                 : absl::StrFormat("column %d", column);
  }
  std::string NameOf(Column c) const { return where[c] >= 0 ? names[where[c]] : ""; }
};

absl::StatusOr<Header> ReadHeader(CsvReader& reader, CsvRecord& rec, char delimiter,
                                  ProblemSink& sink) {
  if (!reader.Next(rec)) return absl::InvalidArgumentError("the CSV file is empty: no header row");
  if (!rec.ok()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("header row (line %d, column %d) is malformed: %s", rec.error()->line,
                        rec.error()->column, rec.error()->message));
  }
  Header h;
  h.names = rec.ToVector();
  h.role.assign(h.names.size(), kAttribute);
  h.where.fill(-1);
  for (std::size_t c = 0; c < h.names.size(); ++c) {
    h.names[c] = std::string(Trim(h.names[c]));
    if (h.names[c].empty()) h.names[c] = absl::StrFormat("column %d", c + 1);
    const auto col = ColumnOf(h.names[c]);
    if (!col) continue;
    if (h.where[*col] < 0) {
      h.where[*col] = static_cast<int>(c);
      h.role[c] = *col;
    } else {
      sink.Add("header", h.names[c],
               absl::StrFormat("column repeated (first is column %d); kept as an attribute",
                               h.where[*col] + 1));
    }
  }
  if (h.where[kId] < 0) {
    // An "STT" (ordinal) column is not taken as the id: it is renumbered whenever rows are
    // inserted or sorted, so the same task would get another id in the next export.
    return absl::InvalidArgumentError(absl::StrFormat(
        "the header has no \"id\" column (also read as \"Mã\", \"Mã nhiệm vụ\"), so tasks "
        "cannot be identified; the header read was %d column(s) separated by '%s'%s",
        h.names.size(), delimiter == '\t' ? "\\t" : std::string(1, delimiter),
        h.where[kTitle] >= 0 ? "; add an id column (an \"STT\" ordinal is not an id: it changes "
                               "when rows are inserted or sorted)"
                             : ""));
  }
  for (int c = 0; c < kRequiredColumns; ++c) {
    if (h.where[c] < 0) sink.Add("header", std::string(kColumnNames[c]), "missing column");
  }
  return h;
}

class RowReader {
 public:
  RowReader(const CsvReadOptions& options, const Header& header, Dataset& ds, ProblemSink& problems)
      : opt_(options), h_(header), ds_(ds), reg_(ds.registry()), problems_(problems) {}

  // One data row: a task added, or problems saying why the row was skipped.
  void Read(const CsvRecord& rec) {
    line_ = rec.line();
    rec_ = &rec;
    if (!rec.ok()) {
      const CsvError& e = *rec.error();
      problems_.Add(absl::StrFormat("line %d", e.line),
                    e.column == 0 ? "" : h_.ColumnName(e.column), e.message + "; row skipped");
      return;
    }
    bool blank = true;
    for (std::size_t c = 0; c < rec.size() && blank; ++c) blank = Trim(rec[c]).empty();
    if (blank) return;  // spreadsheets export empty rows as ",,,,"
    if (rec.size() != h_.names.size()) {
      Problem("",
              absl::StrFormat("row has %d cells, the header has %d%s", rec.size(), h_.names.size(),
                              rec.size() > h_.names.size() ? "; extra cells kept as attributes"
                                                           : "; missing cells read as empty"));
    }
    if (!ReadId()) return;
    ReadText();
    ReadAgencyCells();
    t_.assigned = ReadDay(kAssigned);
    // The CSV reader refused every field that is not valid UTF-8.
    Dataset::Resolved resolved{
        .lead = lead_, .coordinators = coordinators_, .utf8_checked = true, .id_checked = true};
    resolved.deadline = h_.where[kDeadline] >= 0 ? ReadDeadline(Cell(kDeadline), t_.assigned)
                                                 : ds_.InternDeadline(Deadline{});
    ReadHistory();
    ReadAttributes();
    auto added = ds_.AddTask(t_, resolved);
    if (!added.ok()) {
      Problem("", std::string(added.status().message()) + "; row skipped");
      return;
    }
    line_of_.push_back(static_cast<std::uint32_t>(line_));
  }

 private:
  std::string_view Cell(Column c) const {
    const int at = h_.where[c];
    // A cell our export guarded against formula injection ("'=…") reads back as written.
    return at >= 0 && static_cast<std::size_t>(at) < rec_->size()
               ? UnguardFormula((*rec_)[static_cast<std::size_t>(at)])
               : std::string_view();
  }
  void Problem(std::string field, std::string message) {
    problems_.Add(absl::StrFormat("line %d", line_), std::move(field), std::move(message));
  }

  // False (and a problem) when the row cannot be a task: no id, or an id seen before.
  bool ReadId() {
    t_.id.assign(Trim(Cell(kId)));
    if (t_.id.empty()) {
      Problem(h_.NameOf(kId), "empty id; row skipped");
      return false;
    }
    if (auto prev = ds_.FindTask(t_.id)) {
      Problem(h_.NameOf(kId), absl::StrFormat("duplicate id \"%s\" (first on line %d); row skipped",
                                              t_.id.substr(0, 80), line_of_[*prev]));
      return false;
    }
    return true;
  }

  void ReadText() {
    t_.title.assign(Cell(kTitle));
    if (Trim(t_.title).empty() && h_.where[kTitle] >= 0) Problem(h_.NameOf(kTitle), "empty title");
    t_.category.assign(Trim(Cell(kCategory)));
    const std::string_view source_cell = Cell(kSource);
    if (source_cell.find_first_of(";\r\n") == std::string_view::npos) {  // one reference
      const std::string_view one = Trim(source_cell);
      t_.sources.resize(one.empty() ? 0 : 1);
      if (!one.empty()) t_.sources[0].assign(one);
    } else {
      t_.sources = SplitSources(source_cell);
    }
    t_.expected_result.assign(Cell(kExpectedResult));
    t_.note.assign(Cell(kNote));
  }

  void ReadAgencyCells() {
    t_.lead_text.assign(Cell(kLead));
    Agencies(t_.lead_text, h_.NameOf(kLead), lead_);
    if (Trim(t_.lead_text).empty() && h_.where[kLead] >= 0) {
      Problem(h_.NameOf(kLead), "empty: the task has no lead agency");
    }
    t_.coordinators_text.assign(Cell(kCoordinators));
    Agencies(t_.coordinators_text, h_.NameOf(kCoordinators), coordinators_);
    Agencies(Cell(kPartners), h_.NameOf(kPartners), partners_);
    t_.partners.clear();
    for (AgencyIndex a : partners_) t_.partners.push_back(reg_.agency(a).id);
    t_.attributes.clear();
    if (!Trim(Cell(kPartners)).empty())
      t_.attributes.emplace_back("partners_text", Cell(kPartners));
  }

  // A date that cannot be read is kept verbatim as the attribute "raw:<column>".
  std::optional<Day> ReadDay(Column c) {
    const std::string_view v = Trim(Cell(c));
    if (v.empty()) return std::nullopt;
    auto d = ParseDayOrSerial(v);
    if (d.ok()) return *d;
    Problem(h_.NameOf(c),
            absl::StrFormat(
                "bad date \"%s\" (expected YYYY-MM-DD, DD/MM/YYYY or an Excel serial day): %s", v,
                d.status().message()));
    t_.attributes.emplace_back("raw:" + std::string(kColumnNames[c]), v);
    return std::nullopt;
  }

  // The completion and progress cells as events (progress is dated the load's as-of day; with
  // none it is kept as an attribute).
  void ReadHistory() {
    t_.history.clear();
    if (auto done = ReadDay(kCompleted)) {
      TaskEvent e;
      e.day = *done;
      e.type = EventType::kCompleted;
      t_.history.push_back(std::move(e));
    }
    const std::string_view p = Trim(Cell(kProgress));
    if (p.empty()) return;
    const auto percent = ParsePercent(p);
    if (!percent) {
      Problem(h_.NameOf(kProgress), absl::StrFormat("\"%s\" is not a percentage 0..100", p));
      t_.attributes.emplace_back("raw:progress", p);
    } else if (opt_.as_of) {
      TaskEvent e;
      e.day = *opt_.as_of;
      e.type = EventType::kProgress;
      e.percent = *percent;
      t_.history.push_back(std::move(e));
    } else {
      t_.attributes.emplace_back("progress", p);
    }
  }

  // Cells of unknown or repeated columns, kept under their header names; the optional
  // occurrence_reports_tracked column (docs/dataset-format.md) is read into the task.
  void ReadAttributes() {
    const CsvRecord& rec = *rec_;
    t_.occurrence_reports_tracked.reset();
    for (std::size_t c = 0; c < rec.size(); ++c) {
      if (c < h_.role.size() && h_.role[c] != kAttribute) continue;
      if (rec[c].empty()) continue;
      const std::string name = h_.ColumnName(c + 1);
      if (NormalizeKey(name) == "occurrence reports tracked" && ReadTracked(name, rec[c])) continue;
      t_.attributes.emplace_back(name, UnguardFormula(rec[c]));
    }
  }

  // yes/no, true/false, 1/0, có/không; anything else is a problem and stays an attribute.
  bool ReadTracked(const std::string& name, std::string_view cell) {
    const std::string v = NormalizeKey(cell);
    if (v == "true" || v == "yes" || v == "1" || v == "co") {
      t_.occurrence_reports_tracked = true;
    } else if (v == "false" || v == "no" || v == "0" || v == "khong") {
      t_.occurrence_reports_tracked = false;
    } else {
      Problem(name, absl::StrFormat("\"%s\" is not yes or no", cell));
      return false;
    }
    return true;
  }

  // The cell's agencies into out (registry indexes); each unknown part is a problem.
  void Agencies(std::string_view cell, const std::string& field, std::vector<AgencyIndex>& out) {
    out.clear();
    if (Trim(cell).empty()) return;
    const Resolution* r = agencies_.Find(cell);
    if (!r) r = agencies_.Put(cell, reg_.Resolve(cell));
    out.assign(r->agencies.begin(), r->agencies.end());
    for (const auto& part : r->unresolved) {
      Problem(field, absl::StrFormat("unknown agency \"%s\"", part));
    }
  }

  // The deadline, interned in the dataset: each distinct (phrase, plan year) is parsed and
  // keyed once, not once a row.
  std::uint32_t ReadDeadline(std::string_view cell, std::optional<Day> assigned) {
    const std::string field = h_.NameOf(kDeadline);
    DeadlineContext ctx;
    ctx.plan_year = opt_.plan_year;
    if (!ctx.plan_year && assigned) {
      ctx.plan_year = static_cast<int>(date::year_month_day{*assigned}.year());
    }
    ctx.assigned = assigned;
    key_.assign(cell);
    key_ += '\x1f';
    key_ += std::to_string(ctx.plan_year.value_or(0));
    if (const std::uint32_t* hit = deadlines_.Find(key_)) return *hit;
    Deadline d;
    d.text = std::string(cell);
    if (Trim(cell).empty()) {
      d.kind = DeadlineKind::kNone;
      Problem(field, "empty: the task has no deadline");
      return ds_.InternDeadline(d);
    }
    auto parsed = ParseDeadline(cell, ctx);
    if (parsed.ok()) {
      parsed->text = std::string(cell);
      const std::uint32_t id = ds_.InternDeadline(*parsed);
      if (parsed->kind != DeadlineKind::kRelative) deadlines_.Put(key_, id);
      return id;
    }
    // E.g. an ISO date the phrase parser skips, or a date cell Excel wrote as a serial.
    if (auto day = ParseDayOrSerial(Trim(cell)); day.ok()) {
      d.kind = DeadlineKind::kDate;
      d.due = *day;
      const std::uint32_t id = ds_.InternDeadline(d);
      deadlines_.Put(key_, id);
      return id;
    }
    d.kind = DeadlineKind::kUnknown;
    Problem(field, absl::StrFormat("cannot read the deadline \"%s\": %s; kept as text", cell,
                                   parsed.status().message()));
    return ds_.InternDeadline(d);
  }

  const CsvReadOptions& opt_;
  const Header& h_;
  Dataset& ds_;
  const AgencyRegistry& reg_;
  ProblemSink& problems_;
  BoundedCache<Resolution> agencies_;
  BoundedCache<std::uint32_t> deadlines_;
  std::string key_;
  // The row being read. Reused from row to row: after the first rows a row allocates only
  // what the dataset keeps.
  const CsvRecord* rec_ = nullptr;
  std::size_t line_ = 0;
  Task t_;
  std::vector<AgencyIndex> lead_, coordinators_, partners_;
  std::vector<std::uint32_t> line_of_;  // by TaskIndex: for "duplicate of line N"
};

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
  ProblemSink sink(out, options.max_problems);
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
  RowReader rows(options, *header, ds, sink);
  while (reader.Next(rec)) rows.Read(rec);
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
