// mandate report: the steering committee's summary report (seed 001's shape) from any
// dataset, as of any day.
//   mandate report --data FILE --as-of D [--since D0] [--format md|html|json|csv]
//                  [--lang vi|en] [--soon-days N] [--out FILE]
// It goes through the C ABI only (mandate.h, with the RAII classes of mandate.hpp), as an
// application in another language would: load, report, free. The other subcommands use the
// C++ core directly.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "command.h"
#include "mandate.h"
#include "mandate.hpp"
#include "mandate/atomic_file.h"

namespace mandate::cli {
namespace {

void PrintProblem(const mandate::c::Problem& p) {
  std::cerr << nlohmann::json{{"record", p.record}, {"field", p.field}, {"message", p.message}}
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
            << "\n";
}

namespace mc = mandate::c;

int Fail(const std::string& what, mdt_status status, int code) {
  std::cerr << "mandate: " << what << ": " << mdt_last_error() << " (" << mdt_status_name(status)
            << ")\n";
  return code;
}

// Loads JSON or CSV (by extension), printing each problem found as a JSON line on stderr
// (the same lines as `mandate validate`), also when the load fails.
int Load(mc::Dataset* out, const std::string& path) {
  const bool csv = path.size() >= 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
  mc::Problems problems;
  try {
    *out = csv ? mc::Dataset::load_csv(path, nullptr, &problems)
               : mc::Dataset::load_json(path, nullptr, &problems);
  } catch (const mc::Error& e) {
    for (size_t i = 0; i < problems.size(); ++i) PrintProblem(problems[i]);
    std::cerr << "mandate: " << path << ": " << e.message() << " (" << mdt_status_name(e.status())
              << ")\n";
    return 2;
  }
  for (size_t i = 0; i < problems.size(); ++i) PrintProblem(problems[i]);
  return 0;
}

int Run(const std::vector<std::string>& argv) {
  auto args = Args::Parse(
      argv, {"--data", "--as-of", "--since", "--format", "--lang", "--out", "--soon-days"}, {});
  if (!args || !args->Has("--data") || !args->Has("--as-of")) {
    std::cerr << "usage: mandate report --data FILE --as-of YYYY-MM-DD [--since YYYY-MM-DD] "
                 "[--format md|html|json|csv] [--lang vi|en] [--soon-days N] [--out FILE]\n";
    return 2;
  }
  mdt_date as_of = 0;
  const std::string as_of_text = *args->Get("--as-of");
  if (mdt_status st = mdt_date_parse(&as_of, as_of_text.c_str(), MDT_NUL_TERMINATED);
      st != MDT_OK) {
    return Fail("--as-of", st, 2);
  }
  mdt_report_options options = MDT_REPORT_OPTIONS_INIT;
  if (auto since = args->Get("--since")) {
    if (mdt_status st = mdt_date_parse(&options.since, since->c_str(), MDT_NUL_TERMINATED);
        st != MDT_OK) {
      return Fail("--since", st, 2);
    }
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
  const std::string format = args->Get("--format").value_or("md");
  const std::string lang = args->Get("--lang").value_or("vi");
  if (format == "md") {
    options.format = MDT_REPORT_MARKDOWN;
  } else if (format == "html") {
    options.format = MDT_REPORT_HTML;
  } else if (format == "json") {
    options.format = MDT_REPORT_JSON;
  } else if (format == "csv") {
    options.format = MDT_REPORT_CSV;
  } else {
    std::cerr << "mandate: --format is md, html, json or csv\n";
    return 2;
  }
  if (lang != "vi" && lang != "en") {
    std::cerr << "mandate: --lang is vi or en\n";
    return 2;
  }
  options.language = lang == "en" ? MDT_REPORT_ENGLISH : MDT_REPORT_VIETNAMESE;

  mc::Dataset ds;
  if (int rc = Load(&ds, *args->Get("--data")); rc != 0) return rc;
  std::string text;
  try {
    text = ds.report(mc::Day(std::chrono::days(as_of)), &options);
  } catch (const mc::Error& e) {
    return Fail("report", e.status(), e.status() == MDT_ERR_INVALID_ARGUMENT ? 2 : 1);
  }
  if (auto out = args->Get("--out")) {
    if (auto s = WriteFileAtomically(*out, text); !s.ok()) {
      std::cerr << "mandate: " << s.message() << "\n";
      return 2;
    }
  } else {
    std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  return 0;
}

const Registration kReg{"report", "the summary report of a dataset as of a day", &Run};

}  // namespace
}  // namespace mandate::cli
