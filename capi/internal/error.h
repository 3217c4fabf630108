// Internal to the C ABI layer: the thread-local last error and the translation of
// absl::Status and exceptions into mdt_status. Not installed.
#ifndef MANDATE_CAPI_ERROR_H
#define MANDATE_CAPI_ERROR_H

#include <string_view>

#include "absl/status/status.h"
#include "mandate.h"
#include "mandate/absl_compat.h"

namespace mandate::capi {

// Records msg as this thread's last error and returns code.
mdt_status Fail(mdt_status code, std::string_view msg);
// Maps an absl::Status onto mdt_status, recording its message.
mdt_status FromStatus(const absl::Status& status);
// Returns MDT_OK. The last error is left as it is: it stays until the next failure (the
// libgit2 rule), so a binding can still read it after the calls that follow a failure.
mdt_status Ok();

// Runs body, turning any escaping exception into MDT_ERR_NO_MEMORY or MDT_ERR_INTERNAL:
// no exception crosses the C ABI.
template <typename F>
mdt_status Guard(F&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return Fail(MDT_ERR_NO_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return Fail(MDT_ERR_INTERNAL, e.what());
  } catch (...) {
    return Fail(MDT_ERR_INTERNAL, "unknown exception");
  }
}

}  // namespace mandate::capi

#endif
