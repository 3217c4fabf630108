// The bundled dataset is exactly what `mandate-import-seed` (tools/import_seed.cpp) builds from the
// seed tables: anyone can regenerate it, and a change to a parser or resolver that alters it shows
// here.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "seed_data.h"

namespace {

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ImportSeed, RebuildsTheBundledDatasetByteForByte) {
  const std::string src = MANDATE_SOURCE_DIR;
  const std::string out = ::testing::TempDir() + "/plan-2025-rebuilt.json";
  const std::string problems = ::testing::TempDir() + "/plan-2025-rebuilt.problems.jsonl";
  const std::string cmd = std::string(MANDATE_BIN_DIR) + "/mandate-import-seed --plan " +
                          mandate::testing::SeedPath("plan-2025-tasks.jsonl") + " --appendix " +
                          mandate::testing::SeedPath("appendix-2025-items.jsonl") + " --out " +
                          out + " --problems " + problems + " 2>/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  EXPECT_EQ(ReadText(out), ReadText(src + "/examples/data/plan-2025.json"));
  EXPECT_EQ(ReadText(problems), ReadText(src + "/examples/data/plan-2025.problems.jsonl"));
  // Every problem names a record and a field; none is silent.
  std::istringstream lines(ReadText(problems));
  int n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    const bool named = line.find("\"record\":\"KH25-") != std::string::npos ||
                       line.find("\"record\":\"PL2-") != std::string::npos;
    EXPECT_TRUE(named) << line;
    EXPECT_EQ(line.find("\"field\":\"\""), std::string::npos) << line;
  }
  EXPECT_EQ(n, 31);
}

}  // namespace
