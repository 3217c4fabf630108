// mandate-import-seed: a developer tool, not a user command. Builds the bundled dataset from the
// seed tables in tests/data/seed/ (the 2025 plan of seed 002 and the appendix bullets of seed 000)
// through the library's own resolvers and parsers. Every task is kept; a cell that cannot be
// resolved is written to the problems file with the reason, never guessed.
//
//   mandate-import-seed --plan tests/data/seed/plan-2025-tasks.jsonl
//                       --appendix tests/data/seed/appendix-2025-items.jsonl
//                       --out examples/data/plan-2025.json
//                       --problems examples/data/plan-2025.problems.jsonl
// (build/bin/mandate-import-seed; the test ImportSeed.RebuildsTheBundledDatasetByteForByte
// runs exactly this.)
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "mandate/agency_registry.h"
#include "mandate/atomic_file.h"
#include "mandate/dataset.h"
#include "mandate/dataset_json.h"
#include "mandate/deadline.h"
#include "mandate/document_ref.h"
#include "mandate/text.h"

namespace mandate::tools {
namespace {

using nlohmann::json;

struct Problem {
  std::string record, field, message;
};

// Section -> (source document, assignment day) of the plan's tables. Section III implements
// Resolution 71/NQ-CP of 01/4/2025; section IV's rows cite their notice in `note`; sections
// II and V belong to the plan itself, which is an undated draft, so they carry no
// assignment day (they exist on every as-of day).
struct SectionSource {
  std::string_view prefix;
  std::string_view source;
  std::optional<Day> assigned;
};
const SectionSource kSections[] = {
    {"II.", "Kế hoạch hoạt động năm 2025 của Ban Chỉ đạo", std::nullopt},
    {"III.", "71/NQ-CP ngày 01/4/2025", date::year{2025} / 4 / 1},
    {"IV.", "", std::nullopt},
    {"V.", "Đề án 06", std::nullopt},
};

std::vector<std::string> Ids(const AgencyRegistry& reg, const std::vector<AgencyIndex>& v,
                             bool enterprises) {
  std::vector<std::string> out;
  for (AgencyIndex i : v) {
    if ((reg.agency(i).kind == AgencyKind::kEnterprise) == enterprises)
      out.push_back(reg.agency(i).id);
  }
  return out;
}

void ResolveInto(const AgencyRegistry& reg, std::string_view id, std::string_view field,
                 std::string_view cell, std::vector<std::string>& agencies,
                 std::vector<std::string>* partners, std::vector<Problem>& problems) {
  if (cell.empty() || cell == "-") return;
  const Resolution r = reg.Resolve(cell);
  for (const auto& part : r.unresolved) {
    problems.push_back({std::string(id), std::string(field), "unknown agency \"" + part + "\""});
  }
  auto ids = Ids(reg, r.agencies, false);
  agencies.insert(agencies.end(), ids.begin(), ids.end());
  if (partners) {
    auto ent = Ids(reg, r.agencies, true);
    partners->insert(partners->end(), ent.begin(), ent.end());
  } else {
    auto ent = Ids(reg, r.agencies, true);
    agencies.insert(agencies.end(), ent.begin(), ent.end());
  }
}

Task PlanTask(const json& row, const AgencyRegistry& reg, std::vector<Problem>& problems) {
  Task t;
  t.id = row.at("id").get<std::string>();
  t.title = row.at("title").get<std::string>();
  t.lead_text = row.at("lead").get<std::string>();
  t.coordinators_text = row.at("coordinators").get<std::string>();
  t.expected_result = row.at("expected_result").get<std::string>();
  t.note = row.at("note").get<std::string>();
  const std::string section = row.at("section").get<std::string>();
  const std::string group = row.at("group").get<std::string>();
  t.category = group.empty() ? section : section + " / " + group;
  ResolveInto(reg, t.id, "lead", t.lead_text, t.lead, nullptr, problems);
  if (t.lead.empty() && problems.empty()) {
    problems.push_back({t.id, "lead", "no lead agency"});
  }
  ResolveInto(reg, t.id, "coordinators", t.coordinators_text, t.coordinators, &t.partners,
              problems);
  for (const auto& s : kSections) {
    if (section.rfind(s.prefix, 0) != 0) continue;
    if (!s.source.empty()) t.sources.emplace_back(s.source);
    t.assigned = s.assigned;
    break;
  }
  if (!t.note.empty()) {
    // Section IV: the note names the assigning notice; its date is the assignment day.
    for (const DocumentRef& ref : FindDocumentRefs(t.note)) {
      t.sources.push_back(ref.raw);
      if (ref.date && !t.assigned) t.assigned = ref.date;
    }
  }
  const std::string deadline_text = row.at("deadline_text").get<std::string>();
  DeadlineContext ctx;
  ctx.plan_year = 2025;
  ctx.assigned = t.assigned;
  if (auto d = ParseDeadline(deadline_text, ctx); d.ok()) {
    t.deadline = *std::move(d);
  } else {
    t.deadline.kind = DeadlineKind::kUnknown;
    problems.push_back({t.id, "deadline", std::string(d.status().message())});
  }
  t.deadline.text = deadline_text;
  return t;
}

// The appendix names the lead inside the sentence: before a colon ("Văn phòng Trung ương
// Đảng: …"), at the start ("Bộ KHCN chủ trì, …"), or in the parenthesis that holds the
// deadline ("(Bộ GDĐT, hạn tháng 11/2025; …)").
std::vector<std::string> AppendixLead(const std::string& text, const AgencyRegistry& reg,
                                      std::string& lead_text) {
  const auto try_cell = [&](std::string_view cell) -> std::vector<std::string> {
    const Resolution r = reg.Resolve(cell);
    if (r.agencies.empty() || !r.ok()) return {};
    lead_text = std::string(cell);
    return Ids(reg, r.agencies, false);
  };
  if (auto colon = text.find(':'); colon != std::string::npos && colon < 120) {
    if (auto ids = try_cell(std::string_view(text).substr(0, colon)); !ids.empty()) return ids;
  }
  if (const Resolution r = reg.FindLeadingAgencies(text); !r.agencies.empty()) {
    lead_text.clear();
    for (AgencyIndex i : r.agencies)
      lead_text += (lead_text.empty() ? "" : ", ") + reg.agency(i).name;
    return Ids(reg, r.agencies, false);
  }
  for (std::size_t open = text.find('('); open != std::string::npos;
       open = text.find('(', open + 1)) {
    const std::size_t stop = text.find_first_of(",;)", open + 1);
    if (stop == std::string::npos) break;
    if (auto ids = try_cell(std::string_view(text).substr(open + 1, stop - open - 1));
        !ids.empty()) {
      return ids;
    }
  }
  return {};
}

Task AppendixTask(const json& row, const AgencyRegistry& reg, std::vector<Problem>& problems) {
  Task t;
  t.id = row.at("id").get<std::string>();
  t.title = row.at("text").get<std::string>();
  const std::string heading = row.at("heading").get<std::string>();
  const std::string parent = row.at("parent_heading").get<std::string>();
  t.category = heading == parent ? parent : parent + " / " + heading;
  t.lead = AppendixLead(t.title, reg, t.lead_text);
  if (t.lead.empty()) {
    problems.push_back({t.id, "lead", "the bullet names no agency the registry knows"});
  }
  for (const DocumentRef& ref : FindDocumentRefs(t.title)) {
    t.sources.push_back(ref.raw);
    if (ref.date && !t.assigned && (ref.type == "TB")) t.assigned = ref.date;
  }
  DeadlineContext ctx;
  ctx.plan_year = 2025;
  ctx.assigned = t.assigned;
  ExtractedDeadline found = ExtractDeadline(t.title, ctx);
  if (found.deadline.kind == DeadlineKind::kNone) {
    problems.push_back({t.id, "deadline", "the bullet states no deadline"});
    t.deadline.kind = DeadlineKind::kUnknown;
  } else {
    t.deadline = std::move(found.deadline);
  }
  return t;
}

constexpr const char* kUsage =
    "usage: mandate-import-seed --plan FILE [--appendix FILE] --out FILE [--problems FILE]\n";

int Run(const std::vector<std::string>& argv) {
  std::map<std::string, std::string> args;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if ((a != "--plan" && a != "--appendix" && a != "--out" && a != "--problems") ||
        i + 1 == argv.size()) {
      std::cerr << "mandate-import-seed: bad argument " << a << "\n" << kUsage;
      return 2;
    }
    args[a] = argv[++i];
  }
  if (!args.contains("--plan") || !args.contains("--out")) {
    std::cerr << kUsage;
    return 2;
  }
  const AgencyRegistry& reg = AgencyRegistry::Bundled();
  Dataset ds;
  std::vector<Problem> problems;
  const auto import = [&](const std::string& path, auto&& make) -> bool {
    std::ifstream in(path);
    if (!in) {
      std::cerr << "mandate-import-seed: cannot read " << path << "\n";
      return false;
    }
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      if (line.empty()) continue;
      json row = json::parse(line, nullptr, false);
      if (row.is_discarded() || !row.is_object()) {
        problems.push_back({path + ":" + std::to_string(n), "", "not a JSON object"});
        continue;
      }
      Task t = make(row, reg, problems);
      if (auto added = ds.AddTask(t); !added.ok()) {
        problems.push_back({t.id, "", std::string(added.status().message())});
      }
    }
    return true;
  };
  if (!import(args["--plan"], PlanTask)) return 2;
  if (args.contains("--appendix") && !import(args["--appendix"], AppendixTask)) return 2;
  if (auto s = SaveDatasetJson(ds, args["--out"]); !s.ok()) {
    std::cerr << "mandate-import-seed: " << s.message() << "\n";
    return 2;
  }
  std::ostringstream report;
  for (const auto& p : problems) {
    report << json{{"record", p.record}, {"field", p.field}, {"message", p.message}}.dump(
                  -1, ' ', false, json::error_handler_t::replace)
           << "\n";
  }
  if (args.contains("--problems")) {
    // Atomic and checked to the end (close included), like the dataset itself.
    if (auto s = WriteFileAtomically(args["--problems"], report.str()); !s.ok()) {
      std::cerr << "mandate-import-seed: " << s.message() << "\n";
      return 2;
    }
  } else {
    std::cerr << report.str();
  }
  std::cerr << ds.task_count() << " tasks imported, " << problems.size() << " problems\n";
  return 0;
}

}  // namespace
}  // namespace mandate::tools

int main(int argc, char** argv) {
  return mandate::tools::Run(std::vector<std::string>(argv + 1, argv + argc));
}
