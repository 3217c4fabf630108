// Interning for deadline parsing: plans repeat a handful of phrases ("2025", "Tháng 12/2025")
// hundreds of times, so each distinct (text, context) is parsed once and shared. Not
// thread-safe: use one cache per thread.
#ifndef MANDATE_DEADLINE_CACHE_H
#define MANDATE_DEADLINE_CACHE_H

#include <memory>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "mandate/deadline.h"

namespace mandate {

class DeadlineCache {
 public:
  // The parse of text under ctx; the reference stays valid until Clear() or destruction.
  const absl::StatusOr<Deadline>& Parse(std::string_view text, const DeadlineContext& ctx = {});
  std::size_t size() const { return entries_.size(); }
  void Clear() { entries_.clear(); }

 private:
  struct Key {
    std::string text;
    int year = 0;  // 0: none
    std::int32_t assigned = INT32_MIN;
    bool inclusive_before = false;
    const WorkingCalendar* calendar = nullptr;
    template <typename H>
    friend H AbslHashValue(H h, const Key& k) {
      return H::combine(std::move(h), std::string_view(k.text), k.year, k.assigned,
                        k.inclusive_before, k.calendar);
    }
    friend bool operator==(const Key&, const Key&) = default;
  };
  absl::flat_hash_map<Key, std::unique_ptr<absl::StatusOr<Deadline>>> entries_;
};

}  // namespace mandate

#endif
