#include "task_table.h"

#include <algorithm>
#include <charconv>
#include <deque>
#include <memory>
#include <utility>

#include "absl/strings/str_format.h"
#include "mandate/csv.h"
#include "mandate/deadline.h"
#include "mandate/excel_serial.h"
#include "mandate/text.h"

namespace mandate::internal {
namespace {

// Header spellings, compared after NormalizeKey ("Cơ quan chủ trì" -> "co quan chu tri").
// The one table for every reader; docs/dataset-format.md lists it.
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

// Source references are separated by ';' or line breaks (a reference itself has commas:
// "45-TB/TGV ngày 30/9/2025").
std::vector<std::string> SplitSources(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= cell.size(); ++i) {
    if (i == cell.size() || cell[i] == ';' || cell[i] == '\n' || cell[i] == '\r') {
      const std::string_view part = TrimBlanks(cell.substr(start, i - start));
      if (!part.empty()) out.emplace_back(part);
      start = i + 1;
    }
  }
  return out;
}

std::optional<int> ParsePercent(std::string_view cell) {
  cell = TrimBlanks(cell);
  if (!cell.empty() && cell.back() == '%') cell = TrimBlanks(cell.substr(0, cell.size() - 1));
  int v = -1;
  const auto [p, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
  if (ec != std::errc() || p != cell.data() + cell.size() || v < 0 || v > 100) {
    return std::nullopt;
  }
  return v;
}

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

}  // namespace

std::optional<Column> ColumnOf(std::string_view header) {
  const std::string key = NormalizeKey(header);
  for (const auto& a : kAliases) {
    if (a.key == key) return a.column;
  }
  return std::nullopt;
}

std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

absl::StatusOr<Day> ParseDayOrSerial(std::string_view v) {
  auto d = ParseDay(v);
  if (d.ok()) return d;
  auto serial = ParseExcelSerialDay(v);
  // A number is a serial out of range (OutOfRange); anything else, the date's own error.
  return serial.ok() || absl::IsOutOfRange(serial.status()) ? serial : d;
}

void ProblemSink::Add(std::string record, std::string field, std::string message) {
  ++count_;
  if (count_ <= max_) out_.push_back({std::move(record), std::move(field), std::move(message)});
}

void ProblemSink::Finish() {
  if (count_ > max_) {
    out_.push_back(
        {"file", "",
         absl::StrFormat("%d more problems not listed (limit %d)", count_ - max_, max_)});
  }
}

std::string TableHeader::ColumnName(std::size_t column) const {
  return column >= 1 && column <= names.size() ? names[column - 1]
                                               : absl::StrFormat("column %d", column);
}

absl::StatusOr<TableHeader> MapHeader(std::vector<std::string> names,
                                      const std::string& header_record, std::string_view how_split,
                                      ProblemSink& sink, bool groups_give_category) {
  TableHeader h;
  h.names = std::move(names);
  h.role.assign(h.names.size(), kAttribute);
  h.where.fill(-1);
  for (std::size_t c = 0; c < h.names.size(); ++c) {
    h.names[c] = std::string(TrimBlanks(h.names[c]));
    if (h.names[c].empty()) h.names[c] = absl::StrFormat("column %d", c + 1);
    const auto col = ColumnOf(h.names[c]);
    if (!col) continue;
    if (h.where[*col] < 0) {
      h.where[*col] = static_cast<int>(c);
      h.role[c] = *col;
    } else {
      sink.Add(header_record, h.names[c],
               absl::StrFormat("column repeated (first is column %d); kept as an attribute",
                               h.where[*col] + 1));
    }
  }
  if (h.where[kId] < 0) {
    // An "STT" (ordinal) column is not taken as the id: it is renumbered whenever rows are
    // inserted or sorted, so the same task would get another id in the next export.
    return absl::InvalidArgumentError(absl::StrFormat(
        "the header has no \"id\" column (also read as \"Mã\", \"Mã nhiệm vụ\"), so tasks "
        "cannot be identified; the header read was %d column(s) %s%s",
        h.names.size(), how_split,
        h.where[kTitle] >= 0 ? "; add an id column (an \"STT\" ordinal is not an id: it changes "
                               "when rows are inserted or sorted)"
                             : ""));
  }
  for (int c = 0; c < kRequiredColumns; ++c) {
    if (h.where[c] >= 0 || (c == kCategory && groups_give_category)) continue;
    sink.Add(header_record, std::string(kColumnNames[c]), "missing column");
  }
  return h;
}

struct TaskRowParser::State {
  State(const TableRowOptions& options, const TableHeader& header, const AgencyRegistry& registry)
      : opt(options), h(header), reg(registry) {}

  void Parse(const TableRow& row, PreparedRow& out) {
    row_ = &row;
    p = &out;
    out.number = row.number;
    out.problems.clear();
    out.problems_before_id = 0;
    out.deadline = nullptr;
    out.kind = PreparedRow::Kind::kBlank;
    bool blank = true;
    for (std::size_t c = 0; c < row.cells.size() && blank; ++c) {
      blank = TrimBlanks(row.cells[c]).empty();
    }
    if (blank) return;  // spreadsheets export empty rows as ",,,,"
    out.kind = PreparedRow::Kind::kSkipped;
    if (row.cells.size() != h.names.size()) {
      Problem(
          -1, "",
          absl::StrFormat("row has %d cells, the header has %d%s", row.cells.size(), h.names.size(),
                          row.cells.size() > h.names.size() ? "; extra cells kept as attributes"
                                                            : "; missing cells read as empty"));
    }
    Task& t = out.task;
    t.id.assign(TrimBlanks(Cell(kId)));
    if (t.id.empty()) {
      Problem(kId, "empty id; row skipped");
      return;
    }
    // The duplicate check needs the dataset: the committer makes it, before what follows.
    out.problems_before_id = out.problems.size();
    out.kind = PreparedRow::Kind::kTask;
    ReadText(t);
    ReadAgencyCells(t);
    t.assigned = ReadDay(t, kAssigned);
    if (h.where[kDeadline] >= 0) {
      ReadDeadline(Cell(kDeadline), t.assigned);
    } else {
      out.own = Deadline{};
    }
    ReadHistory(t);
    ReadAttributes(t);
  }

  std::string_view Raw(std::size_t at) const {
    if (at >= row_->cells.size()) return {};
    // A cell our CSV export guarded against formula injection ("'=…") reads back as written.
    return opt.unguard_formulas ? UnguardFormula(row_->cells[at]) : row_->cells[at];
  }
  std::string_view Cell(Column c) const {
    const int at = h.where[c];
    return at >= 0 ? Raw(static_cast<std::size_t>(at)) : std::string_view();
  }
  void Problem(int column, std::string field, std::string message) {
    p->problems.push_back({p->number, column, std::move(field), std::move(message)});
  }
  void Problem(Column c, std::string message) {
    Problem(h.where[c], h.NameOf(c), std::move(message));
  }

  void ReadText(Task& t) {
    t.title.assign(Cell(kTitle));
    if (TrimBlanks(t.title).empty() && h.where[kTitle] >= 0) Problem(kTitle, "empty title");
    t.category.assign(TrimBlanks(Cell(kCategory)));
    if (t.category.empty()) t.category.assign(row_->group_category);
    const std::string_view source_cell = Cell(kSource);
    if (source_cell.find_first_of(";\r\n") == std::string_view::npos) {  // one reference
      const std::string_view one = TrimBlanks(source_cell);
      t.sources.resize(one.empty() ? 0 : 1);
      if (!one.empty()) t.sources[0].assign(one);
    } else {
      t.sources = SplitSources(source_cell);
    }
    t.expected_result.assign(Cell(kExpectedResult));
    t.note.assign(Cell(kNote));
  }

  void ReadAgencyCells(Task& t) {
    std::vector<AgencyIndex>& lead = p->lead;
    std::vector<AgencyIndex>& coordinators = p->coordinators;
    t.lead_text.assign(Cell(kLead));
    Agencies(t.lead_text, kLead, lead);
    if (TrimBlanks(t.lead_text).empty() && h.where[kLead] >= 0) {
      Problem(kLead, "empty: the task has no lead agency");
    }
    t.coordinators_text.assign(Cell(kCoordinators));
    Agencies(t.coordinators_text, kCoordinators, coordinators);
    // A lead is not also its own coordinator (the seed importer's rule, issue 17): a cell such
    // as "Các bộ, ngành, địa phương" under a named lead names the others.
    std::erase_if(coordinators, [&](AgencyIndex a) {
      return std::find(lead.begin(), lead.end(), a) != lead.end();
    });
    Agencies(Cell(kPartners), kPartners, partners);
    // Enterprises named among the coordinators ("phối hợp với … VNPT, MobiFone") are partners,
    // as the seed importer reads them: a coordinator is a state agency.
    for (AgencyIndex a : coordinators) {
      if (reg.agency(a).kind == AgencyKind::kEnterprise &&
          std::find(partners.begin(), partners.end(), a) == partners.end()) {
        partners.push_back(a);
      }
    }
    std::erase_if(coordinators,
                  [&](AgencyIndex a) { return reg.agency(a).kind == AgencyKind::kEnterprise; });
    t.partners.clear();
    for (AgencyIndex a : partners) t.partners.push_back(reg.agency(a).id);
    t.attributes.clear();
    if (!TrimBlanks(Cell(kPartners)).empty()) {
      t.attributes.emplace_back("partners_text", Cell(kPartners));
    }
  }

  // A date that cannot be read is kept verbatim as the attribute "raw:<column>".
  std::optional<Day> ReadDay(Task& t, Column c) {
    const std::string_view v = TrimBlanks(Cell(c));
    if (v.empty()) return std::nullopt;
    auto d = ParseDayOrSerial(v);
    if (d.ok()) return *d;
    Problem(c, absl::StrFormat(
                   "bad date \"%s\" (expected YYYY-MM-DD, DD/MM/YYYY or an Excel serial day): %s",
                   v, d.status().message()));
    t.attributes.emplace_back("raw:" + std::string(kColumnNames[c]), v);
    return std::nullopt;
  }

  // The completion and progress cells as events (progress is dated the load's as-of day; with
  // none it is kept as an attribute).
  void ReadHistory(Task& t) {
    t.history.clear();
    if (auto done = ReadDay(t, kCompleted)) {
      TaskEvent e;
      e.day = *done;
      e.type = EventType::kCompleted;
      t.history.push_back(std::move(e));
    }
    const std::string_view pc = TrimBlanks(Cell(kProgress));
    if (pc.empty()) return;
    const auto percent = ParsePercent(pc);
    if (!percent) {
      Problem(kProgress, absl::StrFormat("\"%s\" is not a percentage 0..100", pc));
      t.attributes.emplace_back("raw:progress", pc);
    } else if (opt.as_of) {
      TaskEvent e;
      e.day = *opt.as_of;
      e.type = EventType::kProgress;
      e.percent = *percent;
      t.history.push_back(std::move(e));
    } else {
      t.attributes.emplace_back("progress", pc);
    }
  }

  // Cells of unknown or repeated columns, kept under their header names; the optional
  // occurrence_reports_tracked column (docs/dataset-format.md) is read into the task.
  void ReadAttributes(Task& t) {
    t.occurrence_reports_tracked.reset();
    for (std::size_t c = 0; c < row_->cells.size(); ++c) {
      if (c < h.role.size() && h.role[c] != kAttribute) continue;
      if (row_->cells[c].empty()) continue;
      const std::string name = h.ColumnName(c + 1);
      if (NormalizeKey(name) == "occurrence reports tracked" && ReadTracked(t, c, name, Raw(c))) {
        continue;
      }
      t.attributes.emplace_back(name, Raw(c));
    }
  }

  // yes/no, true/false, 1/0, có/không; anything else is a problem and stays an attribute.
  bool ReadTracked(Task& t, std::size_t column, const std::string& name, std::string_view cell) {
    const std::string v = NormalizeKey(cell);
    if (v == "true" || v == "yes" || v == "1" || v == "co") {
      t.occurrence_reports_tracked = true;
    } else if (v == "false" || v == "no" || v == "0" || v == "khong") {
      t.occurrence_reports_tracked = false;
    } else {
      Problem(static_cast<int>(column), name, absl::StrFormat("\"%s\" is not yes or no", cell));
      return false;
    }
    return true;
  }

  // The cell's agencies into out (registry indexes); each unknown part is a problem.
  void Agencies(std::string_view cell, Column c, std::vector<AgencyIndex>& out) {
    out.clear();
    if (TrimBlanks(cell).empty()) return;
    const Resolution* r = agencies.Find(cell);
    if (!r) r = agencies.Put(cell, reg.Resolve(cell));
    out.assign(r->agencies.begin(), r->agencies.end());
    for (const auto& part : r->unresolved) {
      Problem(c, absl::StrFormat("unknown agency \"%s\"", part));
    }
  }

  // Each distinct (phrase, plan year) is parsed once and kept in the store; the committer
  // interns it in the dataset once.
  const Deadline* Keep(Deadline d) { return &store.emplace_back(std::move(d)); }
  void ReadDeadline(std::string_view cell, std::optional<Day> assigned) {
    DeadlineContext ctx;
    ctx.plan_year = opt.plan_year;
    if (!ctx.plan_year && assigned) {
      ctx.plan_year = static_cast<int>(date::year_month_day{*assigned}.year());
    }
    ctx.assigned = assigned;
    key.assign(cell);
    key += '\x1f';
    key += std::to_string(ctx.plan_year.value_or(0));
    if (const Deadline* const* hit = deadlines.Find(key)) {
      p->deadline = *hit;
      return;
    }
    Deadline& d = p->own;
    d = Deadline{};
    d.text = std::string(cell);
    if (TrimBlanks(cell).empty()) {
      d.kind = DeadlineKind::kNone;
      Problem(kDeadline, "empty: the task has no deadline");
      return;
    }
    auto parsed = ParseDeadline(cell, ctx);
    if (parsed.ok()) {
      parsed->text = std::string(cell);
      if (parsed->kind == DeadlineKind::kRelative) {
        d = *std::move(parsed);
      } else {
        p->deadline = *deadlines.Put(key, Keep(*std::move(parsed)));
      }
      return;
    }
    // E.g. an ISO date the phrase parser skips, or a date cell Excel wrote as a serial.
    if (auto day = ParseDayOrSerial(TrimBlanks(cell)); day.ok()) {
      d.kind = DeadlineKind::kDate;
      d.due = *day;
      p->deadline = *deadlines.Put(key, Keep(d));
      return;
    }
    d.kind = DeadlineKind::kUnknown;
    Problem(kDeadline, absl::StrFormat("cannot read the deadline \"%s\": %s; kept as text", cell,
                                       parsed.status().message()));
  }

  const TableRowOptions opt;
  const TableHeader& h;
  const AgencyRegistry& reg;
  BoundedCache<Resolution> agencies;
  BoundedCache<const Deadline*> deadlines;
  std::deque<Deadline> store;  // stable addresses: prepared rows point into it
  std::string key;
  const TableRow* row_ = nullptr;
  PreparedRow* p = nullptr;
  std::vector<AgencyIndex> partners;
};

TaskRowParser::TaskRowParser(const TableRowOptions& options, const TableHeader& header,
                             const AgencyRegistry& registry)
    : s_(std::make_unique<State>(options, header, registry)) {}
TaskRowParser::~TaskRowParser() = default;
void TaskRowParser::Parse(const TableRow& row, PreparedRow& out) { s_->Parse(row, out); }

TaskRowCommitter::TaskRowCommitter(const TableHeader& header, const CellLocator& where, Dataset& ds,
                                   ProblemSink& problems)
    : h_(header), loc_(where), ds_(ds), problems_(problems) {}
TaskRowCommitter::~TaskRowCommitter() = default;

void TaskRowCommitter::Add(std::size_t number, int column, std::string field, std::string message) {
  problems_.Add(loc_.Where(number, column), std::move(field), std::move(message));
}

void TaskRowCommitter::Commit(const PreparedRow& row, std::size_t base) {
  if (row.kind == PreparedRow::Kind::kBlank) return;
  const std::size_t number = row.number + base;
  const auto emit = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      const auto& q = row.problems[i];
      Add(q.number + base, q.column, q.field, q.message);
    }
  };
  if (row.kind == PreparedRow::Kind::kSkipped) {
    emit(0, row.problems.size());
    return;
  }
  emit(0, row.problems_before_id);
  const Task& t = row.task;
  if (auto prev = ds_.FindTask(t.id)) {
    const int at = h_.where[kId];
    Add(number, at, h_.NameOf(kId),
        absl::StrFormat("duplicate id \"%s\" (first on %s); row skipped", t.id.substr(0, 80),
                        loc_.Where(number_of_[*prev], at)));
    return;
  }
  emit(row.problems_before_id, row.problems.size());
  std::uint32_t deadline;
  if (row.deadline) {
    auto [it, fresh] = deadline_ids_.try_emplace(row.deadline, 0);
    if (fresh) it->second = ds_.InternDeadline(*row.deadline);
    deadline = it->second;
  } else {
    deadline = ds_.InternDeadline(row.own);
  }
  // The readers refused every field that is not valid UTF-8.
  const Dataset::Resolved resolved{.lead = row.lead,
                                   .coordinators = row.coordinators,
                                   .deadline = deadline,
                                   .utf8_checked = true,
                                   .id_checked = true};
  auto added = ds_.AddTask(t, resolved);
  if (!added.ok()) {
    Add(number, -1, "", std::string(added.status().message()) + "; row skipped");
    return;
  }
  number_of_.push_back(static_cast<std::uint32_t>(number));
}

void TaskRowCommitter::RowProblem(std::size_t number, int column, std::string message) {
  Add(number, column, column >= 0 ? h_.ColumnName(static_cast<std::size_t>(column) + 1) : "",
      std::move(message));
}

TaskRowReader::TaskRowReader(const TableRowOptions& options, const TableHeader& header,
                             const CellLocator& where, Dataset& ds, ProblemSink& problems)
    : parser_(options, header, ds.registry()), committer_(header, where, ds, problems) {}
TaskRowReader::~TaskRowReader() = default;

void TaskRowReader::Read(const TableRow& row) {
  parser_.Parse(row, row_);
  committer_.Commit(row_);
}

void TaskRowReader::RowProblem(std::size_t number, int column, std::string message) {
  committer_.RowProblem(number, column, std::move(message));
}

}  // namespace mandate::internal
