#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "mandate.h"

TEST(CApiVersion, RuntimeMatchesHeader) {
  EXPECT_EQ(mdt_version_number(), MDT_VERSION_NUMBER);
  EXPECT_STREQ(mdt_version(), MDT_VERSION_STRING);
  EXPECT_EQ(mdt_abi_version(), MDT_SOVERSION);
  EXPECT_GE(mdt_abi_version(), 1);  // 1.0: the first frozen ABI
}

TEST(CApiVersion, StatusNamesAreStableAndTotal) {
  EXPECT_STREQ(mdt_status_name(MDT_OK), "MDT_OK");
  EXPECT_STREQ(mdt_status_name(MDT_ERR_BUFFER_TOO_SMALL), "MDT_ERR_BUFFER_TOO_SMALL");
  EXPECT_STREQ(mdt_status_name(static_cast<mdt_status>(9999)), "MDT_ERR_UNKNOWN");
  // Values are part of the ABI: they never change.
  EXPECT_EQ(MDT_ERR_PARSE, 4);
  EXPECT_EQ(MDT_ERR_INTERNAL, 13);
}

TEST(CApiVersion, LastErrorStartsEmptyAndFreeAcceptsNull) {
  // Per thread: a new thread starts with no error whatever this one did before.
  std::string fresh = "unset";
  std::thread([&] { fresh = mdt_last_error(); }).join();
  EXPECT_EQ(fresh, "");
  mdt_string_free(nullptr);
}
