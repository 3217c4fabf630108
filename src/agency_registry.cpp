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
#include "agency_splitter.h"
#include "mandate/absl_compat.h"
#include "mandate/text.h"

namespace mandate {

using internal::CellToken;
using internal::Gap;
using Json = nlohmann::ordered_json;

namespace {

constexpr std::string_view kBundledJson =
#include "agencies_data.inc"
    ;

// Words before a province name that name its government, not another body ("UBND TP. Hà
// Nội"). Longest first, so "thanh pho" is not read as an unknown word before "pho".
const std::vector<std::vector<std::string_view>>& AdminPrefixes() {
  static const auto* prefixes = new std::vector<std::vector<std::string_view>>{
      {"uy", "ban", "nhan", "dan"}, {"thanh", "pho"}, {"ubnd"}, {"tinh"}, {"tp"}};
  return *prefixes;
}

// Joiners between two agencies of a list: "A và B", "A cùng B".
bool IsConnector(std::string_view w) { return w == "va" || w == "cung"; }

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
  return absl::OkStatus();
}

// ---- lookup ----

struct AgencyRegistry::Match {
  bool collective = false;
  std::size_t index = 0;  // agency or collective index
  std::size_t begin = 0;  // token range
  std::size_t end = 0;
};

// Stacked prefixes ("tp tp tp …", "tỉnh, tỉnh, …") reach the same positions from every item
// start: remembering each position's match keeps resolution linear in the cell.
struct AgencyRegistry::MatchMemo {
  absl::flat_hash_map<std::size_t, std::optional<Match>> at;  // MatchAt(j, item start)
};

std::optional<AgencyIndex> AgencyRegistry::FindById(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

std::optional<AgencyIndex> AgencyRegistry::FindByName(std::string_view name) const {
  if (!IsValidUtf8(name)) return std::nullopt;
  const Tokens toks = internal::SplitCell(name);
  if (toks.empty()) return std::nullopt;
  MatchMemo memo;
  auto m = MatchAt(toks, 0, toks.size(), true, memo);
  if (!m || m->collective || m->end != toks.size()) return std::nullopt;
  return static_cast<AgencyIndex>(m->index);
}

// The longest known name starting at token i (preceded by `prefix`, for the omitted
// "Bộ"). A name may span commas ("Bộ Văn hóa, Thể thao và Du lịch") but not a line
// break, semicolon or parenthesis.
std::optional<AgencyRegistry::Match> AgencyRegistry::LongestAt(const Tokens& toks, std::size_t i,
                                                               std::size_t end,
                                                               std::string_view prefix) const {
  std::size_t limit = i + 1;
  while (limit < end && limit - i < max_key_tokens_ && toks[limit].gap != Gap::kBreak &&
         toks[limit].group == toks[i].group) {
    ++limit;
  }
  // Called at every position of a cell: the buffers are reused, so a 90 KB cell costs no
  // allocation per token (which dominated under the sanitizers' allocator).
  thread_local std::string key;
  thread_local std::vector<std::size_t> lengths;  // key length after each token
  key.assign(prefix);
  lengths.clear();
  for (std::size_t j = i; j < limit; ++j) {
    if (j > i || !key.empty()) key.push_back(' ');
    key += toks[j].text;
    lengths.push_back(key.size());
  }
  for (std::size_t n = lengths.size(); n > 0; --n) {
    const std::string_view k(key.data(), lengths[n - 1]);
    if (auto it = by_key_.find(ToAbsl(k)); it != by_key_.end()) {
      return Match{false, it->second, i, i + n};
    }
    if (auto it = collective_by_key_.find(ToAbsl(k)); it != collective_by_key_.end()) {
      return Match{true, it->second, i, i + n};
    }
  }
  return std::nullopt;
}

namespace {

// Whether an administrative prefix is written at token i, with a word after it.
bool PrefixAt(const std::vector<CellToken>& toks, std::size_t i, std::size_t end,
              const std::vector<std::string_view>& prefix) {
  if (i + prefix.size() >= end) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (toks[i + k].text != prefix[k] || toks[i + k].group != toks[i].group ||
        (k > 0 && toks[i + k].gap != Gap::kNone)) {
      return false;
    }
  }
  return toks[i + prefix.size()].gap != Gap::kBreak;
}

}  // namespace

std::optional<AgencyRegistry::Match> AgencyRegistry::MatchAt(const Tokens& toks, std::size_t i,
                                                             std::size_t end, bool item_start,
                                                             MatchMemo& memo) const {
  if (!item_start) return LongestAt(toks, i, end, "");
  if (auto it = memo.at.find(i); it != memo.at.end()) return it->second;
  // "UBND", "Ủy ban nhân dân", "tỉnh", "thành phố", "TP" before a province or a collective
  // of provinces; they may stack ("UBND TP. Hà Nội"), without limit in hostile input. So no
  // recursion: first the positions the prefixes reach from i, in order, then their matches
  // from the last back, each seeing the matches after it.
  std::vector<std::size_t> chain;
  std::vector<std::optional<Match>> longest;  // LongestAt of each chain position
  std::vector<char> reached(1, 1);            // by position - i
  for (std::size_t j = i; j - i < reached.size(); ++j) {
    if (!reached[j - i] || memo.at.contains(j)) continue;
    chain.push_back(j);
    longest.push_back(LongestAt(toks, j, end, ""));
    if (longest.back()) continue;  // a name here: prefixes are not tried
    for (const auto& prefix : AdminPrefixes()) {
      if (!PrefixAt(toks, j, end, prefix)) continue;
      const std::size_t next = j + prefix.size() - i;
      if (reached.size() <= next) reached.resize(next + 1, 0);
      reached[next] = 1;
    }
  }
  auto provincial = [&](const Match& m) {
    if (!m.collective) return agencies_[m.index].kind == AgencyKind::kProvince;
    const auto& members = collectives_[m.index].members;
    return !members.empty() && std::all_of(members.begin(), members.end(), [&](AgencyIndex a) {
      return agencies_[a].kind == AgencyKind::kProvince;
    });
  };
  for (std::size_t k = chain.size(); k-- > 0;) {
    const std::size_t j = chain[k];
    std::optional<Match> m = std::move(longest[k]);
    for (std::size_t p = 0; !m && p < AdminPrefixes().size(); ++p) {
      const auto& prefix = AdminPrefixes()[p];
      if (!PrefixAt(toks, j, end, prefix)) continue;
      const std::optional<Match>& inner = memo.at.at(j + prefix.size());
      if (inner && provincial(*inner)) {
        m = inner;
        m->begin = j;
      }
    }
    // A list that leaves out "Bộ": "Tài chính, Khoa học và Công nghệ, …".
    if (!m && toks[j].text != "bo") {
      auto b = LongestAt(toks, j, end, "bo");
      if (b && !b->collective && agencies_[b->index].kind == AgencyKind::kMinistry) m = b;
    }
    memo.at.emplace(j, std::move(m));
  }
  return memo.at.at(i);
}

// ---- resolution ----

void AgencyRegistry::ResolveRange(std::string_view cell, const Tokens& toks, std::size_t begin,
                                  std::size_t end, bool leading_only, Resolution& out) const {
  const unsigned base = toks[begin].group;
  MatchMemo memo;
  // The unresolved run being collected, as a byte span of the cell.
  std::optional<std::pair<std::size_t, std::size_t>> run;
  auto close_run = [&] {
    if (!run) return;
    out.unresolved.emplace_back(cell.substr(run->first, run->second - run->first));
    run.reset();
  };
  // A collective waits for a parenthesis that may enumerate it ("Các ngân hàng (…)").
  std::optional<Match> pending;
  std::size_t pending_text_end = 0;
  auto flush = [&](const std::vector<AgencyIndex>* instead) {
    if (!pending) return;
    const auto& members = instead ? *instead : collectives_[pending->index].members;
    out.agencies.insert(out.agencies.end(), members.begin(), members.end());
    const std::size_t b = toks[pending->begin].begin;
    out.collectives.emplace_back(cell.substr(b, pending_text_end - b));
    pending.reset();
  };
  bool after_match = false;  // the previous item was a name: a parenthesis is its note
  bool item_start = true;
  std::size_t i = begin;
  while (i < end) {
    const CellToken& tok = toks[i];
    if (tok.group != base) {  // a parenthesis
      std::size_t j = i;
      while (j < end && toks[j].group == tok.group) ++j;
      if (pending) {
        Resolution sub;
        ResolveRange(cell, toks, i, j, false, sub);
        if (sub.ok() && !sub.agencies.empty()) {
          flush(&sub.agencies);
        } else {
          flush(nullptr);
          out.agencies.insert(out.agencies.end(), sub.agencies.begin(), sub.agencies.end());
          out.collectives.insert(out.collectives.end(), sub.collectives.begin(),
                                 sub.collectives.end());
          out.unresolved.insert(out.unresolved.end(), sub.unresolved.begin(), sub.unresolved.end());
        }
      } else if (run) {  // the unknown name's own parenthesis, through its ")"
        const std::size_t limit = j < end ? toks[j].begin : cell.size();
        const std::size_t close = cell.find(')', toks[j - 1].end);
        run->second = close < limit ? close + 1 : toks[j - 1].end;
      } else if (!after_match) {
        if (leading_only) return;
        ResolveRange(cell, toks, i, j, false, out);
      }
      i = j;
      continue;
    }
    if (tok.gap != Gap::kNone && i != begin) item_start = true;
    // "liên quan" / "có liên quan" narrows a collective to its relevant members, which the
    // text does not name: the collective still stands for its pool.
    if (pending && !run) {
      std::size_t n = 0;
      if (tok.text == "lien" && i + 1 < end && toks[i + 1].text == "quan") n = 2;
      if (tok.text == "co" && i + 2 < end && toks[i + 1].text == "lien" &&
          toks[i + 2].text == "quan") {
        n = 3;
      }
      if (n > 0 && toks[i + n - 1].group == base) {
        pending_text_end = toks[i + n - 1].end;
        i += n;
        continue;
      }
    }
    if (IsConnector(tok.text) && i + 1 < end && toks[i + 1].group == base) {
      if (!run && (item_start || after_match)) {
        if (leading_only && !MatchAt(toks, i + 1, end, true, memo)) break;
        ++i;
        item_start = true;
        continue;
      }
      if (run && MatchAt(toks, i + 1, end, true, memo)) {  // "<unknown> và Bộ Y tế"
        close_run();
        ++i;
        item_start = true;
        continue;
      }
    }
    if (item_start || after_match) {
      // Prefixes and an omitted "Bộ" only where an item starts, so "Bộ Công Thương… xây
      // dựng" does not read "xây dựng" as Bộ Xây dựng.
      if (auto m = MatchAt(toks, i, end, item_start, memo)) {
        close_run();
        flush(nullptr);
        if (m->collective) {
          pending = m;
          pending_text_end = toks[m->end - 1].end;
        } else {
          out.agencies.push_back(static_cast<AgencyIndex>(m->index));
        }
        i = m->end;
        after_match = true;
        item_start = false;
        continue;
      }
    }
    if (leading_only) break;
    flush(nullptr);
    if (run) {
      run->second = tok.end;
    } else {
      run.emplace(tok.begin, tok.end);
    }
    after_match = false;
    item_start = false;
    ++i;
  }
  flush(nullptr);
  close_run();
}

Resolution AgencyRegistry::Resolve(std::string_view cell) const {
  Resolution out;
  if (auto bad = FindInvalidUtf8(cell)) {
    out.error = absl::StrFormat("invalid UTF-8 at byte %d", *bad);
    return out;
  }
  const Tokens toks = internal::SplitCell(cell);
  if (!toks.empty()) ResolveRange(cell, toks, 0, toks.size(), false, out);
  std::sort(out.agencies.begin(), out.agencies.end());
  out.agencies.erase(std::unique(out.agencies.begin(), out.agencies.end()), out.agencies.end());
  return out;
}

Resolution AgencyRegistry::FindLeadingAgencies(std::string_view text) const {
  Resolution out;
  if (auto bad = FindInvalidUtf8(text)) {
    out.error = absl::StrFormat("invalid UTF-8 at byte %d", *bad);
    return out;
  }
  const Tokens toks = internal::SplitCell(text);
  if (!toks.empty()) ResolveRange(text, toks, 0, toks.size(), true, out);
  std::sort(out.agencies.begin(), out.agencies.end());
  out.agencies.erase(std::unique(out.agencies.begin(), out.agencies.end()), out.agencies.end());
  return out;
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
