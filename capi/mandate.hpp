// Optional header-only C++ wrapper over the C ABI (the top of the hourglass): RAII handles
// and exceptions carrying mdt_last_error(). It compiles against mandate.h alone, so a C++
// program gets a stable ABI without sharing Abseil or the standard library's ABI with us.
#ifndef MANDATE_HPP
#define MANDATE_HPP

#include <stdexcept>
#include <string>

#include "mandate.h"

namespace mandate::c {

class Error : public std::runtime_error {
 public:
  Error(mdt_status status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  mdt_status status() const noexcept { return status_; }

 private:
  mdt_status status_;
};

inline void check(mdt_status status) {
  if (status != MDT_OK) {
    throw Error(status, std::string(mdt_status_name(status)) + ": " + mdt_last_error());
  }
}

inline int version_number() { return mdt_version_number(); }
inline std::string version() { return mdt_version(); }

}  // namespace mandate::c

#endif
