#include "report/render.h"

#include <cmath>

#include "absl/strings/str_format.h"
#include "mandate/report_office.h"
#include "report/labels.h"

namespace mandate {

std::string RenderReport(const ReportData& data, ReportFormat format, ReportLanguage lang) {
  switch (format) {
    case ReportFormat::kHtml: return report::RenderHtml(data, lang);
    case ReportFormat::kJson: return report::RenderJson(data, lang);
    case ReportFormat::kCsv: return report::RenderCsv(data, lang);
    case ReportFormat::kXlsx: {
      // Without the dataset: no per-task sheet (the C ABI's report call adds it). Empty when
      // the temporary file cannot be written.
      auto bytes = RenderReportXlsx(data, lang);
      return bytes.ok() ? std::move(*bytes) : std::string();
    }
    case ReportFormat::kDocx: {
      auto bytes = RenderReportDocx(data, lang);  // empty on failure, as above
      return bytes.ok() ? std::move(*bytes) : std::string();
    }
    case ReportFormat::kMarkdown: break;
  }
  return report::RenderMarkdown(data, lang);
}

namespace report {

std::string DayText(Day day, ReportLanguage lang) {
  return lang == ReportLanguage::kVietnamese ? FormatVietnameseDay(day) : FormatIsoDay(day);
}

std::string Number(double v, ReportLanguage lang) {
  if (!std::isfinite(v)) return "-";
  const double hundredths = std::round(v * 100.0);
  if (std::fmod(hundredths, 100.0) == 0) {
    return FormatCount(static_cast<std::int64_t>(hundredths / 100), lang);
  }
  std::string s = absl::StrFormat("%.2f", hundredths / 100);
  while (s.back() == '0') s.pop_back();
  const std::size_t dot = s.find('.');
  std::string whole = FormatCount(std::stoll(s.substr(0, dot)), lang);
  if (v < 0 && whole[0] != '-') whole = "-" + whole;
  return whole + (lang == ReportLanguage::kVietnamese ? "," : ".") + s.substr(dot + 1);
}

std::string SummarySentence(const ReportData& d, ReportLanguage lang) {
  const auto n = [&](std::int64_t v) { return FormatCount(v, lang); };
  const ReportCounts& t = d.totals;
  if (lang == ReportLanguage::kEnglish) {
    return absl::StrFormat(
        "%s tasks are assigned to %s agencies (%s ministries and central agencies; %s provinces "
        "and cities). As of %s, %s tasks are completed (%s of them on time); %s are in progress "
        "(%s due within days) and %s are overdue.",
        n(t.total), n(d.agencies), n(d.agencies_central), n(d.agencies_provinces),
        DayText(d.as_of, lang), n(t.completed()), n(t.completed_on_time), n(t.ongoing()),
        n(t.due_soon), n(t.overdue));
  }
  return absl::StrFormat(
      "Tổng số %s nhiệm vụ giao cho %s cơ quan (%s bộ, cơ quan ngang bộ, cơ quan thuộc Chính "
      "phủ; %s tỉnh, thành). Tính đến ngày %s, có %s nhiệm vụ đã hoàn thành (trong đó có %s "
      "nhiệm vụ hoàn thành đúng hạn); %s nhiệm vụ đang thực hiện (trong đó %s nhiệm vụ sắp đến "
      "hạn) và %s nhiệm vụ quá hạn, chậm muộn.",
      n(t.total), n(d.agencies), n(d.agencies_central), n(d.agencies_provinces),
      DayText(d.as_of, lang), n(t.completed()), n(t.completed_on_time), n(t.ongoing()),
      n(t.due_soon), n(t.overdue));
}

std::string ChangeSentence(const ReportData& d, ReportLanguage lang) {
  if (!d.change || !d.since) return "";
  const auto n = [&](std::int64_t v) { return FormatCount(v, lang); };
  const auto& c = *d.change;
  if (lang == ReportLanguage::kEnglish) {
    return absl::StrFormat(
        "Between %s and %s, %s tasks were assigned, %s were completed (%s on time) and %s became "
        "overdue.",
        DayText(*d.since, lang), DayText(d.as_of, lang), n(c.assigned), n(c.completed),
        n(c.completed_on_time), n(c.newly_overdue));
  }
  return absl::StrFormat(
      "Tính riêng trong khoảng thời gian từ ngày %s đến ngày %s, các bộ, ngành, địa phương được "
      "giao %s nhiệm vụ, đã hoàn thành %s nhiệm vụ (trong đó có %s nhiệm vụ hoàn thành đúng hạn) "
      "và có %s nhiệm vụ mới quá hạn, chậm muộn.",
      DayText(*d.since, lang), DayText(d.as_of, lang), n(c.assigned), n(c.completed),
      n(c.completed_on_time), n(c.newly_overdue));
}

std::vector<std::string> CriteriaSentences(const ReportCriteria& c, ReportLanguage lang) {
  const bool en = lang == ReportLanguage::kEnglish;
  const std::string threshold = Number(c.threshold, lang) + "%";
  const auto join = [](const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
    return out;
  };
  std::vector<std::string> out;
  out.push_back(en ? absl::StrFormat("Criteria: %d/%d criteria are above %s nationally.",
                                     c.criteria_exceeding, c.criteria, threshold)
                   : absl::StrFormat("Về mặt tiêu chí: %d/%d tiêu chí đạt tỷ lệ trên %s.",
                                     c.criteria_exceeding, c.criteria, threshold));
  std::string localities =
      en ? absl::StrFormat("Localities: %d/%d localities meet all %d criteria",
                           c.localities_meeting_all, c.localities, c.criteria)
         : absl::StrFormat("Xét theo địa phương: %d/%d địa phương đã hoàn thành đủ %d/%d tiêu chí",
                           c.localities_meeting_all, c.localities, c.criteria, c.criteria);
  if (!c.meeting_all.empty()) localities += (en ? ": " : ", gồm: ") + join(c.meeting_all, ", ");
  out.push_back(localities + ".");
  if (!c.below_threshold.empty()) {
    std::vector<std::string> items;
    for (const ReportCriterion& k : c.below_threshold) {
      items.push_back(k.name + " (" +
                      (k.national ? Number(*k.national, lang) + (k.unit == "%" ? "%" : " " + k.unit)
                                  : std::string(en ? "no figure" : "chưa có số liệu")) +
                      ")");
    }
    out.push_back((en ? "Criteria not above " + threshold + ": "
                      : "Các tiêu chí chưa đạt tỷ lệ trên " + threshold + ": ") +
                  join(items, "; ") + ".");
  }
  if (!c.weakest_localities.empty()) {
    out.push_back((en ? "Localities with the lowest completion: "
                      : "Các địa phương có tỷ lệ hoàn thành thấp nhất: ") +
                  join(c.weakest_localities, ", ") + ".");
  }
  return out;
}

}  // namespace report
}  // namespace mandate
