/* The runtime's version string. */
#include "rt.h"

const char *rt_version(void) { return "0.1.0"; }
