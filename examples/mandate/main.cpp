// mandate: the command-line example program over the library.
#include <cstdio>
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

}  // namespace mandate::cli

int main(int argc, char** argv) {
  auto& commands = mandate::cli::Commands();
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "help") {
    std::cout << "usage: mandate COMMAND [ARGS]\n\ncommands:\n";
    for (const auto& [name, cmd] : commands) std::cout << "  " << name << "  " << cmd.help << "\n";
    return argc < 2 ? 2 : 0;
  }
  auto it = commands.find(argv[1]);
  if (it == commands.end()) {
    std::cerr << "mandate: unknown command " << argv[1] << " (try mandate help)\n";
    return 2;
  }
  std::vector<std::string> args(argv + 2, argv + argc);
  return it->second.run(args);
}
