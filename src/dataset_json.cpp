#include "mandate/dataset_json.h"

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <thread>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "dataset_json_paths.h"
#include "json_spans.h"
#include "json_task_reader.h"
#include "mandate/atomic_file.h"
#include "parallel_read.h"

namespace mandate {
namespace {

using json = nlohmann::json;

// ---------------------------------------------------------------- writing

json DayJson(Day d) { return FormatIsoDay(d); }

json DeadlineToJson(const Deadline& d) {
  json j = json::object();
  j["kind"] = EnumName(d.kind);
  j["text"] = d.text;
  if (d.due) j["due"] = DayJson(*d.due);
  if (d.anchor) j["anchor"] = DayJson(*d.anchor);
  if (d.first_due) j["first_due"] = DayJson(*d.first_due);
  if (d.start) j["start"] = DayJson(*d.start);
  if (!d.milestones.empty()) {
    json ms = json::array();
    for (const auto& m : d.milestones) {
      json jm = {{"label", m.label}, {"kind", EnumName(m.kind)}};
      if (m.due) jm["due"] = DayJson(*m.due);
      ms.push_back(std::move(jm));
    }
    j["milestones"] = std::move(ms);
  }
  if (d.recurrence) {
    json r = {{"freq", EnumName(d.recurrence->freq)}, {"before", d.recurrence->before}};
    if (d.recurrence->day_of_period) r["day_of_period"] = *d.recurrence->day_of_period;
    if (d.recurrence->month_of_period) r["month_of_period"] = *d.recurrence->month_of_period;
    j["recurrence"] = std::move(r);
  }
  if (d.relative_days != 0) j["relative_days"] = d.relative_days;
  if (d.relative_working_days) j["relative_working_days"] = true;
  if (!d.relative_from.empty()) j["relative_from"] = d.relative_from;
  if (!d.explanation.empty()) j["explanation"] = d.explanation;
  return j;
}

void PutText(json& j, const char* key, const std::string& s) {
  if (!s.empty()) j[key] = s;
}
void PutList(json& j, const char* key, const std::vector<std::string>& v) {
  if (!v.empty()) j[key] = v;
}

json TaskToJson(const Task& t) {
  json j = {{"id", t.id},
            {"title", t.title},
            {"lead", t.lead},
            {"coordinators", t.coordinators},
            {"deadline", DeadlineToJson(t.deadline)}};
  PutText(j, "lead_text", t.lead_text);
  PutText(j, "coordinators_text", t.coordinators_text);
  PutList(j, "partners", t.partners);
  PutList(j, "sources", t.sources);
  PutText(j, "category", t.category);
  PutText(j, "expected_result", t.expected_result);
  if (t.assigned) j["assigned"] = DayJson(*t.assigned);
  PutText(j, "note", t.note);
  if (t.occurrence_reports_tracked) j["occurrence_reports_tracked"] = *t.occurrence_reports_tracked;
  if (!t.history.empty()) {
    json h = json::array();
    for (const auto& e : t.history) {
      json je = {{"day", DayJson(e.day)}, {"type", EnumName(e.type)}};
      if (e.percent) je["percent"] = *e.percent;
      PutText(je, "text", e.text);
      PutList(je, "evidence", e.evidence);
      if (e.new_deadline) je["new_deadline"] = DeadlineToJson(*e.new_deadline);
      PutText(je, "document", e.document);
      if (e.milestone) je["milestone"] = *e.milestone;
      h.push_back(std::move(je));
    }
    j["history"] = std::move(h);
  }
  if (!t.attributes.empty()) {
    json a = json::array();
    for (const auto& [k, v] : t.attributes) a.push_back(json::array({k, v}));
    j["attributes"] = std::move(a);
  }
  return j;
}

json TargetToJson(const Target& t) {
  json j = {{"id", t.id},
            {"name", t.name},
            {"unit", t.unit},
            {"direction", EnumName(t.direction)},
            {"baseline", t.baseline},
            {"target", t.target},
            {"responsible", t.responsible}};
  if (t.baseline_day) j["baseline_day"] = DayJson(*t.baseline_day);
  if (t.deadline) j["deadline"] = DayJson(*t.deadline);
  PutText(j, "family", t.family);
  if (!t.measurements.empty()) {
    json ms = json::array();
    for (const auto& m : t.measurements) {
      json jm = {{"day", DayJson(m.day)}, {"value", m.value}};
      PutText(jm, "locality", m.locality);
      PutText(jm, "source", m.source);
      ms.push_back(std::move(jm));
    }
    j["measurements"] = std::move(ms);
  }
  return j;
}

json PayloadToJson(const Dataset& ds) {
  json tasks = json::array();
  for (TaskIndex i = 0; i < ds.task_count(); ++i) tasks.push_back(TaskToJson(ds.GetTask(i)));
  json targets = json::array();
  for (const auto& t : ds.targets()) targets.push_back(TargetToJson(t));
  json goals = json::array();
  for (const auto& g : ds.goals()) {
    goals.push_back(
        {{"id", g.id}, {"name", g.name}, {"task_ids", g.task_ids}, {"target_ids", g.target_ids}});
  }
  json docs = json::array();
  for (const auto& d : ds.documents()) {
    json jd = {{"id", d.id},
               {"type", d.type},
               {"number", d.number},
               {"issuer", d.issuer},
               {"title", d.title}};
    if (d.date) jd["date"] = DayJson(*d.date);
    docs.push_back(std::move(jd));
  }
  json payload = {{"tasks", std::move(tasks)},
                  {"targets", std::move(targets)},
                  {"goals", std::move(goals)},
                  {"documents", std::move(docs)}};
  // Written only when set, so the checksum of a file without it does not change.
  if (auto tracked = ds.occurrence_reports_tracked()) {
    payload["occurrence_reports_tracked"] = *tracked;
  }
  return payload;
}

// ---------------------------------------------------------------- reading

// Collects problems for one record; every accessor checks the JSON type before reading, so
// no nlohmann exception can escape and a wrong type is reported, not guessed.
class Fields {
 public:
  Fields(const json& obj, std::string record, std::vector<LoadProblem>& out,
         std::string prefix = "")
      : obj_(obj), record_(std::move(record)), out_(out), prefix_(std::move(prefix)) {}

  void Problem(std::string_view field, std::string message) {
    out_.push_back({record_, prefix_ + std::string(field), std::move(message)});
  }
  const std::string& record() const { return record_; }
  std::vector<LoadProblem>& sink() { return out_; }
  std::string Path(std::string_view field) const { return prefix_ + std::string(field); }

  const json* Find(const char* key) const {
    auto it = obj_.find(key);
    return it == obj_.end() || it->is_null() ? nullptr : &*it;
  }
  std::string String(const char* key, bool required = false) {
    const json* v = Find(key);
    if (!v) {
      if (required) Problem(key, "missing");
      return {};
    }
    if (!v->is_string()) {
      Problem(key, absl::StrFormat("expected a string, found %s", v->type_name()));
      return {};
    }
    return v->get<std::string>();
  }
  std::vector<std::string> Strings(const char* key) {
    std::vector<std::string> out;
    const json* v = Find(key);
    if (!v) return out;
    if (!v->is_array()) {
      Problem(key, absl::StrFormat("expected an array of strings, found %s", v->type_name()));
      return out;
    }
    for (const auto& e : *v) {
      if (e.is_string()) {
        out.push_back(e.get<std::string>());
      } else {
        Problem(key, absl::StrFormat("expected a string element, found %s", e.type_name()));
      }
    }
    return out;
  }
  std::optional<Day> DayField(const char* key, bool required = false) {
    const std::string s = String(key, required);
    if (s.empty()) return std::nullopt;
    auto d = ParseIsoDay(s);
    if (!d.ok()) {
      Problem(key, absl::StrFormat("\"%s\": %s", s, d.status().message()));
      return std::nullopt;
    }
    return *d;
  }
  std::optional<double> Number(const char* key, bool required = false) {
    const json* v = Find(key);
    if (!v) {
      if (required) Problem(key, "missing");
      return std::nullopt;
    }
    if (!v->is_number()) {
      Problem(key, absl::StrFormat("expected a number, found %s", v->type_name()));
      return std::nullopt;
    }
    const double d = v->get<double>();
    if (!std::isfinite(d)) {
      Problem(key, "not a finite number");
      return std::nullopt;
    }
    return d;
  }
  std::optional<std::int64_t> Integer(const char* key, std::int64_t lo, std::int64_t hi) {
    const json* v = Find(key);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) {
      Problem(key, absl::StrFormat("expected an integer, found %s", v->type_name()));
      return std::nullopt;
    }
    const std::int64_t n = v->is_number_unsigned() && v->get<std::uint64_t>() > INT64_MAX
                               ? INT64_MAX
                               : v->get<std::int64_t>();
    if (n < lo || n > hi) {
      Problem(key, absl::StrFormat("%d is outside %d..%d", n, lo, hi));
      return std::nullopt;
    }
    return n;
  }
  bool Bool(const char* key) {
    const json* v = Find(key);
    if (!v) return false;
    if (!v->is_boolean()) {
      Problem(key, absl::StrFormat("expected true or false, found %s", v->type_name()));
      return false;
    }
    return v->get<bool>();
  }
  const json* Array(const char* key) {
    const json* v = Find(key);
    if (!v) return nullptr;
    if (!v->is_array()) {
      Problem(key, absl::StrFormat("expected an array, found %s", v->type_name()));
      return nullptr;
    }
    return v;
  }
  // Keys this reader does not know are reported: they would otherwise be lost on save.
  void CheckKeys(std::initializer_list<std::string_view> known) {
    for (auto it = obj_.begin(); it != obj_.end(); ++it) {
      bool ok = false;
      for (auto k : known) ok = ok || it.key() == k;
      if (!ok) Problem(it.key(), "unknown field, ignored");
    }
  }

 private:
  const json& obj_;
  std::string record_;
  std::vector<LoadProblem>& out_;
  std::string prefix_;
};

DeadlineKind KindField(Fields& f, const char* key) {
  const std::string name = f.String(key, true);
  if (name.empty()) return DeadlineKind::kUnknown;
  if (auto k = EnumFromName<DeadlineKind>(name)) return *k;
  f.Problem(key, absl::StrFormat("unknown deadline kind \"%s\"", name));
  return DeadlineKind::kUnknown;
}

Deadline DeadlineFromJson(const json& j, const std::string& record, std::vector<LoadProblem>& out,
                          const std::string& prefix) {
  Deadline d;
  if (!j.is_object()) {
    out.push_back({record, prefix.substr(0, prefix.size() - 1), "expected an object"});
    return d;
  }
  Fields f(j, record, out, prefix);
  f.CheckKeys({"kind", "text", "due", "anchor", "first_due", "start", "milestones", "recurrence",
               "relative_days", "relative_working_days", "relative_from", "explanation"});
  d.kind = KindField(f, "kind");
  d.text = f.String("text");
  d.due = f.DayField("due");
  d.anchor = f.DayField("anchor");
  d.first_due = f.DayField("first_due");
  d.start = f.DayField("start");
  if (const json* ms = f.Array("milestones")) {
    for (std::size_t i = 0; i < ms->size(); ++i) {
      const std::string p = absl::StrFormat("%smilestones[%d].", prefix, i);
      if (!(*ms)[i].is_object()) {
        out.push_back({record, p.substr(0, p.size() - 1), "expected an object"});
        continue;
      }
      Fields fm((*ms)[i], record, out, p);
      fm.CheckKeys({"label", "kind", "due"});
      Milestone m;
      m.label = fm.String("label");
      m.kind = KindField(fm, "kind");
      m.due = fm.DayField("due");
      d.milestones.push_back(std::move(m));
    }
  }
  if (const json* r = f.Find("recurrence")) {
    if (!r->is_object()) {
      f.Problem("recurrence", "expected an object");
    } else {
      Fields fr(*r, record, out, prefix + "recurrence.");
      fr.CheckKeys({"freq", "before", "day_of_period", "month_of_period"});
      Recurrence rec;
      const std::string freq = fr.String("freq", true);
      if (auto fq = EnumFromName<Frequency>(freq)) {
        rec.freq = *fq;
      } else if (!freq.empty()) {
        fr.Problem("freq", absl::StrFormat("unknown frequency \"%s\"", freq));
      }
      rec.before = fr.Bool("before");
      if (auto n = fr.Integer("day_of_period", 1, 31))
        rec.day_of_period = static_cast<unsigned>(*n);
      if (auto n = fr.Integer("month_of_period", 1, 12))
        rec.month_of_period = static_cast<unsigned>(*n);
      d.recurrence = rec;
    }
  }
  if (auto n = f.Integer("relative_days", -100000, 100000)) d.relative_days = static_cast<int>(*n);
  d.relative_working_days = f.Bool("relative_working_days");
  d.relative_from = f.String("relative_from");
  d.explanation = f.Strings("explanation");
  return d;
}

// Drops ids the registry does not know (reported), keeping the rest of the task.
std::vector<std::string> KnownAgencies(Fields& f, const char* key, const AgencyRegistry& reg) {
  std::vector<std::string> ids = f.Strings(key);
  std::vector<std::string> out;
  for (auto& id : ids) {
    if (reg.FindById(id)) {
      out.push_back(std::move(id));
    } else {
      f.Problem(key, absl::StrFormat("unknown agency id \"%s\", dropped", id));
    }
  }
  return out;
}

std::optional<Task> TaskFromJson(const json& j, std::size_t index, const AgencyRegistry& reg,
                                 std::vector<LoadProblem>& out) {
  std::string record = absl::StrFormat("tasks[%d]", index);
  if (!j.is_object()) {
    out.push_back({record, "", "expected an object"});
    return std::nullopt;
  }
  if (auto it = j.find("id"); it != j.end() && it->is_string()) {
    record = absl::StrFormat("task %s", it->get<std::string>().substr(0, 80));
  }
  Fields f(j, record, out);
  f.CheckKeys({"id", "title", "lead", "coordinators", "deadline", "lead_text", "coordinators_text",
               "partners", "sources", "category", "expected_result", "assigned", "note", "history",
               "attributes", "occurrence_reports_tracked"});
  Task t;
  t.id = f.String("id", true);
  if (t.id.empty()) return std::nullopt;  // reported by String()
  t.title = f.String("title");
  t.lead = KnownAgencies(f, "lead", reg);
  t.coordinators = KnownAgencies(f, "coordinators", reg);
  t.partners = KnownAgencies(f, "partners", reg);
  t.lead_text = f.String("lead_text");
  t.coordinators_text = f.String("coordinators_text");
  t.sources = f.Strings("sources");
  t.category = f.String("category");
  t.expected_result = f.String("expected_result");
  t.assigned = f.DayField("assigned");
  t.note = f.String("note");
  if (const json* v = f.Find("occurrence_reports_tracked")) {
    if (v->is_boolean()) {
      t.occurrence_reports_tracked = v->get<bool>();
    } else {
      f.Problem("occurrence_reports_tracked",
                absl::StrFormat("expected true or false, found %s", v->type_name()));
    }
  }
  if (const json* dl = f.Find("deadline")) {
    t.deadline = DeadlineFromJson(*dl, record, out, "deadline.");
  } else {
    f.Problem("deadline", "missing");
  }
  if (const json* h = f.Array("history")) {
    for (std::size_t i = 0; i < h->size(); ++i) {
      const std::string p = absl::StrFormat("history[%d].", i);
      if (!(*h)[i].is_object()) {
        f.Problem(p.substr(0, p.size() - 1), "expected an object");
        continue;
      }
      Fields fe((*h)[i], record, out, p);
      fe.CheckKeys(
          {"day", "type", "percent", "text", "evidence", "new_deadline", "document", "milestone"});
      TaskEvent e;
      const auto day = fe.DayField("day", true);
      const std::string type = fe.String("type", true);
      const auto et = EnumFromName<EventType>(type);
      if (!et && !type.empty()) fe.Problem("type", absl::StrFormat("unknown event \"%s\"", type));
      if (!day || !et) {
        fe.Problem("", "event dropped");
        continue;
      }
      e.day = *day;
      e.type = *et;
      if (auto pc = fe.Integer("percent", 0, 100)) e.percent = static_cast<int>(*pc);
      e.text = fe.String("text");
      e.evidence = fe.Strings("evidence");
      if (const json* nd = fe.Find("new_deadline")) {
        e.new_deadline = DeadlineFromJson(*nd, record, out, p + "new_deadline.");
      }
      e.document = fe.String("document");
      if (auto m = fe.Integer("milestone", 0, 1000)) e.milestone = static_cast<int>(*m);
      t.history.push_back(std::move(e));
    }
  }
  if (const json* a = f.Array("attributes")) {
    for (const auto& kv : *a) {
      if (kv.is_array() && kv.size() == 2 && kv[0].is_string() && kv[1].is_string()) {
        t.attributes.emplace_back(kv[0].get<std::string>(), kv[1].get<std::string>());
      } else {
        f.Problem("attributes", "expected [name, value] pairs of strings");
      }
    }
  }
  return t;
}

void ReadTargets(const json& arr, Dataset& ds, std::vector<LoadProblem>& out) {
  for (std::size_t i = 0; i < arr.size(); ++i) {
    std::string record = absl::StrFormat("targets[%d]", i);
    if (!arr[i].is_object()) {
      out.push_back({record, "", "expected an object"});
      continue;
    }
    Fields f(arr[i], record, out);
    f.CheckKeys({"id", "name", "unit", "direction", "baseline", "target", "responsible",
                 "baseline_day", "deadline", "family", "measurements"});
    Target t;
    t.id = f.String("id", true);
    t.name = f.String("name");
    t.unit = f.String("unit");
    const std::string dir = f.String("direction");
    if (auto d = EnumFromName<TargetDirection>(dir)) {
      t.direction = *d;
    } else if (!dir.empty()) {
      f.Problem("direction", absl::StrFormat("unknown direction \"%s\"", dir));
    }
    t.baseline = f.Number("baseline", true).value_or(0);
    t.target = f.Number("target", true).value_or(0);
    t.responsible = KnownAgencies(f, "responsible", ds.registry());
    t.baseline_day = f.DayField("baseline_day");
    t.deadline = f.DayField("deadline");
    t.family = f.String("family");
    if (const json* ms = f.Array("measurements")) {
      for (std::size_t k = 0; k < ms->size(); ++k) {
        const std::string p = absl::StrFormat("measurements[%d].", k);
        if (!(*ms)[k].is_object()) {
          f.Problem(p.substr(0, p.size() - 1), "expected an object");
          continue;
        }
        Fields fm((*ms)[k], record, out, p);
        fm.CheckKeys({"day", "value", "locality", "source"});
        Measurement m;
        const auto day = fm.DayField("day", true);
        const auto value = fm.Number("value", true);
        if (!day || !value) {
          fm.Problem("", "measurement dropped");
          continue;
        }
        m.day = *day;
        m.value = *value;
        m.locality = fm.String("locality");
        m.source = fm.String("source");
        t.measurements.push_back(std::move(m));
      }
    }
    if (t.id.empty()) continue;
    if (auto s = ds.AddTarget(t); !s.ok()) out.push_back({record, "", std::string(s.message())});
  }
}

void ReadGoals(const json& payload, Dataset& ds, std::vector<LoadProblem>& out) {
  if (auto it = payload.find("goals"); it != payload.end() && it->is_array()) {
    for (std::size_t i = 0; i < it->size(); ++i) {
      const std::string record = absl::StrFormat("goals[%d]", i);
      if (!(*it)[i].is_object()) {
        out.push_back({record, "", "expected an object"});
        continue;
      }
      Fields f((*it)[i], record, out);
      f.CheckKeys({"id", "name", "task_ids", "target_ids"});
      Goal g{f.String("id", true), f.String("name"), f.Strings("task_ids"),
             f.Strings("target_ids")};
      if (g.id.empty()) continue;
      if (auto s = ds.AddGoal(g); !s.ok()) out.push_back({record, "", std::string(s.message())});
    }
  }
}

void ReadDocuments(const json& payload, Dataset& ds, std::vector<LoadProblem>& out) {
  if (auto it = payload.find("documents"); it != payload.end() && it->is_array()) {
    for (std::size_t i = 0; i < it->size(); ++i) {
      const std::string record = absl::StrFormat("documents[%d]", i);
      if (!(*it)[i].is_object()) {
        out.push_back({record, "", "expected an object"});
        continue;
      }
      Fields f((*it)[i], record, out);
      f.CheckKeys({"id", "type", "number", "issuer", "date", "title"});
      SourceDocument d;
      d.id = f.String("id", true);
      d.type = f.String("type");
      d.number = f.String("number");
      d.issuer = f.String("issuer");
      d.date = f.DayField("date");
      d.title = f.String("title");
      if (d.id.empty()) continue;
      if (auto s = ds.AddDocument(d); !s.ok()) {
        out.push_back({record, "", std::string(s.message())});
      }
    }
  }
}

// Depth of nested arrays/objects, counted without recursion before the real parse, so a
// hostile "[[[[..." cannot exhaust the stack of the parser or of the DOM's destructor.
absl::Status CheckDepth(std::string_view text, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        return absl::ResourceExhaustedError(absl::StrFormat(
            "JSON nested deeper than the limit of %d levels at byte offset %d", max_depth, i));
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return absl::OkStatus();
}

// FNV-1a 64 fed piece by piece: the checksum of the canonical payload without building it
// as one string.
class Fnv1a64 {
 public:
  void Add(std::string_view bytes) {
    for (const char c : bytes) {
      h_ ^= static_cast<unsigned char>(c);
      h_ *= 0x100000001b3ULL;
    }
  }
  std::string Checksum() const { return absl::StrFormat("fnv1a64:%016x", h_); }

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

// Checks the syntax with nlohmann's own parser and builds nothing: the errors and byte
// offsets are those of parsing the whole document, at no memory cost.
class SyntaxCheck final : public nlohmann::json_sax<json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& e) override {
    if (e.id == 406) {  // out_of_range: a number beyond any double (1e400)
      error = absl::InvalidArgumentError(
          absl::StrFormat("the file holds a number out of range: %s", e.what()));
    } else {
      error = absl::DataLossError(
          absl::StrFormat("the file is not valid JSON (truncated or corrupted?) at byte %d: %s",
                          position, e.what()));
    }
    return false;
  }
  absl::Status error;
};

// An object's members by decoded key, sorted as nlohmann's objects are (so in the order of
// the canonical dump); a repeated key keeps its last value, as parsing into a DOM does.
std::map<std::string, std::string_view> MembersByKey(std::string_view object) {
  std::map<std::string, std::string_view> out;
  for (const auto& m : internal::ObjectMembers(object)) {
    out[json::parse(m.key.begin(), m.key.end()).get<std::string>()] = m.value;
  }
  return out;
}

json ParseSpan(std::string_view span) { return json::parse(span.begin(), span.end()); }

}  // namespace

std::string DatasetChecksum(std::string_view canonical_payload) {
  Fnv1a64 h;
  h.Add(canonical_payload);
  return h.Checksum();
}

absl::StatusOr<std::string> WriteDatasetJson(const Dataset& dataset) {
  try {
    const json payload = PayloadToJson(dataset);
    const std::string canonical = payload.dump();
    std::string body = payload.dump(2);
    std::string out = absl::StrFormat("{\n  \"schema_version\": %d,\n  \"checksum\": \"%s\",\n",
                                      kDatasetSchemaVersion, DatasetChecksum(canonical));
    out += "  \"dataset\": ";
    out.reserve(out.size() + body.size() + body.size() / 16);
    // dump() escapes line breaks inside strings, so every '\n' here is layout.
    for (const char c : body) {
      out.push_back(c);
      if (c == '\n') out += "  ";
    }
    out += "\n}\n";
    return out;
  } catch (const json::exception& e) {
    return absl::InvalidArgumentError(
        absl::StrFormat("cannot write the dataset as JSON: %s", e.what()));
  }
}

absl::Status SaveDatasetJson(const Dataset& dataset, const std::string& path) {
  auto text = WriteDatasetJson(dataset);
  if (!text.ok()) return text.status();
  return WriteFileAtomically(path, *text);
}

namespace {

using Members = std::map<std::string, std::string_view>;

// The top level: a supported schema_version, a "dataset" object, maybe a checksum.
struct Envelope {
  Members top;
  std::string_view payload;      // the "dataset" object's span
  std::optional<json> checksum;  // nullopt: the file has none
};

absl::StatusOr<Envelope> ReadEnvelope(std::string_view text, const JsonReadOptions& options,
                                      std::vector<LoadProblem>& out) {
  const std::string_view root = internal::TrimJson(text);
  if (root.empty() || root.front() != '{') {
    return absl::InvalidArgumentError("a dataset file is a JSON object");
  }
  Envelope e;
  e.top = MembersByKey(root);
  const auto version_span = e.top.find("schema_version");
  const json version = version_span == e.top.end() ? json() : ParseSpan(version_span->second);
  if (!version.is_number_integer()) {
    return absl::InvalidArgumentError("not a mandate dataset: no integer \"schema_version\"");
  }
  if (version.get<std::int64_t>() != kDatasetSchemaVersion) {
    return absl::InvalidArgumentError(
        absl::StrFormat("schema_version %s is not supported; this library reads version %d",
                        version.dump(), kDatasetSchemaVersion));
  }
  const auto payload_span = e.top.find("dataset");
  if (payload_span == e.top.end() || payload_span->second.empty() ||
      payload_span->second.front() != '{') {
    return absl::InvalidArgumentError("not a mandate dataset: no \"dataset\" object");
  }
  e.payload = payload_span->second;
  if (const auto checksum_span = e.top.find("checksum"); checksum_span != e.top.end()) {
    e.checksum = ParseSpan(checksum_span->second);
  } else if (options.require_checksum) {
    return absl::DataLossError("the file has no checksum, so its integrity cannot be checked");
  } else {
    out.push_back({"file", "checksum", "missing: the file's integrity was not verified"});
  }
  for (const auto& [key, span] : e.top) {
    if (key != "schema_version" && key != "checksum" && key != "dataset") {
      out.push_back({"file", key, "unknown field, ignored"});
    }
  }
  return e;
}

// Every payload member but the tasks, as a small DOM the readers take; the tasks array's span
// (empty when it is not an array) is read task by task.
json SmallMembers(const Members& members, std::string_view& tasks, std::vector<LoadProblem>& out) {
  json rest = json::object();
  for (const auto& [key, span] : members) {
    if (key == "tasks" && !span.empty() && span.front() == '[') {
      tasks = span;
      continue;
    }
    json value = ParseSpan(span);
    if (key == "occurrence_reports_tracked") {
      if (!value.is_boolean()) {
        out.push_back({"dataset", key,
                       absl::StrFormat("expected true or false, found %s", value.type_name())});
      }
    } else if (key != "tasks" && key != "targets" && key != "goals" && key != "documents") {
      out.push_back({"dataset", key, "unknown field, ignored"});
    } else if (!value.is_array()) {
      out.push_back(
          {"dataset", key, absl::StrFormat("expected an array, found %s", value.type_name())});
    }
    rest[key] = std::move(value);
  }
  return rest;
}

// One task element converted off the loading thread: its canonical text for the checksum,
// the task and its problems, in the order a one-element-at-a-time read gives them.
struct ConvertedTask {
  std::string dumped;
  std::optional<Task> task;
  std::vector<LoadProblem> problems;
};

// Elements [0, n) of `spans` converted on `threads` threads (this one included); a JSON error
// is rethrown here, as the one-thread read would throw it.
void ConvertTasks(const std::vector<std::string_view>& spans, std::size_t first_index,
                  const AgencyRegistry& reg, std::size_t threads, std::vector<ConvertedTask>& out) {
  const std::size_t n = spans.size();
  if (out.size() < n) out.resize(n);
  std::vector<std::exception_ptr> errors(threads);
  const auto convert = [&](std::size_t t) {
    try {
      for (std::size_t i = t; i < n; i += threads) {
        ConvertedTask& c = out[i];
        const json j = ParseSpan(spans[i]);
        c.dumped = j.dump();
        c.problems.clear();
        c.task = TaskFromJson(j, first_index + i, reg, c.problems);
      }
    } catch (...) {
      errors[t] = std::current_exception();
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(convert, t);
  convert(0);
  for (auto& h : helpers) h.join();
  for (const auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
}

// One task element read by the fast reader, or (not canonical, or with a problem) through the
// DOM as the one-thread read converts it.
struct FastElement {
  internal::ReadTask read;
  bool has_task = false;
  bool fallback = false;
  std::uint32_t local = 0;  // index in its chunk: the DOM names a task without id by it
  std::vector<LoadProblem> problems;
};

// A piece of the tasks array read off the loading thread: its elements and their compact
// serialisation (with the separating commas) for the checksum. Reused from chunk to chunk.
struct FastChunk {
  std::string compact;
  std::vector<FastElement> elements;
  std::size_t count = 0;
  bool invalid = false;
};

// A deadline's bytes in the file with their hash, taken by the thread that read them.
struct DeadlineBytes {
  std::string_view bytes;
  std::size_t hash = 0;
  bool operator==(const DeadlineBytes& o) const { return bytes == o.bytes; }
  struct Hash {
    std::size_t operator()(const DeadlineBytes& d) const { return d.hash; }
  };
};

// The elements of `chunk`: "v , v , ... v ," (the last chunk without the final comma).
// False if it is not that (the file then goes the old way, which reports what is wrong).
bool ParseChunk(std::string_view chunk, bool first, bool last, internal::JsonTaskReader& reader,
                const AgencyRegistry& reg, FastChunk& out) {
  out.compact.clear();
  out.count = 0;
  std::size_t pos = 0;
  for (;;) {
    if (out.count == out.elements.size()) out.elements.emplace_back();
    FastElement& e = out.elements[out.count];
    if (!first || out.count > 0) out.compact.push_back(',');
    const std::size_t mark = out.compact.size(), begin = pos;
    const auto verdict = reader.Read(chunk, pos, e.read, out.compact);
    if (verdict == internal::JsonTaskReader::Verdict::kInvalid) return false;
    e.local = static_cast<std::uint32_t>(out.count);
    e.fallback = verdict == internal::JsonTaskReader::Verdict::kFallback;
    e.has_task = true;
    e.problems.clear();
    if (e.fallback) {
      try {
        const json j = ParseSpan(chunk.substr(begin, pos - begin));
        out.compact.resize(mark);
        out.compact += j.dump();
        auto t = TaskFromJson(j, e.local, reg, e.problems);
        e.has_task = t.has_value();
        if (t) e.read.task = *std::move(t);
      } catch (const json::exception&) {
        return false;
      }
    }
    ++out.count;
    while (pos < chunk.size() &&
           (chunk[pos] == ' ' || chunk[pos] == '\n' || chunk[pos] == '\t' || chunk[pos] == '\r')) {
      ++pos;
    }
    if (pos == chunk.size()) return last;
    if (chunk[pos] != ',') return false;
    if (++pos == chunk.size()) return !last;
  }
}

// The tasks array's body (between its brackets) in chunks split at element boundaries of the
// canonical layout (",\n      {": a line break is never inside a JSON string, so only a task
// starts there; a chunk that does not parse as whole elements sends the file the old way).
// Chunks are read on `threads` threads (this one included) and committed in file order on
// this one: hashed, problems in order, AddTask. False: not canonical enough, read it the old way.
bool ReadCanonicalTasks(std::string_view body, std::size_t max_depth, std::size_t threads,
                        Fnv1a64& hash, Dataset& ds, std::vector<LoadProblem>& records) {
  if (internal::TrimJson(body).empty()) return true;
  constexpr std::size_t kChunkBytes = std::size_t{256} << 10;
  std::vector<std::size_t> cuts{0};
  for (std::size_t at = kChunkBytes; at < body.size(); at = cuts.back() + kChunkBytes) {
    const std::size_t found = body.find(",\n      {", at);
    if (found == std::string_view::npos) break;
    cuts.push_back(found + 1);
  }
  cuts.push_back(body.size());
  const std::size_t m = cuts.size() - 1;
  threads = std::clamp<std::size_t>(threads, 1, m);
  const std::size_t slots = std::min(m, 2 * threads + 2);
  const AgencyRegistry& reg = ds.registry();
  std::vector<FastChunk> chunks(slots);
  std::vector<std::size_t> done(slots, SIZE_MAX);  // the chunk each slot holds, once read
  std::mutex mu;
  std::condition_variable cv;
  // The checksum runs over the chunks in order on whichever thread is free (FNV is serial):
  // on two threads it leaves the loading thread to the commits. A slot is reused once its
  // chunk is both committed and hashed.
  std::size_t next = 0, committed = 0, hashed = 0;
  bool stop = false, hashing = false;
  const auto parse = [&](std::size_t k, internal::JsonTaskReader& reader) {
    FastChunk& c = chunks[k % slots];
    try {
      c.invalid = !ParseChunk(body.substr(cuts[k], cuts[k + 1] - cuts[k]), k == 0, k + 1 == m,
                              reader, reg, c);
    } catch (...) {  // out of memory: the old way reports it
      c.invalid = true;
    }
    std::lock_guard<std::mutex> lock(mu);
    done[k % slots] = k;
    cv.notify_all();
  };
  const auto claimable = [&] {
    return !stop && next < m && next < std::min(committed, hashed) + slots;
  };
  const auto hashable = [&] {
    return !stop && !hashing && hashed < m && done[hashed % slots] == hashed &&
           !chunks[hashed % slots].invalid;
  };
  // With the lock held: hashes the next chunk (the lock released meanwhile).
  const auto hash_next = [&](std::unique_lock<std::mutex>& lock) {
    hashing = true;
    const FastChunk& c = chunks[hashed % slots];
    lock.unlock();
    hash.Add(c.compact);
    lock.lock();
    hashing = false;
    ++hashed;
    cv.notify_all();
  };
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < threads; ++t) {
    helpers.emplace_back([&] {
      internal::JsonTaskReader reader(reg, max_depth);
      std::unique_lock<std::mutex> lock(mu);
      for (;;) {
        cv.wait(lock,
                [&] { return stop || hashable() || claimable() || (next >= m && hashed >= m); });
        if (stop || (next >= m && hashed >= m)) return;
        if (hashable()) {
          hash_next(lock);
          continue;
        }
        const std::size_t k = next++;
        lock.unlock();
        parse(k, reader);
        lock.lock();
      }
    });
  }
  internal::JsonTaskReader reader(reg, max_depth);
  bool ok = true;
  std::size_t index = 0;
  absl::flat_hash_map<DeadlineBytes, std::uint32_t, DeadlineBytes::Hash> deadline_ids;
  const std::size_t agency_limit = ds.limits().max_agencies_per_task;
  for (std::size_t k = 0; k < m && ok; ++k) {
    {
      std::unique_lock<std::mutex> lock(mu);
      for (;;) {
        if (done[k % slots] == k) break;
        if (claimable()) {
          const std::size_t j = next++;
          lock.unlock();
          parse(j, reader);
          lock.lock();
          continue;
        }
        if (hashable()) {
          hash_next(lock);
          continue;
        }
        cv.wait(lock);
      }
    }
    FastChunk& c = chunks[k % slots];
    if (c.invalid) {
      ok = false;
      break;
    }
    for (std::size_t e = 0; e < c.count; ++e, ++index) {
      FastElement& el = c.elements[e];
      if (el.fallback) {
        const std::string local = absl::StrFormat("tasks[%d]", el.local);
        for (auto& p : el.problems) {
          if (p.record == local) p.record = absl::StrFormat("tasks[%d]", index);
          records.push_back(std::move(p));
        }
      }
      if (!el.has_task) continue;
      const Task& task = el.read.task;
      // A deadline whose bytes were seen is interned already: AddTask with the agencies and
      // the deadline resolved is then AddTask(task) without the lookups (and without the
      // UTF-8 check, which the reader made). Over the agency limit, the full path says so.
      const auto known = el.fallback
                             ? deadline_ids.end()
                             : deadline_ids.find({el.read.deadline_bytes, el.read.deadline_hash});
      absl::StatusOr<TaskIndex> added;
      if (known != deadline_ids.end() && el.read.lead.size() <= agency_limit &&
          el.read.coordinators.size() <= agency_limit) {
        added = ds.AddTask(task, {.lead = el.read.lead,
                                  .coordinators = el.read.coordinators,
                                  .deadline = known->second,
                                  .utf8_checked = true});
      } else {
        added = ds.AddTask(task);
        if (added.ok() && !el.fallback) {
          deadline_ids.emplace(DeadlineBytes{el.read.deadline_bytes, el.read.deadline_hash},
                               ds.original_deadline_id(*added));
        }
      }
      if (!added.ok()) {
        records.push_back({absl::StrFormat("task %s", task.id.substr(0, 80)), "",
                           std::string(added.status().message())});
      }
    }
    std::unique_lock<std::mutex> lock(mu);
    ++committed;
    cv.notify_all();
    if (helpers.empty()) {
      while (hashable()) hash_next(lock);
    }
  }
  {
    std::unique_lock<std::mutex> lock(mu);
    // Every chunk committed: the checksum's last chunks, on whichever thread is free.
    while (ok && hashed < m) {
      if (hashable()) {
        hash_next(lock);
      } else {
        cv.wait(lock);
      }
    }
    stop = true;
    cv.notify_all();
  }
  for (auto& h : helpers) h.join();
  return ok;
}

// Where the fast path found the tasks: the body in the file, and the '[' in the skeleton the
// rest of the file is read from (the "tasks" member must be that one).
struct FastTasks {
  std::string_view body;
  const char* open_in_skeleton = nullptr;
  std::size_t max_depth = 0;  // inside an element
  bool failed = false;
};

// Adds the tasks while hashing the payload as payload.dump() would write it (keys sorted,
// compact); returns the checksum. The elements are parsed and converted in batches on
// `threads` threads; hashing and AddTask stay in file order on this one. With `fast`, the
// tasks come from ReadCanonicalTasks (fast->failed when it gave up).
std::string ReadTasksAndHash(const Members& members, json& rest, std::string_view tasks,
                             Dataset& ds, std::vector<LoadProblem>& records, std::size_t threads,
                             FastTasks* fast) {
  constexpr std::size_t kBatch = 4096;
  Fnv1a64 hash;
  hash.Add("{");
  bool first = true;
  for (const auto& [key, span] : members) {
    hash.Add(first ? "" : ",");
    first = false;
    hash.Add(json(key).dump());
    hash.Add(":");
    if (key != "tasks" || tasks.empty()) {
      hash.Add(rest[key].dump());
      continue;
    }
    hash.Add("[");
    if (fast) {
      if (tasks.data() != fast->open_in_skeleton ||
          !ReadCanonicalTasks(fast->body, fast->max_depth, threads, hash, ds, records)) {
        fast->failed = true;
        return {};
      }
      hash.Add("]");
      continue;
    }
    internal::JsonArrayCursor cursor(tasks);
    std::vector<std::string_view> spans;
    std::vector<ConvertedTask> converted;
    std::size_t index = 0;
    for (bool more = true; more;) {
      spans.clear();
      std::string_view element;
      while (spans.size() < kBatch && (more = cursor.Next(element))) spans.push_back(element);
      ConvertTasks(spans, index, ds.registry(), spans.size() < 64 ? 1 : threads, converted);
      for (std::size_t k = 0; k < spans.size(); ++k, ++index) {
        ConvertedTask& c = converted[k];
        hash.Add(index == 0 ? "" : ",");
        hash.Add(c.dumped);
        records.insert(records.end(), std::make_move_iterator(c.problems.begin()),
                       std::make_move_iterator(c.problems.end()));
        if (!c.task) continue;
        if (auto added = ds.AddTask(*c.task); !added.ok()) {
          records.push_back({absl::StrFormat("task %s", c.task->id.substr(0, 80)), "",
                             std::string(added.status().message())});
        }
      }
    }
    hash.Add("]");
  }
  hash.Add("}");
  return hash.Checksum();
}

std::string ChecksumMismatch(const json& expected, std::string_view actual) {
  return absl::StrFormat(
      "checksum mismatch: the file says %s but its content hashes to %s; the file was edited "
      "by hand or damaged. Check the data, then `mandate validate --fix --data FILE` re-signs it",
      expected.dump(), actual);
}

}  // namespace

namespace {

// The file (checked to be valid JSON within the depth limit) read into a dataset; with
// `fast`, `text` is the skeleton and the tasks come from the fast reader.
absl::StatusOr<Dataset> ReadValidJson(std::string_view text, const JsonReadOptions& options,
                                      std::vector<LoadProblem>& out, std::size_t first_problem,
                                      FastTasks* fast) {
  try {
    auto envelope = ReadEnvelope(text, options, out);
    if (!envelope.ok()) return envelope.status();
    const Members members = MembersByKey(envelope->payload);
    std::string_view tasks;
    json rest = SmallMembers(members, tasks, out);

    // Problems of the records follow the checksum's: a mismatch explains them.
    std::vector<LoadProblem> records;
    Dataset ds(options.registry, options.limits);
    if (auto it = rest.find("occurrence_reports_tracked"); it != rest.end() && it->is_boolean()) {
      ds.set_occurrence_reports_tracked(it->get<bool>());
    }
    ReadDocuments(rest, ds, records);
    const std::size_t threads =
        options.threads ? options.threads
                        : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
    const std::string actual = ReadTasksAndHash(members, rest, tasks, ds, records, threads, fast);
    if (fast && (fast->failed || tasks.empty())) {
      fast->failed = true;
      return absl::InternalError("not read the fast way");
    }
    if (const auto& expected = envelope->checksum;
        expected && (!expected->is_string() || expected->get<std::string>() != actual)) {
      // A person who fixed a typo by hand must not be locked out of their data: the file
      // parsed, so it loads with the mismatch reported; strict mode still refuses it.
      if (options.strict) {
        out.resize(first_problem);
        return absl::DataLossError(
            absl::StrCat(ChecksumMismatch(*expected, actual), "; strict mode refuses the file"));
      }
      out.push_back({"file", "checksum", ChecksumMismatch(*expected, actual)});
    }
    out.insert(out.end(), std::make_move_iterator(records.begin()),
               std::make_move_iterator(records.end()));
    if (auto targets = rest.find("targets"); targets != rest.end() && targets->is_array()) {
      ReadTargets(*targets, ds, out);
    }
    ReadGoals(rest, ds, out);
    if (options.strict && out.size() > first_problem) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%d problem(s); strict mode refuses the file. First: %s",
                          out.size() - first_problem, FormatLoadProblem(out[first_problem])));
    }
    ds.ShrinkToFit();  // the columns grew by doubling: give back what they did not use
    return ds;
  } catch (const json::exception& e) {  // checked above; a parse of a span cannot fail
    return absl::InternalError(absl::StrFormat("reading the dataset JSON: %s", e.what()));
  }
}

// Issue 20: a file in the layout WriteDatasetJson writes is read without nlohmann on its hot
// path. Its tasks array is cut out: the rest (the envelope, documents, targets, goals: small)
// is checked and read as before from a skeleton with an empty tasks array, and the tasks'
// body is read by ReadCanonicalTasks. Anything unexpected (another layout, invalid JSON, a
// depth past the limit, an error to report) gives nullopt and the old path reads the file,
// so results, problems and errors are always the old path's.
std::optional<absl::StatusOr<Dataset>> ReadCanonicalJson(std::string_view text,
                                                         const JsonReadOptions& options,
                                                         std::vector<LoadProblem>& out,
                                                         std::size_t first_problem) {
  constexpr std::string_view kOpen = "\n    \"tasks\": [";
  constexpr std::string_view kClose = "\n    ]\n  }\n}\n";
  if (options.max_depth < 4 || !text.ends_with(kClose)) return std::nullopt;
  // Keys are sorted: "tasks" is the payload's last member, after the small ones.
  const std::size_t open = text.find(kOpen);
  const std::size_t body_end = text.size() - kClose.size();
  if (open == std::string_view::npos || open + kOpen.size() > body_end) return std::nullopt;
  const std::size_t body_begin = open + kOpen.size();
  std::string skeleton;
  skeleton.reserve(body_begin + kClose.size());
  skeleton.append(text.substr(0, body_begin));
  skeleton.append(kClose);
  if (!CheckDepth(skeleton, options.max_depth).ok()) return std::nullopt;
  SyntaxCheck syntax;
  if (!json::sax_parse(skeleton.begin(), skeleton.end(), &syntax)) return std::nullopt;
  FastTasks fast{.body = text.substr(body_begin, body_end - body_begin),
                 .open_in_skeleton = skeleton.data() + body_begin - 1,
                 // The reader recurses: a deeper element (the schema needs 6 levels) is left to
                 // the old path, whose depth check comes before any recursion.
                 .max_depth = std::min<std::size_t>(options.max_depth - 3, 32)};
  auto ds = ReadValidJson(skeleton, options, out, first_problem, &fast);
  if (fast.failed || !ds.ok()) {
    out.resize(first_problem);
    return std::nullopt;
  }
  return ds;
}

}  // namespace

// Read in pieces (issue 21: one DOM of the whole file peaked at 5-11 times its size): the
// syntax is checked first without building anything, then the top level and the payload are
// split into member spans, and the tasks array, nearly all of a file, is parsed one task at a
// time — each hashed for the checksum, converted and dropped. Other members are small and
// parsed whole. Results and problems are those of parsing the whole document. A file in the
// canonical layout is read the fast way first (ReadCanonicalJson).
absl::StatusOr<Dataset> ReadDatasetJson(std::string_view text, const JsonReadOptions& options,
                                        std::vector<LoadProblem>* problems) {
  return internal::ReadDatasetJsonWith(text, options, problems, internal::JsonReadPath::kAuto);
}

namespace internal {

absl::StatusOr<Dataset> ReadDatasetJsonWith(std::string_view text, const JsonReadOptions& options,
                                            std::vector<LoadProblem>* problems, JsonReadPath path) {
  std::vector<LoadProblem> local;
  std::vector<LoadProblem>& out = problems ? *problems : local;
  const std::size_t first_problem = out.size();
  if (text.size() > options.max_bytes) {
    return absl::ResourceExhaustedError(absl::StrFormat(
        "JSON dataset is %d bytes, over the limit of %d", text.size(), options.max_bytes));
  }
  if (path != JsonReadPath::kDom) {
    if (auto ds = ReadCanonicalJson(text, options, out, first_problem)) return *std::move(ds);
    if (path == JsonReadPath::kFastOnly) {
      return absl::FailedPreconditionError("not read the fast way");
    }
  }
  if (auto s = CheckDepth(text, options.max_depth); !s.ok()) return s;
  SyntaxCheck syntax;
  if (!json::sax_parse(text.begin(), text.end(), &syntax)) return syntax.error;
  return ReadValidJson(text, options, out, first_problem, nullptr);
}

}  // namespace internal

absl::StatusOr<Dataset> LoadDatasetJson(const std::string& path, const JsonReadOptions& options,
                                        std::vector<LoadProblem>* problems) {
  // A large file is read by the load's threads, as the CSV is (src/parallel_read.h): the copy
  // out of the page cache costs a one-thread read a tenth of the load.
  const std::size_t threads =
      options.threads ? options.threads
                      : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
  struct stat st;
  if (threads > 1 && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
      st.st_size >= (off_t{1} << 21)) {
    if (auto bytes = internal::ReadFileInParallel(path, options.max_bytes, threads)) {
      return ReadDatasetJson(bytes->text(), options, problems);
    }
  }
  auto text = ReadFile(path, options.max_bytes);
  if (!text.ok()) return text.status();
  return ReadDatasetJson(*text, options, problems);
}

}  // namespace mandate
