#include "mandate/dataset_snapshot.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <string>

#include "absl/strings/str_format.h"
#include "bundled_plan.h"
#include "crc32c.h"
#include "generate.h"
#include "mandate/atomic_file.h"
#include "mandate/dataset_json.h"

namespace mandate {
namespace {

using date::year;

// A dataset with every rare field set: partners, several sources, attributes, each kind of
// history event, the per-task and dataset-level occurrence_reports_tracked, targets with
// measurements, goals, documents, and a title long enough to be stored on its own.
Dataset RareDataset(std::shared_ptr<const AgencyRegistry> reg = nullptr) {
  Dataset ds(reg);
  ds.set_occurrence_reports_tracked(false);
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
  t.occurrence_reports_tracked = true;
  t.history = {{.day = year{2025} / 6 / 20,
                .type = EventType::kProgress,
                .percent = 40,
                .text = "Đã trình",
                .evidence = {"https://nq57.vn/x"},
                .milestone = 0},
               {.day = year{2025} / 7 / 1,
                .type = EventType::kDeadlineChanged,
                .text = "gia hạn",
                .new_deadline = ParseDeadline("Quý IV", {.plan_year = 2025}).value(),
                .document = "50-TB/TGV"},
               {.day = year{2025} / 8 / 3, .type = EventType::kCompleted},
               {.day = year{2025} / 8 / 9, .type = EventType::kReopened, .text = "trả lại"},
               {.day = year{2025} / 9 / 1, .type = EventType::kCancelled, .document = "51-TB/TGV"}};
  t.attributes = {{"priority", "cao"}, {"raw:assigned", "31/02/2025"}};
  EXPECT_TRUE(ds.AddTask(t).ok());
  Task r;
  r.id = "KH25-II-1";
  r.title = std::string(300000, 'x');  // a large string: a block of its own
  r.lead = {"BKHCN"};
  r.deadline = ParseDeadline("Trước ngày 25 hằng tháng").value();
  r.occurrence_reports_tracked = false;
  r.history = {{.day = year{2025} / 2 / 1, .type = EventType::kCompleted}};
  EXPECT_TRUE(ds.AddTask(r).ok());
  Target tg{.id = "CT-5G",
            .name = "Phủ sóng 5G",
            .unit = "%",
            .baseline = 26.5,
            .baseline_day = year{2024} / 12 / 31,
            .target = 90,
            .deadline = year{2025} / 12 / 31,
            .responsible = {"BKHCN"},
            .family = "fam",
            .measurements = {{year{2025} / 6 / 30, 70.25, "HNI", "báo cáo"}}};
  EXPECT_TRUE(ds.AddTarget(tg).ok());
  EXPECT_TRUE(ds.AddGoal({"G1", "Hạ tầng số", {"KH25-IV-3"}, {"CT-5G"}}).ok());
  EXPECT_TRUE(
      ds.AddDocument({"45-TB/TGV", "Thông báo", "45", "TGV", year{2025} / 9 / 30, "Kết luận"})
          .ok());
  return ds;
}

void ExpectSame(const Dataset& a, const Dataset& b) {
  ASSERT_EQ(a.task_count(), b.task_count());
  for (TaskIndex i = 0; i < a.task_count(); ++i) {
    ASSERT_EQ(a.GetTask(i), b.GetTask(i)) << "task " << i;
  }
  EXPECT_EQ(a.columns().due, b.columns().due);
  EXPECT_EQ(a.columns().flags, b.columns().flags);
  EXPECT_EQ(a.targets(), b.targets());
  EXPECT_EQ(a.goals(), b.goals());
  EXPECT_EQ(a.documents(), b.documents());
  EXPECT_EQ(a.categories(), b.categories());
  EXPECT_EQ(a.sources(), b.sources());
  EXPECT_EQ(a.occurrence_reports_tracked(), b.occurrence_reports_tracked());
  EXPECT_EQ(WriteDatasetJson(a).value(), WriteDatasetJson(b).value());
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          (name + "-" + std::to_string(::getpid()) + ".snapshot"))
      .string();
}

TEST(Crc32c, KnownValuesAndCombine) {
  EXPECT_EQ(internal::Crc32c("123456789"), 0xE3069283u);
  EXPECT_EQ(internal::Crc32c(""), 0u);
  std::string big(200000, '\0');
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 7 + (i >> 9));
  // The three-stream path agrees with byte-at-a-time continuation and with combining.
  std::uint32_t step = 0;
  for (std::size_t i = 0; i < big.size(); i += 1000)
    step = internal::Crc32c(big.substr(i, 1000), step);
  EXPECT_EQ(internal::Crc32c(big), step);
  for (std::size_t cut : {0u, 1u, 4097u, 70000u, 199999u}) {
    EXPECT_EQ(internal::Crc32cCombine(internal::Crc32c(big.substr(0, cut)),
                                      internal::Crc32c(big.substr(cut)), big.size() - cut),
              internal::Crc32c(big))
        << cut;
  }
}

TEST(DatasetSnapshot, RoundTripsTheBundledPlan) {
  const Dataset& plan = testing::BundledPlan();
  const std::string bytes = WriteSnapshot(plan).value();
  EXPECT_TRUE(LooksLikeSnapshot(bytes));
  auto back = ReadSnapshot(bytes);
  ASSERT_TRUE(back.ok()) << back.status();
  ExpectSame(plan, *back);
  EXPECT_EQ(WriteSnapshot(*back).value(), bytes);  // deterministic
  const std::string path = TempPath("plan");
  ASSERT_TRUE(SaveSnapshot(plan, path).ok());
  auto opened = OpenSnapshot(path);
  ASSERT_TRUE(opened.ok()) << opened.status();
  ExpectSame(plan, *opened);
  std::filesystem::remove(path);
}

TEST(DatasetSnapshot, RoundTripsGeneratedData) {
  auto ds = bench::GenerateDataset({.n = 3000});
  ASSERT_TRUE(ds.ok()) << ds.status();
  auto back = ReadSnapshot(WriteSnapshot(*ds).value());
  ASSERT_TRUE(back.ok()) << back.status();
  ExpectSame(*ds, *back);
}

TEST(DatasetSnapshot, RoundTripsEveryRareField) {
  const Dataset ds = RareDataset();
  auto back = ReadSnapshot(WriteSnapshot(ds).value());
  ASSERT_TRUE(back.ok()) << back.status();
  ExpectSame(ds, *back);
  EXPECT_EQ(back->GetTask(1).title.size(), 300000u);
  EXPECT_EQ(back->occurrence_reports_tracked(0), true);
  EXPECT_EQ(back->occurrence_reports_tracked(1), false);
}

TEST(DatasetSnapshot, EmptyDatasetRoundTrips) {
  Dataset empty;
  auto back = ReadSnapshot(WriteSnapshot(empty).value());
  ASSERT_TRUE(back.ok()) << back.status();
  ExpectSame(empty, *back);
}

TEST(DatasetSnapshot, AnOpenedDatasetTakesNewTasksAndOutlivesItsSource) {
  const std::string path = TempPath("append");
  ASSERT_TRUE(SaveSnapshot(RareDataset(), path).ok());
  Dataset moved;
  {
    auto opened = OpenSnapshot(path);
    ASSERT_TRUE(opened.ok()) << opened.status();
    moved = *std::move(opened);
  }
  std::filesystem::remove(path);  // the mapping keeps the data
  Task t;
  t.id = "NEW-1";
  t.title = "Nhiệm vụ mới";
  t.lead = {"BTC"};
  t.lead_text = "Bộ Tài chính";
  ASSERT_TRUE(moved.AddTask(t).ok());
  EXPECT_EQ(moved.task_count(), 3u);
  EXPECT_EQ(moved.FindTask("NEW-1"), 2u);
  EXPECT_EQ(moved.FindTask("KH25-IV-3"), 0u);
  EXPECT_EQ(moved.task_title(0), RareDataset().task_title(0));
  EXPECT_EQ(moved.GetTask(2).lead_text, "Bộ Tài chính");
  EXPECT_FALSE(moved.AddTask(t).ok());  // the id index knows it
}

// Opening maps, it does not copy: the columns, ids and titles point into the file's mapping,
// and the first write to an opened dataset copies only what it changes.
TEST(DatasetSnapshot, OpenedColumnsAreBorrowedAndCopiedOnWrite) {
  auto ds = bench::GenerateDataset({.n = 5000});
  ASSERT_TRUE(ds.ok()) << ds.status();
  const std::string path = TempPath("borrow");
  ASSERT_TRUE(SaveSnapshot(*ds, path).ok());
  auto opened = OpenSnapshot(path);
  ASSERT_TRUE(opened.ok()) << opened.status();
  const TaskColumns& c = opened->columns();
  for (auto [name, b] : {std::pair{"assigned", c.assigned.borrowed()},
                         {"due", c.due.borrowed()},
                         {"completed", c.completed.borrowed()},
                         {"kind", c.kind.borrowed()},
                         {"flags", c.flags.borrowed()},
                         {"category", c.category.borrowed()},
                         {"source", c.source.borrowed()},
                         {"lead first", c.lead.first.borrowed()},
                         {"lead values", c.lead.values.borrowed()},
                         {"coordinator first", c.coordinator.first.borrowed()}}) {
    EXPECT_TRUE(b) << name;
  }
  // Borrowed memory is the file's, not the heap's: what the opened dataset holds on the heap
  // is its small tables (interned deadlines, dictionaries), a third of the built one's.
  EXPECT_LT(opened->MemoryBytes() * 3, ds->MemoryBytes());
  TaskIndex open_task = 0;
  while (open_task < opened->task_count() && c.completed[open_task] != kNoDay) ++open_task;
  ASSERT_LT(open_task, opened->task_count());
  ASSERT_TRUE(
      opened->AddEvent(open_task, {.day = year{2025} / 9 / 1, .type = EventType::kCompleted}).ok());
  EXPECT_FALSE(c.completed.borrowed());
  EXPECT_EQ(c.completed[open_task], ToEpochDays(year{2025} / 9 / 1));
  EXPECT_TRUE(c.category.borrowed());  // untouched columns stay mapped
  Task t = ds->GetTask(0);
  t.id = "ZZ-NEW";
  ASSERT_TRUE(opened->AddTask(t).ok());
  EXPECT_EQ(opened->task_id(opened->task_count() - 1), "ZZ-NEW");
  EXPECT_EQ(opened->FindTask("ZZ-NEW"), opened->task_count() - 1);
  EXPECT_EQ(opened->task_id(0), ds->task_id(0));
  // The file is unchanged: opened again, it is the saved dataset.
  auto again = OpenSnapshot(path);
  ASSERT_TRUE(again.ok()) << again.status();
  ExpectSame(*ds, *again);
  std::filesystem::remove(path);
}

// More than 65,534 distinct deadlines: the deadline column widens to 4 bytes a task, and the
// snapshot stores and reads it at that width.
TEST(DatasetSnapshot, ManyDistinctDeadlinesRoundTrip) {
  Dataset ds;
  Task t;
  t.lead = {"BTC"};
  for (int k = 0; k < 66000; ++k) {
    t.id = absl::StrFormat("D-%06d", k);
    t.deadline = Deadline{.kind = DeadlineKind::kDate,
                          .text = absl::StrFormat("hạn %d", k),
                          .due = date::sys_days(year{2025} / 1 / 1) + date::days(k % 3000)};
    ASSERT_TRUE(ds.AddTask(t).ok()) << k;
  }
  EXPECT_EQ(ds.original_deadline_id(65999), 65999u);
  auto back = ReadSnapshot(WriteSnapshot(ds).value());
  ASSERT_TRUE(back.ok()) << back.status();
  for (TaskIndex i : {0u, 65534u, 65535u, 65999u}) {
    EXPECT_EQ(back->original_deadline_id(i), i);
    EXPECT_EQ(back->original_deadline(i).text, ds.original_deadline(i).text);
  }
  ExpectSame(ds, *back);
}

// Every single-byte change is refused (every byte is checksummed or must be zero), and
// every truncation; never a crash, never a half-filled dataset.
TEST(DatasetSnapshot, EveryFlippedByteAndEveryTruncationIsRefused) {
  Dataset small;
  Task t;
  t.id = "A-1";
  t.title = "Một";
  t.lead = {"BTC"};
  t.deadline = ParseDeadline("Quý IV/2025").value();
  ASSERT_TRUE(small.AddTask(t).ok());
  const std::string good = WriteSnapshot(small).value();
  ASSERT_LT(good.size(), 8192u);
  for (std::size_t cut = 0; cut < good.size(); ++cut) {
    auto r = ReadSnapshot(good.substr(0, cut));
    ASSERT_FALSE(r.ok()) << "truncated at " << cut;
  }
  for (std::size_t at = 0; at < good.size(); ++at) {
    for (int bit : {0, 7}) {
      std::string bad = good;
      bad[at] = static_cast<char>(bad[at] ^ (1 << bit));
      auto r = ReadSnapshot(bad);
      ASSERT_FALSE(r.ok()) << "flip of bit " << bit << " at " << at << " loaded";
      EXPECT_FALSE(r.status().message().empty());
    }
  }
}

std::string SetU32(std::string bytes, std::size_t at, std::uint32_t v) {
  std::memcpy(bytes.data() + at, &v, 4);
  return bytes;
}
std::string SetU64(std::string bytes, std::size_t at, std::uint64_t v) {
  std::memcpy(bytes.data() + at, &v, 8);
  return bytes;
}
std::string Resealed(std::string bytes) {
  EXPECT_TRUE(ResealSnapshotForTesting(bytes));
  return bytes;
}
std::string Refusal(const std::string& bytes) {
  auto r = ReadSnapshot(bytes);
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : std::string(r.status().message());
}

TEST(DatasetSnapshot, RefusalsNameWhatIsWrong) {
  const std::string good = WriteSnapshot(RareDataset()).value();
  std::string bad = good;
  bad[0] = 'X';
  EXPECT_NE(Refusal(bad).find("not a mandate snapshot"), std::string::npos);
  EXPECT_NE(Refusal(Resealed(SetU32(good, 8, 7))).find("version 7 is not supported"),
            std::string::npos);
  EXPECT_NE(Refusal(SetU32(good, 12, 0x04030201)).find("byte-order"), std::string::npos);
  EXPECT_NE(Refusal(SetU32(good, 44, 1)).find("header checksum"), std::string::npos);
  EXPECT_NE(Refusal(good.substr(0, good.size() - 1)).find("truncated"), std::string::npos);
  EXPECT_NE(Refusal(good + std::string(64, '\0')).find("trailing"), std::string::npos);
  EXPECT_NE(Refusal(SetU32(good, 64 + 4, 9)).find("section table checksum"), std::string::npos);
  // Entry 1's offset moved onto entry 0's section.
  std::uint64_t first_offset;
  std::memcpy(&first_offset, good.data() + 64 + 8, 8);
  EXPECT_NE(Refusal(Resealed(SetU64(good, 64 + 32 + 8, first_offset))).find("overlaps"),
            std::string::npos);
  EXPECT_NE(Refusal(Resealed(SetU64(good, 64 + 32 + 16, 1u << 30))).find("past the end"),
            std::string::npos);
  EXPECT_NE(Refusal(Resealed(SetU32(good, 64, 99))).find("unknown section kind 99"),
            std::string::npos);
  // A damaged section is named.
  std::string damaged = good;
  damaged[good.size() - 3] ^= 1;
  EXPECT_NE(Refusal(damaged).find("section 'text pool text' checksum mismatch"), std::string::npos);
  // A task count that does not match the columns (meta is the first section).
  EXPECT_NE(Refusal(Resealed(SetU64(good, first_offset, 3))).find("expected 3"), std::string::npos);
}

TEST(DatasetSnapshot, RegistriesAreCheckedByAgencyId) {
  auto custom = AgencyRegistry::FromJson(R"({"agencies": [
      {"id": "BKHCN", "name": "Bộ Khoa học và Công nghệ", "kind": "ministry", "aliases": []},
      {"id": "ZZZ", "name": "Bộ Thử nghiệm", "kind": "ministry", "aliases": []},
      {"id": "BTC", "name": "Bộ Tài chính", "kind": "ministry", "aliases": []}],
    "collectives": []})");
  ASSERT_TRUE(custom.ok()) << custom.status();
  auto reg = std::make_shared<const AgencyRegistry>(*std::move(custom));
  Dataset ds(reg);
  Task t;
  t.id = "C-1";
  t.lead = {"BTC", "BKHCN"};
  ASSERT_TRUE(ds.AddTask(t).ok());
  t.id = "C-2";
  t.lead = {"ZZZ"};
  const std::string one = WriteSnapshot(ds).value();
  ASSERT_TRUE(ds.AddTask(t).ok());
  const std::string two = WriteSnapshot(ds).value();
  // The same registry: as it was.
  auto same = ReadSnapshot(two, {.registry = reg});
  ASSERT_TRUE(same.ok()) << same.status();
  ExpectSame(ds, *same);
  // The bundled registry knows BTC and BKHCN (at other indexes): mapped by id.
  auto bundled = ReadSnapshot(one);
  ASSERT_TRUE(bundled.ok()) << bundled.status();
  // Listed in the opening registry's order, as the JSON loader lists them.
  EXPECT_THAT(bundled->GetTask(0).lead, ::testing::UnorderedElementsAreArray(ds.GetTask(0).lead));
  // ZZZ is unknown to it: refused, naming the registry and the id.
  auto refused = ReadSnapshot(two);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("a custom registry"), std::string::npos);
  EXPECT_NE(refused.status().message().find("\"ZZZ\""), std::string::npos);
}

TEST(DatasetSnapshot, FileErrorsNameThePath) {
  auto missing = OpenSnapshot("/nonexistent/x.snapshot");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  const std::string path = TempPath("short");
  ASSERT_TRUE(WriteFileAtomically(path, "MDTSNAP1").ok());
  auto short_file = OpenSnapshot(path);
  EXPECT_EQ(short_file.status().code(), absl::StatusCode::kDataLoss);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace mandate
