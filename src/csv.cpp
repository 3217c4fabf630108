#include "mandate/csv.h"

#include <utility>

#include "absl/strings/str_format.h"
#include "mandate/text.h"

namespace mandate {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::vector<std::string> CsvRecord::ToVector() const {
  std::vector<std::string> out;
  out.reserve(size());
  for (std::size_t i = 0; i < size(); ++i) out.emplace_back((*this)[i]);
  return out;
}

CsvReader::CsvReader(std::string_view input, CsvOptions options)
    : in_(input), opt_(options), rescan_budget_(input.size()) {
  if (StartsWith(in_, kUtf8Bom)) {
    pos_ = kUtf8Bom.size();
    had_bom_ = true;
  } else if (StartsWith(in_, "\xFF\xFE") || StartsWith(in_, "\xFE\xFF") ||
             StartsWith(in_, std::string_view("\0\0\xFE\xFF", 4))) {
    refuse_ = true;
  }
}

CsvReader::CsvReader(std::string_view input, std::size_t begin, CsvOptions options)
    : in_(input), opt_(options), pos_(begin), rescan_budget_(input.size() - begin) {
  if (begin == 0) *this = CsvReader(input, options);
}

bool CsvReader::AtLineEnd() const {
  return pos_ < in_.size() && (in_[pos_] == '\r' || in_[pos_] == '\n');
}

void CsvReader::ConsumeLineEnd() {
  if (in_[pos_] == '\r') {
    ++pos_;
    if (pos_ < in_.size() && in_[pos_] == '\n') ++pos_;
  } else {
    ++pos_;
  }
  ++line_;
}

void CsvReader::SkipPhysicalLine() {
  while (pos_ < in_.size() && !AtLineEnd()) ++pos_;
  if (pos_ < in_.size()) ConsumeLineEnd();
}

void CsvReader::Fail(CsvRecord& record, CsvErrorKind kind, std::size_t line, std::size_t column,
                     std::size_t offset, std::string message) {
  if (record.error_) return;  // the first problem of a record is the one reported
  record.error_ = CsvError{kind, line, column, offset, std::move(message)};
}

struct CsvReader::Field {
  std::size_t column = 0;  // 1-based
  std::size_t start = 0;   // offset of its first byte (the quote, if quoted)
  std::size_t line = 0;    // line it starts on
  std::size_t bytes = 0;   // unquoted bytes stored for it
  std::size_t record_bytes = 0;
};

// Stores unquoted bytes while the record is sound; past a limit it keeps scanning so the
// framing (and with it the next record) is found, but stores nothing more.
void CsvReader::Append(CsvRecord& r, Field& f, std::string_view bytes) {
  if (!r.ok() || bytes.empty()) return;
  const CsvLimits& lim = opt_.limits;
  f.bytes += bytes.size();
  f.record_bytes += bytes.size();
  if (f.bytes > lim.max_field_bytes) {
    Fail(r, CsvErrorKind::kFieldTooLong, f.line, f.column, f.start,
         absl::StrFormat("field is longer than the limit of %d bytes", lim.max_field_bytes));
  } else if (f.record_bytes > lim.max_record_bytes) {
    Fail(r, CsvErrorKind::kRecordTooLong, f.line, f.column, f.start,
         absl::StrFormat("record is longer than the limit of %d bytes", lim.max_record_bytes));
  } else {
    r.data_.append(bytes);
  }
}

// Most likely a missing closing quote: resume at the line after the opening quote so the
// records that follow are not swallowed (within the rescan budget, which keeps work linear).
void CsvReader::ResyncAfterUnclosedQuote(std::size_t open, std::size_t open_line) {
  const std::size_t n = in_.size();
  std::size_t resume = in_.find_first_of("\r\n", open);
  if (resume == std::string_view::npos) {
    pos_ = n;
    return;
  }
  resume += (in_[resume] == '\r' && resume + 1 < n && in_[resume + 1] == '\n') ? 2 : 1;
  if (n - resume <= rescan_budget_) {
    rescan_budget_ -= n - resume;
    pos_ = resume;
    line_ = open_line + 1;
  } else {
    pos_ = n;
  }
}

bool CsvReader::ReadQuoted(CsvRecord& r, Field& f) {
  const std::size_t n = in_.size();
  const std::size_t open = pos_;
  const std::size_t open_line = line_;
  ++pos_;
  bool closed = false;
  while (pos_ < n) {
    std::size_t run = pos_;
    while (run < n) {
      const char c = in_[run];
      if (c == '"' || c == '\r' || c == '\n' || c == '\0') break;
      ++run;
    }
    Append(r, f, in_.substr(pos_, run - pos_));
    pos_ = run;
    if (pos_ >= n) break;
    const char c = in_[pos_];
    if (c == '"') {
      if (pos_ + 1 < n && in_[pos_ + 1] == '"') {
        Append(r, f, "\"");
        pos_ += 2;
        continue;
      }
      ++pos_;
      closed = true;
      break;
    }
    if (c == '\0') {
      Fail(r, CsvErrorKind::kNulByte, line_, f.column, pos_, "NUL byte in field");
      ++pos_;
      continue;
    }
    const std::size_t s = pos_;  // a line break inside quotes belongs to the field
    ConsumeLineEnd();
    Append(r, f, in_.substr(s, pos_ - s));
  }
  if (!closed) {
    r.error_.reset();  // the unclosed quote explains whatever else went wrong
    Fail(r, CsvErrorKind::kUnterminatedQuote, open_line, f.column, open,
         "quoted field is never closed (a '\"' is missing)");
    ResyncAfterUnclosedQuote(open, open_line);
    return false;
  }
  if (pos_ < n && in_[pos_] != opt_.delimiter && !AtLineEnd()) {
    Fail(r, CsvErrorKind::kStrayQuote, line_, f.column, pos_,
         "text after the closing quote of a quoted field");
    SkipPhysicalLine();
    return false;
  }
  return true;
}

bool CsvReader::ReadUnquoted(CsvRecord& r, Field& f) {
  const std::size_t n = in_.size();
  const char delim = opt_.delimiter;
  for (;;) {
    std::size_t run = pos_;
    while (run < n) {
      const char c = in_[run];
      if (c == delim || c == '"' || c == '\r' || c == '\n' || c == '\0') break;
      ++run;
    }
    Append(r, f, in_.substr(pos_, run - pos_));
    pos_ = run;
    if (pos_ >= n || in_[pos_] == delim || AtLineEnd()) return true;
    if (in_[pos_] == '"') {
      Fail(r, CsvErrorKind::kStrayQuote, line_, f.column, pos_,
           "'\"' inside an unquoted field: quote the whole field and double inner quotes");
      SkipPhysicalLine();
      return false;
    }
    Fail(r, CsvErrorKind::kNulByte, line_, f.column, pos_, "NUL byte in field");
    ++pos_;
  }
}

bool CsvReader::Next(CsvRecord& r) {
  r.data_.clear();
  r.ends_.clear();
  r.error_.reset();
  const std::size_t n = in_.size();
  if (refuse_) {
    refuse_ = false;
    pos_ = n;
    r.line_ = 1;
    Fail(r, CsvErrorKind::kUnsupportedEncoding, 1, 0, 0,
         "the file is UTF-16 or UTF-32 (byte-order mark found); save it as CSV UTF-8");
    return true;
  }
  while (AtLineEnd()) ConsumeLineEnd();  // blank lines
  if (pos_ >= n) return false;
  r.line_ = line_;

  Field f;
  for (;;) {  // one field per iteration
    ++f.column;
    f.bytes = 0;
    f.start = pos_;
    f.line = line_;
    if (f.column > opt_.limits.max_columns) {
      Fail(r, CsvErrorKind::kTooManyColumns, line_, f.column, pos_,
           absl::StrFormat("record has more than the limit of %d fields", opt_.limits.max_columns));
    }
    const bool quoted = pos_ < n && in_[pos_] == '"';
    if (!(quoted ? ReadQuoted(r, f) : ReadUnquoted(r, f))) break;
    if (r.ok() && opt_.input_is_utf8) {
      r.ends_.push_back(r.data_.size());
    } else if (r.ok()) {
      if (auto bad = FindInvalidUtf8(in_.substr(f.start, pos_ - f.start))) {
        Fail(r, CsvErrorKind::kInvalidUtf8, f.line, f.column, f.start + *bad,
             absl::StrFormat("invalid UTF-8 at byte offset %d", f.start + *bad));
      } else {
        r.ends_.push_back(r.data_.size());
      }
    }
    if (pos_ < n && in_[pos_] == opt_.delimiter) {
      ++pos_;
      continue;
    }
    if (pos_ < n) ConsumeLineEnd();
    break;
  }
  if (!r.ok()) {  // a record with an error lends no fields
    r.data_.clear();
    r.ends_.clear();
  }
  return true;
}

namespace {

bool IsFormulaStart(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

bool IsPlainNumber(std::string_view s) {
  std::size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  const std::size_t digits = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == digits) return false;
  if (i < s.size() && s[i] == '.') {
    const std::size_t frac = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == frac) return false;
  }
  return i == s.size();
}

}  // namespace

bool NeedsFormulaGuard(std::string_view cell) {
  const std::size_t first = cell.find_first_not_of('\'');
  if (first == std::string_view::npos || !IsFormulaStart(cell[first])) return false;
  return first > 0 || !IsPlainNumber(cell);
}

std::string GuardFormula(std::string_view cell) {
  if (!NeedsFormulaGuard(cell)) return std::string(cell);
  std::string out = "'";
  out += cell;
  return out;
}

std::string_view UnguardFormula(std::string_view cell) {
  const std::size_t first = cell.find_first_not_of('\'');
  if (first == 0 || first == std::string_view::npos || !IsFormulaStart(cell[first])) return cell;
  return cell.substr(1);
}

CsvWriter::CsvWriter(CsvWriteOptions options) : opt_(options) {}

void CsvWriter::AppendField(std::string_view field, bool force_quotes) {
  std::string guarded;
  if (opt_.guard_formulas && NeedsFormulaGuard(field)) {
    guarded = GuardFormula(field);
    field = guarded;
  }
  bool quote = force_quotes;
  for (std::size_t i = 0; !quote && i < field.size(); ++i) {
    const char c = field[i];
    quote = c == opt_.delimiter || c == '"' || c == '\r' || c == '\n';
  }
  if (!quote) {
    out_.append(field);
    return;
  }
  out_.push_back('"');
  for (const char c : field) {
    if (c == '"') out_.push_back('"');
    out_.push_back(c);
  }
  out_.push_back('"');
}

void CsvWriter::WriteRecord(std::span<const std::string_view> fields) {
  if (first_record_ && opt_.bom) out_.append(kUtf8Bom);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out_.push_back(opt_.delimiter);
    // A lone empty field would be a blank line, which readers skip; a leading U+FEFF in the
    // first cell would be taken for a byte-order mark.
    const bool force = (fields.size() == 1 && fields[0].empty()) ||
                       (first_record_ && i == 0 && !opt_.bom && StartsWith(fields[0], kUtf8Bom));
    AppendField(fields[i], force);
  }
  out_.append(opt_.line_end);
  first_record_ = false;
}

void CsvWriter::WriteRecord(const std::vector<std::string>& fields) {
  std::vector<std::string_view> views(fields.begin(), fields.end());
  WriteRecord(std::span<const std::string_view>(views));
}

}  // namespace mandate
