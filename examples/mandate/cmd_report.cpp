// mandate report: the steering committee's summary report (seed 001's shape) from any
// dataset, as of any day.
//   mandate report --data FILE --as-of D [--since D0] [--format md|html|json|csv|xlsx|docx]
//                  [--lang vi|en] [--soon-days N] [--issuing-body S] [--place S]
//                  [--meeting S] [--previous-meeting S] [--programmes FILE] [--sheet NAME]
//                  [--out FILE]
// It goes through the C ABI only (mandate.h, with the RAII classes of mandate.hpp), as an
// application in another language would: load, report, free. The other subcommands use the
// C++ core directly.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "command.h"
#include "load.h"
#include "mandate.h"
#include "mandate.hpp"
#include "mandate/atomic_file.h"
#include "mandate/classification.h"
#include "mandate/dataset_json.h"
#include "mandate/report.h"

namespace mandate::cli {
namespace {

namespace mc = mandate::c;

// "md, html, json or csv": the names of E's table, for a usage message.
template <typename E>
std::string OneOf() {
  std::string out;
  const std::size_t n = EnumCount<E>();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) out += i + 1 == n ? " or " : ", ";
    out += EnumTable<E>::kEntries[i].name;
  }
  return out;
}

int Fail(const std::string& what, mdt_status status, int code) {
  return cli::Fail("report", what + ": " + mdt_last_error() + " (" + mdt_status_name(status) + ")",
                   code);
}

void PrintProblem(std::string_view record, std::string_view field, std::string_view message) {
  std::cerr << nlohmann::json{{"record", record}, {"field", field}, {"message", message}}.dump(
                   -1, ' ', false, nlohmann::json::error_handler_t::replace)
            << "\n";
}

// A sheet other than a workbook's first: the C ABI's loader reads the first, so the core reads
// this one and hands it over as the lossless JSON.
int LoadSheet(mc::Dataset* out, const std::string& path, const std::string& sheet, bool strict,
              std::size_t* count) {
  std::vector<LoadProblem> problems;
  absl::StatusOr<Dataset> ds = ReadDataFile(path, strict, &problems, sheet);
  *count = problems.size();
  for (const auto& p : problems) PrintProblem(p.record, p.field, p.message);
  if (!ds.ok()) return cli::Fail("report", path + ": " + std::string(ds.status().message()));
  absl::StatusOr<std::string> json = WriteDatasetJson(*ds);
  if (!json.ok()) return cli::Fail("report", path + ": " + std::string(json.status().message()));
  try {
    *out = mc::Dataset::read_json(*json);
  } catch (const mc::Error& e) {
    return Fail(path, e.status(), kExitUsage);
  }
  return 0;
}

// Loads JSON, CSV or a workbook (by content, as load.h; the C ABI's CSV loader takes a
// workbook by its content too), printing each problem found as a JSON line on stderr (the
// same lines as `mandate validate`, also when the load fails) and counting them in *count.
// The message of a failed load outlives the calls that read the problems.
int Load(mc::Dataset* out, const std::string& path, const std::string& sheet, bool strict,
         std::size_t* count) {
  const DataFormat format = DataFormatOf(path);
  if (format == DataFormat::kXlsx && !sheet.empty()) {
    return LoadSheet(out, path, sheet, strict, count);
  }
  mdt_load_options options = MDT_LOAD_OPTIONS_INIT;
  options.strict = strict ? 1 : 0;
  mc::Problems problems;
  mdt_status status = MDT_OK;
  try {
    *out = format != DataFormat::kJson ? mc::Dataset::load_csv(path, &options, &problems)
                                       : mc::Dataset::load_json(path, &options, &problems);
  } catch (const mc::Error& e) {
    status = e.status();
  }
  *count = problems.size();
  for (size_t i = 0; i < *count; ++i) {
    const mc::Problem p = problems[i];
    PrintProblem(p.record, p.field, p.message);
  }
  return status == MDT_OK ? 0 : Fail(path, status, kExitUsage);
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
  const std::string format =
      args.Get("--format").value_or(std::string(EnumName(ReportFormat::kMarkdown)));
  const std::string lang =
      args.Get("--lang").value_or(std::string(EnumName(ReportLanguage::kVietnamese)));
  const auto report_format = EnumFromName<ReportFormat>(format);
  if (!report_format) {
    return cli::Fail("report", "--format is " + OneOf<ReportFormat>() + ", got \"" + format + "\"");
  }
  options.format = static_cast<std::int32_t>(*report_format);
  const auto report_language = EnumFromName<ReportLanguage>(lang);
  if (!report_language) {
    return cli::Fail("report", "--lang is " + OneOf<ReportLanguage>() + ", got \"" + lang + "\"");
  }
  options.language = static_cast<std::int32_t>(*report_language);
  // The letterhead: the strings live in args for the call.
  const auto issuing_body = args.Get("--issuing-body");
  const auto place = args.Get("--place");
  const auto meeting = args.Get("--meeting");
  const auto previous_meeting = args.Get("--previous-meeting");
  if (issuing_body) options.issuing_body = issuing_body->c_str();
  if (place) options.place = place->c_str();
  if (meeting) options.meeting = meeting->c_str();
  if (previous_meeting) options.previous_meeting = previous_meeting->c_str();
  std::string programmes;
  if (auto file = args.Get("--programmes")) {
    std::ifstream in(*file, std::ios::binary);
    if (!in) return cli::Fail("report", "--programmes: cannot open " + *file, kExitUsage);
    programmes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    options.programmes_json = programmes.c_str();
  }

  mc::Dataset ds;
  std::size_t problems = 0;
  if (int rc = Load(&ds, required->front(), args.Get("--sheet").value_or(""), args.Has("--strict"),
                    &problems);
      rc != 0) {
    return rc;
  }
  std::string text;
  try {
    text = ds.report(mc::Day(std::chrono::days(as_of)), &options);
  } catch (const mc::Error& e) {
    return Fail("report", e.status(), kExitUsage);
  }
  if (auto out = args.Get("--out")) {
    if (auto s = WriteFileAtomically(*out, text); !s.ok()) {
      return cli::Fail("report", std::string(s.message()));
    }
  } else {
    std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
    std::cout.flush();
    if (!std::cout.good()) return cli::Fail("report", "cannot write the output");
  }
  return problems ? kExitProblems : kExitOk;
}

const Registration kReg{
    {.name = "report",
     .summary = "the steering committee's summary report of a dataset as of a day",
     .synopsis = "--data FILE --as-of D [--since D] [--format md|html|json|csv|xlsx|docx]\n"
                 "  [--lang vi|en] [--soon-days N] [--issuing-body S] [--place S] [--meeting S]\n"
                 "  [--previous-meeting S] [--programmes FILE] [--out FILE] [--sheet NAME] [--strict]",
     .options = {{"--data", "FILE", "the dataset (JSON, CSV or .xlsx)"},
                 {"--sheet", "NAME", "the workbook's sheet to read (default: the first)"},
                 {"--strict", nullptr, "refuse the whole file when it has any problem (exit 2)"},
                 {"--as-of", "D", "the report's day (YYYY-MM-DD)"},
                 {"--since", "D", "the last meeting's day: what changed since then"},
                 {"--format", "F", "md (default), html, json, csv, xlsx or docx (use --out)"},
                 {"--lang", "L", "vi (default) or en"},
                 {"--soon-days", "N", "due within N days counts as due_soon (default 7)"},
                 {"--issuing-body", "S", "the letterhead's issuing body"},
                 {"--place", "S", "the place before the date (\"Hà Nội\")"},
                 {"--meeting", "S", "the meeting the report serves: \"(Phục vụ S)\""},
                 {"--previous-meeting", "S", "the meeting held on --since, named with it"},
                 {"--programmes", "FILE", "the programmes and themes (default: data/programmes.json)"},
                 {"--out", "FILE", "write the report there (atomically) instead of stdout"}},
     .run = &Run}};

}  // namespace
}  // namespace mandate::cli
