#include "agency_cell_order.h"

#include <array>

namespace mandate::internal {
namespace {

constexpr std::string_view kSeparator = ", ";

// Depth-first: which unused agency's name comes next at pos (names may share a prefix, so a
// first match can be wrong; lists are at most 8 long).
bool Match(const AgencyRegistry& reg, std::string_view text, std::size_t pos,
           std::span<const AgencyIndex> list, std::size_t depth, std::uint32_t used,
           std::array<std::uint8_t, kMaxOrderedCell>& order) {
  if (depth == list.size()) return pos == text.size();
  if (depth > 0) {
    if (text.substr(pos, kSeparator.size()) != kSeparator) return false;
    pos += kSeparator.size();
  }
  for (std::size_t j = 0; j < list.size(); ++j) {
    if (used & (1u << j)) continue;
    const std::string& name = reg.agency(list[j]).name;
    if (text.substr(pos, name.size()) != name) continue;
    order[depth] = static_cast<std::uint8_t>(j);
    if (Match(reg, text, pos + name.size(), list, depth + 1, used | (1u << j), order)) return true;
  }
  return false;
}

}  // namespace

std::optional<std::uint32_t> AgencyCellOrder(const AgencyRegistry& reg, std::string_view text,
                                             std::span<const AgencyIndex> list) {
  if (list.empty() || list.size() > kMaxOrderedCell) return std::nullopt;
  std::array<std::uint8_t, kMaxOrderedCell> order{};
  if (!Match(reg, text, 0, list, 0, 0, order)) return std::nullopt;
  // Lehmer code: digit k is the rank of order[k] among the agencies not yet named.
  std::uint32_t code = 0, used = 0;
  for (std::size_t k = 0; k < list.size(); ++k) {
    std::uint32_t rank = 0;
    for (std::uint8_t j = 0; j < order[k]; ++j) rank += (used & (1u << j)) ? 0 : 1;
    used |= 1u << order[k];
    code = code * static_cast<std::uint32_t>(list.size() - k) + rank;
  }
  return code;
}

std::string AgencyCellInOrder(const AgencyRegistry& reg, std::span<const AgencyIndex> list,
                              std::uint32_t code) {
  const std::size_t n = std::min(list.size(), kMaxOrderedCell);
  std::array<std::uint32_t, kMaxOrderedCell> digit{};
  for (std::size_t k = n; k-- > 0;) {  // the last digit is the least significant
    const auto base = static_cast<std::uint32_t>(n - k);
    digit[k] = code % base;
    code /= base;
  }
  std::string out;
  std::uint32_t used = 0;
  for (std::size_t k = 0; k < n; ++k) {
    std::uint32_t rank = digit[k];
    std::size_t j = 0;
    for (;; ++j) {  // the rank-th agency not yet named
      if (used & (1u << j)) continue;
      if (rank == 0) break;
      --rank;
    }
    used |= 1u << j;
    if (k > 0) out += kSeparator;
    out += reg.agency(list[j]).name;
  }
  return out;
}

}  // namespace mandate::internal
