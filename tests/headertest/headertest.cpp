// The public header must compile on its own as C++ with every warning an error.
#include "mandate.h"

int mdt_headertest_cpp() { return MDT_VERSION_NUMBER > 0 ? static_cast<int>(MDT_OK) : 1; }
