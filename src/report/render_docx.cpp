// The report as a Word document in the administrative format of Decree 30/2020/NĐ-CP: the
// fixed OOXML parts (content types, relationships, styles: A4, Times New Roman 14 pt, heading
// styles) are a template; the body is built from ReportData and zipped with libzip.
#include <zip.h>

#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "mandate/report_office.h"
#include "report/labels.h"
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
    p += "</w:rPr><w:t xml:space=\"preserve\">" + Escape(r.text) + "</w:t></w:r>";
  }
  return p + "</w:p>";
}
std::string Text(std::string_view s, Align align = Align::kBoth) {
  return Paragraph({{std::string(s)}}, align);
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
std::string DateLine(const ReportData& d, ReportLanguage lang) {
  const date::year_month_day ymd{d.as_of};
  const unsigned day = unsigned(ymd.day()), month = unsigned(ymd.month());
  const int year = static_cast<int>(ymd.year());
  const std::string place = d.header.place.empty() ? "" : d.header.place + ", ";
  if (lang == ReportLanguage::kEnglish) {
    static constexpr const char* kMonths[] = {"January", "February", "March",     "April",
                                              "May",     "June",     "July",      "August",
                                              "September", "October", "November", "December"};
    return absl::StrFormat("%s%d %s %d", place, day, kMonths[month - 1], year);
  }
  return absl::StrFormat("%s%s %s%d tháng %s%d năm %d", place, place.empty() ? "Ngày" : "ngày",
                         day < 10 ? "0" : "", day, month <= 2 ? "0" : "", month, year);
}

std::string Letterhead(const ReportData& d, ReportLanguage lang) {
  const bool en = lang == ReportLanguage::kEnglish;
  std::string body = Paragraph({{d.header.issuing_body, true, false, 26}}, Align::kCenter);
  std::string motto =
      Paragraph({{en ? "SOCIALIST REPUBLIC OF VIET NAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true,
                  false, 24}},
                Align::kCenter) +
      Paragraph({{en ? "Independence - Freedom - Happiness" : "Độc lập - Tự do - Hạnh phúc", true}},
                Align::kCenter);
  std::string out = Table({{body, motto}}, {3500, 5850}, false);
  out += Paragraph({{DateLine(d, lang), false, true}}, Align::kRight);
  const report::Labels& l = report::LabelsFor(lang);
  out += Paragraph({{en ? "REPORT" : "BÁO CÁO"}}, Align::kCenter, "Title");
  out += Paragraph({{std::string(l.title)}}, Align::kCenter, "Title");
  if (!d.header.meeting.empty()) {
    out += Paragraph({{(en ? "(For " : "(Phục vụ ") + d.header.meeting + ")", false, true}},
                     Align::kCenter);
  }
  out += Paragraph({{std::string(l.as_of) + " " + report::DayText(d.as_of, lang), false, true}},
                   Align::kCenter);
  return out;
}

std::string Sections(const ReportData& d, ReportLanguage lang) {
  const report::Labels& l = report::LabelsFor(lang);
  const auto n = [&](std::int64_t v) { return FormatCount(v, lang); };
  const ReportCounts& t = d.totals;
  std::string out = Heading(l.summary_heading, 1) + Text(report::SummarySentence(d, lang));
  out += Table({{std::string(l.total), std::string(l.completed), std::string(l.on_time),
                 std::string(l.late), std::string(l.in_progress), std::string(l.due_soon),
                 std::string(l.overdue)},
                {n(t.total), n(t.completed()), n(t.completed_on_time), n(t.completed_late),
                 n(t.ongoing()), n(t.due_soon), n(t.overdue)}},
               {1300, 1300, 1350, 1350, 1350, 1350, 1350}, true);
  out += Heading(l.top_heading, 1);
  std::vector<std::vector<std::string>> top{{std::string(l.agency), std::string(l.tasks),
                                             std::string(l.completed), std::string(l.overdue)}};
  for (const ReportAgency& a : d.top_agencies) {
    top.push_back({a.name, n(a.counts.total), n(a.counts.completed()), n(a.counts.overdue)});
  }
  out += Table(top, {4150, 1700, 1700, 1800}, true);
  if (d.change) out += Heading(l.change_heading, 1) + Text(report::ChangeSentence(d, lang));
  out += Heading(l.overdue_heading, 1);
  const auto groups = [&](std::string_view first, const std::vector<ReportGroup>& g) {
    std::vector<std::vector<std::string>> rows{{std::string(first), std::string(l.tasks)}};
    for (const ReportGroup& x : g) rows.push_back({x.label, n(x.count)});
    return Table(rows, {7550, 1800}, true);
  };
  out += Heading(l.by_category, 2) + groups(l.category, d.overdue_by_category);
  out += Heading(l.by_agency, 2) + groups(l.agency, d.overdue_by_agency);
  out += Heading(std::string(l.next_heading) + " (" + report::DayText(d.next_from, lang) +
                     " – " + report::DayText(d.next_to, lang) + ")",
                 1);
  if (d.due_next.empty()) out += Text(l.none);
  for (const ReportCategoryTasks& c : d.due_next) {
    std::vector<std::vector<std::string>> rows{{std::string(l.id), std::string(l.task),
                                                std::string(l.lead), std::string(l.due)}};
    for (const ReportTask& k : c.tasks) {
      std::string leads;
      for (const auto& x : k.lead) leads += (leads.empty() ? "" : ", ") + x;
      rows.push_back({k.id, k.title, leads, k.due ? report::DayText(*k.due, lang) : ""});
    }
    out += Heading(c.category, 2) + Table(rows, {1200, 4750, 2000, 1400}, true);
  }
  return out;
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

std::string Appendix(const ReportData& d, ReportLanguage lang) {
  const report::Labels& l = report::LabelsFor(lang);
  std::string out = Heading(l.appendix_heading, 1, /*page_break=*/true);
  std::vector<std::vector<std::string>> rows{{"#", std::string(l.id), std::string(l.task),
                                              std::string(l.lead), std::string(l.deadline),
                                              std::string(l.days_overdue)}};
  for (const ReportTask& t : d.overdue) {
    std::string leads;
    for (const auto& x : t.lead) leads += (leads.empty() ? "" : ", ") + x;
    rows.push_back({FormatCount(static_cast<std::int64_t>(rows.size()), lang), t.id, t.title,
                    leads, t.deadline_text, FormatCount(t.days_overdue, lang)});
  }
  if (d.overdue.empty()) return out + Text(l.none);
  return out + Table(rows, {500, 1150, 3500, 1900, 1300, 1000}, true);
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
  const std::string body = Letterhead(data, lang) + Sections(data, lang) + Recipients(lang) +
                           Appendix(data, lang);
  document.replace(document.find("{BODY}"), 6, body);
  return Zip({{"[Content_Types].xml", std::string(kContentTypes)},
              {"_rels/.rels", std::string(kPackageRels)},
              {"word/_rels/document.xml.rels", std::string(kDocumentRels)},
              {"word/styles.xml", std::string(kStyles)},
              {"word/document.xml", std::move(document)}});
}

}  // namespace mandate
