// Handle misuse across the C ABI: NULL, freed and wrong-kind handles are status codes, and
// free functions accept NULL and ignore a second free.
#include <string>
#include <thread>

#include "capi_fixture.h"

namespace mandate::capi_test {
namespace {

template <typename To, typename From>
To* As(From* p) {
  return reinterpret_cast<To*>(p);
}

TEST(CApiHandle, NullHandlesAreInvalidHandleErrors) {
  size_t n = 0;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_HANDLE, "registry is NULL",
                 mdt_registry_agency_count(&n, nullptr));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_HANDLE, "resolution is NULL",
                 mdt_resolution_agency_count(&n, nullptr));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_HANDLE, "dataset is NULL", mdt_dataset_task_count(&n, nullptr));
  int w = 0;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_HANDLE, "calendar is NULL",
                 mdt_calendar_is_working_day(&w, nullptr, 0));
  mdt_deadline_info info = MDT_DEADLINE_INFO_INIT;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_HANDLE, "deadline is NULL", mdt_deadline_get_info(&info, nullptr));
  int has = 0;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_HANDLE, "iter is NULL",
                 mdt_classification_iter_next(&has, nullptr, nullptr, nullptr));
  mdt_task_input t = MDT_TASK_INPUT_INIT;
  EXPECT_EQ(mdt_dataset_add_task(nullptr, nullptr, &t), MDT_ERR_INVALID_HANDLE);
  EXPECT_EQ(mdt_dataset_complete_task(nullptr, "x", 0), MDT_ERR_INVALID_HANDLE);
  // Every free accepts NULL.
  mdt_registry_free(nullptr);
  mdt_resolution_free(nullptr);
  mdt_calendar_free(nullptr);
  mdt_deadline_free(nullptr);
  mdt_dataset_free(nullptr);
  mdt_classification_free(nullptr);
  mdt_classification_iter_free(nullptr);
  mdt_string_free(nullptr);
}

TEST(CApiHandle, FreedHandlesAreDetectedAndDoubleFreeIsIgnored) {
  mdt_dataset* ds = nullptr;
  ASSERT_MDT_OK(mdt_dataset_new(&ds, nullptr));
  mdt_dataset_free(ds);
  size_t n = 0;
  // Reading the freed pointer would be undefined: the liveness table answers first.
  EXPECT_MDT_ERR(MDT_ERR_INVALID_HANDLE, "not a live dataset", mdt_dataset_task_count(&n, ds));
  mdt_dataset_free(ds);  // ignored

  mdt_registry* reg = nullptr;
  ASSERT_MDT_OK(mdt_registry_bundled(&reg));
  mdt_registry_free(reg);
  EXPECT_EQ(mdt_registry_agency_count(&n, reg), MDT_ERR_INVALID_HANDLE);
  EXPECT_EQ(mdt_dataset_new(&ds, reg), MDT_ERR_INVALID_HANDLE);
  mdt_registry_free(reg);

  mdt_calendar* cal = nullptr;
  ASSERT_MDT_OK(mdt_calendar_new(&cal, MDT_CALENDAR_RULES_ONLY));
  mdt_calendar_free(cal);
  int w = 0;
  EXPECT_EQ(mdt_calendar_is_working_day(&w, cal, 0), MDT_ERR_INVALID_HANDLE);
  EXPECT_EQ(mdt_calendar_add_schedule(cal, "{}", 2), MDT_ERR_INVALID_HANDLE);
  mdt_calendar_free(cal);

  mdt_deadline* d = nullptr;
  ASSERT_MDT_OK(mdt_deadline_parse(&d, "2025", 4, nullptr));
  mdt_deadline_free(d);
  mdt_deadline_info info = MDT_DEADLINE_INFO_INIT;
  EXPECT_EQ(mdt_deadline_get_info(&info, d), MDT_ERR_INVALID_HANDLE);
  mdt_deadline_free(d);
}

TEST(CApiHandle, WrongKindOfHandleIsDetected) {
  mdt_dataset* ds = nullptr;
  ASSERT_MDT_OK(mdt_dataset_new(&ds, nullptr));
  Dataset owned(ds);
  mdt_registry* reg = nullptr;
  ASSERT_MDT_OK(mdt_registry_bundled(&reg));
  Registry reg_owned(reg);
  size_t n = 0;
  EXPECT_MDT_ERR(MDT_ERR_INVALID_HANDLE, "another kind",
                 mdt_registry_agency_count(&n, As<mdt_registry>(ds)));
  EXPECT_EQ(mdt_dataset_task_count(&n, As<mdt_dataset>(reg)), MDT_ERR_INVALID_HANDLE);
  int w = 0;
  EXPECT_EQ(mdt_calendar_is_working_day(&w, As<mdt_calendar>(ds), 0), MDT_ERR_INVALID_HANDLE);
  // A pointer the library never made, even one to readable memory.
  int local = 0;
  EXPECT_EQ(mdt_dataset_task_count(&n, As<mdt_dataset>(&local)), MDT_ERR_INVALID_HANDLE);
  // Freeing through the wrong free function is ignored, not a crash or a leak.
  mdt_registry_free(As<mdt_registry>(ds));
  ASSERT_MDT_OK(mdt_dataset_task_count(&n, ds));
  EXPECT_EQ(n, 0u);
}

TEST(CApiHandle, LastErrorOutlivesSuccessfulCallsAndIsPerThread) {
  size_t n = 0;
  EXPECT_EQ(mdt_registry_agency_count(&n, nullptr), MDT_ERR_INVALID_HANDLE);
  const std::string message = mdt_last_error();
  EXPECT_NE(message.find("registry is NULL"), std::string::npos) << message;
  std::string other;
  std::thread([&] { other = mdt_last_error(); }).join();
  EXPECT_EQ(other, "");
  // Successful calls leave the message alone (the libgit2 rule): a binding that frees a
  // handle or counts problems after a failure still reads it.
  mdt_date d = 0;
  ASSERT_MDT_OK(mdt_date_parse(&d, "2025-01-01", 10));
  mdt_registry* reg = nullptr;
  ASSERT_MDT_OK(mdt_registry_bundled(&reg));
  ASSERT_MDT_OK(mdt_registry_agency_count(&n, reg));
  mdt_registry_free(reg);
  EXPECT_EQ(mdt_last_error(), message);
  // The next failure replaces it; mdt_clear_error empties it.
  EXPECT_EQ(mdt_date_parse(&d, "2025-13-01", 10), MDT_ERR_INVALID_ARGUMENT);
  EXPECT_NE(mdt_last_error(), message);
  mdt_clear_error();
  EXPECT_STREQ(mdt_last_error(), "");
}

TEST(CApiHandle, LoadFailureMessageSurvivesTheProblemsCalls) {
  // What the Python binding does: a failed load, then the problems list read and freed.
  mdt_dataset* ds = nullptr;
  mdt_problems* problems = nullptr;
  EXPECT_EQ(mdt_dataset_load_json(&ds, &problems, "/nope.json", nullptr), MDT_ERR_NOT_FOUND);
  const std::string message = mdt_last_error();
  EXPECT_NE(message.find("/nope.json"), std::string::npos) << message;
  EXPECT_EQ(ds, nullptr);
  ASSERT_NE(problems, nullptr) << "an unreadable file gives an empty list, as documented";
  size_t n = 99;
  ASSERT_MDT_OK(mdt_problems_count(&n, problems));
  EXPECT_EQ(n, 0u);
  mdt_problems_free(problems);
  EXPECT_EQ(mdt_last_error(), message);
}

}  // namespace
}  // namespace mandate::capi_test
