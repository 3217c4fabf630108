// The fast JSON read (issue 20: canonical files read without a DOM per task) gives exactly
// the DOM read's dataset, problems, checksum verdict and errors, on the bundled files, on
// generated data, and on files edited or damaged in every way the fast reader must notice.
#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "dataset_json_paths.h"
#include "generate.h"
#include "mandate/atomic_file.h"
#include "mandate/civil_day.h"
#include "mandate/dataset_csv.h"
#include "mandate/dataset_json.h"

namespace mandate {
namespace {

using internal::JsonReadPath;
using internal::ReadDatasetJsonWith;

std::string Dump(const std::vector<LoadProblem>& problems) {
  std::string s;
  for (const auto& p : problems) s += FormatLoadProblem(p) + "\n";
  return s;
}

void ExpectSameDataset(const Dataset& a, const Dataset& b) {
  ASSERT_EQ(a.task_count(), b.task_count());
  for (TaskIndex i = 0; i < a.task_count(); ++i) {
    const Task ta = a.GetTask(i), tb = b.GetTask(i);
    ASSERT_EQ(ta, tb) << ta.id;
    // Deadline's == leaves the explanation out.
    ASSERT_EQ(ta.deadline.explanation, tb.deadline.explanation) << ta.id;
    ASSERT_EQ(a.history(i).size(), b.history(i).size());
    ASSERT_EQ(a.original_deadline_id(i), b.original_deadline_id(i)) << ta.id;
  }
  EXPECT_EQ(a.targets(), b.targets());
  EXPECT_EQ(a.goals(), b.goals());
  EXPECT_EQ(a.documents(), b.documents());
  EXPECT_EQ(a.occurrence_reports_tracked(), b.occurrence_reports_tracked());
}

// Both ways, on 1-3 threads and in every mode (strict, require_checksum); `fast` says whether
// the fast way must take the file. `quick`: the default and the strictest mode, 1-2 threads.
void ExpectSame(const std::string& text, bool fast = false, bool quick = false) {
  for (int mode = 0; mode < 4; ++mode) {
    if (quick && mode != 0 && mode != 3) continue;
    for (std::size_t threads : {1, 2, 3}) {
      if (quick && threads == 3) continue;
      SCOPED_TRACE(testing::Message() << "mode " << mode << ", threads " << threads);
      JsonReadOptions o;
      o.strict = (mode & 1) != 0;
      o.require_checksum = (mode & 2) != 0;
      o.threads = threads;
      std::vector<LoadProblem> p1{{"before", "", "kept"}}, p2 = p1;
      auto a = ReadDatasetJsonWith(text, o, &p1, JsonReadPath::kDom);
      auto b = ReadDatasetJsonWith(text, o, &p2, JsonReadPath::kAuto);
      ASSERT_EQ(a.status(), b.status());
      EXPECT_EQ(Dump(p1), Dump(p2));
      if (a.ok()) ExpectSameDataset(*a, *b);
      if (fast && mode == 0) {
        std::vector<LoadProblem> p3;
        EXPECT_TRUE(ReadDatasetJsonWith(text, o, &p3, JsonReadPath::kFastOnly).ok());
      }
    }
  }
}

std::string Generated(std::size_t n) {
  std::ostringstream csv;
  bench::Generator gen({.n = n});
  bench::GenTask t;
  bench::WriteCsvHeader(csv);
  while (gen.Next(t)) bench::WriteCsvRow(csv, t);
  auto ds = ReadDatasetCsv(csv.str());
  EXPECT_TRUE(ds.ok()) << ds.status();
  auto json = WriteDatasetJson(*ds);
  EXPECT_TRUE(json.ok());
  return *json;
}

std::string Bundled() {
  auto text = ReadFile(MANDATE_SOURCE_DIR "/examples/data/plan-2025.json");
  EXPECT_TRUE(text.ok());
  return text.ok() ? *text : "";
}

// The first occurrence of `from` at or after `at` replaced by `to` (the text unchanged if none).
std::string Replace(std::string text, std::string_view from, std::string_view to,
                    std::size_t at = 0) {
  if (auto p = text.find(from, at); p != std::string::npos) text.replace(p, from.size(), to);
  return text;
}

TEST(DatasetJsonFast, BundledFilesAreReadTheFastWay) {
  ExpectSame(Bundled(), /*fast=*/true);
  auto report = ReadFile(MANDATE_SOURCE_DIR "/tests/data/report-001.json");
  ASSERT_TRUE(report.ok());
  ExpectSame(*report);
}

TEST(DatasetJsonFast, GeneratedTasksAreReadTheFastWay) {
  ExpectSame(Generated(3000), /*fast=*/true);
}

TEST(DatasetJsonFast, LargeFileIsReadByTheLoadsThreads) {
  const std::string text = Generated(6000);  // over the 2 MiB of the parallel read
  ASSERT_GT(text.size(), std::size_t{1} << 21);
  const std::string path = ::testing::TempDir() + "/mandate_json_fast.json";
  ASSERT_TRUE(WriteFileAtomically(path, text).ok());
  JsonReadOptions o;
  o.threads = 2;
  std::vector<LoadProblem> p1, p2;
  auto a = LoadDatasetJson(path, o, &p1);
  auto b = ReadDatasetJsonWith(text, o, &p2, JsonReadPath::kDom);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(Dump(p1), Dump(p2));
  ExpectSameDataset(*a, *b);
  o.max_bytes = text.size() - 1;  // the parallel read declines; the error is ReadFile's
  EXPECT_EQ(LoadDatasetJson(path, o).status().code(), absl::StatusCode::kResourceExhausted);
  std::remove(path.c_str());
}

TEST(DatasetJsonFast, ReSavedDatasetWithEveryFieldIsReadTheFastWay) {
  // A task with history, milestones, a recurrence, partners, attributes and escapes.
  auto ds = ReadDatasetJson(Bundled());
  ASSERT_TRUE(ds.ok());
  Task t;
  t.id = "X-1";
  t.title = "tab\there \"quoted\" back\\slash \x01 ctl, line\nbreak, Việt";
  t.lead = {"BKHCN"};
  t.coordinators = {"BCA", "VPCP"};
  t.partners = {};
  t.sources = {"a", "b"};
  t.assigned = *ParseIsoDay("2025-01-02");
  t.note = "n";
  t.occurrence_reports_tracked = false;
  t.deadline.kind = DeadlineKind::kRecurring;
  t.deadline.text = "Trước ngày 25 hàng tháng";
  t.deadline.recurrence =
      Recurrence{.freq = Frequency::kMonthly, .day_of_period = 25, .before = true};
  t.deadline.explanation = {"e1"};
  TaskEvent e;
  e.day = *ParseIsoDay("2025-02-01");
  e.type = EventType::kProgress;
  e.percent = 40;
  e.text = "half";
  e.evidence = {"http://x/y"};
  e.milestone = 0;
  t.history.push_back(e);
  TaskEvent c;
  c.day = *ParseIsoDay("2025-03-01");
  c.type = EventType::kDeadlineChanged;
  Deadline nd;
  nd.kind = DeadlineKind::kDate;
  nd.text = "31/12/2025";
  nd.due = *ParseIsoDay("2025-12-31");
  c.new_deadline = nd;
  c.document = "QĐ 1";
  t.history.push_back(c);
  t.attributes = {{"k", "v"}, {"k2", ""}};
  ASSERT_TRUE(ds->AddTask(t).ok());
  Task m;
  m.id = "X-2";
  m.lead = {"BCA"};
  m.deadline.kind = DeadlineKind::kRelative;
  m.deadline.text = "trong 10 ngày";
  m.deadline.relative_days = -10;
  m.deadline.relative_working_days = true;
  m.deadline.relative_from = "ngày nhận";
  ASSERT_TRUE(ds->AddTask(m).ok());
  auto json = WriteDatasetJson(*ds);
  ASSERT_TRUE(json.ok());
  ExpectSame(*json, /*fast=*/true);
}

TEST(DatasetJsonFast, EditedFilesGiveTheDomReadsProblems) {
  const std::string base = Generated(1500);
  const std::size_t mid = base.size() / 2;
  const std::vector<std::pair<std::string_view, std::string_view>> edits = {
      {"\"T0000007\"", "\"T0000003\""},                // duplicate id
      {"\"lead\": [\n", "\"lead\": [\n \"NOPE\",\n"},  // unknown agency
      {"\"assigned\": \"2025-", "\"assigned\": \"2025-13"},
      {"\"title\": \"", "\"title\": \"\\/slash "},        // an escape dump() does not write
      {"\"title\": \"", "\"title\": \"\\u0041 "},         // \u0041 for A
      {"\"title\": \"", "\"title\": \"\\u001F "},         // upper-case hex
      {"\"title\": \"", "\"title\": \"\\ud83d\\ude00 "},  // a surrogate pair
      {"\"title\": \"", "\"title\": 5, \"x\": \""},       // wrong type, unknown key
      {"\"title\": \"", "\"title\": null, \"zz\": \""},   // null, key out of order
      {"\"id\": \"", "\"id\": \"\", \"idx\": \""},
      {"\"category\": \"", "\"title\": \"dup\", \"category\": \""},            // out of order
      {"\"id\": \"T0000100\"", "\"id\": \"T0000100\", \"id\": \"T0000101\""},  // duplicate key
      {"\"kind\": \"month\"", "\"kind\": \"monthly-ish\""},
      {"\"kind\": \"month\"", "\"kind\": 7"},
      {"\"deadline\": {", "\"deadline\": [], \"deadlinf\": {"},
      {"\"title\": \"",
       "\"history\": [{\"day\": \"2025-01-01\", \"type\": \"progress\", "
       "\"percent\": -0}], \"title\": \""},
      {"\"title\": \"",
       "\"history\": [{\"day\": \"2025-01-01\", \"type\": \"progress\", "
       "\"percent\": 50.0}], \"title\": \""},
      {"\"title\": \"",
       "\"history\": [{\"day\": \"2025-01-01\", \"type\": \"progress\", "
       "\"percent\": 101}], \"title\": \""},
      {"\"title\": \"",
       "\"history\": [{\"day\": \"2025-01-01\", \"type\": \"progress\", "
       "\"percent\": 1e400}], \"title\": \""},
      {"\"title\": \"",
       "\"history\": [{\"day\": \"2025-01-01\", \"type\": \"progress\", "
       "\"percent\": 12345678901234567890123}], \"title\": \""},
      {"\"title\": \"", "\"attributes\": [[\"a\"]], \"title\": \""},
      {"\"title\": \"",
       "\"attributes\": [[\"a\", \"b\", \"c\"]], \"coordinators_text\": 1, "
       "\"title\": \""},
      {"      {\n", "      7,\n      {\n"},  // an element that is not an object
      {"      {\n", "      {},\n      {\n"},
      // Deeper than the fast reader goes (32) but within max_depth (64): the old path reads it.
      {"\"title\": \"",
       "\"title\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]"
       "]]]]]]]]]]]]]], \"u\": \""},
      {"\"checksum\": \"fnv1a64:", "\"checksum\": \"fnv1a64:0"},
      {"\"checksum\"", "\"checksumx\""},
      {"\"dataset\": {", "\"dataset\": {\n    \"extra\": 1,"},
      {"\"documents\": []", "\"documents\": [{\"id\": \"D1\", \"date\": \"2025-02-30\"}]"},
      {"\"goals\": []", "\"goals\": [{\"id\": \"G\", \"task_ids\": [\"T0000001\"]}]"},
      {"\"targets\": []", "\"targets\": 3"},
      {"\"schema_version\": 1", "\"schema_version\": 2"},
  };
  for (const auto& [from, to] : edits) {
    for (std::size_t at : {std::size_t{0}, mid}) {
      SCOPED_TRACE(testing::Message() << from << " -> " << to << " at " << at);
      ExpectSame(Replace(base, from, to, at), /*fast=*/false, /*quick=*/true);
    }
  }
}

TEST(DatasetJsonFast, MalformedFilesGiveTheDomReadsErrors) {
  const std::string base = Generated(800);
  // Truncated anywhere, including inside the tasks and inside the closing lines.
  for (std::size_t cut : {base.size() / 3, base.size() / 2 + 7, base.size() - 3, base.size() - 12,
                          base.size() - 20}) {
    SCOPED_TRACE(cut);
    ExpectSame(base.substr(0, cut));
  }
  const std::size_t mid = base.size() / 2;
  const std::vector<std::pair<std::string_view, std::string_view>> edits = {
      {"\"title\": \"", "\"title\": \"\xC3"},          // a cut UTF-8 sequence
      {"\"title\": \"", "\"title\": \"\xED\xA0\x80"},  // an encoded surrogate
      {"\"title\": \"", "\"title\": \"\xF4\x90\x80\x80"},
      {"\"title\": \"", "\"title\": \"\xC0\xAF"},  // overlong
      {"\"title\": \"", "\"title\": \"\\x"},
      {"\"title\": \"", "\"title\": \"\\ud800 "},  // a lone surrogate
      {"\"title\": \"", "\"title\": \"\\udc00 "},
      {"\"title\": \"", "\"title\": \"\\u12G4 "},
      {"\"title\": \"", "\"title\": \"\t"},  // a raw control character
      {"\"title\": \"", "\"title\": \"line\nbreak"},
      {"\"title\": \"", "\"title\": 01, \"u\": \""},
      {"\"title\": \"", "\"title\": -, \"u\": \""},
      {"\"title\": \"", "\"title\": tru, \"u\": \""},
      {"\"title\": \"", "\"title\": [1,], \"u\": \""},
      {"\"title\": \"",
       "\"title\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
       "[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
       "]]]]]]]]]]]]]]], \"u\": \""},
      {"\"title\": \"", "\"title\": [[[[1]]]], \"u\": \""},  // one ']' too many
      {"\"title\": \"", "\"title\" \""},
      {"      },\n      {", "      }\n      {"},  // a missing comma between tasks
      {"      },\n      {", "      },,\n      {"},
      {"      },\n      {", "      },\n      },\n      {"},
      {"\n    ]\n  }\n}\n", "\n    ,]\n  }\n}\n"},
      {"\n  }\n}\n", "\n  }\n}\n}\n"},
      {"\"schema_version\"", "\"schema_version\": 1, \"x\""},
  };
  for (const auto& [from, to] : edits) {
    for (std::size_t at : {std::size_t{0}, mid}) {
      SCOPED_TRACE(testing::Message() << from << " -> " << to << " at " << at);
      ExpectSame(Replace(base, from, to, at), /*fast=*/false, /*quick=*/true);
    }
  }
  // Limits: the depth and size limits give the same errors.
  JsonReadOptions shallow;
  for (std::size_t depth : {1, 3, 4, 5, 6}) {
    shallow.max_depth = depth;
    auto a = ReadDatasetJsonWith(base, shallow, nullptr, JsonReadPath::kDom);
    auto b = ReadDatasetJsonWith(base, shallow, nullptr, JsonReadPath::kAuto);
    EXPECT_EQ(a.status(), b.status()) << depth;
  }
  JsonReadOptions small;
  small.max_bytes = base.size() - 1;
  EXPECT_EQ(ReadDatasetJsonWith(base, small, nullptr, JsonReadPath::kAuto).status().code(),
            absl::StatusCode::kResourceExhausted);
}

TEST(DatasetJsonFast, HugeStringsAndLimits) {
  const std::string base = Generated(300);
  const std::string huge(std::size_t{1} << 21, 'x');  // past max_text_bytes
  ExpectSame(Replace(base, "\"title\": \"", "\"title\": \"" + huge, base.size() / 2));
  std::string leads = "\"lead\": [";
  for (int i = 0; i < 600; ++i) leads += "\"BCA\", ";  // past max_agencies_per_task
  ExpectSame(Replace(base, "\"lead\": [", leads, base.size() / 2));
}

}  // namespace
}  // namespace mandate
