// mandate version: the library's version, read through the C ABI.
#include <iostream>

#include "command.h"
#include "mandate.h"

namespace {
int Run(const mandate::cli::Args&) {
  std::cout << "mandate " << mdt_version() << " (C ABI " << MDT_SOVERSION << ")\n";
  return 0;
}
const mandate::cli::Registration kReg{{.name = "version",
                                       .summary = "print the library version (as --version)",
                                       .synopsis = "",
                                       .options = {},
                                       .run = &Run}};
}  // namespace
