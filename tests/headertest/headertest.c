/* The public header must compile on its own as strict C99 (libgit2 tests/headertest). */
#include "mandate.h"

int mdt_headertest_c(void) { return MDT_VERSION_NUMBER > 0 ? (int)MDT_OK : 1; }
