// The agency registry: canonical ids, names, kinds, aliases and collective assignees, and
// the resolver that turns a raw "lead" cell ("Bộ Văn hóa, Thể thao và Du lịch, UBND TP.
// Hà Nội", "Các bộ, ngành, địa phương") into agency ids. Rules: docs/agencies.md.
#ifndef MANDATE_AGENCY_REGISTRY_H
#define MANDATE_AGENCY_REGISTRY_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "mandate/enum_table.h"

namespace mandate {

namespace internal {
struct CellToken;  // src/agency_splitter.h
}

// Dense index of an agency inside one registry (0..size-1): small, for columnar storage.
using AgencyIndex = std::uint16_t;

// One value per kind string of agencies.json. Values are stable from here on (files, C ABI):
// append new kinds, never renumber.
enum class AgencyKind : std::uint8_t {
  kOther = 0,
  kMinistry = 1,
  kMinistryLevel = 2,     // "ministry_level": cơ quan ngang bộ
  kGovernmentAgency = 3,  // "government_agency": cơ quan thuộc Chính phủ
  kProvince = 4,
  kPartyBody = 5,  // "party"
  kEnterprise = 6,
  kUniversity = 7,
  kGovernmentUnit = 8,  // "government_unit": Ban Cơ yếu Chính phủ, Bảo hiểm xã hội
  kBank = 9,
  kStateAudit = 10,
  kNationalAssembly = 11,
  kCourt = 12,
  kProcuracy = 13,
};
// Names: the registry's kind strings exactly as in agencies.json.
template <>
struct EnumTable<AgencyKind> {
  static constexpr EnumEntry<AgencyKind> kEntries[] = {
      {AgencyKind::kOther, "other"},
      {AgencyKind::kMinistry, "ministry"},
      {AgencyKind::kMinistryLevel, "ministry_level"},
      {AgencyKind::kGovernmentAgency, "government_agency"},
      {AgencyKind::kProvince, "province"},
      {AgencyKind::kPartyBody, "party"},
      {AgencyKind::kEnterprise, "enterprise"},
      {AgencyKind::kUniversity, "university"},
      {AgencyKind::kGovernmentUnit, "government_unit"},
      {AgencyKind::kBank, "bank"},
      {AgencyKind::kStateAudit, "state_audit"},
      {AgencyKind::kNationalAssembly, "national_assembly"},
      {AgencyKind::kCourt, "court"},
      {AgencyKind::kProcuracy, "procuracy"},
  };
};
static_assert(EnumTableIsDense<AgencyKind>());

struct Agency {
  std::string id;    // canonical id, e.g. "BKHCN", "HNI"
  std::string name;  // canonical Vietnamese name
  AgencyKind kind = AgencyKind::kOther;
  std::vector<std::string> aliases;
  std::vector<std::string> former_names;  // merged predecessors; resolve to this agency
  std::string short_name;                 // provinces: "Hà Nội" for "Thành phố Hà Nội"
  // Boolean facts in file order ("centrally_run_city", "merged_2025"); collective filters
  // select on them.
  std::vector<std::pair<std::string, bool>> flags;
  std::string note;  // why the entry or its aliases exist (seed cell), free text
  bool flag(std::string_view name) const;
};

// One resolved cell: the ids found (sorted, unique), and for every part that could not be
// resolved, its text. ok() is true when nothing was left unresolved.
struct Resolution {
  std::vector<AgencyIndex> agencies;
  std::vector<std::string> unresolved;   // raw parts, as written
  std::vector<std::string> collectives;  // collective phrases that were expanded, as written
  // "Các cơ quan liên quan", "Các bộ, ngành liên quan": "… liên quan" names no fixed set, so
  // the phrase is kept here, as written, and gives no ids (it is not an error either).
  std::vector<std::string> related;
  std::string error;                     // the cell itself is unusable (invalid UTF-8)
  bool ok() const { return unresolved.empty() && error.empty(); }
};

class AgencyRegistry {
 public:
  // Parses the agencies.json format (see docs/agencies.md).
  static absl::StatusOr<AgencyRegistry> FromJson(std::string_view json);
  static absl::StatusOr<AgencyRegistry> FromFile(const std::string& path);
  // The registry bundled with the library (data/agencies.json, compiled in).
  static const AgencyRegistry& Bundled();
  // The text of data/agencies.json as compiled in.
  static std::string_view BundledJson();

  std::size_t size() const { return agencies_.size(); }
  const Agency& agency(AgencyIndex i) const { return agencies_[i]; }
  std::optional<AgencyIndex> FindById(std::string_view id) const;
  // One agency name in any of its spellings; no list splitting, no collectives. Accepts the
  // administrative prefixes of provinces ("UBND TP. Hà Nội") and an omitted "Bộ".
  std::optional<AgencyIndex> FindByName(std::string_view name) const;
  // A whole raw cell: splits lists, expands collectives, resolves each part.
  Resolution Resolve(std::string_view cell) const;
  // The agencies named at the very start of a sentence ("Bộ KHCN, Bộ Tài chính chủ trì …",
  // "Văn phòng Trung ương Đảng: …"), up to the first word that is not part of a name.
  Resolution FindLeadingAgencies(std::string_view text) const;
  // Canonical ids of a resolution's agencies, sorted.
  std::vector<std::string> Ids(const Resolution& r) const;

  // The abbreviations the registry derives from a name the way officials abbreviate, as
  // name keys (folded words, NormalizeKey): the initials of each word, groups split at ","
  // and "và"; for a ministry "Bộ KHCN", "Bộ KH&CN", "BKHCN", "Bộ VH, TT và DL", "Bộ GTVT"
  // (not "Bộ TP": two letters would read the province prefix "TP"); for other bodies the
  // initials of the whole name ("VPCP") and of the name without "Việt Nam" ("NHNN"), which is
  // itself a spelling. Keys of fewer than three letters are not made.
  static std::vector<std::string> Abbreviations(std::string_view name);
  // Derived keys that two agencies share, or that are another agency's written name, as
  // "key: ID1, ID2": they resolve to nothing derived (a written name keeps its agency).
  const std::vector<std::string>& abbreviation_collisions() const { return collisions_; }

  // The agencies.json text: FromJson(ToJson()) is the same registry, and ToJson of the
  // bundled file reproduces it byte for byte.
  std::string ToJson() const;

 private:
  struct Collective {
    std::string phrase;
    std::vector<std::string> kinds;  // as written in the file
    std::string filter;              // a flag name, or empty
    std::string note;
    std::vector<AgencyIndex> members;
  };
  struct Match;
  struct MatchMemo;  // MatchAt's results within one token range
  using Tokens = std::vector<internal::CellToken>;
  absl::Status Index();
  void IndexAbbreviations();
  std::optional<Match> MatchAt(const Tokens& toks, std::size_t i, std::size_t end, bool item_start,
                               MatchMemo& memo) const;
  std::optional<Match> LongestAt(const Tokens& toks, std::size_t i, std::size_t end,
                                 std::string_view prefix) const;
  std::optional<Match> PartsAt(const Tokens& toks, std::size_t i, std::size_t end) const;
  void ResolveRange(std::string_view cell, const Tokens& toks, std::size_t begin, std::size_t end,
                    bool leading_only, Resolution& out) const;

  std::string as_of_;
  std::string file_note_;
  std::vector<Agency> agencies_;
  absl::flat_hash_map<std::string, AgencyIndex> by_id_;
  absl::flat_hash_map<std::string, AgencyIndex> by_key_;  // NormalizeKey(name/alias) -> index
  std::vector<Collective> collectives_;
  absl::flat_hash_map<std::string, std::size_t> collective_by_key_;
  std::size_t max_key_tokens_ = 0;
  std::vector<std::string> collisions_;
};

}  // namespace mandate

#endif
