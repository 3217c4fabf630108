#include "mandate/dataset_csv.h"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "csv_chunks.h"
#include "legacy_encoding.h"
#include "mandate/absl_compat.h"
#include "mandate/atomic_file.h"
#include "mandate/deadline.h"
#include "mandate/excel_serial.h"
#include "mandate/task_state.h"
#include "mandate/text.h"
#include "parallel_read.h"
#include "task_table.h"

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
      absl::StrFormat("separated by '%s'", delimiter == '\t' ? "\\t" : std::string(1, delimiter)),
      sink);
}

// CSV problems are located by line.
class LineLocator : public internal::CellLocator {
 public:
  std::string Where(std::size_t row, int) const override { return absl::StrFormat("line %d", row); }
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

// A chunk's rows, read by one thread and committed by the loading one.
struct Chunk {
  std::vector<internal::PreparedRow> rows;  // reused: the first `count` are this chunk's
  std::size_t count = 0;
  std::size_t lines = 0;  // line ends read
  bool fallback = false;  // invalid UTF-8 or a quote fault: read the file in one piece
};

void ReadChunk(std::string_view text, std::size_t begin, std::size_t end, CsvOptions csv,
               const internal::TableHeader& header, internal::TaskRowParser& parser, CsvRecord& rec,
               Chunk& out) {
  out.count = 0;
  out.lines = 0;
  out.fallback = FindInvalidUtf8(text.substr(begin, end - begin)).has_value();
  if (out.fallback) return;
  csv.input_is_utf8 = true;  // just checked, once for the chunk
  CsvReader reader(text.substr(0, end), begin, csv);
  std::vector<std::string_view> cells;
  while (reader.Next(rec)) {
    if (out.count == out.rows.size()) out.rows.emplace_back();
    internal::PreparedRow& row = out.rows[out.count++];
    if (!rec.ok()) {
      const CsvError& e = *rec.error();
      // Parity may have split inside what the reader sees: only a one-piece read is exact.
      if (e.kind == CsvErrorKind::kUnterminatedQuote || e.kind == CsvErrorKind::kStrayQuote ||
          e.kind == CsvErrorKind::kUnsupportedEncoding) {
        out.fallback = true;
        return;
      }
      const int column = e.column == 0 ? -1 : static_cast<int>(e.column) - 1;
      row.kind = internal::PreparedRow::Kind::kSkipped;
      row.number = e.line;
      row.problems.clear();
      row.problems_before_id = 0;
      row.problems.push_back(
          {e.line, column,
           column >= 0 ? header.ColumnName(static_cast<std::size_t>(column) + 1) : "",
           e.message + "; row skipped"});
      continue;
    }
    cells.clear();
    for (std::size_t c = 0; c < rec.size(); ++c) cells.push_back(rec[c]);
    parser.Parse({.cells = cells, .number = rec.line()}, row);
  }
  out.lines = reader.line() - 1;
}

// The rows after the header (the splitter's chunks, the first on line `line`) read on
// `threads` threads and committed in file order on this one, which reads chunks too while
// the next to commit is not ready; at most a few chunks ahead are held. False: the file must
// be read in one piece (see Chunk::fallback); nothing is then kept.
bool ReadRowsInParallel(std::string_view text, std::size_t line,
                        internal::CsvRecordSplitter& splitter, const CsvOptions& csv,
                        const internal::TableRowOptions& row_options,
                        const internal::TableHeader& header, std::size_t threads,
                        internal::TaskRowCommitter& committer, const AgencyRegistry& registry) {
  const std::size_t slots = 2 * threads + 2;
  std::vector<Chunk> slot(slots);
  std::vector<std::unique_ptr<internal::TaskRowParser>> parsers;
  std::vector<CsvRecord> records(threads);
  for (std::size_t t = 0; t < threads; ++t) {
    parsers.push_back(std::make_unique<internal::TaskRowParser>(row_options, header, registry));
  }
  std::mutex mu;
  std::condition_variable cv;
  // Under mu: the chunks found so far, and which of them are read.
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  std::vector<char> done;
  std::size_t next = 0, committed = 0;
  bool stop = false;
  const auto exhausted = [&] { return next >= ranges.size() && splitter.done(); };
  // Under mu: the next chunk to read, if one may be read now (its boundary found here).
  const auto claim = [&]() -> std::optional<std::size_t> {
    if (stop || next >= committed + slots) return std::nullopt;
    if (next == ranges.size()) {
      std::size_t b = 0, e = 0;
      if (!splitter.Next(b, e)) return std::nullopt;
      ranges.emplace_back(b, e);
      done.push_back(0);
    }
    return next++;
  };
  const auto read = [&](std::size_t i, std::size_t t, std::size_t b, std::size_t e) {
    ReadChunk(text, b, e, csv, header, *parsers[t], records[t], slot[i % slots]);
    std::lock_guard lock(mu);
    done[i] = 1;
    cv.notify_all();
  };
  std::vector<std::thread> workers;
  for (std::size_t t = 1; t < threads; ++t) {
    workers.emplace_back([&, t] {
      std::unique_lock lock(mu);
      for (;;) {
        cv.wait(lock, [&] { return stop || exhausted() || next < committed + slots; });
        const auto i = claim();
        if (!i) {
          if (stop || exhausted()) return;
          continue;
        }
        const auto [b, e] = ranges[*i];
        lock.unlock();
        read(*i, t, b, e);
        lock.lock();
      }
    });
  }
  bool ok = true;
  std::size_t base = line - 1;  // a chunk's line 1 is the file's line base + 1
  for (std::size_t i = 0; ok; ++i) {
    {
      std::unique_lock lock(mu);
      bool finished = false;
      while (!(i < done.size() && done[i])) {
        if (const auto j = claim()) {
          const auto [b, e] = ranges[*j];
          lock.unlock();
          read(*j, 0, b, e);
          lock.lock();
        } else if (i >= ranges.size() && splitter.done()) {
          finished = true;
          break;
        } else {
          cv.wait(lock);
        }
      }
      if (finished) break;
    }
    const Chunk& c = slot[i % slots];
    ok = !c.fallback;
    if (ok) {
      for (std::size_t r = 0; r < c.count; ++r) committer.Commit(c.rows[r], base);
      base += c.lines;
    }
    std::lock_guard lock(mu);
    committed = i + 1;
    stop = !ok;
    cv.notify_all();
  }
  {
    std::lock_guard lock(mu);
    stop = true;
    cv.notify_all();
  }
  for (auto& w : workers) w.join();
  return ok;
}

std::size_t ThreadsFor(const CsvReadOptions& options) {
  if (options.threads) return options.threads;
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
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
  const std::size_t threads = ThreadsFor(options);
  // A large file in chunks on several threads when its header and bytes allow; else (or when
  // a chunk finds what only a one-piece read reports exactly) row by row.
  bool parallel = threads > 1 && options.chunk_bytes > 0 && text.size() / 2 >= options.chunk_bytes;
  for (int attempt = 0; attempt < 2; ++attempt, parallel = false) {
    out.resize(first_problem);
    internal::ProblemSink sink(out, options.max_problems);
    CsvOptions csv = options.csv;
    if (options.detect_delimiter) csv.delimiter = DetectDelimiter(text, csv.delimiter);
    // Said once for the file; the rows it breaks are still listed one by one. The parallel
    // read checks each chunk in its thread instead (and falls back when one is not UTF-8).
    const std::optional<std::string> not_utf8 =
        parallel ? std::nullopt : internal::NotUtf8Hint(text);
    if (not_utf8) sink.Add("file", "encoding", *not_utf8);
    // A file known to be UTF-8 is not checked again field by field.
    csv.input_is_utf8 = !parallel && !not_utf8;
    CsvReader reader(text, csv);
    CsvRecord rec;
    auto header = ReadHeader(reader, rec, csv.delimiter, sink);
    if (!header.ok()) {
      if (parallel) continue;
      if (!not_utf8) return header.status();
      return absl::Status(header.status().code(),
                          absl::StrCat(header.status().message(), "; ", *not_utf8));
    }
    const std::size_t begin = reader.offset();
    if (parallel && FindInvalidUtf8(text.substr(0, begin))) continue;

    Dataset ds(options.registry, options.limits);
    const internal::TableRowOptions row_options{.plan_year = options.plan_year,
                                                .as_of = options.as_of};
    const LineLocator lines_at;
    if (parallel) {
      // Room for the tasks, estimated from the line feeds of the first chunk (the one-piece
      // read's exact count is a pass over the whole file before any thread could start).
      const std::string_view sample = text.substr(begin, options.chunk_bytes);
      const double per_byte =
          static_cast<double>(std::count(sample.begin(), sample.end(), '\n') + 1) /
          static_cast<double>(std::max<std::size_t>(sample.size(), 1));
      ds.Reserve(std::min(
          static_cast<std::size_t>(per_byte * 1.05 * static_cast<double>(text.size() - begin)) + 1,
          text.size() / 64 + 1));
      internal::CsvRecordSplitter splitter(text, begin, options.chunk_bytes);
      internal::TaskRowCommitter committer(*header, lines_at, ds, sink);
      if (!ReadRowsInParallel(text, reader.line(), splitter, csv, row_options, *header, threads,
                              committer, ds.registry())) {
        continue;
      }
    } else {
      // One task a line at most: room for them up front. Bounded by the bytes too (a real row
      // is well over 64 bytes), so a hostile file of line breaks cannot reserve gigabytes.
      const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
      ds.Reserve(std::min(lines, text.size() / 64 + 1));
      internal::TaskRowReader rows(row_options, *header, lines_at, ds, sink);
      ReadRows(reader, rec, rows);
    }
    const std::size_t count = sink.count();
    sink.Finish();
    if (options.strict && count > 0) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%d problem(s); strict mode refuses the file. First: %s", count,
                          FormatLoadProblem(out[first_problem])));
    }
    ds.ShrinkToFit();
    return ds;
  }
  return absl::InternalError("unreachable: the one-piece read always returns");
}

absl::StatusOr<Dataset> LoadDatasetCsv(const std::string& path, const CsvReadOptions& options,
                                       std::vector<LoadProblem>* problems) {
  // A file large enough to be read on several threads is also copied in by them.
  const std::size_t threads = ThreadsFor(options);
  if (threads > 1 && options.chunk_bytes > 0) {
    struct stat st;
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        static_cast<std::size_t>(st.st_size) / 2 >= options.chunk_bytes) {
      if (auto bytes = internal::ReadFileInParallel(path, options.max_bytes, threads)) {
        return ReadDatasetCsv(bytes->text(), options, problems);
      }
    }
  }
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
