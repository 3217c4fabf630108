// Loading and saving datasets across the C ABI (JSON and CSV), with the list of problems.
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <shared_mutex>

#include "internal/agency_handle.h"
#include "internal/convert.h"
#include "internal/dataset_handle.h"
#include "internal/error.h"
#include "internal/handle.h"
#include "mandate.h"
#include "mandate/dataset_csv.h"
#include "mandate/dataset_json.h"
#include "mandate/dataset_snapshot.h"
#include "mandate/dataset_xlsx.h"

using namespace mandate::capi;  // NOLINT: the C entry points below

namespace {

struct LoadArgs {
  std::shared_ptr<const mandate::AgencyRegistry> registry;
  bool strict = false;
  bool require_checksum = false;
  std::optional<int> plan_year;
  std::optional<mandate::Day> as_of;
  std::size_t max_bytes = std::size_t{1} << 30;
  std::size_t max_problems = 1000;
};

mdt_status OptionsArg(LoadArgs* out, const mdt_load_options* o) {
  if (o == nullptr) return MDT_OK;
  MDT_TRY(CheckStructVersion(o->version, MDT_LOAD_OPTIONS_VERSION, "options"));
  if (o->registry != nullptr) {
    MDT_TRY(CheckHandle(o->registry, "options.registry"));
    out->registry = o->registry->registry;
  }
  out->strict = o->strict != 0;
  out->require_checksum = o->require_checksum != 0;
  if (o->plan_year != 0) {
    if (o->plan_year < 1900 || o->plan_year > 2200) {
      return Fail(MDT_ERR_OUT_OF_RANGE,
                  "options.plan_year " + std::to_string(o->plan_year) + " is outside 1900..2200");
    }
    out->plan_year = o->plan_year;
  }
  MDT_TRY(OptionalDayArg(&out->as_of, o->as_of, "options.as_of"));
  if (o->max_bytes != 0) out->max_bytes = static_cast<std::size_t>(o->max_bytes);
  if (o->max_problems != 0) out->max_problems = static_cast<std::size_t>(o->max_problems);
  return MDT_OK;
}

mandate::JsonReadOptions JsonOptions(const LoadArgs& a) {
  mandate::JsonReadOptions o;
  o.registry = a.registry;
  o.strict = a.strict;
  o.require_checksum = a.require_checksum;
  o.max_bytes = a.max_bytes;
  return o;
}

mandate::CsvReadOptions CsvOptions(const LoadArgs& a) {
  mandate::CsvReadOptions o;
  o.registry = a.registry;
  o.strict = a.strict;
  o.plan_year = a.plan_year;
  o.as_of = a.as_of;
  o.max_bytes = a.max_bytes;
  o.max_problems = a.max_problems;
  return o;
}

// Hands out the dataset and the problems (also on failure), mapping the reader's status.
mdt_status Finish(mdt_dataset** out, mdt_problems** out_problems, const LoadArgs& args,
                  absl::StatusOr<mandate::Dataset> ds, std::vector<mandate::LoadProblem> problems) {
  const bool had_problems = !problems.empty();
  if (out_problems != nullptr) {
    auto p = std::make_unique<mdt_problems>();
    p->problems = std::move(problems);
    PublishHandle(out_problems, std::move(p));  // always Ok: the dataset decides the result
  }
  if (!ds.ok()) {
    const absl::Status& st = ds.status();
    if (st.code() == absl::StatusCode::kInvalidArgument) {
      const bool refused = args.strict && had_problems;
      return Fail(refused ? MDT_ERR_INVALID_ARGUMENT : MDT_ERR_PARSE, mandate::ToStd(st.message()));
    }
    return FromStatus(st);
  }
  auto h = std::make_unique<mdt_dataset>();
  h->state = std::make_shared<DatasetState>(std::move(*ds));
  return PublishHandle(out, std::move(h));
}

mandate::XlsxReadOptions XlsxOptions(const LoadArgs& a) {
  mandate::XlsxReadOptions o;
  o.registry = a.registry;
  o.strict = a.strict;
  o.plan_year = a.plan_year;
  o.as_of = a.as_of;
  o.xlsx.max_file_bytes = a.max_bytes;
  o.max_problems = a.max_problems;
  return o;
}

enum class Format { kJson, kCsv };

// The table loaders take an Excel workbook by its content (a zip: "PK\3\4"), whatever the
// call's name: an agency's file is a workbook as often as a CSV.
absl::StatusOr<mandate::Dataset> ReadText(Format format, std::string_view t, const LoadArgs& args,
                                          std::vector<mandate::LoadProblem>* problems) {
  if (mandate::LooksLikeXlsx(t)) return mandate::ReadDatasetXlsx(t, XlsxOptions(args), problems);
  return format == Format::kJson ? mandate::ReadDatasetJson(t, JsonOptions(args), problems)
                                 : mandate::ReadDatasetCsv(t, CsvOptions(args), problems);
}

absl::StatusOr<mandate::Dataset> ReadFile(Format format, const std::string& path,
                                          const LoadArgs& args,
                                          std::vector<mandate::LoadProblem>* problems) {
  char head[8] = {};
  std::ifstream in(path, std::ios::binary);
  in.read(head, sizeof head);
  const std::string_view got(head, static_cast<std::size_t>(in.gcount()));
  if (got.size() >= 4 && mandate::LooksLikeXlsx(got)) {
    return mandate::LoadDatasetXlsx(path, XlsxOptions(args), problems);
  }
  // A binary snapshot by its magic, whichever loader was called: mapped, not parsed.
  if (mandate::LooksLikeSnapshot(got)) {
    mandate::SnapshotOptions o;
    o.registry = args.registry;
    return mandate::OpenSnapshot(path, o);
  }
  // Anything else (an error opening it included) as the format's own loader says it.
  return format == Format::kJson ? mandate::LoadDatasetJson(path, JsonOptions(args), problems)
                                 : mandate::LoadDatasetCsv(path, CsvOptions(args), problems);
}

mdt_status Load(mdt_dataset** out, mdt_problems** out_problems, Format format, const char* path,
                const char* text, size_t len, bool from_file, const mdt_load_options* options) {
  MDT_TRY(CheckOut(out, "out"));
  *out = nullptr;
  if (out_problems) *out_problems = nullptr;
  LoadArgs args;
  MDT_TRY(OptionsArg(&args, options));
  std::vector<mandate::LoadProblem> problems;
  absl::StatusOr<mandate::Dataset> ds = absl::UnknownError("unset");
  if (from_file) {
    std::string_view p;
    MDT_TRY(CString(&p, path, "path", true));
    ds = ReadFile(format, std::string(p), args, &problems);
  } else {
    std::string_view t;
    MDT_TRY(Text(&t, text, len, "text"));
    ds = ReadText(format, t, args, &problems);
  }
  return Finish(out, out_problems, args, std::move(ds), std::move(problems));
}

}  // namespace

extern "C" {

MDT_API mdt_status mdt_dataset_load_json(mdt_dataset** out, mdt_problems** out_problems,
                                         const char* path, const mdt_load_options* options) {
  return Guard(
      [&] { return Load(out, out_problems, Format::kJson, path, nullptr, 0, true, options); });
}

MDT_API mdt_status mdt_dataset_read_json(mdt_dataset** out, mdt_problems** out_problems,
                                         const char* text, size_t len,
                                         const mdt_load_options* options) {
  return Guard(
      [&] { return Load(out, out_problems, Format::kJson, nullptr, text, len, false, options); });
}

MDT_API mdt_status mdt_dataset_load_csv(mdt_dataset** out, mdt_problems** out_problems,
                                        const char* path, const mdt_load_options* options) {
  return Guard(
      [&] { return Load(out, out_problems, Format::kCsv, path, nullptr, 0, true, options); });
}

MDT_API mdt_status mdt_dataset_read_csv(mdt_dataset** out, mdt_problems** out_problems,
                                        const char* text, size_t len,
                                        const mdt_load_options* options) {
  return Guard(
      [&] { return Load(out, out_problems, Format::kCsv, nullptr, text, len, false, options); });
}

MDT_API mdt_status mdt_dataset_save_json(const mdt_dataset* dataset, const char* path) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(dataset, "dataset"));
    std::string_view p;
    MDT_TRY(CString(&p, path, "path", true));
    std::shared_lock lock(dataset->state->mu);
    return FromStatus(mandate::SaveDatasetJson(dataset->state->ds, std::string(p)));
  });
}

MDT_API mdt_status mdt_dataset_write_json(char** out, size_t* out_len, const mdt_dataset* dataset) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    MDT_TRY(CheckHandle(dataset, "dataset"));
    std::shared_lock lock(dataset->state->mu);
    auto text = mandate::WriteDatasetJson(dataset->state->ds);
    if (!text.ok()) return FromStatus(text.status());
    return DupString(out, out_len, *text);
  });
}

MDT_API mdt_status mdt_dataset_save_csv(const mdt_dataset* dataset, const char* path) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(dataset, "dataset"));
    std::string_view p;
    MDT_TRY(CString(&p, path, "path", true));
    std::shared_lock lock(dataset->state->mu);
    return FromStatus(mandate::SaveDatasetCsv(dataset->state->ds, std::string(p)));
  });
}

MDT_API mdt_status mdt_dataset_write_csv(char** out, size_t* out_len, const mdt_dataset* dataset) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    MDT_TRY(CheckHandle(dataset, "dataset"));
    std::shared_lock lock(dataset->state->mu);
    return DupString(out, out_len, mandate::WriteDatasetCsv(dataset->state->ds));
  });
}

MDT_API mdt_status mdt_dataset_add_task_json(uint32_t* out, mdt_dataset* dataset, const char* json,
                                             size_t len) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(dataset, "dataset"));
    std::string_view text;
    MDT_TRY(Text(&text, json, len, "json"));
    nlohmann::json task;
    try {
      task = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
      return Fail(MDT_ERR_PARSE, std::string("json: not valid JSON: ") + e.what());
    }
    if (!task.is_object()) return Fail(MDT_ERR_PARSE, "json: a task is a JSON object");
    // One-task dataset document, checksummed, read strictly by the dataset reader: the task
    // is validated exactly as in a file.
    const nlohmann::json payload = {{"tasks", nlohmann::json::array({task})}};
    const nlohmann::json doc = {{"schema_version", mandate::kDatasetSchemaVersion},
                                {"checksum", mandate::DatasetChecksum(payload.dump())},
                                {"dataset", payload}};
    mandate::JsonReadOptions options;
    options.strict = true;
    options.registry = dataset->state->ds.shared_registry();
    std::vector<mandate::LoadProblem> problems;
    auto one = mandate::ReadDatasetJson(doc.dump(), options, &problems);
    if (!problems.empty()) {
      return Fail(MDT_ERR_INVALID_ARGUMENT, mandate::FormatLoadProblem(problems.front()));
    }
    if (!one.ok()) return FromStatus(one.status());
    if (one->task_count() != 1) return Fail(MDT_ERR_INVALID_ARGUMENT, "json: no task was read");
    mandate::Task t = one->GetTask(0);
    std::unique_lock lock(dataset->state->mu);
    auto i = dataset->state->ds.AddTask(t);
    if (!i.ok()) return FromStatus(i.status());
    if (out) *out = *i;
    return Ok();
  });
}

MDT_API void mdt_problems_free(mdt_problems* problems) { FreeHandle(problems); }

MDT_API mdt_status mdt_problems_count(size_t* out, const mdt_problems* problems) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(problems, "problems"));
    *out = problems->problems.size();
    return Ok();
  });
}

MDT_API mdt_status mdt_problems_get(const char** out_record, const char** out_field,
                                    const char** out_message, const mdt_problems* problems,
                                    size_t i) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(problems, "problems"));
    MDT_TRY(IndexArg(i, problems->problems.size(), "problem"));
    const mandate::LoadProblem& p = problems->problems[i];
    if (out_record) *out_record = p.record.c_str();
    if (out_field) *out_field = p.field.c_str();
    if (out_message) *out_message = p.message.c_str();
    return Ok();
  });
}

MDT_API mdt_status mdt_dataset_save_snapshot(const mdt_dataset* dataset, const char* path) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(dataset, "dataset"));
    std::string_view p;
    MDT_TRY(CString(&p, path, "path", true));
    std::shared_lock lock(dataset->state->mu);
    return FromStatus(mandate::SaveSnapshot(dataset->state->ds, std::string(p)));
  });
}

}  // extern "C"
