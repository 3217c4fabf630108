// An outside C++ program over the installed package: the C ABI through mandate.hpp.
#include <cstring>
#include <iostream>
#include <mandate.hpp>
#include <string>

int main() {
  if (mandate::c::version_number() != MDT_VERSION_NUMBER) return 1;
  if (mandate::c::abi_version() != MDT_SOVERSION) return 1;
  // The C ABI directly, and through the RAII classes of mandate.hpp.
  mdt_registry* reg = nullptr;
  mdt_resolution* r = nullptr;
  size_t n = 0;
  const std::string cell = "Các bộ, ngành, địa phương";
  if (mdt_registry_bundled(&reg) != MDT_OK ||
      mdt_registry_resolve(&r, reg, cell.data(), cell.size()) != MDT_OK ||
      mdt_resolution_agency_count(&n, r) != MDT_OK || n < 50) {
    std::cerr << "resolve: " << mdt_last_error() << "\n";
    return 1;
  }
  mdt_resolution_free(r);
  mdt_registry_free(reg);
  const mandate::c::Registry registry = mandate::c::Registry::bundled();
  if (registry.resolve(cell).agencies().size() != n) return 1;
  std::cout << "C++ consumer linked mandate " << mandate::c::version() << " (ABI "
            << mandate::c::abi_version() << "): " << n << " agencies\n";
  return 0;
}
