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
#include "mandate/status.h"

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
  return cli::Fail("report", what + ": " + mdt_last_error() + " (" + mdt_status_name(status) + ")",
                   code);
}

// Loads JSON or CSV (by extension), printing each problem found as a JSON line on stderr
// (the same lines as `mandate validate`) and counting them in *count.
int Load(std::unique_ptr<mdt_dataset, DatasetFree>* out, const std::string& path,
         std::size_t* count) {
  const bool csv = path.size() >= 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
  mdt_dataset* ds = nullptr;
  mdt_problems* raw = nullptr;
  const mdt_status st = csv ? mdt_dataset_load_csv(&ds, &raw, path.c_str(), nullptr)
                            : mdt_dataset_load_json(&ds, &raw, path.c_str(), nullptr);
  out->reset(ds);
  std::unique_ptr<mdt_problems, ProblemsFree> problems(raw);
  size_t n = 0;
  if (problems && mdt_problems_count(&n, problems.get()) == MDT_OK) {
    *count = n;
    for (size_t i = 0; i < n; ++i) {
      const char *record = nullptr, *field = nullptr, *message = nullptr;
      if (mdt_problems_get(&record, &field, &message, problems.get(), i) != MDT_OK) continue;
      std::cerr << nlohmann::json{{"record", record}, {"field", field}, {"message", message}}.dump(
                       -1, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
    }
  }
  return st == MDT_OK ? 0 : Fail(path, st, kExitUsage);
}

int Run(const Args& args) {
  const auto required = args.Require({"--data", "--as-of"});
  if (!required) return kExitUsage;
  mdt_date as_of = 0;
  const std::string& as_of_text = (*required)[1];
  if (mdt_status st = mdt_date_parse(&as_of, as_of_text.c_str(), MDT_NUL_TERMINATED);
      st != MDT_OK) {
    return Fail("--as-of", st, kExitUsage);
  }
  mdt_report_options options = MDT_REPORT_OPTIONS_INIT;
  if (auto since = args.Get("--since")) {
    if (mdt_status st = mdt_date_parse(&options.since, since->c_str(), MDT_NUL_TERMINATED);
        st != MDT_OK) {
      return Fail("--since", st, kExitUsage);
    }
  }
  const auto soon = args.Int("--soon-days", 0, kMaxSoonDays, options.soon_days);
  if (!soon) return kExitUsage;
  options.soon_days = *soon;
  const std::string format = args.Get("--format").value_or("md");
  const std::string lang = args.Get("--lang").value_or("vi");
  if (format == "md") {
    options.format = MDT_REPORT_MARKDOWN;
  } else if (format == "html") {
    options.format = MDT_REPORT_HTML;
  } else if (format == "json") {
    options.format = MDT_REPORT_JSON;
  } else if (format == "csv") {
    options.format = MDT_REPORT_CSV;
  } else {
    return cli::Fail("report", "--format is md, html, json or csv, got \"" + format + "\"");
  }
  if (lang != "vi" && lang != "en") {
    return cli::Fail("report", "--lang is vi or en, got \"" + lang + "\"");
  }
  options.language = lang == "en" ? MDT_REPORT_ENGLISH : MDT_REPORT_VIETNAMESE;

  std::unique_ptr<mdt_dataset, DatasetFree> ds;
  std::size_t problems = 0;
  if (int rc = Load(&ds, required->front(), &problems); rc != 0) return rc;
  char* raw = nullptr;
  size_t len = 0;
  if (mdt_status st = mdt_report(&raw, &len, ds.get(), as_of, &options); st != MDT_OK) {
    return Fail("report", st, kExitUsage);
  }
  std::unique_ptr<char, StringFree> text(raw);
  if (auto out = args.Get("--out")) {
    if (auto s = WriteFileAtomically(*out, std::string_view(text.get(), len)); !s.ok()) {
      return cli::Fail("report", std::string(s.message()));
    }
  } else {
    std::cout.write(text.get(), static_cast<std::streamsize>(len));
    std::cout.flush();
    if (!std::cout.good()) return cli::Fail("report", "cannot write the output");
  }
  return problems ? kExitProblems : kExitOk;
}

const Registration kReg{
    {.name = "report",
     .summary = "the steering committee's summary report of a dataset as of a day",
     .synopsis = "--data FILE --as-of D [--since D] [--format md|html|json|csv] [--lang vi|en]\n"
                 "  [--soon-days N] [--out FILE]",
     .options = {{"--data", "FILE", "the dataset (JSON or CSV)"},
                 {"--as-of", "D", "the report's day (YYYY-MM-DD)"},
                 {"--since", "D", "the last meeting's day: what changed since then"},
                 {"--format", "F", "md (default), html, json or csv"},
                 {"--lang", "L", "vi (default) or en"},
                 {"--soon-days", "N", "due within N days counts as due_soon (default 7)"},
                 {"--out", "FILE", "write the report there (atomically) instead of stdout"}},
     .run = &Run}};

}  // namespace
}  // namespace mandate::cli
