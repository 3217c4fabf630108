// The one reader of capi/mandate.h for tests that check the C ABI against its own header
// (coverage, misuse tables): the functions it declares, with their parameter lists.
#ifndef MANDATE_TESTS_CAPI_HEADER_H
#define MANDATE_TESTS_CAPI_HEADER_H

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

namespace mandate::capi_test {

inline std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Drops /* */ and // comments, so a name mentioned only in a comment does not count.
inline std::string StripComments(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "/*") == 0) {
      const std::size_t end = s.find("*/", i + 2);
      i = end == std::string::npos ? s.size() : end + 1;
      out += ' ';
    } else if (s.compare(i, 2, "//") == 0) {
      const std::size_t end = s.find('\n', i);
      i = end == std::string::npos ? s.size() : end - 1;
    } else {
      out += s[i];
    }
  }
  return out;
}

struct DeclaredFunction {
  std::string name;    // mdt_...
  std::string params;  // the text between the parentheses
};

// "MDT_API <return type> mdt_name(<params>)" in header text, in order of declaration.
inline std::vector<DeclaredFunction> DeclaredFunctions(const std::string& header) {
  std::vector<DeclaredFunction> out;
  static const std::regex decl(R"(MDT_API\s+[^;(]*?\b(mdt_\w+)\s*\(([^)]*)\))");
  const std::string text = StripComments(header);
  for (std::sregex_iterator it(text.begin(), text.end(), decl), end; it != end; ++it) {
    out.push_back({(*it)[1], (*it)[2]});
  }
  return out;
}

inline std::filesystem::path PublicHeaderPath() {
  return std::filesystem::path(MANDATE_SOURCE_DIR) / "capi" / "mandate.h";
}

// The functions the public header declares, experimental section included.
inline std::vector<DeclaredFunction> HeaderFunctions() {
  return DeclaredFunctions(Slurp(PublicHeaderPath()));
}

}  // namespace mandate::capi_test

#endif
