// Internal to the C ABI layer: the handles' kinds, their liveness table, and the helpers
// every entry point uses (CheckHandle, NewHandle / PublishHandle, FreeHandle). The handle
// structs are in one header per concept (agency_handle.h, dataset_handle.h, ...), so a file
// pulls in only the core headers of the handles it uses.
//
// Every handle starts with a magic number naming its kind, and every live handle is in a
// process-wide table. A call checks the table before it touches the handle, so a NULL, freed
// or foreign pointer becomes MDT_ERR_INVALID_HANDLE without reading freed memory (which would
// be undefined and trip AddressSanitizer). Best effort: a freed address reused by a new handle
// of the same kind passes the check, as in SQLite's misuse detection.
#ifndef MANDATE_CAPI_INTERNAL_HANDLE_H
#define MANDATE_CAPI_INTERNAL_HANDLE_H

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "internal/error.h"
#include "mandate.h"

namespace mandate::capi {

enum class Kind : std::uint32_t {
  kRegistry = 0x4d445201,
  kResolution = 0x4d445202,
  kCalendar = 0x4d445203,
  kDeadline = 0x4d445204,
  kDataset = 0x4d445205,
  kClassification = 0x4d445206,
  kClassificationIter = 0x4d445207,
  kProblems = 0x4d445208,
  kAggregate = 0x4d445209,
  kTargetEvaluations = 0x4d44520a,
  kTaskChange = 0x4d44520b,
  kTaskLists = 0x4d44520c,
  kTaskColumns = 0x4d44520d,
  kLiveAggregate = 0x4d44520e,
};

void RegisterHandle(const void* handle, Kind kind);
// False when the handle was not registered (a double free), true after removing it.
bool UnregisterHandle(const void* handle);
bool IsLiveHandle(const void* handle, Kind kind);

// MDT_ERR_INVALID_HANDLE naming `what` unless h is a live handle of its kind.
template <typename H>
mdt_status CheckHandle(const H* h, std::string_view what) {
  if (h == nullptr) return Fail(MDT_ERR_INVALID_HANDLE, std::string(what) + " is NULL");
  if (!IsLiveHandle(h, H::kKind) || h->magic != H::kKind) {
    return Fail(MDT_ERR_INVALID_HANDLE, std::string(what) + " is not a live " +
                                            std::string(H::kName) +
                                            " handle (freed, or another kind of handle)");
  }
  return MDT_OK;
}

// Registers a handle built by the caller and hands it to *out: the one way a handle leaves
// the library.
template <typename H>
mdt_status PublishHandle(H** out, std::unique_ptr<H> h) {
  RegisterHandle(h.get(), H::kKind);
  *out = h.release();
  return Ok();
}

// Allocates a handle from args, registers it and hands it to *out.
template <typename H, typename... Args>
mdt_status NewHandle(H** out, Args&&... args) {
  return PublishHandle(out, std::make_unique<H>(std::forward<Args>(args)...));
}

// Frees a handle made by NewHandle; NULL, freed and foreign pointers are ignored.
template <typename H>
void FreeHandle(H* h) noexcept {
  if (h == nullptr || !IsLiveHandle(h, H::kKind)) return;
  if (!UnregisterHandle(h)) return;
  h->magic = Kind{0};
  delete h;
}

}  // namespace mandate::capi

#endif
