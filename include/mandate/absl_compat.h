// Debian 12's Abseil (20220623) is built with its own absl::string_view, which does not
// convert to or from std::string_view. mandate's interfaces use std::string_view; these two
// functions cross the gap where Abseil string utilities are called.
#ifndef MANDATE_ABSL_COMPAT_H
#define MANDATE_ABSL_COMPAT_H

#include <string_view>

#include "absl/strings/string_view.h"

namespace mandate {

inline absl::string_view ToAbsl(std::string_view s) { return {s.data(), s.size()}; }
inline std::string_view ToStd(absl::string_view s) { return {s.data(), s.size()}; }

}  // namespace mandate

#endif
