// Runs the `mandate` example program (build/bin/mandate, or $MANDATE_BIN_DIR/mandate) as a
// process, for the command-line contract tests.
#ifndef MANDATE_TESTS_CLI_RUNNER_H
#define MANDATE_TESTS_CLI_RUNNER_H

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace mandate::testing {

struct CliResult {
  std::string out;  // stdout (plus whatever `streams` redirects into it)
  int code = -1;    // exit status; -1 when it did not exit normally
};

// A file's bytes (the command tests compare what the program wrote).
inline std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A scratch folder of the test binary's temporary directory, made if missing.
inline std::filesystem::path ScratchDir(const std::string& name) {
  const std::filesystem::path d = std::filesystem::path(::testing::TempDir()) / name;
  std::filesystem::create_directories(d);
  return d;
}

// The bundled 2025 plan the command tests read.
inline std::string BundledPlanPath() {
  return std::string(MANDATE_SOURCE_DIR) + "/examples/data/plan-2025.json";
}

inline std::string CliPath() {
  const char* env = std::getenv("MANDATE_BIN_DIR");
  return std::string(env != nullptr ? env : MANDATE_BIN_DIR) + "/mandate";
}

// args and streams go through the shell: quote what needs it.
inline CliResult RunCli(const std::string& args, const std::string& streams = "2>/dev/null") {
  CliResult r;
  FILE* p = popen((CliPath() + " " + args + " " + streams).c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace mandate::testing

#endif
