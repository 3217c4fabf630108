// mandate version: the library's version, read through the C ABI.
#include <iostream>

#include "command.h"
#include "mandate.h"

namespace {
int Run(const std::vector<std::string>&) {
  std::cout << "mandate " << mdt_version() << " (C ABI " << MDT_SOVERSION << ")\n";
  return 0;
}
const mandate::cli::Registration kReg{"version", "print the library version", &Run};
}  // namespace
