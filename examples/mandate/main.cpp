// mandate: the command-line program over the library (command.h: the registry, the option
// parser and the exit status every command shares).
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "command.h"
#include "mandate.h"

namespace mandate::cli {
namespace {

std::map<std::string, CommandSpec, std::less<>>& MutableCommands() {
  static std::map<std::string, CommandSpec, std::less<>> commands;
  return commands;
}

constexpr const char* kExitStatus =
    "exit status: 0 success; 1 the input has problems (printed; the valid records were used);\n"
    "             2 usage error, unreadable input or unwritable output\n";

void PrintUsage(std::ostream& out) {
  out << "usage: mandate COMMAND [OPTIONS]\n"
         "       mandate help COMMAND | mandate COMMAND --help\n"
         "       mandate --version\n\ncommands:\n";
  for (const auto& [name, spec] : Commands()) {
    out << "  " << name << std::string(name.size() < 11 ? 11 - name.size() : 1, ' ') << spec.summary
        << "\n";
  }
  out << "\n" << kExitStatus;
}

void PrintCommandHelp(const CommandSpec& spec, std::ostream& out) {
  std::string_view synopsis = spec.synopsis;
  const char* lead = "usage: ";
  const std::string indent(std::string_view("mandate ").size() + std::strlen(spec.name), ' ');
  while (true) {
    const std::size_t nl = synopsis.find('\n');
    const std::string_view line = synopsis.substr(0, nl);
    // A line that starts with a space continues the one above; any other is an alternative.
    out << lead << (line.starts_with(' ') ? indent : "mandate " + std::string(spec.name) + " ")
        << line << "\n";
    if (nl == std::string_view::npos) break;
    synopsis.remove_prefix(nl + 1);
    lead = "       ";
  }
  out << "\n" << spec.summary << "\n";
  if (*spec.details) out << "\n" << spec.details << "\n";
  out << "\noptions:\n";
  auto line = [&](const std::string& left, const char* help) {
    out << "  " << left << std::string(left.size() < 26 ? 26 - left.size() : 1, ' ') << help
        << "\n";
  };
  for (const Option& o : spec.options) {
    line(o.value_name ? std::string(o.name) + " " + o.value_name : std::string(o.name), o.help);
  }
  line("-h, --help", "print this help and exit");
  out << "\n" << kExitStatus;
}

bool IsHelp(std::string_view a) { return a == "--help" || a == "-h"; }

}  // namespace

const std::map<std::string, CommandSpec, std::less<>>& Commands() { return MutableCommands(); }

Registration::Registration(CommandSpec spec) {
  std::string name = spec.name;
  MutableCommands().emplace(std::move(name), std::move(spec));
}

int Fail(std::string_view command, std::string_view message, int code) {
  std::cerr << "mandate " << command << ": " << message << "\n";
  return code;
}

std::optional<Args> Args::Parse(const CommandSpec& spec, const std::vector<std::string>& argv) {
  Args out;
  out.command_ = spec.name;
  auto find = [&](std::string_view name) -> const Option* {
    for (const Option& o : spec.options) {
      if (name == o.name) return &o;
    }
    return nullptr;
  };
  for (std::size_t i = 0; i < argv.size(); ++i) {
    std::string_view a = argv[i];
    std::optional<std::string> inline_value;
    if (const std::size_t eq = a.find('='); a.starts_with("--") && eq != std::string_view::npos) {
      inline_value = std::string(a.substr(eq + 1));
      a = a.substr(0, eq);
    }
    const Option* o = find(a);
    if (o == nullptr) {
      Fail(spec.name,
           "unknown option " + std::string(a) + " (see mandate " + spec.name + " --help)");
      return std::nullopt;
    }
    if (o->value_name == nullptr) {
      if (inline_value) {
        Fail(spec.name, std::string(a) + " takes no value");
        return std::nullopt;
      }
      out.values_[o->name] = "";
    } else if (inline_value) {
      out.values_[o->name] = *inline_value;
    } else if (i + 1 < argv.size()) {
      out.values_[o->name] = argv[++i];
    } else {
      Fail(spec.name, std::string(a) + " needs a value " + o->value_name);
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

std::optional<std::vector<std::string>> Args::Require(
    std::initializer_list<const char*> flags) const {
  std::vector<std::string> values;
  std::string missing;
  for (const char* f : flags) {
    if (auto v = Get(f)) {
      values.push_back(*v);
    } else {
      missing += missing.empty() ? f : std::string(", ") + f;
    }
  }
  if (missing.empty()) return values;
  Fail(command_, "missing " + missing + " (see mandate " + command_ + " --help)");
  return std::nullopt;
}

std::optional<int> Args::Int(std::string_view flag, int min, int max, int fallback) const {
  const auto text = Get(flag);
  if (!text) return fallback;
  int v = 0;
  const char* end = text->data() + text->size();
  const auto [p, ec] = std::from_chars(text->data(), end, v);
  if (text->empty() || ec != std::errc() || p != end || v < min || v > max) {
    Fail(command_, std::string(flag) + " needs a whole number " + std::to_string(min) + ".." +
                       std::to_string(max) + ", got \"" + *text + "\"");
    return std::nullopt;
  }
  return v;
}

std::optional<Day> Args::IsoDay(std::string_view flag) const {
  const auto text = Get(flag);
  if (!text) {
    Fail(command_, "missing " + std::string(flag) + " (see mandate " + command_ + " --help)");
    return std::nullopt;
  }
  auto day = ParseIsoDay(*text);
  if (!day.ok()) {
    Fail(command_, std::string(flag) + ": " + std::string(day.status().message()));
    return std::nullopt;
  }
  return *day;
}

std::optional<double> ParseDecimal(std::string_view text, double min, double max) {
  double v = 0;
  const char* end = text.data() + text.size();
  const auto [p, ec] = std::from_chars(text.data(), end, v, std::chars_format::fixed);
  if (text.empty() || ec != std::errc() || p != end || !(v >= min && v <= max)) return std::nullopt;
  return v;
}

}  // namespace mandate::cli

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
  return rc == mandate::cli::kExitOk ? mandate::cli::kExitUsage : rc;
}

int Main(int argc, char** argv) {
  using namespace mandate::cli;
  const std::vector<std::string> all(argv + 1, argv + argc);
  if (all.empty()) {
    PrintUsage(std::cerr);
    return kExitUsage;
  }
  const std::string& first = all[0];
  if (IsHelp(first)) {
    PrintUsage(std::cout);
    return kExitOk;
  }
  if (first == "--version") {
    std::cout << "mandate " << mdt_version() << " (C ABI " << MDT_SOVERSION << ")\n";
    return kExitOk;
  }
  if (first == "help") {
    if (all.size() == 1) {
      PrintUsage(std::cout);
      return kExitOk;
    }
    auto it = Commands().find(all[1]);
    if (it == Commands().end() || all.size() > 2) {
      std::cerr << "mandate help: unknown command " << all[1] << " (see mandate --help)\n";
      return kExitUsage;
    }
    PrintCommandHelp(it->second, std::cout);
    return kExitOk;
  }
  auto it = Commands().find(first);
  if (it == Commands().end()) {
    std::cerr << "mandate: unknown command " << first << " (see mandate --help)\n";
    return kExitUsage;
  }
  const std::vector<std::string> rest(all.begin() + 1, all.end());
  for (const std::string& a : rest) {
    if (IsHelp(a)) {
      PrintCommandHelp(it->second, std::cout);
      return kExitOk;
    }
  }
  const auto args = Args::Parse(it->second, rest);
  if (!args) return kExitUsage;
  return it->second.run(*args);
}

}  // namespace

int main(int argc, char** argv) { return FinishOutput(Main(argc, argv)); }
