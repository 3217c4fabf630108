// Every public C function is exercised: each MDT_API function declared in capi/mandate.h is
// used somewhere in the C ABI tests (tests/capi_*_test.cpp, tests/capi_programs/). A new
// function without a test fails here, by name.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "capi_header.h"

namespace mandate::capi_test {
namespace {

namespace fs = std::filesystem;

// The mdt_ identifiers in the test sources, outside comments: the functions they call,
// directly or through a pointer (the RAII deleters call the _free functions).
std::set<std::string> CalledFunctions(const std::vector<fs::path>& files) {
  std::set<std::string> called;
  static const std::regex call(R"(\b(mdt_\w+)\b)");
  for (const auto& f : files) {
    const std::string text = StripComments(Slurp(f));
    for (std::sregex_iterator it(text.begin(), text.end(), call), end; it != end; ++it) {
      called.insert((*it)[1]);
    }
  }
  return called;
}

std::vector<fs::path> CApiTestSources() {
  const fs::path tests = fs::path(MANDATE_SOURCE_DIR) / "tests";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(tests)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("capi_", 0) == 0 && name.size() > 9 &&
        name.compare(name.size() - 9, 9, "_test.cpp") == 0 && name != "capi_coverage_test.cpp") {
      files.push_back(e.path());
    }
  }
  for (const auto& e : fs::recursive_directory_iterator(tests / "capi_programs")) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  return files;
}

TEST(CApiCoverage, ParsesTheHeader) {
  std::vector<std::string> names;
  for (const auto& f : HeaderFunctions()) names.push_back(f.name);
  const std::set<std::string> unique(names.begin(), names.end());
  EXPECT_EQ(unique.size(), names.size()) << "a function is declared twice";
  // Spot checks across the header: the first, a multi-line declaration, the last.
  EXPECT_TRUE(unique.count("mdt_version_number"));
  EXPECT_TRUE(unique.count("mdt_dataset_change_deadline"));
  EXPECT_TRUE(unique.count("mdt_task_lists_task"));
  EXPECT_FALSE(unique.count("mdt_status")) << "a type is not a function";
  EXPECT_GT(names.size(), 100u);
  // The self-check of the call finder: comments do not count.
  EXPECT_EQ(StripComments("a /* mdt_x( */ b // mdt_y(\nc"), "a   b \nc");
}

TEST(CApiCoverage, EveryPublicFunctionIsCalledByTheCTests) {
  const auto declared = HeaderFunctions();
  const auto files = CApiTestSources();
  ASSERT_GT(files.size(), 5u);
  const std::set<std::string> called = CalledFunctions(files);
  std::vector<std::string> missing;
  for (const auto& f : declared) {
    if (!called.count(f.name)) missing.push_back(f.name);
  }
  std::ostringstream list;
  for (const auto& m : missing) list << "\n  " << m;
  EXPECT_TRUE(missing.empty()) << missing.size() << " of " << declared.size()
                               << " public C functions are called by no C ABI test:" << list.str();
}

}  // namespace
}  // namespace mandate::capi_test
