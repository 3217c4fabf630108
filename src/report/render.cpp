#include "report/render.h"

#include <cmath>

#include "absl/strings/str_format.h"
#include "report/labels.h"

namespace mandate {

std::string RenderReport(const ReportData& data, ReportFormat format, ReportLanguage lang) {
  switch (format) {
    case ReportFormat::kHtml: return report::RenderHtml(data, lang);
    case ReportFormat::kJson: return report::RenderJson(data, lang);
    case ReportFormat::kCsv: return report::RenderCsv(data, lang);
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

}  // namespace report
}  // namespace mandate
