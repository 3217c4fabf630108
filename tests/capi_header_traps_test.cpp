// The three traps that keep a C struct from growing, checked in capi/mandate.h: no array
// sized by an enum count (appending an enumerator would change the struct's size), no struct
// nested by value (the outer struct could no longer grow at its end when the inner one
// grows), no field of enum type (an enum's size is the compiler's choice). Fixed-size
// arrays use a *_CAPACITY constant; enum values travel in int32_t fields.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace mandate::capi_test {
namespace {

std::string StripComments(const std::string& s) {
  return std::regex_replace(s, std::regex(R"(/\*[^*]*\*+(?:[^/*][^*]*\*+)*/|//[^\n]*)"), " ");
}

std::set<std::string> Typedefs(const std::string& text, const char* kind) {
  std::set<std::string> names;
  const std::regex re(std::string(R"(typedef\s+)") + kind + R"(\s+\w+\s*\{[^}]*\}\s*(\w+)\s*;)");
  for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) {
    names.insert((*it)[1]);
  }
  return names;
}

// Every trap in the header's structs, one message each.
std::vector<std::string> Traps(const std::string& header) {
  const std::string text = StripComments(header);
  const std::set<std::string> enums = Typedefs(text, "enum");
  const std::set<std::string> structs = Typedefs(text, "struct");
  std::set<std::string> capacities;  // macros defined as a plain number
  const std::regex number_macro(R"(#define\s+(\w+)\s+\(?\s*\d+\s*\)?\s*\n)");
  for (std::sregex_iterator it(text.begin(), text.end(), number_macro), end; it != end; ++it) {
    capacities.insert((*it)[1]);
  }
  std::vector<std::string> traps;
  const std::regex body(R"(typedef\s+struct\s+(\w+)\s*\{([^}]*)\}\s*\w+\s*;)");
  for (std::sregex_iterator it(text.begin(), text.end(), body), end; it != end; ++it) {
    const std::string name = (*it)[1];
    const std::string fields = (*it)[2];
    size_t start = 0;
    for (size_t semi = fields.find(';'); semi != std::string::npos;
         start = semi + 1, semi = fields.find(';', start)) {
      const std::string field = fields.substr(start, semi - start);
      std::smatch m;
      if (std::regex_search(field, m, std::regex(R"(\[\s*([^\]]*?)\s*\])"))) {
        const std::string size = m[1];
        const bool literal = std::regex_match(size, std::regex(R"(\d+)"));
        const bool capacity =
            capacities.count(size) && std::regex_search(size, std::regex("_CAPACITY$"));
        if (!literal && !capacity) {
          traps.push_back(name + ": array sized by " + size + " (use a fixed *_CAPACITY)");
        }
      }
      std::smatch type;
      if (!std::regex_search(field, type, std::regex(R"(^\s*(?:const\s+)?(?:struct\s+)?(\w+))"))) {
        continue;
      }
      const std::string t = type[1];
      if (enums.count(t)) traps.push_back(name + ": field of enum type " + t + " (use int32_t)");
      if (structs.count(t) && field.find('*') == std::string::npos) {
        traps.push_back(name + ": struct " + t + " nested by value (pass a pointer)");
      }
    }
  }
  return traps;
}

TEST(CApiHeaderTraps, TheScannerFindsEachTrap) {
  const std::string bad = R"(
#define MDT_THING_COUNT 6
#define MDT_ROOM_CAPACITY 16
typedef enum mdt_color { MDT_RED = 0 } mdt_color;
typedef struct mdt_inner { uint32_t version; } mdt_inner;
typedef struct mdt_outer {
  uint32_t version;
  uint64_t by_thing[MDT_THING_COUNT]; /* trap 1 */
  uint64_t room[MDT_ROOM_CAPACITY];   /* fine */
  char name[8];                       /* fine */
  mdt_inner inner;                    /* trap 2 */
  const mdt_inner* inner_ptr;         /* fine */
  mdt_color color;                    /* trap 3 */
  const mdt_color* colors;            /* trap 3 */
  int32_t color_value;                /* fine */
} mdt_outer;)";
  const auto traps = Traps(bad);
  ASSERT_EQ(traps.size(), 4u) << ::testing::PrintToString(traps);
  EXPECT_NE(traps[0].find("MDT_THING_COUNT"), std::string::npos);
  EXPECT_NE(traps[1].find("nested by value"), std::string::npos);
  EXPECT_NE(traps[2].find("enum type mdt_color"), std::string::npos);
  EXPECT_NE(traps[3].find("enum type mdt_color"), std::string::npos);
}

TEST(CApiHeaderTraps, MandateHHasNone) {
  std::ifstream in(MANDATE_SOURCE_DIR "/capi/mandate.h");
  const std::string header((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(header.size(), 10000u);
  const auto traps = Traps(header);
  EXPECT_TRUE(traps.empty()) << ::testing::PrintToString(traps);
  // Not vacuous: the header's structs were seen.
  EXPECT_GT(Typedefs(StripComments(header), "struct").size(), 15u);
  EXPECT_GT(Typedefs(StripComments(header), "enum").size(), 10u);
}

}  // namespace
}  // namespace mandate::capi_test
