#include "mandate.h"

extern "C" {
MDT_API int32_t mdt_version_number(void) { return MDT_VERSION_NUMBER; }
MDT_API const char* mdt_version(void) { return MDT_VERSION_STRING; }
MDT_API int32_t mdt_abi_version(void) { return MDT_SOVERSION; }
}
