// RFC 4180 CSV, as spreadsheets export it: UTF-8 with an optional BOM, CRLF/LF/CR line ends,
// quoted fields holding delimiters, doubled quotes and line breaks.
//
// The reader yields one record at a time over a view of the input (a file read with
// ReadFile, bounded by its max_bytes); its own memory is bounded by CsvLimits whatever the
// input. A malformed record is returned with an error naming the line, the field number and
// the byte offset, and the reader resynchronises at the next record so that the valid
// records around it are still read.
#ifndef MANDATE_CSV_H
#define MANDATE_CSV_H

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mandate/enum_table.h"

namespace mandate {

// Defaults are generous for hand-made spreadsheets and small enough that a hostile file
// (a 100 MB cell, a million columns) is refused after a bounded amount of memory.
struct CsvLimits {
  std::size_t max_field_bytes = std::size_t{1} << 20;   // 1 MiB per cell, after unquoting
  std::size_t max_columns = 1024;                       // fields in one record
  std::size_t max_record_bytes = std::size_t{4} << 20;  // 4 MiB, all cells of a record
};

struct CsvOptions {
  char delimiter = ',';
  CsvLimits limits;
  // The caller has checked that the whole input is valid UTF-8 (FindInvalidUtf8), so fields
  // are not checked again (a parallel load checks each chunk once, in its thread).
  bool input_is_utf8 = false;
};

// Values are stable (they reach LoadProblem messages and the C ABI).
enum class CsvErrorKind : std::uint8_t {
  kUnterminatedQuote = 1,  // a quoted field runs to the end of the input
  kStrayQuote = 2,         // '"' inside an unquoted field, or text after a closing quote
  kInvalidUtf8 = 3,
  kNulByte = 4,
  kFieldTooLong = 5,
  kTooManyColumns = 6,
  kRecordTooLong = 7,
  kUnsupportedEncoding = 8,  // a UTF-16/UTF-32 byte-order mark: the whole input is refused
};
template <>
struct EnumTable<CsvErrorKind> {
  static constexpr EnumEntry<CsvErrorKind> kEntries[] = {
      {CsvErrorKind::kUnterminatedQuote, "unterminated_quote"},
      {CsvErrorKind::kStrayQuote, "stray_quote"},
      {CsvErrorKind::kInvalidUtf8, "invalid_utf8"},
      {CsvErrorKind::kNulByte, "nul_byte"},
      {CsvErrorKind::kFieldTooLong, "field_too_long"},
      {CsvErrorKind::kTooManyColumns, "too_many_columns"},
      {CsvErrorKind::kRecordTooLong, "record_too_long"},
      {CsvErrorKind::kUnsupportedEncoding, "unsupported_encoding"},
  };
};
static_assert(EnumTableIsDense<CsvErrorKind>());

struct CsvError {
  CsvErrorKind kind = CsvErrorKind::kStrayQuote;
  std::size_t line = 0;    // 1-based physical line where the problem is
  std::size_t column = 0;  // 1-based field number within the record (0: whole input)
  std::size_t offset = 0;  // byte offset in the input
  std::string message;     // what is wrong and how to fix it; no line/column prefix
};

// One record. Fields are views into storage the record owns and reuses for the next record.
class CsvRecord {
 public:
  std::size_t line() const { return line_; }  // the physical line the record starts on
  std::size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  std::string_view operator[](std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(data_).substr(begin, ends_[i] - begin);
  }
  // Set when the record is malformed; its fields are then empty.
  const std::optional<CsvError>& error() const { return error_; }
  bool ok() const { return !error_.has_value(); }
  std::vector<std::string> ToVector() const;

 private:
  friend class CsvReader;
  std::size_t line_ = 0;
  std::string data_;               // all fields, unquoted, back to back
  std::vector<std::size_t> ends_;  // end offset of each field in data_
  std::optional<CsvError> error_;
};

class CsvReader {
 public:
  // input must outlive the reader. A leading UTF-8 BOM is skipped.
  explicit CsvReader(std::string_view input, CsvOptions options = {});
  // Reads input from byte `begin`, which must start a record (a chunk of a file split at
  // record boundaries); offsets stay those of input, lines count from 1 at `begin`.
  CsvReader(std::string_view input, std::size_t begin, CsvOptions options);

  // Reads the next record; false at the end of the input. Blank lines are skipped (a record
  // of one empty field is written as "" by CsvWriter, so it survives a round trip).
  bool Next(CsvRecord& record);

  bool had_bom() const { return had_bom_; }
  std::size_t line() const { return line_; }
  std::size_t offset() const { return pos_; }

 private:
  bool AtLineEnd() const;
  void ConsumeLineEnd();
  void SkipPhysicalLine();
  void Fail(CsvRecord& record, CsvErrorKind kind, std::size_t line, std::size_t column,
            std::size_t offset, std::string message);
  struct Field;  // where the field being read starts, and the bytes stored so far
  void Append(CsvRecord& record, Field& field, std::string_view bytes);
  // Each reads one field; false when the record ended on an error (the reader resynced).
  bool ReadQuoted(CsvRecord& record, Field& field);
  bool ReadUnquoted(CsvRecord& record, Field& field);
  void ResyncAfterUnclosedQuote(std::size_t open, std::size_t open_line);

  std::string_view in_;
  CsvOptions opt_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  // Bytes the reader may still re-read after an unterminated quote (it rewinds to the line
  // after the opening quote); spending at most the input size keeps the total work linear.
  std::size_t rescan_budget_ = 0;
  bool had_bom_ = false;
  bool refuse_ = false;  // UTF-16/32 input: one error, then the end
};

struct CsvWriteOptions {
  char delimiter = ',';
  std::string_view line_end = "\r\n";  // RFC 4180
  bool bom = false;                    // Excel needs a BOM to open a UTF-8 file as UTF-8
  bool guard_formulas = false;         // GuardFormula on every field (files people open)
};

// CSV injection (OWASP): a spreadsheet runs a cell that starts with = + - @, tab or CR as a
// formula ("=HYPERLINK(…)", "+cmd|' /C calc'!A0"). Such a cell is written with a leading
// "'", which spreadsheets read as "this is text" and do not show. A plain number ("-5",
// "+3.5") cannot be a formula and is left alone. A cell that already starts with "'"s before
// one of those characters gets one more, so UnguardFormula undoes the guard exactly.
bool NeedsFormulaGuard(std::string_view cell);
std::string GuardFormula(std::string_view cell);
// Drops the guard's "'" from a cell read back ("'=1" gives "=1", "''=1" gives "'=1").
std::string_view UnguardFormula(std::string_view cell);

// Quotes a field only when it must: it holds the delimiter, '"', CR or LF.
class CsvWriter {
 public:
  explicit CsvWriter(CsvWriteOptions options = {});
  void WriteRecord(std::span<const std::string_view> fields);
  void WriteRecord(std::initializer_list<std::string_view> fields) {
    WriteRecord(std::span<const std::string_view>(fields.begin(), fields.size()));
  }
  void WriteRecord(const std::vector<std::string>& fields);
  const std::string& data() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void AppendField(std::string_view field, bool force_quotes);
  CsvWriteOptions opt_;
  std::string out_;
  bool first_record_ = true;
};

}  // namespace mandate

#endif
