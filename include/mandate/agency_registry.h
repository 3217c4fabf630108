// The agency registry: canonical ids, names, kinds, aliases and collective assignees, and
// the resolver that turns a raw "lead" cell ("Bộ Văn hóa, Thể thao và Du lịch, UBND TP.
// Hà Nội", "Các bộ, ngành, địa phương") into agency ids.
#ifndef MANDATE_AGENCY_REGISTRY_H
#define MANDATE_AGENCY_REGISTRY_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"

namespace mandate {

// Dense index of an agency inside one registry (0..size-1): small, for columnar storage.
using AgencyIndex = std::uint16_t;

// Values are stable (files, C ABI).
enum class AgencyKind : std::uint8_t {
  kOther = 0,
  kMinistry = 1,
  kMinistryLevel = 2,     // ministry-level agency (cơ quan ngang bộ)
  kGovernmentAgency = 3,  // cơ quan thuộc Chính phủ
  kProvince = 4,
  kPartyBody = 5,
  kEnterprise = 6,
  kUniversity = 7,
  kCentralBody = 8,  // National Assembly, courts, procuracy, fronts, ...
};
// The registry's kind strings as in agencies.json ("ministry", "province", ...).
std::string_view AgencyKindName(AgencyKind kind);
std::optional<AgencyKind> AgencyKindFromName(std::string_view name);

struct Agency {
  std::string id;    // canonical id, e.g. "BKHCN", "HN"
  std::string name;  // canonical Vietnamese name
  AgencyKind kind = AgencyKind::kOther;
  std::vector<std::string> aliases;
  std::vector<std::string> former_names;
};

// One resolved cell: the ids found (sorted, unique), and for every part that could not be
// resolved, its text. ok() is true when nothing was left unresolved.
struct Resolution {
  std::vector<AgencyIndex> agencies;
  std::vector<std::string> unresolved;   // raw parts, as written
  std::vector<std::string> collectives;  // collective phrases that were expanded
  bool ok() const { return unresolved.empty(); }
};

class AgencyRegistry {
 public:
  // Parses the agencies.json format (see docs/agencies.md).
  static absl::StatusOr<AgencyRegistry> FromJson(std::string_view json);
  static absl::StatusOr<AgencyRegistry> FromFile(const std::string& path);
  // The registry bundled with the library (data/agencies.json, compiled in).
  static const AgencyRegistry& Bundled();

  std::size_t size() const { return agencies_.size(); }
  const Agency& agency(AgencyIndex i) const { return agencies_[i]; }
  std::optional<AgencyIndex> FindById(std::string_view id) const;
  // One agency name in any of its spellings; no list splitting, no collectives.
  std::optional<AgencyIndex> FindByName(std::string_view name) const;
  // A whole raw cell: splits lists, expands collectives, resolves each part.
  Resolution Resolve(std::string_view cell) const;

  std::string ToJson() const;

 private:
  std::vector<Agency> agencies_;
  absl::flat_hash_map<std::string, AgencyIndex> by_id_;
  absl::flat_hash_map<std::string, AgencyIndex> by_key_;  // NormalizeKey(name/alias) -> index
  struct Collective {
    std::string phrase;
    std::vector<AgencyIndex> members;
  };
  std::vector<Collective> collectives_;
  absl::flat_hash_map<std::string, std::size_t> collective_by_key_;
};

}  // namespace mandate

#endif
