/* headertest.c again with the experimental section declared. */
#define MDT_EXPERIMENTAL
#include "headertest.c"
