// One table per enumeration: each enum's values, stable names and report labels are written
// once, in the header that declares the enum, as a specialisation of EnumTable<E>. Every layer
// (core, reports, the C ABI, the command, the bindings) reads names through EnumName /
// EnumFromName / EnumLabel, so a name cannot drift between two copies.
//
//   template <> struct EnumTable<Colour> {
//     static constexpr EnumEntry<Colour> kEntries[] = {
//         {Colour::kRed, "red", "đỏ", "red"},
//         {Colour::kGreen, "green", "xanh", "green"},
//     };
//   };
//
// Entries are listed in value order, value i at index i (checked by EnumTableIsDense, which each
// table's header static_asserts), so lookups by value are an index. One rule for a value
// outside the table (a corrupted byte, a value from a newer file): its name is "unknown" and
// its labels are "?"; EnumFromName of an unknown name is nullopt.
#ifndef MANDATE_ENUM_TABLE_H
#define MANDATE_ENUM_TABLE_H

#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

namespace mandate {

template <typename E>
struct EnumEntry {
  E value;
  std::string_view name;  // stable: files, JSON, CLI options, C ABI *_name
  std::string_view vi{};  // report label in Vietnamese (empty where no report shows it)
  std::string_view en{};  // report label in English
};

// Specialised once per enum, next to the enum.
template <typename E>
struct EnumTable;

inline constexpr std::string_view kUnknownEnumName = "unknown";
inline constexpr std::string_view kUnknownEnumLabel = "?";

template <typename E>
constexpr std::size_t EnumCount() {
  return std::size(EnumTable<E>::kEntries);
}

template <typename E>
constexpr bool EnumTableIsDense() {
  std::size_t i = 0;
  for (const auto& e : EnumTable<E>::kEntries) {
    if (static_cast<std::size_t>(e.value) != i++) return false;
  }
  return true;
}

template <typename E>
constexpr const EnumEntry<E>* FindEnumEntry(E value) {
  const auto i = static_cast<std::size_t>(static_cast<std::underlying_type_t<E>>(value));
  return i < EnumCount<E>() ? &EnumTable<E>::kEntries[i] : nullptr;
}

template <typename E>
constexpr std::string_view EnumName(E value) {
  const EnumEntry<E>* e = FindEnumEntry(value);
  return e != nullptr ? e->name : kUnknownEnumName;
}

template <typename E>
constexpr std::optional<E> EnumFromName(std::string_view name) {
  for (const auto& e : EnumTable<E>::kEntries) {
    if (e.name == name) return e.value;
  }
  return std::nullopt;
}

enum class LabelLanguage { kVi, kEn };

template <typename E>
constexpr std::string_view EnumLabel(E value, LabelLanguage lang) {
  const EnumEntry<E>* e = FindEnumEntry(value);
  if (e == nullptr) return kUnknownEnumLabel;
  const std::string_view label = lang == LabelLanguage::kVi ? e->vi : e->en;
  return label.empty() ? e->name : label;
}

}  // namespace mandate

#endif  // MANDATE_ENUM_TABLE_H
