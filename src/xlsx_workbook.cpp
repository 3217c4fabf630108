#include "xlsx_workbook.h"

#include <string_view>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "mandate/absl_compat.h"
#include "xml_events.h"

namespace mandate::internal {
namespace {

// workbook.xml: <workbookPr date1904="1"/>, <sheet name=".." r:id="rId1"/>.
class WorkbookHandler : public XmlHandler {
 public:
  struct Sheet {
    std::string name, rel;
  };
  std::vector<Sheet> sheets;
  bool date1904 = false;

  absl::Status Start(std::string_view name, const char** attrs) override {
    if (name == "workbookPr") {
      const char* v = XmlAttr(attrs, "date1904");
      date1904 = v != nullptr && (std::string_view(v) == "1" || std::string_view(v) == "true");
    } else if (name == "sheet") {
      const char* n = XmlAttr(attrs, "name");
      const char* id = XmlAttr(attrs, "id");
      if (n == nullptr || id == nullptr) {
        return absl::InvalidArgumentError("a <sheet> without a name or a relationship id");
      }
      if (sheets.size() >= 4096) return absl::ResourceExhaustedError("over 4096 sheets");
      sheets.push_back({n, id});
    }
    return absl::OkStatus();
  }
  absl::Status End(std::string_view) override { return absl::OkStatus(); }
  absl::Status Text(std::string_view) override { return absl::OkStatus(); }
};

// xl/_rels/workbook.xml.rels: <Relationship Id="rId1" Target="worksheets/sheet1.xml"/>.
class RelsHandler : public XmlHandler {
 public:
  absl::flat_hash_map<std::string, std::string> targets;

  absl::Status Start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return absl::OkStatus();
    const char* id = XmlAttr(attrs, "Id");
    const char* target = XmlAttr(attrs, "Target");
    if (id == nullptr || target == nullptr) return absl::OkStatus();
    if (targets.size() >= 65536) return absl::ResourceExhaustedError("too many relationships");
    std::string_view t(target);
    // Relative to xl/, or absolute from the package root.
    targets[id] = t.starts_with("/") ? std::string(t.substr(1)) : "xl/" + std::string(t);
    return absl::OkStatus();
  }
  absl::Status End(std::string_view) override { return absl::OkStatus(); }
  absl::Status Text(std::string_view) override { return absl::OkStatus(); }
};

// sharedStrings.xml: <si> holds <t> directly or in rich-text runs <r><t>; phonetic guides
// (<rPh>) are not part of the text.
class SharedStringsHandler : public XmlHandler {
 public:
  explicit SharedStringsHandler(const XlsxLimits& limits) : limits_(limits) {}
  std::vector<std::string> strings;

  absl::Status Start(std::string_view name, const char**) override {
    if (name == "si") {
      if (strings.size() >= limits_.max_shared_strings) {
        return absl::ResourceExhaustedError(absl::StrFormat(
            "over %d shared strings (the limit)", limits_.max_shared_strings));
      }
      strings.emplace_back();
      in_si_ = true;
    } else if (name == "rPh") {
      ++in_phonetic_;
    } else if (name == "t") {
      in_t_ = in_si_ && in_phonetic_ == 0;
    }
    return absl::OkStatus();
  }
  absl::Status End(std::string_view name) override {
    if (name == "si") in_si_ = false;
    if (name == "rPh" && in_phonetic_ > 0) --in_phonetic_;
    if (name == "t") in_t_ = false;
    return absl::OkStatus();
  }
  absl::Status Text(std::string_view text) override {
    if (!in_t_) return absl::OkStatus();
    bytes_ += text.size();
    if (bytes_ > limits_.max_shared_string_bytes) {
      return absl::ResourceExhaustedError(absl::StrFormat(
          "the shared strings hold over %d bytes of text (the limit)",
          limits_.max_shared_string_bytes));
    }
    strings.back().append(text);
    return absl::OkStatus();
  }

 private:
  const XlsxLimits& limits_;
  bool in_si_ = false, in_t_ = false;
  int in_phonetic_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace

absl::StatusOr<XlsxWorkbook> ReadXlsxWorkbook(XlsxArchive& archive, const XlsxLimits& limits) {
  auto wb_xml = archive.Read("xl/workbook.xml");
  if (absl::IsNotFound(wb_xml.status())) {
    return absl::InvalidArgumentError(
        "a zip file but not an Excel workbook (.xlsx): it has no xl/workbook.xml");
  }
  if (!wb_xml.ok()) return wb_xml.status();
  WorkbookHandler wb;
  if (auto s = ParseXml(*wb_xml, "xl/workbook.xml", wb); !s.ok()) return s;
  RelsHandler rels;
  auto rels_xml = archive.Read("xl/_rels/workbook.xml.rels");
  if (!rels_xml.ok()) return rels_xml.status();
  if (auto s = ParseXml(*rels_xml, "xl/_rels/workbook.xml.rels", rels); !s.ok()) return s;

  XlsxWorkbook out;
  out.dates = wb.date1904 ? ExcelDateSystem::k1904 : ExcelDateSystem::k1900;
  for (auto& sheet : wb.sheets) {
    auto it = rels.targets.find(ToAbsl(sheet.rel));
    if (it == rels.targets.end()) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "sheet \"%s\": its relationship %s is not in xl/_rels/workbook.xml.rels", sheet.name,
          sheet.rel));
    }
    out.sheets.push_back({std::move(sheet.name), it->second});
  }
  if (archive.Has("xl/sharedStrings.xml")) {
    auto ss_xml = archive.Read("xl/sharedStrings.xml");
    if (!ss_xml.ok()) return ss_xml.status();
    SharedStringsHandler ss(limits);
    if (auto s = ParseXml(*ss_xml, "xl/sharedStrings.xml", ss); !s.ok()) return s;
    out.shared_strings = std::move(ss.strings);
  }
  return out;
}

}  // namespace mandate::internal
