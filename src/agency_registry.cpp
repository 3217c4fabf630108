// The agency registry: agencies.json read and written back, the bundled registry, and the
// name index the resolver (agency_resolver.cpp) looks names up in. Rules: docs/agencies.md.
#include "mandate/agency_registry.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "mandate/text.h"

namespace mandate {

using Json = nlohmann::ordered_json;

namespace {

constexpr std::string_view kBundledJson =
#include "agencies_data.inc"
    ;

std::string Where(std::string_view array, std::size_t i, std::string_view label) {
  return label.empty() ? absl::StrFormat("%s[%d]", array, i)
                       : absl::StrFormat("%s[%d] (%s)", array, i, label);
}

absl::Status FieldError(std::string_view where, std::string_view field, std::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrFormat("agency registry: %s: field \"%s\" %s", where, field, what));
}

// Reads an optional array of non-empty strings.
absl::Status ReadStrings(const Json& obj, std::string_view key, std::string_view where,
                         std::vector<std::string>& out) {
  auto it = obj.find(std::string(key));
  if (it == obj.end()) return absl::OkStatus();
  if (!it->is_array()) return FieldError(where, key, "must be an array of strings");
  for (const auto& v : *it) {
    if (!v.is_string() || v.get_ref<const std::string&>().empty()) {
      return FieldError(where, key, "must hold only non-empty strings");
    }
    out.push_back(v.get<std::string>());
  }
  return absl::OkStatus();
}

absl::Status ReadString(const Json& obj, std::string_view key, std::string_view where,
                        bool required, std::string& out) {
  auto it = obj.find(std::string(key));
  if (it == obj.end()) {
    return required ? FieldError(where, key, "is missing") : absl::OkStatus();
  }
  if (!it->is_string()) return FieldError(where, key, "must be a string");
  out = it->get<std::string>();
  if (required && NormalizeKey(out).empty()) {
    return FieldError(where, key, "must contain letters or digits");
  }
  return absl::OkStatus();
}

}  // namespace

bool Agency::flag(std::string_view name) const {
  for (const auto& [n, v] : flags) {
    if (n == name) return v;
  }
  return false;
}

// ---- loading ----

absl::StatusOr<AgencyRegistry> AgencyRegistry::FromJson(std::string_view json) {
  if (auto bad = FindInvalidUtf8(json)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("agency registry: invalid UTF-8 at byte %d", *bad));
  }
  Json root;
  try {
    root = Json::parse(json.begin(), json.end());
  } catch (const Json::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat("agency registry: malformed JSON: ", e.what()));
  }
  if (!root.is_object()) {
    return absl::InvalidArgumentError("agency registry: the top level must be a JSON object");
  }
  AgencyRegistry reg;
  for (const auto& [key, value] : root.items()) {
    if (key != "as_of" && key != "note" && key != "agencies" && key != "collectives") {
      return FieldError("top level", key, "is not a registry field");
    }
  }
  if (auto s = ReadString(root, "as_of", "top level", false, reg.as_of_); !s.ok()) return s;
  if (auto s = ReadString(root, "note", "top level", false, reg.file_note_); !s.ok()) return s;
  auto agencies = root.find("agencies");
  if (agencies == root.end()) return FieldError("top level", "agencies", "is missing");
  if (!agencies->is_array()) return FieldError("top level", "agencies", "must be an array");
  if (agencies->size() > 65535) {
    return FieldError("top level", "agencies", "holds more than 65535 agencies");
  }
  std::size_t i = 0;
  for (const auto& a : *agencies) {
    std::string where = Where("agencies", i++, "");
    if (!a.is_object()) {
      return absl::InvalidArgumentError(
          absl::StrFormat("agency registry: %s must be an object", where));
    }
    Agency ag;
    if (auto s = ReadString(a, "id", where, true, ag.id); !s.ok()) return s;
    where = Where("agencies", i - 1, ag.id);
    if (auto s = ReadString(a, "name", where, true, ag.name); !s.ok()) return s;
    std::string kind;
    if (auto s = ReadString(a, "kind", where, true, kind); !s.ok()) return s;
    auto k = EnumFromName<AgencyKind>(kind);
    if (!k) return FieldError(where, "kind", absl::StrCat("has unknown kind \"", kind, "\""));
    ag.kind = *k;
    if (auto s = ReadString(a, "short_name", where, false, ag.short_name); !s.ok()) return s;
    if (auto s = ReadString(a, "note", where, false, ag.note); !s.ok()) return s;
    if (auto s = ReadStrings(a, "aliases", where, ag.aliases); !s.ok()) return s;
    if (auto s = ReadStrings(a, "former_names", where, ag.former_names); !s.ok()) return s;
    for (const auto& [key, value] : a.items()) {
      if (key == "id" || key == "name" || key == "kind" || key == "short_name" || key == "note" ||
          key == "aliases" || key == "former_names") {
        continue;
      }
      if (!value.is_boolean()) {
        return FieldError(where, key, "is not a known field, and other fields must be true/false");
      }
      ag.flags.emplace_back(key, value.get<bool>());
    }
    if (reg.by_id_.contains(ag.id)) {
      return FieldError(where, "id", absl::StrCat("duplicates id \"", ag.id, "\""));
    }
    reg.by_id_.emplace(ag.id, static_cast<AgencyIndex>(reg.agencies_.size()));
    reg.agencies_.push_back(std::move(ag));
  }
  auto collectives = root.find("collectives");
  if (collectives != root.end()) {
    if (!collectives->is_array()) return FieldError("top level", "collectives", "must be an array");
    i = 0;
    for (const auto& c : *collectives) {
      std::string where = Where("collectives", i++, "");
      if (!c.is_object()) {
        return absl::InvalidArgumentError(
            absl::StrFormat("agency registry: %s must be an object", where));
      }
      Collective col;
      if (auto s = ReadString(c, "phrase", where, true, col.phrase); !s.ok()) return s;
      where = Where("collectives", i - 1, col.phrase);
      if (!c.contains("members")) return FieldError(where, "members", "is missing");
      if (auto s = ReadStrings(c, "members", where, col.kinds); !s.ok()) return s;
      if (auto s = ReadString(c, "filter", where, false, col.filter); !s.ok()) return s;
      if (auto s = ReadString(c, "note", where, false, col.note); !s.ok()) return s;
      for (const auto& [key, value] : c.items()) {
        if (key != "phrase" && key != "members" && key != "filter" && key != "note") {
          return FieldError(where, key, "is not a collective field");
        }
      }
      for (const auto& kind_name : col.kinds) {
        auto k = EnumFromName<AgencyKind>(kind_name);
        if (!k) {
          return FieldError(where, "members",
                            absl::StrCat("names unknown kind \"", kind_name, "\""));
        }
      }
      if (!col.filter.empty()) {
        const bool known = std::any_of(reg.agencies_.begin(), reg.agencies_.end(), [&](auto& a) {
          return std::any_of(a.flags.begin(), a.flags.end(),
                             [&](auto& f) { return f.first == col.filter; });
        });
        if (!known) {
          return FieldError(where, "filter",
                            absl::StrCat("names \"", col.filter, "\", which no agency has"));
        }
      }
      reg.collectives_.push_back(std::move(col));
    }
  }
  if (auto s = reg.Index(); !s.ok()) return s;
  return reg;
}

absl::StatusOr<AgencyRegistry> AgencyRegistry::FromFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("agency registry: cannot open ", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat("agency registry: cannot read ", path));
  auto reg = FromJson(ss.str());
  if (!reg.ok()) {
    return absl::Status(reg.status().code(), absl::StrCat(path, ": ", reg.status().message()));
  }
  return reg;
}

std::string_view AgencyRegistry::BundledJson() { return kBundledJson; }

const AgencyRegistry& AgencyRegistry::Bundled() {
  static const AgencyRegistry* bundled = [] {
    auto reg = FromJson(kBundledJson);
    if (!reg.ok()) {
      // The file is checked by the tests; reaching this is a build defect, not bad input.
      std::cerr << "mandate: bundled agency registry is broken: " << reg.status() << "\n";
      std::abort();
    }
    return new AgencyRegistry(std::move(*reg));
  }();
  return *bundled;
}

// Builds the name keys. Two agencies (or an agency and a collective) may not share a
// spelling: the resolver could not tell them apart.
absl::Status AgencyRegistry::Index() {
  auto tokens_of = [](const std::string& key) {
    return static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ') + 1);
  };
  for (std::size_t a = 0; a < agencies_.size(); ++a) {
    const Agency& ag = agencies_[a];
    std::vector<const std::string*> names = {&ag.name};
    if (!ag.short_name.empty()) names.push_back(&ag.short_name);
    for (const auto& s : ag.aliases) names.push_back(&s);
    for (const auto& s : ag.former_names) names.push_back(&s);
    for (const std::string* n : names) {
      std::string key = NormalizeKey(*n);
      if (key.empty()) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "agency registry: agency %s: name \"%s\" has no letters or digits", ag.id, *n));
      }
      auto [it, inserted] = by_key_.emplace(key, static_cast<AgencyIndex>(a));
      if (!inserted && it->second != a) {
        return absl::InvalidArgumentError(
            absl::StrFormat("agency registry: name \"%s\" of agency %s is also a name of %s", *n,
                            ag.id, agencies_[it->second].id));
      }
      max_key_tokens_ = std::max(max_key_tokens_, tokens_of(key));
    }
  }
  for (std::size_t c = 0; c < collectives_.size(); ++c) {
    Collective& col = collectives_[c];
    std::string key = NormalizeKey(col.phrase);
    if (auto it = by_key_.find(key); it != by_key_.end()) {
      return absl::InvalidArgumentError(
          absl::StrFormat("agency registry: collective \"%s\" is also a name of agency %s",
                          col.phrase, agencies_[it->second].id));
    }
    if (!collective_by_key_.emplace(key, c).second) {
      return absl::InvalidArgumentError(
          absl::StrFormat("agency registry: collective \"%s\" is listed twice", col.phrase));
    }
    max_key_tokens_ = std::max(max_key_tokens_, tokens_of(key));
    for (std::size_t a = 0; a < agencies_.size(); ++a) {
      const Agency& ag = agencies_[a];
      const bool kind_ok = std::any_of(col.kinds.begin(), col.kinds.end(),
                                       [&](auto& k) { return k == EnumName(ag.kind); });
      if (kind_ok && (col.filter.empty() || ag.flag(col.filter))) {
        col.members.push_back(static_cast<AgencyIndex>(a));
      }
    }
  }
  IndexAbbreviations();
  return absl::OkStatus();
}

std::optional<AgencyIndex> AgencyRegistry::FindById(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> AgencyRegistry::Ids(const Resolution& r) const {
  std::vector<std::string> ids;
  ids.reserve(r.agencies.size());
  for (AgencyIndex a : r.agencies) ids.push_back(agencies_[a].id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

// ---- writing ----

std::string AgencyRegistry::ToJson() const {
  Json root = Json::object();
  if (!as_of_.empty()) root["as_of"] = as_of_;
  if (!file_note_.empty()) root["note"] = file_note_;
  Json agencies = Json::array();
  for (const Agency& a : agencies_) {
    Json j = Json::object();
    j["id"] = a.id;
    j["name"] = a.name;
    if (!a.short_name.empty()) j["short_name"] = a.short_name;
    j["kind"] = std::string(EnumName(a.kind));
    for (const auto& [name, value] : a.flags) j[name] = value;
    j["aliases"] = a.aliases;
    if (!a.former_names.empty()) j["former_names"] = a.former_names;
    if (!a.note.empty()) j["note"] = a.note;
    agencies.push_back(std::move(j));
  }
  root["agencies"] = std::move(agencies);
  Json collectives = Json::array();
  for (const Collective& c : collectives_) {
    Json j = Json::object();
    j["phrase"] = c.phrase;
    j["members"] = c.kinds;
    if (!c.filter.empty()) j["filter"] = c.filter;
    if (!c.note.empty()) j["note"] = c.note;
    collectives.push_back(std::move(j));
  }
  root["collectives"] = std::move(collectives);
  return root.dump(1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace mandate
