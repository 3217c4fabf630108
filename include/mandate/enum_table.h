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
// Entries are listed in value order with no gaps, from the first value (0 for most enums; an
// enum whose 0 is not a value starts at 1): value first + i at index i (checked by
// EnumTableIsDense, which each table's header static_asserts), so lookups by value are an
// index. Names and labels are string literals, so their data() is NUL-terminated (the C ABI
// hands them out as const char*). One rule for a value
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

// The number of the first entry's value (the table's base).
template <typename E>
constexpr std::size_t EnumFirst() {
  return static_cast<std::size_t>(
      static_cast<std::underlying_type_t<E>>(EnumTable<E>::kEntries[0].value));
}

template <typename E>
constexpr bool EnumTableIsDense() {
  std::size_t i = EnumFirst<E>();
  for (const auto& e : EnumTable<E>::kEntries) {
    if (static_cast<std::size_t>(static_cast<std::underlying_type_t<E>>(e.value)) != i++) {
      return false;
    }
    if (e.name.empty() || e.name.data()[e.name.size()] != '\0') return false;
  }
  return true;
}

// The index of value in E's table, or EnumCount<E>() when it is outside the table. (Lookups go
// by index, not by comparing entry pointers, which GCC cannot constant-evaluate under
// -fsanitize=undefined.)
template <typename E>
constexpr std::size_t EnumIndex(E value) {
  const auto v = static_cast<std::size_t>(static_cast<std::underlying_type_t<E>>(value));
  const std::size_t i = v - EnumFirst<E>();  // wraps to a huge index below the first value
  return i < EnumCount<E>() ? i : EnumCount<E>();
}

template <typename E>
constexpr const EnumEntry<E>* FindEnumEntry(E value) {
  const std::size_t i = EnumIndex(value);
  return i < EnumCount<E>() ? &EnumTable<E>::kEntries[i] : nullptr;
}

template <typename E>
constexpr std::string_view EnumName(E value) {
  const std::size_t i = EnumIndex(value);
  return i < EnumCount<E>() ? EnumTable<E>::kEntries[i].name : kUnknownEnumName;
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
  const std::size_t i = EnumIndex(value);
  if (i >= EnumCount<E>()) return kUnknownEnumLabel;
  const EnumEntry<E>& e = EnumTable<E>::kEntries[i];
  const std::string_view label = lang == LabelLanguage::kVi ? e.vi : e.en;
  return label.empty() ? e.name : label;
}

}  // namespace mandate

#endif  // MANDATE_ENUM_TABLE_H
