#include "internal/handle.h"

#include <mutex>
#include <shared_mutex>

#include "absl/container/flat_hash_map.h"

namespace mandate::capi {
namespace {

struct Table {
  std::shared_mutex mu;
  absl::flat_hash_map<const void*, Kind> live;
};

// Never destroyed: handles may be freed from static destructors of the caller.
Table& table() {
  static Table* t = new Table;
  return *t;
}

}  // namespace

void RegisterHandle(const void* handle, Kind kind) {
  Table& t = table();
  std::unique_lock lock(t.mu);
  t.live[handle] = kind;
}

bool UnregisterHandle(const void* handle) {
  Table& t = table();
  std::unique_lock lock(t.mu);
  return t.live.erase(handle) == 1;
}

bool IsLiveHandle(const void* handle, Kind kind) {
  Table& t = table();
  std::shared_lock lock(t.mu);
  auto it = t.live.find(handle);
  return it != t.live.end() && it->second == kind;
}

}  // namespace mandate::capi
