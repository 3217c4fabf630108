// mandate report: the steering committee's summary report (seed 001's shape) from any
// dataset, as of any day.
//   mandate report --data FILE --as-of D [--since D0] [--format md|html|json|csv]
//                  [--lang vi|en] [--soon-days N] [--out FILE]
#include <fstream>
#include <iostream>

#include "command.h"
#include "load.h"
#include "mandate/atomic_file.h"
#include "mandate/report.h"

namespace mandate::cli {
namespace {

int Run(const std::vector<std::string>& argv) {
  auto args = Args::Parse(
      argv, {"--data", "--as-of", "--since", "--format", "--lang", "--out", "--soon-days"}, {});
  if (!args || !args->Has("--data") || !args->Has("--as-of")) {
    std::cerr << "usage: mandate report --data FILE --as-of YYYY-MM-DD [--since YYYY-MM-DD] "
                 "[--format md|html|json|csv] [--lang vi|en] [--soon-days N] [--out FILE]\n";
    return 2;
  }
  ReportOptions options;
  auto as_of = ParseIsoDay(*args->Get("--as-of"));
  if (!as_of.ok()) {
    std::cerr << "mandate: --as-of: " << as_of.status().message() << "\n";
    return 2;
  }
  options.as_of = *as_of;
  if (auto since = args->Get("--since")) {
    auto d = ParseIsoDay(*since);
    if (!d.ok()) {
      std::cerr << "mandate: --since: " << d.status().message() << "\n";
      return 2;
    }
    options.since = *d;
  }
  if (auto soon = args->Get("--soon-days")) {
    try {
      options.soon_days = std::stoi(*soon);
    } catch (...) {
      options.soon_days = -1;
    }
    if (options.soon_days < 0 || options.soon_days > 3660) {
      std::cerr << "mandate: --soon-days must be a number of days 0..3660\n";
      return 2;
    }
  }
  const auto format = ReportFormatFromName(args->Get("--format").value_or("md"));
  const auto lang = ReportLanguageFromName(args->Get("--lang").value_or("vi"));
  if (!format || !lang) {
    std::cerr << "mandate: --format is md, html, json or csv; --lang is vi or en\n";
    return 2;
  }
  auto ds = LoadDataset(*args->Get("--data"));
  if (!ds.ok()) {
    std::cerr << "mandate: " << ds.status().message() << "\n";
    return 2;
  }
  auto data = BuildReport(*ds, options);
  if (!data.ok()) {
    std::cerr << "mandate: " << data.status().message() << "\n";
    return 1;
  }
  const std::string text = RenderReport(*data, *format, *lang);
  if (auto out = args->Get("--out")) {
    if (auto s = WriteFileAtomically(*out, text); !s.ok()) {
      std::cerr << "mandate: " << s.message() << "\n";
      return 2;
    }
  } else {
    std::cout << text;
  }
  return 0;
}

const Registration kReg{"report", "the summary report of a dataset as of a day", &Run};

}  // namespace
}  // namespace mandate::cli
