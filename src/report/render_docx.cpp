// The report as a Word document in the administrative format of Decree 30/2020/NĐ-CP: the
// fixed OOXML parts (content types, relationships, styles: A4, Times New Roman 14 pt, heading
// styles) are a template; the body renders the document's blocks (report_document.h) and is zipped with libzip.
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "mandate/report_document.h"
#include "mandate/report_office.h"
#include "report/render.h"

namespace mandate {
namespace {

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>)";
constexpr std::string_view kPackageRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>)";
constexpr std::string_view kDocumentRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)";
// Times New Roman 14 pt (sz is in half points), single spacing with 6 pt after a paragraph;
// headings bold 14 pt, numbered in their text ("1. …") as administrative documents number.
constexpr std::string_view kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:spacing w:after="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:i/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr></w:style></w:styles>)";
// The document: {BODY} is filled in; the section is A4 portrait with the decree's margins
// (top and bottom 20 mm, left 30 mm, right 15 mm; 1 mm = 56.7 twips).
constexpr std::string_view kDocument =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{BODY}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>)";

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 allows no control characters but tab and line breaks.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    }
  }
  return out;
}

struct Run {
  std::string text;
  bool bold = false, italic = false;
  int half_points = 0;  // 0 = the style's size
  bool superscript = false;  // the footnote's marker
};
enum class Align { kBoth, kLeft, kCenter, kRight };

std::string Paragraph(const std::vector<Run>& runs, Align align = Align::kBoth,
                      std::string_view style = "", bool page_break_before = false) {
  std::string p = "<w:p><w:pPr>";
  if (!style.empty()) p += absl::StrFormat("<w:pStyle w:val=\"%s\"/>", std::string(style));
  if (page_break_before) p += "<w:pageBreakBefore/>";
  static constexpr std::string_view kAlign[] = {"both", "left", "center", "right"};
  p += absl::StrFormat("<w:jc w:val=\"%s\"/></w:pPr>",
                       std::string(kAlign[static_cast<int>(align)]));
  for (const Run& r : runs) {
    p += "<w:r><w:rPr>";
    if (r.bold) p += "<w:b/>";
    if (r.italic) p += "<w:i/>";
    if (r.half_points > 0) p += absl::StrFormat("<w:sz w:val=\"%d\"/>", r.half_points);
    if (r.superscript) p += "<w:vertAlign w:val=\"superscript\"/>";
    p += "</w:rPr><w:t xml:space=\"preserve\">" + Escape(r.text) + "</w:t></w:r>";
  }
  return p + "</w:p>";
}
std::string Heading(std::string_view s, int level, bool page_break = false) {
  return Paragraph({{std::string(s)}}, Align::kLeft, level == 1 ? "Heading1" : "Heading2",
                   page_break);
}

// A table; widths in twips. Bordered tables have a bold header row; the letterhead's
// two-column blocks have no borders.
std::string Table(const std::vector<std::vector<std::string>>& rows, const std::vector<int>& widths,
                  bool bordered) {
  std::string t = "<w:tbl><w:tblPr>";
  if (bordered) t += "<w:tblStyle w:val=\"TableGrid\"/>";
  t += "<w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>";
  for (int w : widths) t += absl::StrFormat("<w:gridCol w:w=\"%d\"/>", w);
  t += "</w:tblGrid>";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    t += bordered && r == 0 ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>";
    for (std::size_t c = 0; c < rows[r].size() && c < widths.size(); ++c) {
      t += absl::StrFormat("<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>", widths[c]);
      if (bordered) {
        t += Paragraph({{rows[r][c], r == 0, false, 24}}, r == 0 ? Align::kCenter : Align::kLeft);
      } else {
        t += rows[r][c];  // the letterhead's cells are paragraphs already
      }
      t += "</w:tc>";
    }
    t += "</w:tr>";
  }
  return t + "</w:tbl>" + Paragraph({});
}

// "ngày 05 tháng 02 năm 2025": Decree 30 writes a day below 10 and the months 1 and 2 with a
// leading zero.
// Column widths (twips) for a table of the document: the text width shared in proportion to
// each column's longest cell, each column at least 600 so numbers and "STT" stay on one line.
std::vector<int> Widths(const std::vector<std::vector<std::string>>& rows) {
  constexpr int kTextWidth = 9350;  // A4 less Decree 30's margins (30 mm left, 15 mm right)
  std::vector<double> weight(rows.empty() ? 0 : rows[0].size(), 1.0);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size() && c < weight.size(); ++c) {
      weight[c] = std::max(weight[c], std::min<double>(double(row[c].size()), 400.0));
    }
  }
  double total = 0;
  for (double w : weight) total += std::sqrt(w);  // long text wraps; short columns keep room
  std::vector<int> out;
  for (double w : weight) {
    out.push_back(std::max(600, static_cast<int>(kTextWidth * std::sqrt(w) / total)));
  }
  return out;
}

// The letterhead block's lines: issuing body | motto | motto's second line | place and date.
std::string Letterhead(const ReportBlock& b) {
  const auto line = [&](std::size_t i) { return i < b.lines.size() ? b.lines[i] : std::string(); };
  const std::string body = Paragraph({{line(0), true, false, 26}}, Align::kCenter);
  const std::string motto = Paragraph({{line(1), true, false, 24}}, Align::kCenter) +
                            Paragraph({{line(2), true}}, Align::kCenter);
  return Table({{body, motto}}, {3500, 5850}, false) +
         Paragraph({{line(3), false, true}}, Align::kRight);
}

std::string Recipients(ReportLanguage lang) {
  const bool en = lang == ReportLanguage::kEnglish;
  const std::string cell =
      Paragraph({{en ? "Recipients:" : "Nơi nhận:", true, true, 24}}, Align::kLeft) +
      Paragraph({{en ? "- Members of the Steering Committee;" : "- Các thành viên Ban Chỉ đạo;",
                  false, false, 22}},
                Align::kLeft) +
      Paragraph({{en ? "- Archive: VT." : "- Lưu: VT.", false, false, 22}}, Align::kLeft);
  return Table({{cell, Paragraph({})}}, {4675, 4675}, false);
}

// The document's blocks (report_document.h), the same the Markdown and HTML render, as
// WordprocessingML; "Nơi nhận" closes the report before the appendix, which starts a page.
std::string Body(const ReportData& d, ReportLanguage lang) {
  using Kind = ReportBlock::Kind;
  const std::vector<ReportBlock> blocks = ReportDocument(d, lang);
  std::size_t last_section = blocks.size();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].kind == Kind::kSection) last_section = i;
  }
  const auto marker = [](const ReportBlock& b) {
    return b.has_footnote_marker ? std::vector<Run>{{b.text}, {"1", false, false, 0, true}}
                                 : std::vector<Run>{{b.text}};
  };
  std::string out;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const ReportBlock& b = blocks[i];
    switch (b.kind) {
      case Kind::kLetterhead: out += Letterhead(b); break;
      case Kind::kTitle:
        out += Paragraph({{b.text}}, Align::kCenter, "Title");
        for (const auto& line : b.lines) out += Paragraph({{line, true}}, Align::kCenter);
        break;
      case Kind::kSection:
        if (i == last_section) out += Recipients(lang);
        out += Heading(b.text, 1, /*page_break=*/i == last_section);
        break;
      case Kind::kSubsection: out += Heading(b.text, 2); break;
      case Kind::kItem: out += Paragraph({{b.text, true}}); break;
      case Kind::kParagraph: out += Paragraph(marker(b)); break;
      case Kind::kBullet: {
        std::vector<Run> runs = marker(b);
        runs.front().text = "- " + runs.front().text;
        out += Paragraph(runs);
        break;
      }
      case Kind::kNote: out += Paragraph({{b.text, false, true}}, Align::kCenter); break;
      case Kind::kFootnote:
        out += Paragraph({{"1", false, false, 22, true}, {" " + b.text, false, true, 22}});
        break;
      case Kind::kTable:
        if (!b.rows.empty()) out += Table(b.rows, Widths(b.rows), true);
        break;
    }
  }
  if (last_section == blocks.size()) out += Recipients(lang);
  return out;
}

absl::StatusOr<std::string> Zip(const std::vector<std::pair<const char*, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &error) : nullptr;
  if (za == nullptr) {
    if (src) zip_source_free(src);
    zip_error_fini(&error);
    return absl::InternalError("cannot start the .docx archive");
  }
  zip_source_keep(src);
  bool ok = true;
  for (const auto& [name, text] : parts) {
    zip_source_t* s = zip_source_buffer(za, text.data(), text.size(), 0);
    if (s != nullptr && zip_file_add(za, name, s, ZIP_FL_ENC_UTF_8) < 0) {
      zip_source_free(s);
      s = nullptr;
    }
    ok = ok && s != nullptr;
  }
  const bool closed = zip_close(za) == 0;  // the buffers are read here, while `parts` lives
  if (!closed) zip_discard(za);
  ok = ok && closed;
  std::string out;
  if (ok && zip_source_open(src) == 0) {
    char buf[1 << 14];
    zip_int64_t n = 0;
    while ((n = zip_source_read(src, buf, sizeof buf)) > 0) {
      out.append(buf, static_cast<std::size_t>(n));
    }
    zip_source_close(src);
  }
  zip_source_free(src);
  zip_error_fini(&error);
  if (!ok || out.empty()) return absl::InternalError("cannot write the .docx archive");
  return out;
}

}  // namespace

absl::StatusOr<std::string> RenderReportDocx(const ReportData& data, ReportLanguage lang) {
  std::string document(kDocument);
  document.replace(document.find("{BODY}"), 6, Body(data, lang));
  return Zip({{"[Content_Types].xml", std::string(kContentTypes)},
              {"_rels/.rels", std::string(kPackageRels)},
              {"word/_rels/document.xml.rels", std::string(kDocumentRels)},
              {"word/styles.xml", std::string(kStyles)},
              {"word/document.xml", std::move(document)}});
}

}  // namespace mandate
