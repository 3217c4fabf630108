// The agencies.json reader: any bytes. A registry that loads must write itself back out
// (ToJson) to text that loads to the same registry, and every agency must be found by id.
#include <string>

#include "fuzz_util.h"
#include "mandate/agency_registry.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  auto reg = mandate::AgencyRegistry::FromJson(json);
  if (!reg.ok()) {
    FUZZ_CHECK(!reg.status().message().empty());
    return 0;
  }
  for (std::size_t i = 0; i < reg->size(); ++i) {
    const auto& a = reg->agency(static_cast<mandate::AgencyIndex>(i));
    FUZZ_CHECK(reg->FindById(a.id) == static_cast<mandate::AgencyIndex>(i));
  }
  const std::string out = reg->ToJson();
  auto back = mandate::AgencyRegistry::FromJson(out);
  FUZZ_CHECK(back.ok());
  FUZZ_CHECK(back->ToJson() == out);
  return 0;
}
