// Agency resolver over the bundled registry: Resolve, FindLeadingAgencies and FindByName on
// any text. Checks that results are valid, sorted, unique indices, that unresolved parts are
// quoted from the cell, that invalid UTF-8 is reported rather than resolved, and that the
// result does not depend on anything but the text.
#include <algorithm>
#include <string>

#include "fuzz_util.h"
#include "mandate/agency_registry.h"
#include "mandate/text.h"

namespace {

void CheckResolution(const mandate::AgencyRegistry& reg, std::string_view text,
                     const mandate::Resolution& r) {
  if (!mandate::IsValidUtf8(text)) {
    FUZZ_CHECK(!r.error.empty() && !r.ok());
    FUZZ_CHECK(r.agencies.empty());
    return;
  }
  FUZZ_CHECK(r.error.empty());
  FUZZ_CHECK(std::is_sorted(r.agencies.begin(), r.agencies.end()));
  FUZZ_CHECK(std::adjacent_find(r.agencies.begin(), r.agencies.end()) == r.agencies.end());
  for (const auto a : r.agencies) FUZZ_CHECK(a < reg.size());
  for (const auto& part : r.unresolved) {
    FUZZ_CHECK(!part.empty());
    FUZZ_CHECK(text.find(part) != std::string_view::npos);
  }
  FUZZ_CHECK(reg.Ids(r).size() == r.agencies.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& reg = mandate::AgencyRegistry::Bundled();
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const mandate::Resolution r = reg.Resolve(text);
  CheckResolution(reg, text, r);
  const mandate::Resolution again = reg.Resolve(std::string(text));
  FUZZ_CHECK(again.agencies == r.agencies && again.unresolved == r.unresolved);

  CheckResolution(reg, text, reg.FindLeadingAgencies(text));

  if (const auto one = reg.FindByName(text)) {
    FUZZ_CHECK(*one < reg.size());
    // The canonical name of the agency a name finds, finds that same agency.
    const auto& agency = reg.agency(*one);
    FUZZ_CHECK(reg.FindByName(agency.name) == one);
  }
  return 0;
}
