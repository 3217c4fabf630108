// The agency registry and resolver across the C ABI, on the bundled registry.
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "capi_fixture.h"

namespace mandate::capi_test {
namespace {

Registry Bundled() {
  mdt_registry* r = nullptr;
  EXPECT_EQ(mdt_registry_bundled(&r), MDT_OK);
  return Registry(r);
}

TEST(CApiRegistry, BundledRegistryFindsAgenciesByIdAndName) {
  Registry reg = Bundled();
  size_t n = 0;
  ASSERT_MDT_OK(mdt_registry_agency_count(&n, reg.get()));
  EXPECT_GE(n, 56u);  // 22 central agencies and 34 provinces at least
  size_t i = 0;
  ASSERT_MDT_OK(mdt_registry_find_id(&i, reg.get(), "BKHCN"));
  const char *id = nullptr, *name = nullptr;
  mdt_agency_kind kind{};
  ASSERT_MDT_OK(mdt_registry_agency(&id, &name, &kind, reg.get(), i));
  EXPECT_STREQ(id, "BKHCN");
  EXPECT_STREQ(name, "Bộ Khoa học và Công nghệ");
  EXPECT_EQ(kind, MDT_AGENCY_MINISTRY);
  size_t j = 0;
  const char* alias = "Bộ KH&CN";
  ASSERT_MDT_OK(mdt_registry_find_name(&j, reg.get(), alias, std::strlen(alias)));
  EXPECT_EQ(j, i);
  ASSERT_MDT_OK(mdt_registry_find_name(&j, reg.get(), "UBND TP. Hà Nội", MDT_NUL_TERMINATED));
  ASSERT_MDT_OK(mdt_registry_agency(&id, nullptr, &kind, reg.get(), j));
  EXPECT_STREQ(id, "HNI");
  EXPECT_EQ(kind, MDT_AGENCY_PROVINCE);

  EXPECT_MDT_ERR(MDT_ERR_NOT_FOUND, "XYZ", mdt_registry_find_id(&i, reg.get(), "XYZ"));
  EXPECT_MDT_ERR(MDT_ERR_NOT_FOUND, "Bộ Không Có",
                 mdt_registry_find_name(&i, reg.get(), "Bộ Không Có", MDT_NUL_TERMINATED));
  EXPECT_MDT_ERR(MDT_ERR_OUT_OF_RANGE, "agency index",
                 mdt_registry_agency(&id, &name, &kind, reg.get(), n));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_UTF8, "name", mdt_registry_find_name(&i, reg.get(), "B\xc3", 2));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "id is NULL",
                 mdt_registry_find_id(&i, reg.get(), nullptr));
  EXPECT_MDT_ERR(MDT_ERR_INVALID_ARGUMENT, "out", mdt_registry_agency_count(nullptr, reg.get()));
}

TEST(CApiRegistry, ResolvesListsWithCommasInNamesAndCollectives) {
  Registry reg = Bundled();
  const std::string cell = "Bộ Văn hóa, Thể thao và Du lịch, Bộ Công an, Bộ Không Tồn Tại";
  mdt_resolution* r = nullptr;
  ASSERT_MDT_OK(mdt_registry_resolve(&r, reg.get(), cell.data(), cell.size()));
  Resolution res(r);
  size_t n = 0;
  ASSERT_MDT_OK(mdt_resolution_agency_count(&n, r));
  ASSERT_EQ(n, 2u);
  std::vector<std::string> ids;
  for (size_t i = 0; i < n; ++i) {
    const char* id = nullptr;
    size_t index = 0;
    ASSERT_MDT_OK(mdt_resolution_agency(&index, &id, r, i));
    const char* again = nullptr;
    ASSERT_MDT_OK(mdt_registry_agency(&again, nullptr, nullptr, reg.get(), index));
    EXPECT_STREQ(again, id);
    ids.push_back(id);
  }
  EXPECT_NE(std::find(ids.begin(), ids.end(), "BVHTTDL"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "BCA"), ids.end());
  ASSERT_MDT_OK(mdt_resolution_unresolved_count(&n, r));
  ASSERT_EQ(n, 1u);
  const char* part = nullptr;
  size_t len = 0;
  ASSERT_MDT_OK(mdt_resolution_unresolved(&part, &len, r, 0));
  EXPECT_EQ(std::string(part, len), "Bộ Không Tồn Tại");
  EXPECT_EQ(mdt_resolution_unresolved(&part, &len, r, 1), MDT_ERR_OUT_OF_RANGE);
  ASSERT_MDT_OK(mdt_resolution_collective_count(&n, r));
  EXPECT_EQ(n, 0u);
  EXPECT_EQ(mdt_resolution_collective(&part, &len, r, 0), MDT_ERR_OUT_OF_RANGE);
  EXPECT_EQ(mdt_resolution_agency(nullptr, nullptr, r, 2), MDT_ERR_OUT_OF_RANGE);

  // The collective expands to every ministry, central agency and province; the resolution
  // outlives the registry handle it came from.
  mdt_resolution* c = nullptr;
  ASSERT_MDT_OK(
      mdt_registry_resolve(&c, reg.get(), "Các bộ, ngành, địa phương", MDT_NUL_TERMINATED));
  Resolution coll(c);
  reg.reset();
  ASSERT_MDT_OK(mdt_resolution_agency_count(&n, c));
  EXPECT_GE(n, 56u);
  ASSERT_MDT_OK(mdt_resolution_collective_count(&n, c));
  ASSERT_EQ(n, 1u);
  ASSERT_MDT_OK(mdt_resolution_collective(&part, &len, c, 0));
  EXPECT_EQ(std::string(part, len), "Các bộ, ngành, địa phương");
  const char* id = nullptr;
  ASSERT_MDT_OK(mdt_resolution_agency(nullptr, &id, c, 0));
  EXPECT_NE(id, nullptr);
}

TEST(CApiRegistry, LeadingAgenciesOfASentence) {
  Registry reg = Bundled();
  mdt_resolution* r = nullptr;
  ASSERT_MDT_OK(mdt_registry_find_leading(
      &r, reg.get(), "Bộ Khoa học và Công nghệ chủ trì xây dựng Nghị định", MDT_NUL_TERMINATED));
  Resolution res(r);
  size_t n = 0;
  ASSERT_MDT_OK(mdt_resolution_agency_count(&n, r));
  ASSERT_EQ(n, 1u);
  const char* id = nullptr;
  ASSERT_MDT_OK(mdt_resolution_agency(nullptr, &id, r, 0));
  EXPECT_STREQ(id, "BKHCN");
  EXPECT_EQ(mdt_registry_find_leading(&r, reg.get(), "\xe1\x80", 2), MDT_ERR_INVALID_UTF8);
}

TEST(CApiRegistry, JsonRoundTripAndFileLoading) {
  Registry reg = Bundled();
  char* json = nullptr;
  size_t len = 0;
  ASSERT_MDT_OK(mdt_registry_to_json(&json, &len, reg.get()));
  String owned(json);
  EXPECT_EQ(std::strlen(json), len);
  mdt_registry* copy = nullptr;
  ASSERT_MDT_OK(mdt_registry_from_json(&copy, json, len));
  Registry c(copy);
  size_t a = 0, b = 0;
  ASSERT_MDT_OK(mdt_registry_agency_count(&a, reg.get()));
  ASSERT_MDT_OK(mdt_registry_agency_count(&b, copy));
  EXPECT_EQ(a, b);

  mdt_registry* from_file = nullptr;
  ASSERT_MDT_OK(
      mdt_registry_from_file(&from_file, mandate::testing::SeedPath("agencies.json").c_str()));
  Registry f(from_file);
  size_t i = 0;
  EXPECT_MDT_OK(mdt_registry_find_id(&i, from_file, "BKHCN"));

  mdt_registry* bad = reinterpret_cast<mdt_registry*>(0x1);
  EXPECT_EQ(mdt_registry_from_json(&bad, "{\"agencies\": 3", MDT_NUL_TERMINATED), MDT_ERR_PARSE);
  EXPECT_EQ(bad, nullptr);
  EXPECT_NE(std::string(mdt_last_error()), "");
  EXPECT_EQ(mdt_registry_from_json(&bad, "\xff", 1), MDT_ERR_INVALID_UTF8);
  EXPECT_NE(mdt_registry_from_file(&bad, "/nonexistent/agencies.json"), MDT_OK);
  EXPECT_NE(std::string(mdt_last_error()).find("/nonexistent/agencies.json"), std::string::npos)
      << mdt_last_error();
  EXPECT_EQ(mdt_registry_from_file(&bad, nullptr), MDT_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(mdt_registry_bundled(nullptr), MDT_ERR_INVALID_ARGUMENT);
}

}  // namespace
}  // namespace mandate::capi_test
