/* RtError: formatting an error message into the caller's error value,
 * copying one, and the text of a byte count for messages. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
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

void rt_error_copy(RtError *e, const RtError *from)
{
    if (!e || !from || e == from)
        return;
    e->code = from->code;
    memcpy(e->msg, from->msg, sizeof e->msg);
}

const char *rt_bytes_text(int64_t bytes, char buf[32])
{
    static const char *const unit[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    if (bytes < 1024) {
        snprintf(buf, 32, "%lld bytes", (long long)bytes);
        return buf;
    }
    double v = (double)bytes / 1024;
    int u = 0;
    while (v >= 1024 && u < 5) {
        v /= 1024;
        u++;
    }
    snprintf(buf, 32, "%.1f %s", v, unit[u]);
    return buf;
}
