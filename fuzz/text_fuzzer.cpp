// Text folding and UTF-8 validation on any bytes: the fold keeps its byte map consistent
// (one origin per output byte, non-decreasing, inside the input), folding is idempotent, and
// NormalizeKey yields only [a-z0-9] words separated by single spaces.
#include <string>

#include "fuzz_util.h"
#include "mandate/civil_day.h"
#include "mandate/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mandate;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const auto bad = FindInvalidUtf8(text);
  if (bad) {
    FUZZ_CHECK(*bad < text.size());
    FUZZ_CHECK(IsValidUtf8(text.substr(0, *bad)));
  }

  const std::string folded = FoldDiacritics(text);
  FUZZ_CHECK(IsValidUtf8(folded));
  FUZZ_CHECK(FoldDiacritics(folded) == folded);

  const FoldedText f = FoldWithOffsets(text);
  FUZZ_CHECK(f.text == folded);
  FUZZ_CHECK(f.origin.size() == f.text.size() + 1);
  for (std::size_t i = 0; i < f.origin.size(); ++i) {
    FUZZ_CHECK(f.origin[i] <= text.size());
    if (i > 0) FUZZ_CHECK(f.origin[i] >= f.origin[i - 1]);
  }

  const std::string key = NormalizeKey(text);
  FUZZ_CHECK(key.empty() || (key.front() != ' ' && key.back() != ' '));
  for (std::size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ');
    if (c == ' ') FUZZ_CHECK(key[i + 1] != ' ');
  }
  FUZZ_CHECK(NormalizeKey(key) == key);

  // Day parsing: whatever is accepted formats back to an ISO day that parses to itself.
  if (auto day = ParseDay(text); day.ok()) {
    const std::string iso = FormatIsoDay(*day);
    auto back = ParseIsoDay(iso);
    FUZZ_CHECK(back.ok() && *back == *day);
  } else {
    FUZZ_CHECK(!day.status().message().empty());
  }
  return 0;
}
