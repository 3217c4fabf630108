// An outside C++ program over the installed package: the C ABI through mandate.hpp.
#include <cstring>
#include <iostream>
#include <mandate.hpp>
#include <string>

int main() {
  if (mandate::c::version_number() != MDT_VERSION_NUMBER) return 1;
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
  std::cout << "C++ consumer linked mandate " << mandate::c::version() << ": " << n
            << " agencies\n";
  return 0;
}
