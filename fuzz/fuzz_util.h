// Helpers shared by the harnesses: an invariant check that aborts (so libFuzzer and the
// replay driver both report it as a crash, in release builds too) and a small splitter that
// turns the fuzz input into choices plus text, like clang's FuzzedDataProvider but
// available to gcc builds as well.
#ifndef MANDATE_FUZZ_UTIL_H
#define MANDATE_FUZZ_UTIL_H

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(cond)                                                                \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)

namespace mandate::fuzz {

class Input {
 public:
  Input(const std::uint8_t* data, std::size_t size)
      : rest_(reinterpret_cast<const char*>(data), size) {}
  // One byte from the front (0 once the input is used up).
  std::uint8_t Byte() {
    if (rest_.empty()) return 0;
    const auto b = static_cast<std::uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return b;
  }
  // Text up to the next "\x1f" separator (or the end): lets one input hold several strings.
  std::string_view Part() {
    const std::size_t cut = rest_.find('\x1f');
    const std::string_view part = rest_.substr(0, cut);
    rest_.remove_prefix(cut == std::string_view::npos ? rest_.size() : cut + 1);
    return part;
  }
  std::string_view Rest() {
    const std::string_view r = rest_;
    rest_ = {};
    return r;
  }
  bool empty() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

}  // namespace mandate::fuzz

#endif
