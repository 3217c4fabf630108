#include <iostream>
#include <mandate.hpp>

int main() {
  if (mandate::c::version_number() != MDT_VERSION_NUMBER) return 1;
  if (mandate::c::abi_version() != MDT_SOVERSION) return 1;
  const mandate::c::Registry registry = mandate::c::Registry::bundled();
  if (registry.size() == 0) return 1;
  std::cout << "C++ consumer linked mandate " << mandate::c::version() << " (ABI "
            << mandate::c::abi_version() << ", " << registry.size() << " agencies)\n";
  return 0;
}
