// Every options/input struct has an mdt_*_init function that writes exactly its MDT_*_INIT
// (for bindings that cannot use C macros), and refuses NULL and unknown versions.
#include <cstring>
#include <regex>

#include "capi_fixture.h"

namespace mandate::capi_test {
namespace {

// The function's result equals the macro, byte for byte (static objects: zero padding on
// both sides), starting from garbage.
#define EXPECT_INIT_EQUALS_MACRO(lower, UPPER)                                          \
  do {                                                                                  \
    SCOPED_TRACE(#lower);                                                               \
    static const mdt_##lower want = MDT_##UPPER##_INIT;                                 \
    mdt_##lower got;                                                                    \
    std::memset(&got, 0xAB, sizeof got);                                                \
    ASSERT_MDT_OK(mdt_##lower##_init(&got, MDT_##UPPER##_VERSION));                     \
    EXPECT_EQ(std::memcmp(&got, &want, sizeof got), 0);                                 \
    EXPECT_EQ(got.version, static_cast<uint32_t>(MDT_##UPPER##_VERSION));               \
    EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "version 0", mdt_##lower##_init(&got, 0)); \
    EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "not supported",                           \
                   mdt_##lower##_init(&got, MDT_##UPPER##_VERSION + 1));                \
    EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "opts is NULL",                            \
                   mdt_##lower##_init(nullptr, MDT_##UPPER##_VERSION));                 \
  } while (0)

TEST(CApiInit, EveryInitFunctionWritesItsMacro) {
  EXPECT_INIT_EQUALS_MACRO(deadline_context, DEADLINE_CONTEXT);
  EXPECT_INIT_EQUALS_MACRO(deadline_info, DEADLINE_INFO);
  EXPECT_INIT_EQUALS_MACRO(task_input, TASK_INPUT);
  EXPECT_INIT_EQUALS_MACRO(event_input, EVENT_INPUT);
  EXPECT_INIT_EQUALS_MACRO(deadline_change_input, DEADLINE_CHANGE_INPUT);
  EXPECT_INIT_EQUALS_MACRO(target_input, TARGET_INPUT);
  EXPECT_INIT_EQUALS_MACRO(measurement_input, MEASUREMENT_INPUT);
  EXPECT_INIT_EQUALS_MACRO(classify_options, CLASSIFY_OPTIONS);
  EXPECT_INIT_EQUALS_MACRO(classification_info, CLASSIFICATION_INFO);
  EXPECT_INIT_EQUALS_MACRO(status_counts, STATUS_COUNTS);
  EXPECT_INIT_EQUALS_MACRO(load_options, LOAD_OPTIONS);
  EXPECT_INIT_EQUALS_MACRO(target_options, TARGET_OPTIONS);
  EXPECT_INIT_EQUALS_MACRO(target_evaluation_info, TARGET_EVALUATION_INFO);
  EXPECT_INIT_EQUALS_MACRO(aggregate_options, AGGREGATE_OPTIONS);
  EXPECT_INIT_EQUALS_MACRO(rank_options, RANK_OPTIONS);
  EXPECT_INIT_EQUALS_MACRO(report_options, REPORT_OPTIONS);
  EXPECT_INIT_EQUALS_MACRO(task_lists_options, TASK_LISTS_OPTIONS);
}

// The header declares an _init function for every versioned struct: each "#define
// MDT_X_VERSION" has its mdt_x_init, and the list above is complete (checked by name).
TEST(CApiInit, EveryVersionedStructHasAnInitFunction) {
  std::ifstream in(MANDATE_SOURCE_DIR "/capi/mandate.h");
  const std::string header((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t found = 0;
  for (std::size_t at = header.find("#define MDT_"); at != std::string::npos;
       at = header.find("#define MDT_", at + 1)) {
    const std::size_t end = header.find_first_of(" (\n", at + 8);
    const std::string macro = header.substr(at + 8, end - at - 8);
    const std::string suffix = "_VERSION";
    if (macro.size() <= suffix.size() + 4 ||
        macro.compare(macro.size() - suffix.size(), suffix.size(), suffix) != 0 ||
        macro.rfind("MDT_VERSION", 0) == 0) {
      continue;
    }
    std::string lower = macro.substr(4, macro.size() - 4 - suffix.size());
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_TRUE(std::regex_search(header, std::regex("mdt_" + lower + "_init\\(\\s*mdt_" + lower +
                                                     "\\*\\s*opts,\\s*uint32_t version\\)")))
        << macro << " has no mdt_" << lower << "_init";
    ++found;
  }
  // That EveryInitFunctionWritesItsMacro lists each of them is checked by the test
  // init_macros_are_tested (tests/check_init_macros.cmake), not by a count kept here.
  EXPECT_GT(found, 0u);
}

}  // namespace
}  // namespace mandate::capi_test
