// Whole datasets, CSV or JSON, through what officials read: load, aggregate under several
// groupings (bounded by max_groups) and the summary report in every format and language.
// Checks that aggregation either answers or refuses with the group limit, that per-group
// counts never exceed what was classified, and that the CSV report holds no cell a spreadsheet
// would run as a formula and the Markdown report no raw HTML tag from the data. The first
// byte picks the format and the options.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "mandate/aggregate.h"
#include "mandate/csv.h"
#include "mandate/dataset_csv.h"
#include "mandate/dataset_json.h"
#include "mandate/report.h"

namespace {

bool HasScriptTag(std::string_view s) {
  std::string lower(s);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("<script") != std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mandate;
  fuzz::Input in(data, size);
  const std::uint8_t mode = in.Byte();
  const std::string_view text = in.Rest();

  absl::StatusOr<Dataset> ds = absl::UnknownError("unset");
  if (mode & 1) {
    ds = ReadDatasetJson(text);
  } else {
    CsvReadOptions opt;
    if (mode & 2) opt.plan_year = 2025;
    ds = ReadDatasetCsv(text, opt);
  }
  if (!ds.ok()) {
    FUZZ_CHECK(!ds.status().message().empty());
    return 0;
  }

  const Day as_of = FromEpochDays(20354 + 40 * ((mode >> 2) & 7));  // from 2025-09-23
  const std::vector<std::vector<Dimension>> groupings = {
      {},
      {Dimension::kLead, Dimension::kStatus},
      {Dimension::kLead, Dimension::kCoordinator, Dimension::kCategory, Dimension::kSource},
      {Dimension::kAgencyKind, Dimension::kDueMonth, Dimension::kDeadlineKind},
  };
  for (const auto& by : groupings) {
    AggregateQuery q;
    q.as_of = as_of;
    q.by = by;
    q.include_coordinators = (mode & 32) != 0;
    q.max_groups = 50'000;  // the limit must trip here, not memory
    auto r = Aggregate(*ds, q, 1);
    if (!r.ok()) {
      FUZZ_CHECK(r.status().code() == absl::StatusCode::kResourceExhausted);
      continue;
    }
    FUZZ_CHECK(r->groups.size() <= q.max_groups);
    for (const auto& g : r->groups) FUZZ_CHECK(g.counts.total() > 0);
    if (by.empty()) FUZZ_CHECK(r->groups.size() <= 1);
  }

  ReportOptions ro;
  ro.as_of = as_of;
  if (mode & 64) ro.since = FromEpochDays(20354 - 60);
  auto report = BuildReport(*ds, ro);
  if (!report.ok()) {
    FUZZ_CHECK(!report.status().message().empty());
    return 0;
  }
  for (auto lang : {ReportLanguage::kVietnamese, ReportLanguage::kEnglish}) {
    for (auto format :
         {ReportFormat::kMarkdown, ReportFormat::kHtml, ReportFormat::kJson, ReportFormat::kCsv}) {
      const std::string out = RenderReport(*report, format, lang);
      FUZZ_CHECK(!out.empty());
      if (format == ReportFormat::kCsv) {
        CsvReader reader(out);
        CsvRecord rec;
        while (reader.Next(rec)) {
          FUZZ_CHECK(rec.ok());
          for (std::size_t i = 0; i < rec.size(); ++i) {
            // Guarded cells start with "'"; any other must not start a formula.
            FUZZ_CHECK(rec[i].empty() || rec[i][0] == '\'' || !NeedsFormulaGuard(rec[i]));
          }
        }
      }
      if (format == ReportFormat::kMarkdown || format == ReportFormat::kHtml) {
        FUZZ_CHECK(!HasScriptTag(out));
      }
    }
  }
  return 0;
}
