// The report as a document: the blocks (letterhead, headings, sentences, Phụ lục 01's table)
// every text format renders, in seed 001's order and wording (or their English). Markdown
// and HTML are renderings of these blocks; a Word export can render the same ones.
#ifndef MANDATE_REPORT_DOCUMENT_H
#define MANDATE_REPORT_DOCUMENT_H

#include <cstdint>
#include <string>
#include <vector>

#include "mandate/enum_table.h"
#include "mandate/report.h"

namespace mandate {

struct ReportBlock {
  enum class Kind : std::uint8_t {
    kLetterhead,  // lines: issuing body | national motto | place and date (centred)
    kTitle,       // "BÁO CÁO TÓM TẮT"; lines = the subtitle lines
    kSection,     // "I. KẾT QUẢ ĐẠT ĐƯỢC"
    kSubsection,  // "1. Tình hình triển khai nhiệm vụ"
    kItem,        // "a) Thực hiện Kế hoạch số 02-KH/BCĐTW" (bold lead-in)
    kParagraph,
    kBullet,
    kNote,        // "(Danh sách các nhiệm vụ quá hạn tại Phụ lục 01 kèm theo)", the caveat
    kFootnote,    // the counting rule; marker "1"
    kTable,       // rows[0] is the header
  };
  Kind kind = Kind::kParagraph;
  std::string text;
  std::vector<std::string> lines;               // letterhead and title
  std::vector<std::vector<std::string>> rows;   // table
  bool has_footnote_marker = false;             // text ends before a footnote reference
};

template <>
struct EnumTable<ReportBlock::Kind> {
  static constexpr EnumEntry<ReportBlock::Kind> kEntries[] = {
      {ReportBlock::Kind::kLetterhead, "letterhead"}, {ReportBlock::Kind::kTitle, "title"},
      {ReportBlock::Kind::kSection, "section"},       {ReportBlock::Kind::kSubsection, "subsection"},
      {ReportBlock::Kind::kItem, "item"},             {ReportBlock::Kind::kParagraph, "paragraph"},
      {ReportBlock::Kind::kBullet, "bullet"},         {ReportBlock::Kind::kNote, "note"},
      {ReportBlock::Kind::kFootnote, "footnote"},     {ReportBlock::Kind::kTable, "table"},
  };
};
static_assert(EnumTableIsDense<ReportBlock::Kind>());

std::vector<ReportBlock> ReportDocument(const ReportData& data, ReportLanguage lang);

// Phụ lục 01's columns: STT, task, lead as written, deadline as written, due day, source,
// days overdue. Shared by the document, the CSV and the JSON.
std::vector<std::vector<std::string>> OverdueAppendixRows(const ReportData& data,
                                                          ReportLanguage lang);

}  // namespace mandate

#endif
