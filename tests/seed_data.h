// The seed documents' task tables, copied into tests/data/seed/ (see its README.md for where
// they come from), as the tests, the test programs and the benchmarks read them. A missing,
// unreadable or empty file throws with its path: a test fails with that message instead of
// passing over nothing, and a program stops with it.
#ifndef MANDATE_TESTS_SEED_DATA_H
#define MANDATE_TESTS_SEED_DATA_H

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mandate::testing {

// tests/data/seed/NAME (MANDATE_SEED_DIR is set by the build for every target that reads it).
inline std::string SeedPath(std::string_view name) {
  return std::string(MANDATE_SEED_DIR) + "/" + std::string(name);
}

// Every non-empty line of tests/data/seed/NAME, parsed as JSON.
inline std::vector<nlohmann::json> ReadSeedJsonl(std::string_view name) {
  const std::string path = SeedPath(name);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("seed fixture missing or unreadable: " + path);
  std::vector<nlohmann::json> rows;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
  }
  if (rows.empty()) throw std::runtime_error("seed fixture is empty: " + path);
  return rows;
}

// One string field of every row of tests/data/seed/NAME, in file order.
inline std::vector<std::string> ReadSeedField(std::string_view name, const char* field) {
  std::vector<std::string> out;
  for (const auto& row : ReadSeedJsonl(name)) out.push_back(row[field].get<std::string>());
  return out;
}

}  // namespace mandate::testing

#endif
