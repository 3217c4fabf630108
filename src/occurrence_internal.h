// The first occurrence of a recurrence without building the list (ClassifyAll's fast path
// for recurring tasks that have no reports).
#ifndef MANDATE_SRC_OCCURRENCE_INTERNAL_H
#define MANDATE_SRC_OCCURRENCE_INTERNAL_H

#include <optional>

#include "mandate/deadline.h"

namespace mandate::internal {

// Occurrences(r, from, to).front() for any `to` at or after it; nullopt if none comes within
// a few periods (it always does for a valid recurrence).
std::optional<Day> FirstOccurrence(const Recurrence& r, Day from, bool inclusive_before);

}  // namespace mandate::internal

#endif
