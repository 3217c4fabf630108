// The agency registry and the resolver of raw "lead" cells, across the C ABI.
#include "internal/agency_handle.h"
#include "internal/convert.h"
#include "internal/error.h"
#include "internal/handle.h"
#include "mandate.h"
#include "mandate/agency_registry.h"

using namespace mandate::capi;  // NOLINT: the C entry points below

namespace {

mdt_status Adopt(mdt_registry** out, absl::StatusOr<mandate::AgencyRegistry> reg) {
  if (!reg.ok()) {
    // A registry file that does not parse is MDT_ERR_PARSE, not a bad argument.
    if (reg.status().code() == absl::StatusCode::kInvalidArgument) {
      return Fail(MDT_ERR_PARSE, mandate::ToStd(reg.status().message()));
    }
    return FromStatus(reg.status());
  }
  auto h = std::make_unique<mdt_registry>();
  h->registry = std::make_shared<const mandate::AgencyRegistry>(*std::move(reg));
  return PublishHandle(out, std::move(h));
}

}  // namespace

extern "C" {

MDT_API mdt_status mdt_registry_bundled(mdt_registry** out) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    auto h = std::make_unique<mdt_registry>();
    // Aliasing constructor: shares nothing, points at the static registry.
    h->registry = std::shared_ptr<const mandate::AgencyRegistry>(
        std::shared_ptr<const mandate::AgencyRegistry>{}, &mandate::AgencyRegistry::Bundled());
    return PublishHandle(out, std::move(h));
  });
}

MDT_API mdt_status mdt_registry_from_json(mdt_registry** out, const char* json, size_t len) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    std::string_view text;
    MDT_TRY(Text(&text, json, len, "json"));
    return Adopt(out, mandate::AgencyRegistry::FromJson(text));
  });
}

MDT_API mdt_status mdt_registry_from_file(mdt_registry** out, const char* path) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    std::string_view p;
    MDT_TRY(CString(&p, path, "path", true));
    return Adopt(out, mandate::AgencyRegistry::FromFile(std::string(p)));
  });
}

MDT_API void mdt_registry_free(mdt_registry* registry) { FreeHandle(registry); }

MDT_API mdt_status mdt_registry_agency_count(size_t* out, const mdt_registry* registry) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(registry, "registry"));
    *out = registry->registry->size();
    return Ok();
  });
}

MDT_API mdt_status mdt_registry_agency(const char** out_id, const char** out_name,
                                       mdt_agency_kind* out_kind, const mdt_registry* registry,
                                       size_t index) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(registry, "registry"));
    MDT_TRY(IndexArg(index, registry->registry->size(), "agency index"));
    const auto& a = registry->registry->agency(static_cast<mandate::AgencyIndex>(index));
    if (out_id) *out_id = a.id.c_str();
    if (out_name) *out_name = a.name.c_str();
    if (out_kind) *out_kind = static_cast<mdt_agency_kind>(a.kind);
    return Ok();
  });
}

MDT_API mdt_status mdt_registry_find_id(size_t* out, const mdt_registry* registry, const char* id) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(registry, "registry"));
    std::string_view s;
    MDT_TRY(CString(&s, id, "id", true));
    auto i = registry->registry->FindById(s);
    if (!i) return Fail(MDT_ERR_NOT_FOUND, "no agency has the id \"" + Excerpt(s, 64) + "\"");
    *out = *i;
    return Ok();
  });
}

MDT_API mdt_status mdt_registry_find_name(size_t* out, const mdt_registry* registry,
                                          const char* name, size_t len) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(registry, "registry"));
    std::string_view s;
    MDT_TRY(Text(&s, name, len, "name"));
    auto i = registry->registry->FindByName(s);
    if (!i) return Fail(MDT_ERR_NOT_FOUND, "no agency is named \"" + Excerpt(s, 128) + "\"");
    *out = *i;
    return Ok();
  });
}

MDT_API mdt_status mdt_registry_resolve(mdt_resolution** out, const mdt_registry* registry,
                                        const char* cell, size_t len) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    MDT_TRY(CheckHandle(registry, "registry"));
    std::string_view s;
    MDT_TRY(Text(&s, cell, len, "cell"));
    auto h = std::make_unique<mdt_resolution>();
    h->registry = registry->registry;
    h->resolution = registry->registry->Resolve(s);
    return PublishHandle(out, std::move(h));
  });
}

MDT_API mdt_status mdt_registry_find_leading(mdt_resolution** out, const mdt_registry* registry,
                                             const char* text, size_t len) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    MDT_TRY(CheckHandle(registry, "registry"));
    std::string_view s;
    MDT_TRY(Text(&s, text, len, "text"));
    auto h = std::make_unique<mdt_resolution>();
    h->registry = registry->registry;
    h->resolution = registry->registry->FindLeadingAgencies(s);
    return PublishHandle(out, std::move(h));
  });
}

MDT_API mdt_status mdt_registry_to_json(char** out, size_t* out_len, const mdt_registry* registry) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    *out = nullptr;
    MDT_TRY(CheckHandle(registry, "registry"));
    return DupString(out, out_len, registry->registry->ToJson());
  });
}

MDT_API void mdt_resolution_free(mdt_resolution* resolution) { FreeHandle(resolution); }

MDT_API mdt_status mdt_resolution_agency_count(size_t* out, const mdt_resolution* resolution) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(resolution, "resolution"));
    *out = resolution->resolution.agencies.size();
    return Ok();
  });
}

MDT_API mdt_status mdt_resolution_agency(size_t* out_index, const char** out_id,
                                         const mdt_resolution* resolution, size_t i) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckHandle(resolution, "resolution"));
    const auto& agencies = resolution->resolution.agencies;
    MDT_TRY(IndexArg(i, agencies.size(), "agency"));
    if (out_index) *out_index = agencies[i];
    if (out_id) *out_id = resolution->registry->agency(agencies[i]).id.c_str();
    return Ok();
  });
}

MDT_API mdt_status mdt_resolution_unresolved_count(size_t* out, const mdt_resolution* resolution) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(resolution, "resolution"));
    *out = resolution->resolution.unresolved.size();
    return Ok();
  });
}

MDT_API mdt_status mdt_resolution_unresolved(const char** out, size_t* out_len,
                                             const mdt_resolution* resolution, size_t i) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(resolution, "resolution"));
    const auto& v = resolution->resolution.unresolved;
    MDT_TRY(IndexArg(i, v.size(), "unresolved part"));
    Borrow(out, out_len, v[i]);
    return Ok();
  });
}

MDT_API mdt_status mdt_resolution_collective_count(size_t* out, const mdt_resolution* resolution) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(resolution, "resolution"));
    *out = resolution->resolution.collectives.size();
    return Ok();
  });
}

MDT_API mdt_status mdt_resolution_collective(const char** out, size_t* out_len,
                                             const mdt_resolution* resolution, size_t i) {
  return Guard([&]() -> mdt_status {
    MDT_TRY(CheckOut(out, "out"));
    MDT_TRY(CheckHandle(resolution, "resolution"));
    const auto& v = resolution->resolution.collectives;
    MDT_TRY(IndexArg(i, v.size(), "collective"));
    Borrow(out, out_len, v[i]);
    return Ok();
  });
}

}  // extern "C"
