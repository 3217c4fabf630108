// mandate validate --data FILE [--sheet NAME] [--strict] [--fix]: loads a JSON or CSV dataset and
// prints every problem, one JSON object per line {"record","field","message"}, then a summary line.
// Exit 0 when clean, 1 when problems were found, 2 when the file cannot be read (or, with --strict,
// has any problem). --fix re-signs a JSON file whose checksum does not match (edited by hand):
// it is rewritten, atomically, from what was loaded.
#include <iostream>
#include <nlohmann/json.hpp>

#include "command.h"
#include "load.h"
#include "mandate/dataset_json.h"

namespace mandate::cli {
namespace {

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Rewriting keeps only what was loaded, so --fix refuses when a problem other than the
// checksum's says that something was skipped or ignored: nothing the person wrote is lost.
bool OnlyChecksumProblems(const std::vector<LoadProblem>& problems) {
  for (const LoadProblem& p : problems) {
    if (p.record != "file" || p.field != "checksum") return false;
  }
  return true;
}

// --fix after a successful load: the exit status.
int Fix(const std::string& path, const Dataset& ds, const std::vector<LoadProblem>& problems) {
  if (DataFormatOf(path) != DataFormat::kJson) {
    return Fail("validate", path +
                                ": --fix re-signs JSON datasets; a CSV file has no checksum (and a "
                                "snapshot is refused whole when damaged)");
  }
  if (problems.empty()) {
    std::cerr << "mandate validate: " << path << ": nothing to fix\n";
    return kExitOk;
  }
  if (!OnlyChecksumProblems(problems)) {
    std::cerr << "mandate validate: " << path
              << ": not rewritten: fix the problems other than the checksum first (rewriting "
                 "would drop what they skipped)\n";
    return kExitProblems;
  }
  if (auto saved = SaveDatasetJson(ds, path); !saved.ok()) {
    return Fail("validate", path + ": cannot rewrite: " + std::string(saved.message()));
  }
  std::cerr << "mandate validate: " << path << ": rewritten with a new checksum ("
            << ds.task_count() << " tasks, as loaded); it now loads without problems\n";
  return kExitOk;
}

int Run(const Args& args) {
  const auto required = args.Require({"--data"});
  if (!required) return kExitUsage;
  const std::string& path = required->front();
  std::vector<LoadProblem> problems;
  absl::StatusOr<Dataset> ds =
      ReadDataFile(path, args.Has("--strict"), &problems, args.Get("--sheet").value_or(""));
  for (const LoadProblem& p : problems) {
    std::cout << Dump({{"record", p.record}, {"field", p.field}, {"message", p.message}}) << "\n";
  }
  if (!ds.ok()) {
    Fail("validate", path + ": " + std::string(ds.status().message()));
    std::cout << Dump({{"summary",
                        {{"tasks", 0},
                         {"problems", problems.size()},
                         {"error", std::string(ds.status().message())}}}})
              << "\n";
    return kExitUsage;
  }
  std::cout << nlohmann::json{{"summary",
                               {{"tasks", ds->task_count()},
                                {"targets", ds->targets().size()},
                                {"problems", problems.size()}}}}
                   .dump()
            << "\n";
  if (!std::cout.good()) return Fail("validate", "cannot write the output");
  if (args.Has("--fix")) return Fix(path, *ds, problems);
  return problems.empty() ? kExitOk : kExitProblems;
}

const Registration kReg{
    {.name = "validate",
     .summary = "load a dataset and list every problem in it",
     .synopsis = "--data FILE [--strict] [--fix]",
     .options = {{"--data", "FILE", "the dataset (JSON, CSV or .xlsx, told apart by content)"},
                 {"--sheet", "NAME", "the workbook's sheet to read (default: the first)"},
                 {"--strict", nullptr, "refuse the whole file when it has any problem (exit 2)"},
                 {"--fix", nullptr,
                  "re-sign a JSON file whose checksum does not match (edited by hand)"}},
     .run = &Run,
     .details = "Prints each problem as a JSON line {\"record\", \"field\", \"message\"}, then\n"
                "{\"summary\": {\"tasks\", \"targets\", \"problems\"}}. With --fix, a JSON file\n"
                "whose only problem is its checksum is rewritten (atomically) with a correct\n"
                "one; what was done is said on stderr, and the exit status is 0 once fixed."}};

}  // namespace
}  // namespace mandate::cli
