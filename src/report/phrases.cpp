#include "report/phrases.h"

#include <array>

#include "absl/strings/str_format.h"
#include "report/render.h"

namespace mandate::report {
namespace {

bool En(ReportLanguage lang) { return lang == ReportLanguage::kEnglish; }

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

// "(22 bộ, cơ quan ngang bộ, cơ quan trực thuộc chính phủ; 34 tỉnh, thành)": the parts
// always add up to the whole.
std::string AgencyParts(int central, int provinces, int other, ReportLanguage lang) {
  std::vector<std::string> parts;
  const auto n = [&](int v) { return Num(v, lang); };
  if (central > 0) {
    parts.push_back(n(central) + (En(lang) ? (central == 1 ? " ministry or central agency"
                                                           : " ministries and central agencies")
                                           : " bộ, cơ quan ngang bộ, cơ quan trực thuộc chính phủ"));
  }
  if (provinces > 0) {
    parts.push_back(n(provinces) +
                    (En(lang) ? (provinces == 1 ? " province or city" : " provinces and cities")
                              : " tỉnh, thành"));
  }
  if (other > 0) {
    parts.push_back(n(other) + (En(lang) ? (other == 1 ? " other agency" : " other agencies")
                                         : " cơ quan khác"));
  }
  return parts.size() > 1 ? " (" + Join(parts, "; ") + ")" : "";
}

std::string Year(Day day) {
  return std::to_string(static_cast<int>(date::year_month_day{day}.year()));
}

}  // namespace

std::string Num(std::int64_t n, ReportLanguage lang) {
  if (!En(lang) && n > 0 && n < 10) return "0" + std::to_string(n);
  return FormatCount(n, lang);
}

std::string Tasks(std::int64_t n, ReportLanguage lang) {
  if (En(lang)) return FormatCount(n, lang) + (n == 1 ? " task" : " tasks");
  return Num(n, lang) + " nhiệm vụ";
}

std::string ShortDay(Day day, ReportLanguage lang) {
  if (En(lang)) return LongDay(day, lang);
  const date::year_month_day ymd{day};
  return absl::StrFormat("%02u/%u/%d", static_cast<unsigned>(ymd.day()),
                         static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
}

std::string LongDay(Day day, ReportLanguage lang) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const date::year_month_day ymd{day};
  const unsigned m = static_cast<unsigned>(ymd.month());
  if (En(lang)) {
    return absl::StrFormat("%u %s %d", static_cast<unsigned>(ymd.day()), kMonths[m - 1],
                           static_cast<int>(ymd.year()));
  }
  return absl::StrFormat("ngày %02u tháng %u năm %d", static_cast<unsigned>(ymd.day()), m,
                         static_cast<int>(ymd.year()));
}

std::string ProgrammeSummary(const ReportProgramme& p, const ReportData& d, ReportLanguage lang) {
  const ReportCounts& t = p.totals;
  const std::string parts =
      AgencyParts(p.agencies_central, p.agencies_provinces, p.agencies_other, lang);
  std::vector<std::string> top;
  bool all_central = true;
  for (const ReportAgency& a : p.top_agencies) {
    top.push_back(a.name + " (" + Tasks(a.counts.total, lang) + ")");
    all_central = all_central && (a.kind == AgencyKind::kMinistry ||
                                  a.kind == AgencyKind::kMinistryLevel ||
                                  a.kind == AgencyKind::kGovernmentAgency);
  }
  if (En(lang)) {
    std::string s = absl::StrFormat(
        "In %s, %s: %s assigned to %s%s%s. As of %s, %s %s completed (%s on time); "
        "%s in progress and %s overdue.",
        Year(d.as_of), p.subject.In(true), Tasks(t.total, lang), FormatCount(p.agencies, lang),
        p.agencies == 1 ? " agency" : " agencies", parts, ShortDay(d.as_of, lang),
        Tasks(t.completed(), lang), t.completed() == 1 ? "is" : "are",
        FormatCount(t.completed_on_time, lang), FormatCount(t.ongoing(), lang),
        FormatCount(t.overdue, lang));
    if (!top.empty()) {
      s += absl::StrFormat(" The %s with the most tasks: %s.",
                           top.size() == 1 ? "agency" : FormatCount(top.size(), lang) + " agencies",
                           Join(top, ", "));
    }
    return s;
  }
  std::string s = absl::StrFormat(
      "Năm %s, %s có tổng số %s giao cho %s cơ quan%s. Tính đến ngày %s, có %s đã hoàn thành "
      "(trong đó có %s hoàn thành đúng hạn); %s đang thực hiện và %s quá hạn, chậm muộn.",
      Year(d.as_of), p.subject.vi, Tasks(t.total, lang), Num(p.agencies, lang), parts,
      ShortDay(d.as_of, lang), Tasks(t.completed(), lang), Tasks(t.completed_on_time, lang),
      Tasks(t.ongoing(), lang), Tasks(t.overdue, lang));
  if (!top.empty()) {
    s += absl::StrFormat(" Trong đó, có %s %s có nhiệm vụ nhiều nhất: %s.",
                         Num(static_cast<std::int64_t>(top.size()), lang),
                         all_central ? "bộ, ngành" : "cơ quan", Join(top, ", "));
  }
  return s;
}

std::string WindowSentence(const ReportProgramme& p, const ReportData& d, ReportLanguage lang) {
  if (!p.window || !d.since) return "";
  const ReportWindow& w = *p.window;
  const std::string& meeting = d.header.previous_meeting;
  if (En(lang)) {
    std::string s = absl::StrFormat(
        "Between %s%s and %s, %s %s assigned: %s completed", ShortDay(*d.since, lang),
        meeting.empty() ? "" : " (" + meeting + ")", ShortDay(d.as_of, lang),
        Tasks(w.assigned, lang), w.assigned == 1 ? "was" : "were", FormatCount(w.completed, lang));
    if (p.window_on_time) s += absl::StrFormat(" (%s on time)", FormatCount(w.completed_on_time, lang));
    if (w.ongoing > 0) s += absl::StrFormat(", %s in progress", FormatCount(w.ongoing, lang));
    return s + absl::StrFormat(" and %s overdue.", FormatCount(w.overdue, lang));
  }
  std::string s = absl::StrFormat(
      "Tính riêng trong khoảng thời gian từ ngày %s%s đến ngày %s, các bộ, ngành, địa phương "
      "được giao %s, đã hoàn thành %s",
      ShortDay(*d.since, lang), meeting.empty() ? "" : " (" + meeting + ")",
      ShortDay(d.as_of, lang), Tasks(w.assigned, lang), Tasks(w.completed, lang));
  if (p.window_on_time) {
    s += absl::StrFormat(" (trong đó, có %s hoàn thành đúng hạn)", Tasks(w.completed_on_time, lang));
  }
  if (w.ongoing > 0) s += ", " + Tasks(w.ongoing, lang) + " đang thực hiện";
  return s + (w.overdue > 0 ? " và còn " + Tasks(w.overdue, lang) + " quá hạn, chậm muộn."
                            : " và không có nhiệm vụ quá hạn, chậm muộn.");
}

std::string CombinedSentence(const ReportData& d, ReportLanguage lang) {
  if (!d.since) return "";
  std::int64_t completed = 0;
  for (const ReportProgramme& p : d.programmes) {
    if (p.window) completed += p.window->completed;
  }
  if (En(lang)) {
    return absl::StrFormat(
        "Ministries, sectors and localities have worked actively on their tasks: between %s and "
        "%s they completed %s.",
        ShortDay(*d.since, lang), ShortDay(d.as_of, lang), Tasks(completed, lang));
  }
  return absl::StrFormat(
      "Các bộ, ngành, địa phương đã tích cực, nỗ lực triển khai các nhiệm vụ, tính từ ngày %s "
      "đến ngày %s, đã hoàn thành %s.",
      ShortDay(*d.since, lang), ShortDay(d.as_of, lang), Tasks(completed, lang));
}

std::string ThemeSentence(const ReportProgramme& p, ReportLanguage lang) {
  std::vector<std::string> items;
  int k = 0;
  for (const ReportThemeGroup& g : p.overdue_by_theme) {
    const std::string label =
        g.label.vi.empty() ? (En(lang) ? "other tasks" : "các nhiệm vụ khác") : g.label.In(En(lang));
    std::string item = absl::StrFormat("(%d) %s: %s", ++k,
                                       En(lang) ? "On " + label : "Về " + label,
                                       Tasks(g.count, lang));
    if (g.by_part.size() > 1) {
      std::vector<std::string> parts;
      for (const auto& part : g.by_part) {
        const std::string name =
            part.label.vi.empty() ? (En(lang) ? "other documents" : "văn bản khác")
                                  : part.label.In(En(lang));
        parts.push_back(Tasks(part.count, lang) + (En(lang) ? " under " : " theo ") + name);
      }
      item += " (" + Join(parts, "; ") + ")";
    }
    items.push_back(item);
  }
  const auto groups = static_cast<std::int64_t>(p.overdue_by_theme.size());
  if (En(lang)) {
    return absl::StrFormat("%s overdue, in %s %s: %s.", Tasks(p.totals.overdue, lang),
                           FormatCount(groups, lang), groups == 1 ? "group" : "groups",
                           Join(items, "; "));
  }
  return absl::StrFormat("%s quá hạn, chậm muộn, thuộc %s nhóm nhiệm vụ: %s.",
                         Tasks(p.totals.overdue, lang), Num(groups, lang), Join(items, "; "));
}

std::string AgencySentence(const ReportProgramme& p, ReportLanguage lang) {
  std::vector<std::string> items;
  for (const ReportGroup& g : p.overdue_by_agency) {
    items.push_back(g.label + " (" + Tasks(g.count, lang) + ")");
  }
  return (En(lang) ? "The agencies responsible for them: " : "Các nhiệm vụ này thuộc trách nhiệm "
                                                             "của các cơ quan: ") +
         Join(items, ", ") + ".";
}

std::string CountingRule(ReportLanguage lang) {
  return En(lang) ? "A task assigned to several agencies counts once for each of them; a task "
                    "assigned to a group (\"Các bộ, ngành, địa phương\": ministries, sectors and "
                    "localities) counts once for each agency of the group."
                  : "Nhiệm vụ giao cho nhiều cơ quan được tính cho mỗi cơ quan chủ trì; nhiệm vụ "
                    "giao chung cho một nhóm cơ quan (như \"Các bộ, ngành, địa phương\") được "
                    "tính cho từng cơ quan thuộc nhóm.";
}

std::string CriteriaSummary(const ReportCriteria& c, ReportLanguage lang) {
  const std::string threshold = Number(c.threshold, lang) + "%";
  if (En(lang)) {
    std::string s = absl::StrFormat(
        "On the %d criteria, as of the report's day: (1) by criterion: %d/%d criteria are above "
        "%s; (2) by locality: %d/%d localities meet all %d/%d criteria",
        c.criteria, c.criteria_exceeding, c.criteria, threshold, c.localities_meeting_all,
        c.localities, c.criteria, c.criteria);
    if (!c.meeting_all.empty()) s += ": " + Join(c.meeting_all, ", ");
    return s + ".";
  }
  std::string s = absl::StrFormat(
      "Đối với việc thực hiện %d tiêu chí: (1) Về mặt tiêu chí: %d/%d tiêu chí đạt tỷ lệ trên %s; "
      "(2) Xét theo địa phương: %d/%d địa phương đã hoàn thành đủ %d/%d tiêu chí",
      c.criteria, c.criteria_exceeding, c.criteria, threshold, c.localities_meeting_all,
      c.localities, c.criteria, c.criteria);
  if (!c.meeting_all.empty()) s += ", gồm: " + Join(c.meeting_all, ", ");
  return s + ".";
}

std::string CriteriaWeaknesses(const ReportCriteria& c, ReportLanguage lang) {
  if (c.below_threshold.empty() && c.weakest_localities.empty()) return "";
  static constexpr std::array<const char*, 10> kRoman = {"i",   "ii",   "iii", "iv", "v",
                                                         "vi",  "vii",  "viii", "ix", "x"};
  std::vector<std::string> weak;
  for (std::size_t i = 0; i < c.below_threshold.size(); ++i) {
    const ReportCriterion& k = c.below_threshold[i];
    const std::string figure =
        k.national ? Number(*k.national, lang) + (k.unit == "%" ? "%" : " " + k.unit)
                   : std::string(En(lang) ? "no figure" : "chưa có số liệu");
    weak.push_back(absl::StrFormat("(%s) %s (%s)", i < kRoman.size() ? kRoman[i] : "-",
                                   k.name, figure));
  }
  const auto join_and = [&](const std::vector<std::string>& v) {
    if (v.size() < 2) return Join(v, "");
    std::vector<std::string> head(v.begin(), v.end() - 1);
    return Join(head, ", ") + (En(lang) ? " and " : " và ") + v.back();
  };
  std::vector<std::string> parts;
  const auto nweak = static_cast<std::int64_t>(weak.size());
  const auto nloc = static_cast<std::int64_t>(c.weakest_localities.size());
  if (En(lang)) {
    if (!weak.empty())
      parts.push_back(absl::StrFormat("%s %s a low completion rate: %s",
                                      FormatCount(nweak, lang),
                                      nweak == 1 ? "criterion has" : "criteria have", join_and(weak)));
    if (nloc > 0)
      parts.push_back(absl::StrFormat("the %s with the lowest completion: %s",
                                      nloc == 1 ? "locality" : FormatCount(nloc, lang) + " localities",
                                      Join(c.weakest_localities, ", ")));
  } else {
    if (!weak.empty())
      parts.push_back(absl::StrFormat("Có %s tiêu chí có tỉ lệ hoàn thành thấp là %s",
                                      Num(nweak, lang), join_and(weak)));
    if (nloc > 0)
      parts.push_back(absl::StrFormat("Có %s địa phương có tỷ lệ hoàn thành thấp nhất, gồm: %s",
                                      Num(nloc, lang), Join(c.weakest_localities, ", ")));
  }
  std::string s = En(lang) ? absl::StrFormat("On the %d criteria: ", c.criteria)
                           : absl::StrFormat("Đối với việc thực hiện %d tiêu chí: ", c.criteria);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    s += absl::StrFormat("%s(%d) %s", i == 0 ? "" : "; ", i + 1, parts[i]);
  }
  return s + ".";
}

std::string CoverageNote(const ReportData& d, ReportLanguage lang) {
  const ReportCoverage& c = d.coverage;
  std::vector<std::string> notes;
  if (c.tasks > 0 && c.completions_recorded == 0) {
    notes.push_back(En(lang) ? "the dataset records no completion: the completion figures reflect "
                               "only the data recorded, not the work done"
                             : "bộ dữ liệu chưa ghi nhận nhiệm vụ nào hoàn thành, các số liệu về "
                               "hoàn thành chỉ phản ánh dữ liệu đã được cập nhật");
  }
  if (c.recurring_unreported > 0) {
    notes.push_back(
        En(lang) ? absl::StrFormat("%s of %s recurring %s no occurrence report recorded",
                                   FormatCount(c.recurring_unreported, lang),
                                   FormatCount(c.recurring, lang),
                                   c.recurring_unreported == 1 ? "task has" : "tasks have")
                 : absl::StrFormat("%s/%s nhiệm vụ định kỳ chưa có báo cáo kỳ nào được ghi nhận",
                                   Num(c.recurring_unreported, lang), Num(c.recurring, lang)));
  }
  if (notes.empty()) return "";
  return (En(lang) ? "Data coverage: " : "Lưu ý về số liệu: ") + Join(notes, "; ") + ".";
}

}  // namespace mandate::report
