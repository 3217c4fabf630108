// Abbreviations derived from the registry's names by the rule officials abbreviate by ("Bộ
// Khoa học và Công nghệ" -> "Bộ KHCN", "Bộ KH&CN", "BKHCN"; "Ngân hàng Nhà nước Việt Nam" ->
// "NHNN"), so the registry does not list them one by one. A derived key two agencies share,
// or that is another agency's written name, is dropped and reported: it names neither.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_join.h"
#include "agency_splitter.h"
#include "mandate/agency_registry.h"

namespace mandate {

namespace {

// The initials of a name's word groups: "Bộ Văn hóa, Thể thao và Du lịch" gives {"vh", "tt",
// "dl"}: a group ends at a comma, "và" or "&".
std::vector<std::string> Groups(const std::vector<internal::CellToken>& toks, std::size_t from) {
  std::vector<std::string> groups;
  for (std::size_t i = from; i < toks.size(); ++i) {
    if (toks[i].text == "va") {
      if (!groups.empty() && !groups.back().empty()) groups.emplace_back();
      continue;
    }
    if (groups.empty() || (toks[i].gap == internal::Gap::kComma && !groups.back().empty()))
      groups.emplace_back();
    groups.back().push_back(toks[i].text[0]);
  }
  if (!groups.empty() && groups.back().empty()) groups.pop_back();
  return groups;
}

// Whether the name ends in "Việt Nam": its initials are also written without it.
bool EndsVietNam(const std::vector<internal::CellToken>& t) {
  return t.size() > 2 && t[t.size() - 2].text == "viet" && t.back().text == "nam";
}

void AddIfLong(std::set<std::string>& out, const std::string& key) {
  std::size_t letters = 0;
  for (char c : key) letters += (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  if (letters >= 3) out.insert(key);
}

}  // namespace

std::vector<std::string> AgencyRegistry::Abbreviations(std::string_view name) {
  std::vector<internal::CellToken> toks = internal::SplitCell(name);
  std::set<std::string> out;
  if (toks.empty()) return {};
  if (toks[0].text == "bo" && toks.size() > 1) {
    const std::vector<std::string> g = Groups(toks, 1);
    const std::string all = absl::StrJoin(g, "");
    AddIfLong(out, "b" + all);  // "BKHCN", "BTP"
    if (g.size() == 1 && all.size() >= 3) out.insert("bo " + all);  // "Bộ GTVT", not "Bộ TP"
    if (g.size() >= 2) {
      const std::vector<std::string> head(g.begin(), g.end() - 1);
      AddIfLong(out, "bo " + all);                                           // "Bộ KHCN"
      AddIfLong(out, "bo " + absl::StrJoin(head, "") + " va " + g.back());  // "Bộ KH&CN"
      AddIfLong(out, "bo " + absl::StrJoin(head, " ") + " va " + g.back());  // "Bộ VH, TT và DL"
      AddIfLong(out, "bo " + absl::StrJoin(g, " "));                         // "Bộ VH, TT, DL"
    }
    return {out.begin(), out.end()};
  }
  std::string all;
  for (const auto& t : toks) all.push_back(t.text[0]);
  AddIfLong(out, all);  // "VPCP", "NHNNVN"
  if (EndsVietNam(toks)) {
    AddIfLong(out, all.substr(0, all.size() - 2));  // "NHNN"
    std::vector<std::string> words;
    for (std::size_t i = 0; i + 2 < toks.size(); ++i) words.push_back(toks[i].text);
    if (words.size() >= 2) out.insert(absl::StrJoin(words, " "));  // "Ngân hàng Nhà nước"
  }
  return {out.begin(), out.end()};
}

void AgencyRegistry::IndexAbbreviations() {
  std::map<std::string, std::set<AgencyIndex>> derived;
  for (std::size_t a = 0; a < agencies_.size(); ++a) {
    const Agency& ag = agencies_[a];
    if (ag.kind == AgencyKind::kProvince) continue;  // "HN", "HCM": too short, too many
    std::vector<const std::string*> names = {&ag.name};
    for (const auto& s : ag.former_names) names.push_back(&s);
    for (const std::string* n : names) {
      for (std::string& key : Abbreviations(*n)) derived[key].insert(static_cast<AgencyIndex>(a));
    }
  }
  for (const auto& [key, owners] : derived) {
    std::set<AgencyIndex> all = owners;
    if (auto it = by_key_.find(key); it != by_key_.end()) {
      if (owners.size() == 1 && *owners.begin() == it->second) continue;  // written already
      all.insert(it->second);
    } else if (collective_by_key_.contains(key)) {
      collisions_.push_back(key + ": a collective");
      continue;
    } else if (owners.size() == 1) {
      by_key_.emplace(key, *owners.begin());
      max_key_tokens_ =
          std::max(max_key_tokens_, static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ') + 1));
      continue;
    }
    std::vector<std::string> ids;
    for (AgencyIndex i : all) ids.push_back(agencies_[i].id);
    collisions_.push_back(key + ": " + absl::StrJoin(ids, ", "));
  }
}

}  // namespace mandate
