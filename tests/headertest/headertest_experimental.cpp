// mandate.hpp with the experimental classes.
#define MDT_EXPERIMENTAL
#include "mandate.hpp"

int mdt_headertest_cpp_experimental() {
  return sizeof(mandate::c::TaskLists) == sizeof(void*) ? static_cast<int>(MDT_OK) : 1;
}
