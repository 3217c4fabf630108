#include "xlsx_sheet.h"

#include <charconv>
#include <utility>

#include "absl/strings/str_format.h"
#include "xml_events.h"

namespace mandate::internal {
namespace {

// <sheetData><row r="5"><c r="C5" t="s"><v>12</v></c>…</row></sheetData>,
// <mergeCells><mergeCell ref="A1:H1"/></mergeCells>.
class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const XlsxWorkbook& wb, const XlsxLimits& limits, XlsxSheet& out)
      : wb_(wb), limits_(limits), out_(out) {}

  absl::Status Start(std::string_view name, const char** attrs) override {
    if (name == "row") return StartRow(XmlAttr(attrs, "r"));
    if (name == "c") return StartCell(attrs);
    if (name == "v" || (name == "t" && in_inline_ && phonetic_ == 0)) {
      in_value_ = in_cell_;
    } else if (name == "is") {
      in_inline_ = in_cell_;
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "mergeCell") {
      return Merge(XmlAttr(attrs, "ref"));
    }
    return absl::OkStatus();
  }
  absl::Status End(std::string_view name) override {
    if (name == "v" || name == "t") in_value_ = false;
    if (name == "is") in_inline_ = false;
    if (name == "rPh" && phonetic_ > 0) --phonetic_;
    if (name == "c" && in_cell_) return EndCell();
    return absl::OkStatus();
  }
  absl::Status Text(std::string_view text) override {
    if (!in_value_) return absl::OkStatus();
    if (value_.size() + text.size() > limits_.max_cell_text_bytes) return TooMuchText();
    value_.append(text);
    return absl::OkStatus();
  }

 private:
  absl::Status StartRow(const char* r) {
    std::uint32_t row = next_row_;
    if (r != nullptr) {
      const std::string_view s(r);
      const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), row);
      if (ec != std::errc() || p != s.data() + s.size() || row == 0) {
        return absl::InvalidArgumentError(absl::StrFormat("bad row number \"%s\"", s));
      }
    }
    if (row > limits_.max_rows) {
      return absl::ResourceExhaustedError(
          absl::StrFormat("row %d is past the limit of %d rows", row, limits_.max_rows));
    }
    if (!out_.rows.empty() && row <= out_.rows.back().row) {
      return absl::InvalidArgumentError(absl::StrFormat("row %d is out of order", row));
    }
    out_.rows.push_back({row, {}});
    next_row_ = row + 1;
    next_column_ = 0;
    return absl::OkStatus();
  }

  absl::Status StartCell(const char** attrs) {
    if (out_.rows.empty()) return absl::InvalidArgumentError("a cell outside a row");
    const char* r = XmlAttr(attrs, "r");
    column_ = next_column_;
    if (r != nullptr) {
      auto pos = ParseXlsxCellName(r);
      if (!pos || pos->row != out_.rows.back().row) {
        return absl::InvalidArgumentError(
            absl::StrFormat("bad cell reference \"%s\" in row %d", r, out_.rows.back().row));
      }
      column_ = pos->column;
    }
    if (column_ >= limits_.max_columns) {
      return absl::ResourceExhaustedError(absl::StrFormat(
          "cell %s is past the limit of %d columns", r ? r : "?", limits_.max_columns));
    }
    const char* t = XmlAttr(attrs, "t");
    type_ = t == nullptr ? "n" : t;
    in_cell_ = true;
    value_.clear();
    return absl::OkStatus();
  }

  absl::Status EndCell() {
    in_cell_ = in_value_ = in_inline_ = false;
    next_column_ = column_ + 1;
    XlsxRow& row = out_.rows.back();
    if (!row.cells.empty() && column_ <= row.cells.back().column) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "cell %s is out of order", XlsxCellName(row.row, column_)));
    }
    XlsxCell cell{column_, {}, false};
    if (type_ == "s") {
      std::size_t index = 0;
      const auto [p, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (ec != std::errc() || p != value_.data() + value_.size() ||
          index >= wb_.shared_strings.size()) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "cell %s: shared string \"%s\" is not in the table of %d", XlsxCellName(row.row, column_),
            value_.substr(0, 20), wb_.shared_strings.size()));
      }
      cell.text = wb_.shared_strings[index];
    } else if (type_ == "b") {
      cell.text = value_ == "1" ? "TRUE" : "FALSE";
    } else {
      cell.number = type_ == "n";
      cell.text = std::move(value_);
    }
    if (cell.text.empty()) return absl::OkStatus();
    text_bytes_ += cell.text.size();
    if (text_bytes_ > limits_.max_cell_text_bytes) return TooMuchText();
    row.cells.push_back(std::move(cell));
    value_.clear();
    return absl::OkStatus();
  }

  absl::Status Merge(const char* ref) {
    if (ref == nullptr) return absl::OkStatus();
    const std::string_view s(ref);
    const std::size_t colon = s.find(':');
    auto a = ParseXlsxCellName(s.substr(0, colon));
    auto b = colon == std::string_view::npos ? a : ParseXlsxCellName(s.substr(colon + 1));
    if (!a || !b || b->row < a->row || b->column < a->column) {
      return absl::InvalidArgumentError(absl::StrFormat("bad merged range \"%s\"", s));
    }
    if (out_.merges.size() >= limits_.max_merges) {
      return absl::ResourceExhaustedError(
          absl::StrFormat("over %d merged ranges (the limit)", limits_.max_merges));
    }
    out_.merges.push_back({a->row, a->column, b->row, b->column});
    return absl::OkStatus();
  }

  absl::Status TooMuchText() const {
    return absl::ResourceExhaustedError(absl::StrFormat(
        "the cells hold over %d bytes of text (the limit)", limits_.max_cell_text_bytes));
  }

  const XlsxWorkbook& wb_;
  const XlsxLimits& limits_;
  XlsxSheet& out_;
  std::uint32_t next_row_ = 1, next_column_ = 0, column_ = 0;
  std::string type_, value_;
  bool in_cell_ = false, in_value_ = false, in_inline_ = false;
  int phonetic_ = 0;
  std::size_t text_bytes_ = 0;
};

}  // namespace

std::string XlsxCellName(std::uint32_t row, std::uint32_t column) {
  std::string letters;
  for (std::uint64_t c = std::uint64_t{column} + 1; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return letters + std::to_string(row);
}

std::optional<XlsxCellPos> ParseXlsxCellName(std::string_view ref) {
  std::uint64_t column = 0;
  std::size_t i = 0;
  for (; i < ref.size() && i < 4; ++i) {
    const char c = ref[i];
    if (c >= 'A' && c <= 'Z') {
      column = column * 26 + static_cast<std::uint64_t>(c - 'A' + 1);
    } else if (c >= 'a' && c <= 'z') {
      column = column * 26 + static_cast<std::uint64_t>(c - 'a' + 1);
    } else {
      break;
    }
  }
  if (i == 0) return std::nullopt;
  std::uint32_t row = 0;
  const auto [p, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  if (ec != std::errc() || p != ref.data() + ref.size() || row == 0) return std::nullopt;
  return XlsxCellPos{row, static_cast<std::uint32_t>(column - 1)};
}

absl::StatusOr<XlsxSheet> ReadXlsxSheet(XlsxArchive& archive, const XlsxWorkbook& workbook,
                                        const XlsxSheetRef& ref, const XlsxLimits& limits) {
  auto xml = archive.Read(ref.part);
  if (!xml.ok()) return xml.status();
  XlsxSheet sheet;
  sheet.name = ref.name;
  SheetHandler handler(workbook, limits, sheet);
  if (auto s = ParseXml(*xml, ref.part, handler); !s.ok()) {
    return absl::Status(s.code(), absl::StrFormat("sheet \"%s\": %s", ref.name, s.message()));
  }
  return sheet;
}

}  // namespace mandate::internal
