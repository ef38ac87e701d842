/* RtError: formatting an error message into the caller's error value. */
#include <stdarg.h>
#include <stdio.h>
#include "rt.h"

void rt_error_set(RtError *e, RtErrorCode code, const char *fmt, ...)
{
    if (!e)
        return;
    e->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}
