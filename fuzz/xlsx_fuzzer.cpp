// The .xlsx task-table reader, any bytes. Random bytes are rarely a zip whose entries pass
// their checksums, so by default the input is the workbook's XML parts (workbook.xml, its
// relationships, sharedStrings.xml, sheet1.xml, separated by \x1f) and the harness zips them
// (stored) with libzip: the mutations reach the XML, the header search and the group
// headings. With the first byte's low bit set the rest is read as the zip itself. Whatever
// loads holds unique, findable ids; every problem names the sheet (or the file); strict mode
// loads only without problems.
#include <zip.h>

#include <string>
#include <vector>

#include "fuzz_util.h"
#include "mandate/dataset_xlsx.h"

namespace {

// The parts zipped in memory, uncompressed.
std::string Zip(const std::vector<std::pair<const char*, std::string_view>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  FUZZ_CHECK(src != nullptr);
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  FUZZ_CHECK(za != nullptr);
  zip_source_keep(src);
  for (const auto& [name, text] : parts) {
    zip_source_t* s = zip_source_buffer(za, text.data(), text.size(), 0);
    FUZZ_CHECK(s != nullptr);
    const zip_int64_t i = zip_file_add(za, name, s, ZIP_FL_ENC_UTF_8);
    FUZZ_CHECK(i >= 0);
    zip_set_file_compression(za, static_cast<zip_uint64_t>(i), ZIP_CM_STORE, 0);
  }
  FUZZ_CHECK(zip_close(za) == 0);
  std::string out;
  FUZZ_CHECK(zip_source_open(src) == 0);
  char buf[4096];
  zip_int64_t n = 0;
  while ((n = zip_source_read(src, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&error);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mandate;
  fuzz::Input in(data, size);
  const std::uint8_t mode = in.Byte();
  XlsxReadOptions opt;
  opt.strict = (mode & 2) != 0;
  if (mode & 4) opt.plan_year = 2025;
  opt.max_problems = 1 + (mode >> 4);
  // Small bounds, so that the limits are reached and checked too.
  opt.xlsx.max_part_bytes = 1 << 20;
  opt.xlsx.max_total_bytes = 2 << 20;
  opt.xlsx.max_shared_strings = 1000;
  opt.xlsx.max_shared_string_bytes = 1 << 16;
  opt.xlsx.max_rows = 5000;
  opt.xlsx.max_columns = 200;
  opt.xlsx.max_cell_text_bytes = 1 << 20;
  opt.xlsx.max_merges = 500;

  std::string bytes;
  if (mode & 1) {
    bytes = std::string(in.Rest());
  } else {
    const std::string_view workbook = in.Part(), rels = in.Part(), shared = in.Part();
    const std::string_view sheet = in.Rest();
    bytes = Zip({{"xl/workbook.xml", workbook},
                 {"xl/_rels/workbook.xml.rels", rels},
                 {"xl/sharedStrings.xml", shared},
                 {"xl/worksheets/sheet1.xml", sheet}});
  }
  std::vector<LoadProblem> problems;
  auto ds = ReadDatasetXlsx(bytes, opt, &problems);
  if (!ds.ok()) {
    FUZZ_CHECK(!ds.status().message().empty());
    return 0;
  }
  if (opt.strict) FUZZ_CHECK(problems.empty());
  FUZZ_CHECK(problems.size() <= opt.max_problems + 1);
  for (const auto& p : problems) FUZZ_CHECK(!p.record.empty());
  for (TaskIndex i = 0; i < ds->task_count(); ++i) FUZZ_CHECK(ds->FindTask(ds->task_id(i)) == i);
  return 0;
}
