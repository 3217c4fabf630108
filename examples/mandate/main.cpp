// mandate: the command-line example program over the library.
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "command.h"

namespace mandate::cli {

std::map<std::string, Command>& Commands() {
  static std::map<std::string, Command> commands;
  return commands;
}

std::optional<Args> Args::Parse(const std::vector<std::string>& args,
                                const std::vector<std::string>& valued,
                                const std::vector<std::string>& switches) {
  Args out;
  auto known = [](const std::vector<std::string>& list, const std::string& a) {
    for (const auto& f : list) {
      if (f == a) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (known(valued, a)) {
      if (i + 1 >= args.size()) {
        std::cerr << "mandate: " << a << " needs a value\n";
        return std::nullopt;
      }
      out.values_[a] = args[++i];
    } else if (known(switches, a)) {
      out.values_[a] = "";
    } else {
      std::cerr << "mandate: unknown argument " << a << "\n";
      return std::nullopt;
    }
  }
  return out;
}

std::optional<std::string> Args::Get(std::string_view flag) const {
  auto it = values_.find(flag);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

bool Args::Has(std::string_view flag) const { return values_.find(flag) != values_.end(); }

std::optional<long long> ParseInteger(std::string_view text, long long min, long long max) {
  long long v = 0;
  const char* end = text.data() + text.size();
  const auto [p, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || p != end || v < min || v > max) return std::nullopt;
  return v;
}

std::optional<double> ParseDecimal(std::string_view text, double min, double max) {
  double v = 0;
  const char* end = text.data() + text.size();
  const auto [p, ec] = std::from_chars(text.data(), end, v, std::chars_format::fixed);
  if (text.empty() || ec != std::errc() || p != end || !(v >= min && v <= max)) return std::nullopt;
  return v;
}

namespace {

// Every command's output ends here: a failed write (a full disk, /dev/full, a closed stdout)
// must not exit 0 with a truncated result. Flushing and closing stdout reports what the
// buffered writes could not.
int FinishOutput(int rc) {
  errno = 0;
  std::cout.flush();
  bool failed = !std::cout.good();
  int err = errno;
  if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
    failed = true;
    if (err == 0) err = errno;
  }
  if (std::fclose(stdout) != 0 && !failed) {
    failed = true;
    err = errno;
  }
  if (!failed) return rc;
  std::cerr << "mandate: cannot write the output: "
            << (err != 0 ? std::strerror(err) : "write error") << "\n";
  return rc == 0 ? 1 : rc;
}

}  // namespace

}  // namespace mandate::cli

int main(int argc, char** argv) {
  auto& commands = mandate::cli::Commands();
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "help") {
    std::cout << "usage: mandate COMMAND [ARGS]\n\ncommands:\n";
    for (const auto& [name, cmd] : commands) std::cout << "  " << name << "  " << cmd.help << "\n";
    return mandate::cli::FinishOutput(argc < 2 ? 2 : 0);
  }
  auto it = commands.find(argv[1]);
  if (it == commands.end()) {
    std::cerr << "mandate: unknown command " << argv[1] << " (try mandate help)\n";
    return 2;
  }
  std::vector<std::string> args(argv + 2, argv + argc);
  return mandate::cli::FinishOutput(it->second.run(args));
}
