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
#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "appendix_reader.h"
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
  for (const auto& phrase : r.related) {
    problems.push_back({std::string(id), std::string(field),
                        "\"" + phrase + "\" names no fixed set of agencies: kept as text, no ids"});
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

// A title that states a stricter deadline than its cell ("hoàn thành trước ngày 15/6/2025"
// under "2025"): the cell is kept, the person decides; both are named.
void CheckTitleDeadline(const Task& t, const DeadlineContext& ctx, std::vector<Problem>& problems) {
  if (!t.deadline.due) return;
  const ExtractedDeadline in_title = ExtractDeadline(t.title, ctx);
  if (!in_title.status.ok() || !in_title.deadline.due || *in_title.deadline.due >= *t.deadline.due)
    return;
  const std::string phrase = t.title.substr(in_title.begin, in_title.end - in_title.begin);
  problems.push_back(
      {t.id, "deadline",
       "the title states \"" + phrase + "\" (due " + FormatIsoDay(*in_title.deadline.due) +
           "), stricter than the deadline cell \"" + t.deadline.text + "\" (due " +
           FormatIsoDay(*t.deadline.due) + "): the cell is kept"});
}

// A lead is not also its own coordinator: the lead role wins, also when the lead cell names
// it only through a collective ("Các bộ, ngành, địa phương" leading, "Bộ KHCN" coordinating:
// KH25-III-2), so the lead set stays what the lead cell resolves to (the CSV form re-reads it).
void DropLeads(Task& t) {
  std::erase_if(t.coordinators, [&](const std::string& id) {
    return std::find(t.lead.begin(), t.lead.end(), id) != t.lead.end();
  });
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
  const std::size_t known_problems = problems.size();
  ResolveInto(reg, t.id, "lead", t.lead_text, t.lead, nullptr, problems);
  if (t.lead.empty() && problems.size() == known_problems) {
    problems.push_back({t.id, "lead", "no lead agency"});
  }
  ResolveInto(reg, t.id, "coordinators", t.coordinators_text, t.coordinators, &t.partners,
              problems);
  DropLeads(t);
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
  CheckTitleDeadline(t, ctx, problems);
  return t;
}

// The bullet that opens a list of sub-bullets: one ending in ":" ("Trong đó:", "các nội dung
// sau:"). Its sub-bullets are the run of "+" bullets after it (PL2-18..21 under PL2-17) or,
// when the next bullet keeps its mark, the bullets after it under the same heading
// (PL2-56, 57 under PL2-55). A sub-bullet that names no agency inherits the parent's lead,
// coordinators and sources, and its deadline when it states none.
struct ParentBullet {
  Task task;
  std::string mark;     // the parent's own mark
  std::string heading;  // the heading it sits under
  bool open = false;    // it ended in ":" and its sub-bullets have not ended
  std::string run_mark;  // the mark of its first sub-bullet: the others share it
};

bool EndsWithColon(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  return !text.empty() && text.back() == ':';
}

// Whether the bullet `row` is a sub-bullet of `parent` (see ParentBullet).
bool IsSubBullet(const json& row, const ParentBullet& parent) {
  if (!parent.open || row.value("heading", "") != parent.heading) return false;
  const std::string mark = row.value("mark", "");
  if (!parent.run_mark.empty()) return mark == parent.run_mark;
  return mark == "+" || mark == parent.mark;
}

// The deadline of a bullet that states none: its parent's, else the list heading's ("… CÓ
// THỜI HẠN HOÀN THÀNH ĐẾN 31/12/2025 …").
std::optional<Deadline> InheritedDeadline(const json& row, bool sub, const ParentBullet& parent,
                                          const DeadlineContext& ctx) {
  if (sub && parent.task.deadline.kind != DeadlineKind::kUnknown) {
    Deadline d = parent.task.deadline;
    d.explanation.push_back("the bullet states no deadline: its parent's (" + parent.task.id + ")");
    return d;
  }
  const std::string heading = row.value("list_heading", "");
  ExtractedDeadline h = ExtractDeadline(heading, ctx);
  if (h.deadline.kind == DeadlineKind::kNone || !h.status.ok()) return std::nullopt;
  Deadline d = std::move(h.deadline);
  d.text = heading.substr(h.begin, h.end - h.begin);
  d.explanation.push_back("the bullet states no deadline: the list heading's");
  return d;
}

Task AppendixTask(const json& row, const AgencyRegistry& reg, std::vector<Problem>& problems,
                  ParentBullet& parent) {
  Task t;
  t.id = row.at("id").get<std::string>();
  t.title = row.at("text").get<std::string>();
  const std::string heading = row.at("heading").get<std::string>();
  const std::string parent_heading = row.at("parent_heading").get<std::string>();
  t.category = heading == parent_heading ? parent_heading : parent_heading + " / " + heading;
  const std::string mark = row.value("mark", "");
  bool sub = IsSubBullet(row, parent);
  AppendixRoles roles = ReadAppendixRoles(reg, t.title);
  // A bullet of the parent's mark that names its own lead is a sibling, not a sub-bullet.
  if (sub && !roles.lead.empty() && mark != "+") sub = false;
  if (sub && roles.lead.empty()) {
    roles.lead = parent.task.lead;
    roles.lead_text = parent.task.lead_text;
    roles.coordinators = parent.task.coordinators;
    roles.partners = parent.task.partners;
    roles.coordinators_text = parent.task.coordinators_text;
  }
  t.lead = roles.lead;
  t.lead_text = roles.lead_text;
  t.coordinators = roles.coordinators;
  t.partners = roles.partners;
  t.coordinators_text = roles.coordinators_text;
  if (t.lead.empty()) {
    problems.push_back({t.id, "lead", "the bullet names no agency the registry knows"});
  }
  for (const auto& phrase : roles.related) {
    problems.push_back({t.id, "coordinators",
                        "\"" + phrase + "\" names no fixed set of agencies: kept as text, no ids"});
  }
  for (const DocumentRef& ref : FindDocumentRefs(t.title)) {
    t.sources.push_back(ref.raw);
    if (ref.date && !t.assigned && (ref.type == "TB")) t.assigned = ref.date;
  }
  if (sub && t.sources.empty()) {
    t.sources = parent.task.sources;
    t.assigned = parent.task.assigned;
  }
  DeadlineContext ctx;
  ctx.plan_year = 2025;
  ctx.assigned = t.assigned;
  ExtractedDeadline found = ExtractDeadline(t.title, ctx);
  if (found.deadline.kind != DeadlineKind::kNone) {
    t.deadline = std::move(found.deadline);
  } else if (auto inherited = InheritedDeadline(row, sub, parent, ctx)) {
    t.deadline = std::move(*inherited);
  } else {
    problems.push_back({t.id, "deadline", "the bullet states no deadline"});
    t.deadline.kind = DeadlineKind::kUnknown;
  }
  if (sub) {
    parent.run_mark = mark;
  } else {
    parent = {t, mark, heading, EndsWithColon(t.title), ""};
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
  ParentBullet parent;
  const auto appendix_task = [&](const json& row, const AgencyRegistry& r,
                                 std::vector<Problem>& p) { return AppendixTask(row, r, p, parent); };
  if (args.contains("--appendix") && !import(args["--appendix"], appendix_task)) return 2;
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
