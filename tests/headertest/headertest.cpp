// The public headers must compile on their own as C++ with every warning an error: the C
// header, and the header-only C++ API over it (with and without the experimental section).
#include "mandate.h"
#include "mandate.hpp"

int mdt_headertest_cpp() { return MDT_VERSION_NUMBER > 0 ? static_cast<int>(MDT_OK) : 1; }
