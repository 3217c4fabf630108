#include "mandate/dataset_json.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "mandate/atomic_file.h"
#include "mandate/deadline.h"

namespace mandate {
namespace {

using date::year;

// A dataset that uses every part of the schema.
Dataset RichDataset() {
  Dataset ds;
  Task t;
  t.id = "KH25-IV-3";
  t.title = "Xây dựng Nghị định \"về\" chuyển đổi số\ndòng 2";
  t.lead = {"BKHCN"};
  t.coordinators = {"BTC", "BCA"};
  t.partners = {"VNPT"};
  t.lead_text = "Bộ Khoa học và Công nghệ";
  t.coordinators_text = "Bộ Tài chính, Bộ Công an";
  t.sources = {"45-TB/TGV ngày 30/9/2025", "12-TB/TGV ngày 14/4/2025"};
  t.category = "2. Chuyển đổi số / 2.1. Hạ tầng số";
  t.expected_result = "Nghị định của Chính phủ";
  t.deadline = ParseDeadline("Tháng 9/2025 xong thí điểm; phát triển 2025 và những năm tiếp theo",
                             {.plan_year = 2025})
                   .value();
  t.assigned = year{2025} / 4 / 14;
  t.note = "12-TB/TGV ngày 14/4/2025";
  TaskEvent p{.day = year{2025} / 6 / 20,
              .type = EventType::kProgress,
              .percent = 40,
              .text = "Đã trình",
              .evidence = {"https://nq57.vn/x"}};
  TaskEvent ch{.day = year{2025} / 7 / 1,
               .type = EventType::kDeadlineChanged,
               .text = "gia hạn",
               .new_deadline = ParseDeadline("Quý IV", {.plan_year = 2025}).value(),
               .document = "50-TB/TGV"};
  TaskEvent done{.day = year{2025} / 11 / 3, .type = EventType::kCompleted};
  t.history = {p, ch, done};
  t.attributes = {{"priority", "cao"}, {"raw:assigned", "31/02/2025"}};
  EXPECT_TRUE(ds.AddTask(t).ok());
  Task r;
  r.id = "KH25-II-1";
  r.title = "Họp Ban Chỉ đạo";
  r.lead = {"BKHCN"};
  r.deadline = ParseDeadline("Trước ngày 25 hằng tháng").value();
  EXPECT_TRUE(ds.AddTask(r).ok());
  Target tg{.id = "CT-5G",
            .name = "Phủ sóng 5G",
            .unit = "%",
            .baseline = 26.5,
            .baseline_day = year{2024} / 12 / 31,
            .target = 90,
            .deadline = year{2025} / 12 / 31,
            .responsible = {"BKHCN"},
            .family = "",
            .measurements = {{year{2025} / 6 / 30, 70.25, "HNI", "báo cáo"}}};
  EXPECT_TRUE(ds.AddTarget(tg).ok());
  EXPECT_TRUE(ds.AddGoal({"G1", "Hạ tầng số", {"KH25-IV-3"}, {"CT-5G"}}).ok());
  EXPECT_TRUE(
      ds.AddDocument({"45-TB/TGV", "Thông báo", "45", "TGV", year{2025} / 9 / 30, "Kết luận"})
          .ok());
  return ds;
}

TEST(DatasetJson, RoundTripIsLosslessAndByteStable) {
  const Dataset ds = RichDataset();
  const std::string first = WriteDatasetJson(ds).value();
  std::vector<LoadProblem> problems;
  auto back = ReadDatasetJson(first, {}, &problems);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_TRUE(problems.empty()) << FormatLoadProblem(problems[0]);
  ASSERT_EQ(back->task_count(), 2u);
  EXPECT_EQ(back->GetTask(0), ds.GetTask(0));
  EXPECT_EQ(back->GetTask(0).deadline.explanation, ds.GetTask(0).deadline.explanation);
  EXPECT_EQ(back->GetTask(1), ds.GetTask(1));
  EXPECT_EQ(back->targets(), ds.targets());
  EXPECT_EQ(back->goals(), ds.goals());
  EXPECT_EQ(back->documents(), ds.documents());
  EXPECT_EQ(WriteDatasetJson(*back).value(), first);
  // The layout promised by docs/dataset-format.md.
  EXPECT_EQ(first.rfind("{\n  \"schema_version\": 1,\n  \"checksum\": \"fnv1a64:", 0), 0u);
  EXPECT_NE(first.find("\"kind\": \"multi\""), std::string::npos);
  EXPECT_NE(first.find("Xây dựng"), std::string::npos);  // UTF-8, not \u escapes
}

TEST(DatasetJson, EveryTruncationAndSampledBitFlipIsReportedNotLoaded) {
  const std::string good = WriteDatasetJson(RichDataset()).value();
  for (std::size_t cut = 0; cut + 1 < good.size(); cut += 7) {
    auto r = ReadDatasetJson(good.substr(0, cut));
    ASSERT_FALSE(r.ok()) << "truncated at " << cut;
  }
  int data_loss = 0;
  for (std::size_t at = 0; at < good.size(); at += 13) {
    for (int bit : {0, 5}) {
      std::string bad = good;
      bad[at] = static_cast<char>(bad[at] ^ (1 << bit));
      std::vector<LoadProblem> problems;
      auto r = ReadDatasetJson(bad, {}, &problems);
      // A flip in layout whitespace may still be the same data; a flip that changes the data
      // and still parses loads with the checksum mismatch reported; otherwise it is refused.
      if (r.ok() && WriteDatasetJson(*r).value() != good) {
        const bool reported = std::any_of(problems.begin(), problems.end(), [](const auto& p) {
          return p.record == "file" && p.field == "checksum";
        });
        EXPECT_TRUE(reported) << "flip at " << at << " loaded other data silently";
        JsonReadOptions strict;
        strict.strict = true;
        data_loss += ReadDatasetJson(bad, strict).status().code() == absl::StatusCode::kDataLoss;
      } else if (!r.ok()) {
        data_loss += r.status().code() == absl::StatusCode::kDataLoss;
      }
    }
  }
  EXPECT_GT(data_loss, 100);
}

// A typo fixed by hand must not lock a person out of their data (issue 19): the file loads,
// with the mismatch reported; strict mode refuses it as corrupt; saving re-signs it.
TEST(DatasetJson, HandEditedFileLoadsWithTheChecksumProblem) {
  const std::string good = WriteDatasetJson(RichDataset()).value();
  std::string text = good;
  const auto at = text.find("Họp Ban Chỉ đạo");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, std::string("Họ").size(), "Ho");  // a plausible hand edit, still valid JSON
  std::vector<LoadProblem> problems;
  auto r = ReadDatasetJson(text, {}, &problems);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].record, "file");
  EXPECT_EQ(problems[0].field, "checksum");
  const std::string& m = problems[0].message;
  EXPECT_TRUE(m.starts_with("checksum mismatch")) << m;
  EXPECT_NE(m.find("edited by hand or damaged"), std::string::npos) << m;
  EXPECT_NE(m.find("mandate validate --fix"), std::string::npos) << m;
  const auto first_hash = m.find("fnv1a64:");
  ASSERT_NE(first_hash, std::string::npos) << m;
  EXPECT_NE(m.find("fnv1a64:", first_hash + 1), std::string::npos) << "both hashes: " << m;
  EXPECT_EQ(r->task_count(), RichDataset().task_count());
  EXPECT_NE(WriteDatasetJson(*r).value().find("Hop Ban Chỉ đạo"), std::string::npos);

  JsonReadOptions strict;
  strict.strict = true;
  std::vector<LoadProblem> strict_problems;
  auto refused = ReadDatasetJson(text, strict, &strict_problems);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(refused.status().message().find("checksum mismatch"), std::string::npos);
  EXPECT_NE(refused.status().message().find("strict mode refuses"), std::string::npos);

  // Written again, the edit is kept and the file is whole.
  auto again = ReadDatasetJson(WriteDatasetJson(*r).value(), strict);
  ASSERT_TRUE(again.ok()) << again.status();
}

TEST(DatasetJson, HandWrittenFileWithProblemsLoadsTheValidParts) {
  const std::string text = R"({"schema_version": 1, "dataset": {"tasks": [
    {"id": "A", "title": "ok", "lead": ["BKHCN"], "coordinators": [],
     "deadline": {"kind": "date", "text": "31/12/2025", "due": "2025-12-31"}},
    {"id": "B", "title": "unknown agency", "lead": ["BKHCN", "NOPE"], "coordinators": [],
     "deadline": {"kind": "soon", "text": "sớm"}, "assigned": "2025-02-30", "colour": "red"},
    {"id": "A", "title": "duplicate", "lead": [], "coordinators": [], "deadline": {"kind": "none", "text": ""}},
    {"title": "no id"},
    42
  ]}})";
  std::vector<LoadProblem> problems;
  auto r = ReadDatasetJson(text, {}, &problems);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->task_count(), 2u);
  const Task b = r->GetTask(*r->FindTask("B"));
  EXPECT_EQ(b.lead, std::vector<std::string>{"BKHCN"});
  EXPECT_EQ(b.deadline.text, "sớm");
  const auto has = [&](std::string_view record, std::string_view field, std::string_view what) {
    for (const auto& p : problems) {
      if (p.record == record && p.field == field && p.message.find(what) != std::string::npos) {
        return true;
      }
    }
    return false;
  };
  EXPECT_TRUE(has("file", "checksum", "missing"));
  EXPECT_TRUE(has("task B", "lead", "unknown agency id \"NOPE\""));
  EXPECT_TRUE(has("task B", "deadline.kind", "unknown deadline kind \"soon\""));
  EXPECT_TRUE(has("task B", "assigned", "2025-02-30"));
  EXPECT_TRUE(has("task B", "colour", "unknown field"));
  EXPECT_TRUE(has("task A", "", "duplicate"));
  EXPECT_TRUE(has("tasks[3]", "id", "missing"));
  EXPECT_TRUE(has("tasks[4]", "", "expected an object"));

  JsonReadOptions strict;
  strict.strict = true;
  std::vector<LoadProblem> again;
  auto refused = ReadDatasetJson(text, strict, &again);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(again.size(), problems.size());  // strict still lists everything
  EXPECT_NE(refused.status().message().find("strict"), std::string::npos);
}

TEST(DatasetJson, HostileInputIsRefusedCleanly) {
  std::string deep = R"({"schema_version": 1, "dataset": {"tasks": )";
  deep += std::string(1'000'000, '[') + std::string(1'000'000, ']') + "}}";
  auto r = ReadDatasetJson(deep);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("nested"), std::string::npos);
  // Brackets inside strings do not count.
  auto in_string = ReadDatasetJson(R"({"schema_version": 1, "dataset": {"goals": [{"id": "g",
      "name": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}]}})");
  ASSERT_TRUE(in_string.ok()) << in_string.status();
  JsonReadOptions small;
  small.max_bytes = 10;
  EXPECT_EQ(ReadDatasetJson(std::string(11, ' '), small).status().code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(ReadDatasetJson("").status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(ReadDatasetJson("[1,2]").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ReadDatasetJson(R"({"schema_version": 2, "dataset": {}})").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      ReadDatasetJson("{\"schema_version\": 1, \"dataset\": {\"x\": \"\xff\"}}").status().code(),
      absl::StatusCode::kDataLoss);  // invalid UTF-8
  std::vector<LoadProblem> problems;
  auto overflow = ReadDatasetJson(
      R"({"schema_version": 1, "dataset": {"tasks": [{"id": "x", "lead": [], "coordinators": [],
      "deadline": {"kind": "relative", "text": "x", "relative_days": 99999999999999999999}}]}})",
      {}, &problems);
  ASSERT_TRUE(overflow.ok()) << overflow.status();
  EXPECT_FALSE(problems.empty());
}

TEST(DatasetJson, SaveAndLoadThroughAFile) {
  const std::string path = std::filesystem::temp_directory_path() /
                           ("mandate_json_" + std::to_string(::getpid()) + ".json");
  const Dataset ds = RichDataset();
  ASSERT_TRUE(SaveDatasetJson(ds, path).ok());
  auto back = LoadDatasetJson(path);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->GetTask(0), ds.GetTask(0));
  std::filesystem::remove(path);
  EXPECT_EQ(LoadDatasetJson(path).status().code(), absl::StatusCode::kNotFound);
}

// The example in docs/dataset-format.md is a real file: it loads, its checksum holds and
// writing it again gives the same bytes.
TEST(DatasetJson, DocumentedExampleIsValid) {
  auto doc = ReadFile(MANDATE_SOURCE_DIR "/docs/dataset-format.md");
  ASSERT_TRUE(doc.ok()) << doc.status();
  const auto begin = doc->find("```json\n");
  ASSERT_NE(begin, std::string::npos);
  const auto end = doc->find("```", begin + 8);
  const std::string example = doc->substr(begin + 8, end - begin - 8);
  std::vector<LoadProblem> problems;
  auto ds = ReadDatasetJson(example, {}, &problems);
  ASSERT_TRUE(ds.ok()) << ds.status();
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(ds->task_count(), 1u);
  EXPECT_EQ(WriteDatasetJson(*ds).value(), example);
}

}  // namespace
}  // namespace mandate
