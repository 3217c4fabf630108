// Loading and saving datasets across the C ABI, with the list of problems.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "capi_fixture.h"

namespace mandate::capi_test {
namespace {

Dataset SmallDataset() {
  mdt_dataset* ds = nullptr;
  EXPECT_EQ(mdt_dataset_new(&ds, nullptr), MDT_OK);
  const char* lead[] = {"BKHCN", "BTC"};
  mdt_task_input t = MDT_TASK_INPUT_INIT;
  t.id = "KH25-III-1";
  t.title = "Xây dựng Luật Khoa học, công nghệ và đổi mới sáng tạo";
  t.lead = lead;
  t.lead_count = 2;
  t.lead_text = "Bộ Khoa học và Công nghệ, Bộ Tài chính";
  t.deadline_text = "Tháng 9/2025";
  t.assigned = Date("2025-03-01");
  EXPECT_EQ(mdt_dataset_add_task(nullptr, ds, &t), MDT_OK) << mdt_last_error();
  EXPECT_EQ(mdt_dataset_complete_task(ds, "KH25-III-1", Date("2025-09-10")), MDT_OK);
  return Dataset(ds);
}

std::string TempPath(const char* name) {
  return (std::filesystem::temp_directory_path() /
          (std::string("mandate-capi-") + std::to_string(::getpid()) + "-" + name))
      .string();
}

TEST(CApiIo, JsonRoundTripThroughFileAndString) {
  Dataset ds = SmallDataset();
  const std::string path = TempPath("round.json");
  ASSERT_MDT_OK(mdt_dataset_save_json(ds.get(), path.c_str()));
  mdt_dataset* back = nullptr;
  mdt_problems* problems = nullptr;
  ASSERT_MDT_OK(mdt_dataset_load_json(&back, &problems, path.c_str(), nullptr));
  Dataset b(back);
  Problems p(problems);
  size_t n = 99;
  ASSERT_MDT_OK(mdt_problems_count(&n, problems));
  EXPECT_EQ(n, 0u);
  ASSERT_MDT_OK(mdt_dataset_task_count(&n, back));
  EXPECT_EQ(n, 1u);
  char* a = nullptr;
  char* c = nullptr;
  size_t alen = 0, clen = 0;
  ASSERT_MDT_OK(mdt_dataset_write_json(&a, &alen, ds.get()));
  ASSERT_MDT_OK(mdt_dataset_write_json(&c, &clen, back));
  String as(a), cs(c);
  EXPECT_EQ(std::string(a, alen), std::string(c, clen));  // deterministic and lossless
  mdt_dataset* again = nullptr;
  ASSERT_MDT_OK(mdt_dataset_read_json(&again, nullptr, a, alen, nullptr));
  Dataset g(again);
  mdt_status_counts counts = MDT_STATUS_COUNTS_INIT;
  ASSERT_MDT_OK(mdt_classify_count(&counts, again, Date("2025-10-01"), nullptr));
  EXPECT_EQ(counts.by_status[MDT_TASK_COMPLETED_ON_TIME], 1u);
  std::remove(path.c_str());
}

// A snapshot opens through either file loader (by its magic); damage is refused. (The _read_
// calls take UTF-8 text: a snapshot is opened from a file.)
TEST(CApiIo, SnapshotOpensThroughTheLoaders) {
  Dataset ds = SmallDataset();
  const std::string path = TempPath("round.snapshot");
  ASSERT_MDT_OK(mdt_dataset_save_snapshot(ds.get(), path.c_str()));
  char* a = nullptr;
  size_t alen = 0;
  ASSERT_MDT_OK(mdt_dataset_write_json(&a, &alen, ds.get()));
  String as(a);
  for (bool csv : {false, true}) {
    mdt_dataset* back = nullptr;
    mdt_problems* problems = nullptr;
    ASSERT_MDT_OK(csv ? mdt_dataset_load_csv(&back, &problems, path.c_str(), nullptr)
                      : mdt_dataset_load_json(&back, &problems, path.c_str(), nullptr));
    Dataset b(back);
    Problems p(problems);
    char* c = nullptr;
    size_t clen = 0;
    ASSERT_MDT_OK(mdt_dataset_write_json(&c, &clen, back));
    String cs(c);
    EXPECT_EQ(std::string(a, alen), std::string(c, clen));
  }
  std::string bytes;
  {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    ASSERT_NE(f, nullptr);
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) bytes.append(buf, n);
    std::fclose(f);
  }
  bytes[bytes.size() / 2] ^= 1;
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
  }
  mdt_dataset* damaged = nullptr;
  EXPECT_EQ(mdt_dataset_load_json(&damaged, nullptr, path.c_str(), nullptr), MDT_ERR_CORRUPT);
  EXPECT_EQ(damaged, nullptr);
  EXPECT_NE(std::string(mdt_last_error()).find("checksum mismatch"), std::string::npos);
  std::remove(path.c_str());
}

TEST(CApiIo, CorruptMissingAndStrict) {
  Dataset ds = SmallDataset();
  char* text = nullptr;
  size_t len = 0;
  ASSERT_MDT_OK(mdt_dataset_write_json(&text, &len, ds.get()));
  String owned(text);
  mdt_dataset* out = reinterpret_cast<mdt_dataset*>(0x1);
  mdt_problems* problems = nullptr;
  EXPECT_MDT_ERR(MDT_ERR_CORRUPT, "truncated",
                 mdt_dataset_read_json(&out, &problems, text, len / 2, nullptr));
  EXPECT_EQ(out, nullptr);
  mdt_problems_free(problems);
  // Edited by hand: the checksum no longer matches. It loads, with the mismatch as a problem;
  // strict mode refuses it as corrupt.
  std::string edited(text, len);
  edited.replace(edited.find("Xây dựng"), 3, "XAY");
  mdt_problems* edit_problems = nullptr;
  ASSERT_MDT_OK(mdt_dataset_read_json(&out, &edit_problems, edited.data(), edited.size(), nullptr));
  mdt_dataset_free(out);
  Problems ep(edit_problems);
  size_t edit_count = 0;
  ASSERT_MDT_OK(mdt_problems_count(&edit_count, edit_problems));
  ASSERT_EQ(edit_count, 1u);
  const char *edit_record = nullptr, *edit_field = nullptr, *edit_message = nullptr;
  ASSERT_MDT_OK(mdt_problems_get(&edit_record, &edit_field, &edit_message, edit_problems, 0));
  EXPECT_STREQ(edit_record, "file");
  EXPECT_STREQ(edit_field, "checksum");
  EXPECT_NE(std::string(edit_message).find("edited by hand"), std::string::npos) << edit_message;
  mdt_load_options strict_opts = MDT_LOAD_OPTIONS_INIT;
  strict_opts.strict = 1;
  EXPECT_MDT_ERR(MDT_ERR_CORRUPT, "checksum",
                 mdt_dataset_read_json(&out, nullptr, edited.data(), edited.size(), &strict_opts));
  EXPECT_MDT_ERR(
      MDT_ERR_PARSE, "schema_version",
      mdt_dataset_read_json(&out, nullptr, "{\"dataset\": {}}", MDT_NUL_TERMINATED, nullptr));
  EXPECT_EQ(mdt_dataset_read_json(&out, nullptr, "{\"\xff\": 1}", 7, nullptr),
            MDT_ERR_INVALID_UTF8);
  EXPECT_NE(mdt_dataset_load_json(&out, nullptr, "/nonexistent/d.json", nullptr), MDT_OK);
  EXPECT_NE(std::string(mdt_last_error()).find("/nonexistent/d.json"), std::string::npos)
      << mdt_last_error();
  EXPECT_EQ(mdt_dataset_load_json(&out, nullptr, nullptr, nullptr), MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_dataset_load_json(nullptr, nullptr, "x.json", nullptr), MDT_ERR_INVALID_ARGUMENT);
  mdt_load_options opts = MDT_LOAD_OPTIONS_INIT;
  opts.max_bytes = 100;
  EXPECT_MDT_ERR(MDT_ERR_LIMIT, "limit", mdt_dataset_read_json(&out, nullptr, text, len, &opts));
  opts = MDT_LOAD_OPTIONS_INIT;
  opts.version = 7;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "version 7",
                 mdt_dataset_read_json(&out, nullptr, text, len, &opts));

  // A hand-written file without a checksum: loaded with a problem; refused when strict or
  // when a checksum is required.
  const char* hand = R"({"schema_version": 1, "dataset": {"tasks": [
      {"id": "H-1", "title": "Viết tay", "deadline": {"kind": "year", "text": "2025", "due": "2025-12-31"}},
      {"id": "H-2", "title": "Cơ quan lạ", "lead": ["NOPE"], "deadline": {"kind": "year", "text": "2025", "due": "2025-12-31"}}]}})";
  ASSERT_MDT_OK(mdt_dataset_read_json(&out, &problems, hand, MDT_NUL_TERMINATED, nullptr));
  Dataset loaded(out);
  Problems p(problems);
  size_t n = 0;
  ASSERT_MDT_OK(mdt_problems_count(&n, problems));
  ASSERT_GE(n, 2u);
  bool checksum = false, lead = false;
  for (size_t i = 0; i < n; ++i) {
    const char *record = nullptr, *field = nullptr, *message = nullptr;
    ASSERT_MDT_OK(mdt_problems_get(&record, &field, &message, problems, i));
    checksum |= std::string(field) == "checksum";
    lead |= std::string(record).find("H-2") != std::string::npos &&
            std::string(message).find("NOPE") != std::string::npos;
  }
  EXPECT_TRUE(checksum);
  EXPECT_TRUE(lead);
  EXPECT_EQ(mdt_problems_get(nullptr, nullptr, nullptr, problems, n), MDT_ERR_OUT_OF_RANGE);
  opts = MDT_LOAD_OPTIONS_INIT;
  opts.strict = 1;
  mdt_problems* strict_problems = nullptr;
  EXPECT_EQ(mdt_dataset_read_json(&out, &strict_problems, hand, MDT_NUL_TERMINATED, &opts),
            MDT_ERR_INVALID_ARGUMENT);
  Problems sp(strict_problems);
  ASSERT_MDT_OK(mdt_problems_count(&n, strict_problems));
  EXPECT_GE(n, 2u);  // the problems are handed out with the refusal
  opts = MDT_LOAD_OPTIONS_INIT;
  opts.require_checksum = 1;
  EXPECT_EQ(mdt_dataset_read_json(&out, nullptr, hand, MDT_NUL_TERMINATED, &opts), MDT_ERR_CORRUPT);
  // A custom registry that knows NOPE.
  mdt_registry* reg = nullptr;
  ASSERT_MDT_OK(mdt_registry_from_json(
      &reg, R"({"agencies": [{"id": "NOPE", "name": "Cơ quan Nope", "kind": "ministry"}]})",
      MDT_NUL_TERMINATED));
  Registry r(reg);
  opts = MDT_LOAD_OPTIONS_INIT;
  opts.registry = reg;
  mdt_problems* custom = nullptr;
  ASSERT_MDT_OK(mdt_dataset_read_json(&out, &custom, hand, MDT_NUL_TERMINATED, &opts));
  Dataset c(out);
  Problems cp(custom);
  ASSERT_MDT_OK(mdt_problems_count(&n, custom));
  EXPECT_EQ(n, 1u);  // only the missing checksum
}

TEST(CApiIo, CsvTableReadAndWritten) {
  const std::string csv =
      "id,title,lead,deadline,assigned,completed\r\n"
      "C-1,Đề án,Bộ Khoa học và Công nghệ,Tháng 9/2025,2025-03-01,2025-09-10\r\n"
      "C-2,Kế hoạch,Bộ Lạ,Quý IV,2025-03-01,\r\n"
      "C-3,Sai ngày,Bộ Tài chính,Tháng 13/2025,2025-03-01,\r\n";
  mdt_dataset* ds = nullptr;
  mdt_problems* problems = nullptr;
  ASSERT_MDT_OK(mdt_dataset_read_csv(&ds, &problems, csv.data(), csv.size(), nullptr));
  Dataset owned(ds);
  Problems p(problems);
  size_t n = 0;
  ASSERT_MDT_OK(mdt_dataset_task_count(&n, ds));
  EXPECT_EQ(n, 3u);  // rows are kept, problems reported
  ASSERT_MDT_OK(mdt_problems_count(&n, problems));
  EXPECT_GE(n, 2u);
  const char *record = nullptr, *field = nullptr, *message = nullptr;
  ASSERT_MDT_OK(mdt_problems_get(&record, &field, &message, problems, 0));
  EXPECT_NE(std::string(record) + field + message, "") << record;
  bool names_line_3 = false;  // the unknown agency "Bộ Lạ" on the row of C-2 (line 3)
  for (size_t i = 0; i < n; ++i) {
    ASSERT_MDT_OK(mdt_problems_get(&record, &field, &message, problems, i));
    names_line_3 |= std::string(record).find('3') != std::string::npos &&
                    std::string(message).find("Bộ Lạ") != std::string::npos;
  }
  EXPECT_TRUE(names_line_3);
  char* out = nullptr;
  size_t len = 0;
  ASSERT_MDT_OK(mdt_dataset_write_csv(&out, &len, ds));
  String o(out);
  EXPECT_NE(std::string(out, len).find("C-1"), std::string::npos);
  const std::string path = TempPath("t.csv");
  ASSERT_MDT_OK(mdt_dataset_save_csv(ds, path.c_str()));
  mdt_dataset* back = nullptr;
  ASSERT_MDT_OK(mdt_dataset_load_csv(&back, nullptr, path.c_str(), nullptr));
  Dataset b(back);
  ASSERT_MDT_OK(mdt_dataset_task_count(&n, back));
  EXPECT_EQ(n, 3u);
  std::remove(path.c_str());
  mdt_load_options opts = MDT_LOAD_OPTIONS_INIT;
  opts.strict = 1;
  EXPECT_EQ(mdt_dataset_read_csv(&back, nullptr, csv.data(), csv.size(), &opts),
            MDT_ERR_INVALID_ARGUMENT);
  opts = MDT_LOAD_OPTIONS_INIT;
  opts.plan_year = 3000;
  EXPECT_MDT_ERR(MDT_ERR_OUT_OF_RANGE, "plan_year",
                 mdt_dataset_read_csv(&back, nullptr, csv.data(), csv.size(), &opts));
  EXPECT_EQ(mdt_dataset_load_csv(&back, nullptr, "/nonexistent/t.csv", nullptr) == MDT_OK, false);
  EXPECT_EQ(mdt_dataset_save_csv(ds, "/nonexistent/dir/t.csv") == MDT_OK, false);
  EXPECT_EQ(mdt_dataset_save_json(ds, "/nonexistent/dir/t.json") == MDT_OK, false);
  EXPECT_EQ(mdt_dataset_save_json(ds, nullptr), MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_dataset_write_csv(nullptr, &len, ds), MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_dataset_write_json(&out, &len, nullptr), MDT_ERR_INVALID_HANDLE);
}

TEST(CApiIo, AddTaskAsJson) {
  Dataset ds = SmallDataset();
  const char* task = R"({"id": "J-1", "title": "Từ JSON", "lead": ["BKHCN"],
      "deadline": {"kind": "month", "text": "Tháng 10/2025", "due": "2025-10-31"}})";
  uint32_t i = 0;
  ASSERT_MDT_OK(mdt_dataset_add_task_json(&i, ds.get(), task, MDT_NUL_TERMINATED));
  EXPECT_EQ(i, 1u);
  EXPECT_EQ(mdt_dataset_add_task_json(&i, ds.get(), task, MDT_NUL_TERMINATED),
            MDT_ERR_ALREADY_EXISTS);
  EXPECT_MDT_ERR(
      MDT_ERR_INVALID_ARGUMENT, "NOPE",
      mdt_dataset_add_task_json(
          &i, ds.get(),
          R"({"id": "J-2", "title": "x", "lead": ["NOPE"], "deadline": {"kind": "year", "text": "2025", "due": "2025-12-31"}})",
          MDT_NUL_TERMINATED));
  EXPECT_MDT_ERR(MDT_ERR_PARSE, "not valid JSON", mdt_dataset_add_task_json(&i, ds.get(), "{", 1));
  EXPECT_MDT_ERR(MDT_ERR_PARSE, "object", mdt_dataset_add_task_json(&i, ds.get(), "[1]", 3));
  EXPECT_EQ(mdt_dataset_add_task_json(&i, ds.get(), "\"\xff\"", 3), MDT_ERR_INVALID_UTF8);
  size_t n = 0;
  ASSERT_MDT_OK(mdt_dataset_task_count(&n, ds.get()));
  EXPECT_EQ(n, 2u);
  mdt_problems_free(nullptr);
  EXPECT_EQ(mdt_problems_count(&n, nullptr), MDT_ERR_INVALID_HANDLE);
}

}  // namespace
}  // namespace mandate::capi_test
