#include <iostream>

#include <mandate.hpp>

int main() {
  if (mandate::c::version_number() != MDT_VERSION_NUMBER) return 1;
  std::cout << "C++ consumer linked mandate " << mandate::c::version() << "\n";
  return 0;
}
