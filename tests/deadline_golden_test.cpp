// The parse of every deadline phrase in the seed material, recorded in
// tests/golden/deadline-seed.txt: every deadline cell of the 2025 plan (ParseDeadline, with and
// without a plan year), every appendix and prose item (ExtractDeadline), and every line of the
// seed texts that states a deadline. A grammar change that moves any of them shows here as a
// line diff. After an intended change, regenerate the file and review its diff:
//   MANDATE_UPDATE_GOLDEN=1 build/bin/mandate_tests --gtest_filter='DeadlineGolden.*'
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "mandate/deadline.h"
#include "seed_data.h"

namespace mandate {
namespace {

std::string GoldenPath() {
  return (std::filesystem::path(MANDATE_SEED_DIR) / ".." / ".." / "golden" / "deadline-seed.txt")
      .lexically_normal()
      .string();
}

std::string Iso(const std::optional<Day>& d) { return d ? FormatIsoDay(*d) : "-"; }

void WriteDeadline(std::ostream& out, const Deadline& d) {
  out << "  kind " << EnumName(d.kind) << " due " << Iso(d.due) << " anchor " << Iso(d.anchor)
      << " first_due " << Iso(d.first_due) << "\n";
  out << "  text \"" << d.text << "\"\n";
  if (d.start) out << "  start " << Iso(d.start) << "\n";
  if (d.recurrence) {
    out << "  recurrence " << EnumName(d.recurrence->freq) << " day "
        << (d.recurrence->day_of_period ? std::to_string(*d.recurrence->day_of_period) : "-")
        << (d.recurrence->month_of_period
                ? " month " + std::to_string(*d.recurrence->month_of_period)
                : "")
        << (d.recurrence->before ? " before" : "") << "\n";
  }
  if (d.kind == DeadlineKind::kRelative || d.relative_days != 0) {
    out << "  relative " << d.relative_days << (d.relative_working_days ? " working" : "")
        << (d.relative_from.empty() ? "" : " from \"" + d.relative_from + "\"") << "\n";
  }
  for (const Milestone& m : d.milestones) {
    out << "  milestone \"" << m.label << "\" " << EnumName(m.kind) << " " << Iso(m.due) << "\n";
  }
  for (const std::string& e : d.explanation) out << "  | " << e << "\n";
}

void WriteParse(std::ostream& out, const std::string& text, const DeadlineContext& ctx,
                std::string_view ctx_name) {
  out << "parse [" << ctx_name << "] \"" << text << "\"\n";
  const auto d = ParseDeadline(text, ctx);
  if (!d.ok()) {
    out << "  error " << d.status().message() << "\n";
    return;
  }
  WriteDeadline(out, *d);
}

void WriteExtract(std::ostream& out, std::string_view where, const std::string& sentence,
                  const DeadlineContext& ctx) {
  const ExtractedDeadline x = ExtractDeadline(sentence, ctx);
  out << "extract " << where << " [" << x.begin << "," << x.end << ")"
      << (x.status.ok() ? "" : " error ") << x.status.message() << "\n";
  WriteDeadline(out, x.deadline);
}

DeadlineContext PlanYear2025() {
  DeadlineContext c;
  c.plan_year = 2025;
  return c;
}

// Every line of the seed texts that states a deadline; the others only counted.
void WriteTextLines(std::ostream& out) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(testing::SeedPath("texts"))) {
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    int line_no = 0, none = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_no;
      const ExtractedDeadline x = ExtractDeadline(line, PlanYear2025());
      if (x.deadline.kind == DeadlineKind::kNone) {
        ++none;
        continue;
      }
      WriteExtract(out, absl::StrFormat("%s:%d", path.filename().string().substr(0, 3), line_no),
                   line, PlanYear2025());
    }
    out << "text " << path.filename().string() << ": " << line_no << " lines, " << none
        << " without a deadline\n";
  }
}

std::string Render() {
  std::ostringstream out;
  std::set<std::string> cells;  // distinct raw cells, NFC and NFD variants both kept
  for (const auto& r : testing::ReadSeedJsonl("plan-2025-tasks.jsonl")) {
    cells.insert(r["deadline_text"].get<std::string>());
  }
  for (const std::string& cell : cells) {
    WriteParse(out, cell, {}, "no year");
    WriteParse(out, cell, PlanYear2025(), "2025");
  }
  for (const char* file : {"appendix-2025-items.jsonl", "prose-items.jsonl"}) {
    for (const auto& r : testing::ReadSeedJsonl(file)) {
      const std::string id = r["id"].get<std::string>();
      WriteExtract(out, id, r["text"].get<std::string>(), PlanYear2025());
      if (r.contains("context")) {
        WriteExtract(out, id + " context", r["context"].get<std::string>(), PlanYear2025());
      }
    }
  }
  WriteTextLines(out);
  return out.str();
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

TEST(DeadlineGolden, SeedPhrasesParseAsRecorded) {
  const std::string now = Render();
  const std::string path = GoldenPath();
  if (std::getenv("MANDATE_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << now;
    GTEST_SKIP() << "wrote " << path;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing " << path << " (MANDATE_UPDATE_GOLDEN=1 writes it)";
  const std::string recorded((std::istreambuf_iterator<char>(in)), {});
  const auto want = Lines(recorded), got = Lines(now);
  // The first difference with the entry around it, rather than two whole files.
  for (std::size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
    const std::string w = i < want.size() ? want[i] : "<end>",
                      g = i < got.size() ? got[i] : "<end>";
    if (w != g) {
      std::string context;
      for (std::size_t k = i >= 4 ? i - 4 : 0; k < i; ++k) context += "    " + got[k] + "\n";
      FAIL() << path << " line " << i + 1 << " differs\n"
             << context << "  - " << w << "\n  + " << g;
    }
  }
  EXPECT_GT(want.size(), 1000u);
}

}  // namespace
}  // namespace mandate
