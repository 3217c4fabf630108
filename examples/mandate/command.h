// The subcommand registry of the mandate command-line program. A subcommand file defines
//   static const mandate::cli::Registration kReg{{.name = "status", .summary = ..., ...}};
// and main() finds it by name, so adding a command touches no other file. main() answers
// --help/-h, `help COMMAND` and --version for every command from these specs, and parses
// the options ("--opt value" and "--opt=value") before the command runs.
//
// Exit status, the same for every command (README "The mandate command"):
//   0  success
//   1  the input was read but has problems (each printed); the valid records were used
//   2  usage error, or input that cannot be read at all
#ifndef MANDATE_EXAMPLES_COMMAND_H
#define MANDATE_EXAMPLES_COMMAND_H

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mandate/civil_day.h"

namespace mandate::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitProblems = 1;
inline constexpr int kExitUsage = 2;

// One option: "--name VALUE" when value_name is set, else a "--name" switch.
struct Option {
  const char* name;
  const char* value_name;  // "FILE", "D", "N"; nullptr for a switch
  const char* help;
};

class Args;
using CommandFn = int (*)(const Args& args);

struct CommandSpec {
  const char* name;
  const char* summary;   // one line, for `mandate --help`
  const char* synopsis;  // the arguments after "mandate NAME"; "\n" separates alternatives
  std::vector<Option> options;
  CommandFn run;
  const char* details = "";  // what it prints, in a few lines
};

const std::map<std::string, CommandSpec, std::less<>>& Commands();

struct Registration {
  explicit Registration(CommandSpec spec);
};

// Prints "mandate COMMAND: MESSAGE" on stderr and returns `code`: the one error prefix.
int Fail(std::string_view command, std::string_view message, int code = kExitUsage);

// The parsed options of one command run.
class Args {
 public:
  // Fails (prints the error and a hint to stderr) on an unknown option, a missing value or a
  // value given to a switch.
  static std::optional<Args> Parse(const CommandSpec& spec, const std::vector<std::string>& argv);

  std::string_view command() const { return command_; }
  std::optional<std::string> Get(std::string_view flag) const;
  bool Has(std::string_view flag) const;
  // The values of required options, or nullopt after printing which are missing.
  std::optional<std::vector<std::string>> Require(std::initializer_list<const char*> flags) const;
  // --flag as a whole number in [min, max] (the whole text must parse): `fallback` when absent,
  // nullopt after printing an error when malformed or out of range.
  std::optional<int> Int(std::string_view flag, int min, int max, int fallback) const;
  // --flag as a YYYY-MM-DD day: nullopt after printing "mandate COMMAND: --flag: why" when it
  // is malformed or absent (test Has first for an optional flag).
  std::optional<Day> IsoDay(std::string_view flag) const;

 private:
  std::string command_;
  std::map<std::string, std::string, std::less<>> values_;
};

// A decimal option parses whole: "0.5x", " 0.5" and "" are refused (nullopt), as is a value
// outside [min, max] (Args::Int for whole numbers).
std::optional<double> ParseDecimal(std::string_view text, double min, double max);

}  // namespace mandate::cli

#endif
