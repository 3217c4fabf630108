// ReportDocument: the report's blocks in seed 001's order. Section numbers are counted as
// the blocks are made, so a section left out leaves no gap.
#include <algorithm>
#include <array>

#include "absl/strings/str_format.h"
#include "mandate/report_document.h"
#include "mandate/target_status.h"
#include "report/labels.h"
#include "report/phrases.h"
#include "report/render.h"

namespace mandate {
namespace {

using report::Num;
using report::Tasks;
using Kind = ReportBlock::Kind;

bool En(ReportLanguage lang) { return lang == ReportLanguage::kEnglish; }

constexpr std::array<const char*, 9> kRoman = {"I",  "II",  "III",  "IV", "V",
                                               "VI", "VII", "VIII", "IX"};

// Numbering: "I.", "1.", "a)" in order, each level restarting under its parent.
class Doc {
 public:
  explicit Doc(ReportLanguage lang) : lang_(lang) {}
  void Section(std::string_view title) {
    sub_ = 0;
    Add(Kind::kSection,
        absl::StrFormat("%s. %s", kRoman[std::min<std::size_t>(section_++, 8)], title));
  }
  void Subsection(std::string_view title) {
    item_ = 0;
    Add(Kind::kSubsection, absl::StrFormat("%d. %s", ++sub_, title));
  }
  void Item(std::string_view title) {
    Add(Kind::kItem, absl::StrFormat("%c) %s", static_cast<char>('a' + item_++), title));
  }
  void Add(Kind kind, std::string text, bool marker = false) {
    ReportBlock b{.kind = kind, .text = std::move(text), .has_footnote_marker = marker};
    blocks_.push_back(std::move(b));
  }
  std::vector<ReportBlock>& blocks() { return blocks_; }
  ReportLanguage lang() const { return lang_; }

 private:
  ReportLanguage lang_;
  std::size_t section_ = 0;
  int sub_ = 0, item_ = 0;
  std::vector<ReportBlock> blocks_;
};

// Criteria families no programme reports (Programme::criteria_family): their own items.
std::vector<ReportCriteria> UnattachedCriteria(const ReportData& d) {
  std::vector<ReportCriteria> out;
  for (const ReportCriteria& c : d.criteria) {
    const bool attached = std::any_of(d.programmes.begin(), d.programmes.end(), [&](const auto& p) {
      return p.criteria && p.criteria->family == c.family;
    });
    if (!attached) out.push_back(c);
  }
  return out;
}

// A target's status as the reader's words ("đúng tiến độ"), not its stable name.
std::string StatusLabel(const std::string& name, ReportLanguage lang) {
  const auto status = EnumFromName<TargetStatus>(name);
  if (!status) return name;
  return std::string(EnumLabel(
      *status, lang == ReportLanguage::kEnglish ? LabelLanguage::kEn : LabelLanguage::kVi));
}

void Letterhead(Doc& doc, const ReportData& d) {
  const bool en = En(doc.lang());
  ReportBlock head{.kind = Kind::kLetterhead};
  head.lines.push_back(d.header.issuing_body);
  head.lines.push_back(en ? "SOCIALIST REPUBLIC OF VIETNAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  head.lines.push_back(en ? "Independence - Freedom - Happiness" : "Độc lập - Tự do - Hạnh phúc");
  std::string when = report::LongDay(d.as_of, doc.lang());
  if (!d.header.place.empty()) {
    when = d.header.place + ", " + when;
  } else if (!en) {
    when[0] = 'N';  // "Ngày 23 tháng 9 năm 2025" opens the line
  }
  head.lines.push_back(when);
  doc.blocks().push_back(std::move(head));
  ReportBlock title{.kind = Kind::kTitle, .text = en ? "SUMMARY REPORT" : "BÁO CÁO TÓM TẮT"};
  title.lines.push_back(en ? "Implementation of the assigned tasks"
                           : "Tình hình thực hiện các nhiệm vụ được giao");
  if (!d.header.meeting.empty()) {
    title.lines.push_back((en ? "(For the " : "(Phục vụ ") + d.header.meeting + ")");
  }
  doc.blocks().push_back(std::move(title));
  if (auto note = report::CoverageNote(d, doc.lang()); !note.empty()) doc.Add(Kind::kNote, note);
}

void Results(Doc& doc, const ReportData& d) {
  const ReportLanguage lang = doc.lang();
  const bool en = En(lang);
  doc.Section(en ? "RESULTS" : "KẾT QUẢ ĐẠT ĐƯỢC");
  doc.Subsection(en ? "Implementation of the tasks" : "Tình hình triển khai nhiệm vụ");
  bool appendix_noted = false;
  for (const ReportProgramme& p : d.programmes) {
    doc.Item(p.heading.In(en));
    const bool with_criteria = p.criteria.has_value();
    if (p.totals.total > 0) {
      std::string text = report::ProgrammeSummary(p, d, lang);
      if (auto w = report::WindowSentence(p, d, lang); !w.empty()) text += " " + w;
      if (with_criteria) {
        doc.Add(Kind::kBullet, (en ? "Tasks of ministries, sectors and localities: "
                                   : "Đối với các nhiệm vụ của bộ, ngành, địa phương: ") +
                                   text);
      } else {
        doc.Add(Kind::kParagraph, text);
      }
    }
    if (p.totals.overdue > 0 && !appendix_noted) {
      doc.Add(Kind::kNote, en ? "(The overdue tasks are listed in Appendix 01)"
                              : "(Danh sách các nhiệm vụ quá hạn tại Phụ lục 01 kèm theo)");
      appendix_noted = true;
    }
    if (with_criteria) doc.Add(Kind::kBullet, report::CriteriaSummary(*p.criteria, lang));
  }
  for (const ReportCriteria& c : UnattachedCriteria(d)) {
    doc.Item(en ? "Per-locality criteria: " + c.family : "Tiêu chí theo địa phương: " + c.family);
    doc.Add(Kind::kBullet, report::CriteriaSummary(c, lang));
  }
  if (d.since && !d.programmes.empty()) {
    doc.Item(en ? "Overall assessment" : "Đánh giá chung");
    doc.Add(Kind::kParagraph, report::CombinedSentence(d, lang));
  }
  // Targets measured per locality are summarised with their programme, not listed here.
  std::vector<const ReportTarget*> targets;
  for (const ReportTarget& t : d.targets) {
    if (!t.family_measured) targets.push_back(&t);
  }
  if (!targets.empty()) {
    const report::Labels& L = report::LabelsFor(lang);
    doc.Subsection(en ? "Targets" : "Các chỉ tiêu");
    ReportBlock table{.kind = Kind::kTable};
    table.rows.push_back({std::string(L.target), std::string(L.latest), std::string(L.target),
                          std::string(L.achievement), std::string(L.status)});
    for (const ReportTarget* target : targets) {
      const ReportTarget& t = *target;
      table.rows.push_back(
          {t.name, (t.latest ? report::Number(*t.latest, lang) : "-") + " " + t.unit,
           report::Number(t.target, lang) + " " + t.unit,
           t.achievement ? FormatPercent(*t.achievement, lang) : "-", StatusLabel(t.status, lang)});
    }
    doc.blocks().push_back(std::move(table));
  }
}

void Shortcomings(Doc& doc, const ReportData& d) {
  const ReportLanguage lang = doc.lang();
  const bool en = En(lang);
  doc.Section(en ? "SHORTCOMINGS" : "TỒN TẠI, HẠN CHẾ");
  doc.Subsection(en ? "Overdue tasks" : "Nhiệm vụ quá hạn, chậm muộn");
  bool any = false, footnote = false;
  for (const ReportProgramme& p : d.programmes) {
    const std::string weak = p.criteria ? report::CriteriaWeaknesses(*p.criteria, lang) : "";
    if (p.totals.overdue == 0 && weak.empty()) continue;
    any = true;
    doc.Item(p.overdue_heading.In(en));
    if (p.totals.overdue > 0) {
      doc.Add(Kind::kBullet, report::ThemeSentence(p, lang));
      std::string agencies = report::AgencySentence(p, lang);
      doc.Add(Kind::kParagraph, agencies, !footnote);
      footnote = true;
    }
    if (!weak.empty()) doc.Add(Kind::kParagraph, weak);
  }
  for (const ReportCriteria& c : UnattachedCriteria(d)) {
    const std::string weak = report::CriteriaWeaknesses(c, lang);
    if (weak.empty()) continue;
    any = true;
    doc.Item(en ? "Per-locality criteria: " + c.family : "Tiêu chí theo địa phương: " + c.family);
    doc.Add(Kind::kParagraph, weak);
  }
  if (!any) doc.Add(Kind::kParagraph, en ? "No task is overdue." : "Không có nhiệm vụ quá hạn.");
  if (footnote) doc.Add(Kind::kFootnote, report::CountingRule(lang));
}

void Upcoming(Doc& doc, const ReportData& d) {
  const ReportLanguage lang = doc.lang();
  const bool en = En(lang);
  doc.Section(en ? "PRIORITIES FOR THE COMING PERIOD"
                 : "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THỜI GIAN TỚI");
  std::int64_t n = 0;
  for (const auto& g : d.due_next) n += static_cast<std::int64_t>(g.tasks.size());
  doc.Add(
      Kind::kParagraph,
      en ? absl::StrFormat("From %s to %s, %s %s due.", report::ShortDay(d.next_from, lang),
                           report::ShortDay(d.next_to, lang), Tasks(n, lang),
                           n == 1 ? "falls" : "fall")
         : absl::StrFormat("Từ ngày %s đến ngày %s, có %s đến hạn hoàn thành%s",
                           report::ShortDay(d.next_from, lang), report::ShortDay(d.next_to, lang),
                           Tasks(n, lang), n > 0 ? ":" : "."));
  for (const auto& g : d.due_next) {
    for (const auto& t : g.tasks) {
      const std::string lead =
          t.lead_text.empty() ? (t.lead.empty() ? "-" : t.lead.front()) : t.lead_text;
      doc.Add(Kind::kBullet, absl::StrFormat("%s (%s; %s %s)", t.title, lead, en ? "due" : "hạn",
                                             t.due ? report::ShortDay(*t.due, lang) : "-"));
    }
  }
}

}  // namespace

std::vector<std::vector<std::string>> OverdueAppendixRows(const ReportData& d,
                                                          ReportLanguage lang) {
  const bool en = En(lang);
  std::vector<std::vector<std::string>> rows;
  rows.push_back(en ? std::vector<std::string>{"No.", "Task", "Lead agency", "Deadline", "Due",
                                               "Source", "Days overdue"}
                    : std::vector<std::string>{"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn",
                                               "Hạn", "Văn bản giao", "Số ngày quá hạn"});
  int row = 0;
  for (const ReportTask& t : d.overdue) {
    std::string lead = t.lead_text;
    if (lead.empty()) {
      for (const auto& l : t.lead) lead += (lead.empty() ? "" : ", ") + l;
    }
    rows.push_back({std::to_string(++row), t.title, lead, t.deadline_text,
                    t.due ? report::ShortDay(*t.due, lang) : "", t.source,
                    t.due && t.days_overdue > 0 ? FormatCount(t.days_overdue, lang) : ""});
  }
  return rows;
}

std::vector<ReportBlock> ReportDocument(const ReportData& d, ReportLanguage lang) {
  Doc doc(lang);
  Letterhead(doc, d);
  Results(doc, d);
  Shortcomings(doc, d);
  Upcoming(doc, d);
  const bool en = En(lang);
  doc.Section(en ? "APPENDIX 01. OVERDUE TASKS" : "PHỤ LỤC 01. DANH SÁCH CÁC NHIỆM VỤ QUÁ HẠN");
  if (d.overdue.empty()) {
    doc.Add(Kind::kParagraph, en ? "None." : "Không có.");
  } else {
    ReportBlock table{.kind = Kind::kTable, .rows = OverdueAppendixRows(d, lang)};
    doc.blocks().push_back(std::move(table));
  }
  return std::move(doc.blocks());
}

}  // namespace mandate
