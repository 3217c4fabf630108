// The subcommand registry of the mandate example program. A subcommand file defines
//   static const mandate::cli::Registration kReg{"name", "one-line help", &Run};
// and main() finds it by name, so adding a command touches no other file.
#ifndef MANDATE_EXAMPLES_COMMAND_H
#define MANDATE_EXAMPLES_COMMAND_H

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mandate::cli {

// argv after the subcommand name. Returns the process exit code.
using CommandFn = int (*)(const std::vector<std::string>& args);

struct Command {
  std::string help;
  CommandFn run;
};

std::map<std::string, Command>& Commands();

struct Registration {
  Registration(const char* name, const char* help, CommandFn run) {
    Commands()[name] = Command{help, run};
  }
};

// Minimal "--flag value" / "--switch" parsing shared by the subcommands.
class Args {
 public:
  // Fails (prints to stderr) on an unknown flag or a missing value.
  static std::optional<Args> Parse(const std::vector<std::string>& args,
                                   const std::vector<std::string>& valued,
                                   const std::vector<std::string>& switches);
  std::optional<std::string> Get(std::string_view flag) const;
  bool Has(std::string_view flag) const;

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

// Numbers in options parse whole: "5abc", " 5", "+5" and "" are refused (nullopt), as is a
// value outside [min, max].
std::optional<long long> ParseInteger(std::string_view text, long long min, long long max);
std::optional<double> ParseDecimal(std::string_view text, double min, double max);

}  // namespace mandate::cli

#endif
