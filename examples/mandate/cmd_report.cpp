// mandate report: the steering committee's summary report (seed 001's shape) from any
// dataset, as of any day.
//   mandate report --data FILE --as-of D [--since D0] [--format md|html|json|csv]
//                  [--lang vi|en] [--soon-days N] [--out FILE]
// It goes through the C ABI only (mandate.h), as an application in another language would:
// load, report, free. The other subcommands use the C++ core directly.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "command.h"
#include "mandate.h"
#include "mandate/atomic_file.h"

namespace mandate::cli {
namespace {

struct DatasetFree {
  void operator()(mdt_dataset* d) const { mdt_dataset_free(d); }
};
struct ProblemsFree {
  void operator()(mdt_problems* p) const { mdt_problems_free(p); }
};
struct StringFree {
  void operator()(char* s) const { mdt_string_free(s); }
};

int Fail(const std::string& what, mdt_status status, int code) {
  std::cerr << "mandate: " << what << ": " << mdt_last_error() << " (" << mdt_status_name(status)
            << ")\n";
  return code;
}

// Loads JSON or CSV (by extension), printing each problem found as a JSON line on stderr
// (the same lines as `mandate validate`).
int Load(std::unique_ptr<mdt_dataset, DatasetFree>* out, const std::string& path) {
  const bool csv = path.size() >= 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
  mdt_dataset* ds = nullptr;
  mdt_problems* raw = nullptr;
  const mdt_status st = csv ? mdt_dataset_load_csv(&ds, &raw, path.c_str(), nullptr)
                            : mdt_dataset_load_json(&ds, &raw, path.c_str(), nullptr);
  out->reset(ds);
  std::unique_ptr<mdt_problems, ProblemsFree> problems(raw);
  size_t n = 0;
  if (problems && mdt_problems_count(&n, problems.get()) == MDT_OK) {
    for (size_t i = 0; i < n; ++i) {
      const char *record = nullptr, *field = nullptr, *message = nullptr;
      if (mdt_problems_get(&record, &field, &message, problems.get(), i) != MDT_OK) continue;
      std::cerr << nlohmann::json{{"record", record}, {"field", field}, {"message", message}}.dump(
                       -1, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
    }
  }
  return st == MDT_OK ? 0 : Fail(path, st, 2);
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
  if (mdt_status st = mdt_date_parse(&as_of, as_of_text.c_str(), MDT_NUL_TERMINATED); st != MDT_OK) {
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
    const auto v = mandate::cli::ParseInteger(*soon, 0, 3660);
    if (!v) {
      std::cerr << "mandate: --soon-days must be a whole number of days 0..3660, got \"" << *soon
                << "\"\n";
      return 2;
    }
    options.soon_days = static_cast<int32_t>(*v);
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

  std::unique_ptr<mdt_dataset, DatasetFree> ds;
  if (int rc = Load(&ds, *args->Get("--data")); rc != 0) return rc;
  char* raw = nullptr;
  size_t len = 0;
  if (mdt_status st = mdt_report(&raw, &len, ds.get(), as_of, &options); st != MDT_OK) {
    return Fail("report", st, st == MDT_ERR_INVALID_ARGUMENT ? 2 : 1);
  }
  std::unique_ptr<char, StringFree> text(raw);
  if (auto out = args->Get("--out")) {
    if (auto s = WriteFileAtomically(*out, std::string_view(text.get(), len)); !s.ok()) {
      std::cerr << "mandate: " << s.message() << "\n";
      return 2;
    }
  } else {
    std::cout.write(text.get(), static_cast<std::streamsize>(len));
  }
  return 0;
}

const Registration kReg{"report", "the summary report of a dataset as of a day", &Run};

}  // namespace
}  // namespace mandate::cli
