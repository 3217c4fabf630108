// References to the documents that assign tasks: "Thông báo số 45-TB/TGV ngày 30/09/2025",
// "Nghị định 82/2024/NĐ-CP ngày 10/7/2024", "Kế hoạch số 02-KH/BCĐTW", "07-TB-CQTTBCĐ".
// Tasks link to their source document through them, and deadline extraction uses them so
// that a cited document's date is never read as a deadline.
#ifndef MANDATE_DOCUMENT_REF_H
#define MANDATE_DOCUMENT_REF_H

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "mandate/civil_day.h"

namespace mandate {

struct DocumentRef {
  std::string raw;        // the reference as written
  std::string number;     // "45"; "82/2024" when the symbol carries the year
  std::string type;       // "TB", "KH", "NQ", "QĐ", "NĐ-CP" (a decree is always the Government's)
  std::string issuer;     // "TGV", "BCĐTW", "CP", "TTg", "CQTTBCĐ"; empty when not written
  std::string type_name;  // "Thông báo", "Kế hoạch", "Nghị quyết", ...; empty when unknown
  std::string symbol;     // number and code without spaces: "45-TB/TGV", "82/2024/NĐ-CP"
  std::optional<Day> date;
  std::size_t begin = 0;  // byte offsets of raw in the text it was found in
  std::size_t end = 0;
};

// The whole text must be one reference (trailing ".;,)" allowed); otherwise InvalidArgument
// naming the part that could not be read.
absl::StatusOr<DocumentRef> ParseDocumentRef(std::string_view text);
// Every reference in a sentence, in order. OCR spellings ("sb", "s6", "ngdy") are accepted.
std::vector<DocumentRef> FindDocumentRefs(std::string_view text);

}  // namespace mandate

#endif
