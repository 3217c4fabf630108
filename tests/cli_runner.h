// Runs the `mandate` example program (build/bin/mandate, or $MANDATE_BIN_DIR/mandate) as a
// process, for the command-line contract tests.
#ifndef MANDATE_TESTS_CLI_RUNNER_H
#define MANDATE_TESTS_CLI_RUNNER_H

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace mandate::testing {

struct CliResult {
  std::string out;  // stdout (plus whatever `streams` redirects into it)
  int code = -1;    // exit status; -1 when it did not exit normally
};

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
