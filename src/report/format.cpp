// The report's number formatting.
#include <cmath>
#include <string>

#include "absl/strings/str_format.h"
#include "mandate/report.h"

namespace mandate {

std::string FormatCount(std::int64_t n, ReportLanguage lang) {
  const char sep = lang == ReportLanguage::kVietnamese ? '.' : ',';
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(sep);
    out.push_back(digits[i]);
  }
  return n < 0 ? "-" + out : out;
}

std::string FormatPercent(double fraction, ReportLanguage lang) {
  if (!std::isfinite(fraction)) return "-";
  // One decimal, trailing ",0" dropped: 95,5% / 100%.
  const double tenths = std::round(fraction * 1000.0);
  const auto whole = static_cast<std::int64_t>(tenths / 10);
  const auto decimal = static_cast<int>(std::fabs(std::fmod(tenths, 10.0)));
  std::string out = FormatCount(whole, lang);
  if (decimal != 0) {
    out.push_back(lang == ReportLanguage::kVietnamese ? ',' : '.');
    out += std::to_string(decimal);
  }
  return out + "%";
}

}  // namespace mandate
