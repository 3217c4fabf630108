// The summary report across the C ABI: BuildReport + RenderReport on a dataset handle.
#include "mandate/report.h"
#include "mandate/report_office.h"

#include <memory>
#include <shared_mutex>
#include <tuple>

#include "absl/strings/str_format.h"
#include "internal/convert.h"
#include "internal/dataset_handle.h"
#include "internal/error.h"
#include "internal/handle.h"
#include "mandate.h"

using namespace mandate::capi;  // NOLINT: the C entry points below

namespace {

static_assert(MDT_REPORT_MARKDOWN == static_cast<int>(mandate::ReportFormat::kMarkdown));
static_assert(MDT_REPORT_HTML == static_cast<int>(mandate::ReportFormat::kHtml));
static_assert(MDT_REPORT_JSON == static_cast<int>(mandate::ReportFormat::kJson));
static_assert(MDT_REPORT_CSV == static_cast<int>(mandate::ReportFormat::kCsv));
static_assert(MDT_REPORT_XLSX == static_cast<int>(mandate::ReportFormat::kXlsx));
static_assert(MDT_REPORT_DOCX == static_cast<int>(mandate::ReportFormat::kDocx));
static_assert(MDT_REPORT_VIETNAMESE == static_cast<int>(mandate::ReportLanguage::kVietnamese));
static_assert(MDT_REPORT_ENGLISH == static_cast<int>(mandate::ReportLanguage::kEnglish));

struct ReportArgs {
  mandate::ReportOptions options;
  mandate::ReportFormat format = mandate::ReportFormat::kMarkdown;
  mandate::ReportLanguage language = mandate::ReportLanguage::kVietnamese;
};

mdt_status OptionsArg(ReportArgs* out, const mdt_report_options* o) {
  if (o == nullptr) return MDT_OK;
  MDT_TRY(CheckStructVersion(o->version, MDT_REPORT_OPTIONS_VERSION, "options"));
  MDT_TRY(OptionalDayArg(&out->options.since, o->since, "options.since"));
  MDT_TRY(DaysWindowArg(o->soon_days, "options.soon_days"));
  out->options.soon_days = o->soon_days;
  const std::int32_t format = o->format;
  if (format < MDT_REPORT_MARKDOWN || format > MDT_REPORT_DOCX) {
    return Fail(MDT_ERR_INVALID_ARGUMENT,
                absl::StrFormat("options.format %d is not an mdt_report_format", format));
  }
  out->format = static_cast<mandate::ReportFormat>(format);
  const std::int32_t language = o->language;
  if (language != MDT_REPORT_VIETNAMESE && language != MDT_REPORT_ENGLISH) {
    return Fail(MDT_ERR_INVALID_ARGUMENT,
                absl::StrFormat("options.language %d is not an mdt_report_language", language));
  }
  out->language = static_cast<mandate::ReportLanguage>(language);
  // NaN fails both comparisons.
  if (!(o->criteria_threshold >= 0 && o->criteria_threshold <= 1e9)) {
    return Fail(MDT_ERR_INVALID_ARGUMENT, "options.criteria_threshold is not a number >= 0");
  }
  out->options.criteria_threshold = o->criteria_threshold;
  if (o->version < 2) return MDT_OK;  // the letterhead and programmes came with version 2
  for (auto [field, text, name] :
       {std::tuple{&out->options.header.issuing_body, o->issuing_body, "options.issuing_body"},
        std::tuple{&out->options.header.place, o->place, "options.place"},
        std::tuple{&out->options.header.meeting, o->meeting, "options.meeting"},
        std::tuple{&out->options.header.previous_meeting, o->previous_meeting,
                   "options.previous_meeting"}}) {
    if (text == nullptr) continue;
    MDT_TRY(CheckUtf8(text, name));
    *field = text;
  }
  if (o->programmes_json != nullptr) {
    MDT_TRY(CheckUtf8(o->programmes_json, "options.programmes_json"));
    auto programmes = mandate::Programmes::FromJson(o->programmes_json);
    if (!programmes.ok()) return FromStatus(programmes.status());
    out->options.programmes = std::make_shared<const mandate::Programmes>(*std::move(programmes));
  }
  return MDT_OK;
}

}  // namespace

extern "C" {

MDT_API mdt_status mdt_report(char** out, size_t* out_len, const mdt_dataset* dataset,
                              mdt_date as_of, const mdt_report_options* options) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    if (out_len != nullptr) *out_len = 0;
    MDT_TRY(CheckHandle(dataset, "dataset"));
    ReportArgs args;
    MDT_TRY(DayArg(&args.options.as_of, as_of, "as_of"));
    MDT_TRY(OptionsArg(&args, options));
    if (args.options.since && *args.options.since > args.options.as_of) {
      return Fail(MDT_ERR_INVALID_ARGUMENT, "options.since is after as_of");
    }
    std::string text;
    {
      std::shared_lock lock(dataset->state->mu);
      auto data = mandate::BuildReport(dataset->state->ds, args.options);
      if (!data.ok()) return FromStatus(data.status());
      if (args.format == mandate::ReportFormat::kXlsx) {
        // The workbook's per-task sheet needs the dataset, which RenderReport does not see.
        const auto tasks = mandate::ReportTaskStatuses(dataset->state->ds, args.options);
        auto bytes = mandate::RenderReportXlsx(*data, args.language, tasks);
        if (!bytes.ok()) return FromStatus(bytes.status());
        text = std::move(*bytes);
      } else {
        text = mandate::RenderReport(*data, args.format, args.language);
      }
    }
    return DupString(out, out_len, text);
  });
}

}  // extern "C"
