// An agency cell written as the registry's names of its agencies in another order than the
// registry's ("Bộ Quốc phòng, Bộ Công an" for a list stored sorted by index): real plans name
// the leading agency first, so such cells are common, and storing the order (a Lehmer code of
// the permutation, under 2 bytes for up to 8 agencies) instead of the text keeps them out of
// the text pool (issue 20: 4 bytes a task on the benchmark workload).
#ifndef MANDATE_SRC_AGENCY_CELL_ORDER_H
#define MANDATE_SRC_AGENCY_CELL_ORDER_H

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "mandate/agency_registry.h"

namespace mandate::internal {

// Lists longer than this keep their cell as text (8! codes fit in 16 bits).
inline constexpr std::size_t kMaxOrderedCell = 8;

// The code of the order in which text names every agency of list (sorted, unique), joined by
// ", ", if it does; nullopt otherwise (other text, a name missing or repeated).
std::optional<std::uint32_t> AgencyCellOrder(const AgencyRegistry& reg, std::string_view text,
                                             std::span<const AgencyIndex> list);
// The cell of list in the order code gives (any code is safe: out-of-range digits wrap).
std::string AgencyCellInOrder(const AgencyRegistry& reg, std::span<const AgencyIndex> list,
                              std::uint32_t code);

}  // namespace mandate::internal

#endif
