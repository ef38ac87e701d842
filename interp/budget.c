/* The memory budget: the most bytes one request whose size comes from the
 * script (a string, a list, a tensor, a model's slabs, a data set) may
 * take, with what strings and lists already hold (I->heap.bytes). Its
 * default is a quarter of the memory the kernel reports as
 * available when fx starts; --max-memory and FX_MAX_MEMORY set it. The
 * value lives in the interpreter's options (I->opt.max_memory), never in a
 * global; this file parses and prints sizes and raises the located error. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fx.h"

/* MemAvailable from /proc/meminfo in bytes, or -1. */
static int64_t mem_available(void)
{
    FILE *f = fopen("/proc/meminfo", "r");
    if (!f)
        return -1;
    char line[256];
    long long kb = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "MemAvailable: %lld kB", &kb) == 1)
            break;
    fclose(f);
    return kb > 0 && kb < INT64_MAX / 1024 ? (int64_t)kb * 1024 : -1;
}

int64_t fx_budget_default(void)
{
    int64_t avail = mem_available();
    if (avail < 0) {   /* no /proc: physical memory stands in */
        long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
        avail = pages > 0 && page > 0 && pages < INT64_MAX / page ? (int64_t)pages * page
                                                                  : INT64_C(4) << 30;
    }
    int64_t b = avail / 4;
    return b < FX_BUDGET_MIN ? FX_BUDGET_MIN : b;
}

int fx_size_parse(const char *s, int64_t *out)
{
    if (!s || !*s || isspace((unsigned char)*s) || *s == '-' || *s == '+')
        return -1;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno || !isfinite(v) || v <= 0)
        return -1;
    double unit = 1;
    switch (*end) {
    case 'k': case 'K': unit = 1024.0; end++; break;
    case 'm': case 'M': unit = 1024.0 * 1024; end++; break;
    case 'g': case 'G': unit = 1024.0 * 1024 * 1024; end++; break;
    case 't': case 'T': unit = 1024.0 * 1024 * 1024 * 1024; end++; break;
    default: break;
    }
    if (*end == 'i' && unit > 1)
        end++;
    if ((*end == 'b' || *end == 'B'))
        end++;
    if (*end)
        return -1;
    double bytes = floor(v * unit);
    if (bytes < 1 || bytes >= 9.2e18)
        return -1;
    *out = (int64_t)bytes;
    return 0;
}

const char *fx_bytes_text(double bytes, char buf[32])
{
    static const char *const unit[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    if (!(bytes >= 1024)) {
        snprintf(buf, 32, "%.0f bytes", bytes > 0 ? bytes : 0);
        return buf;
    }
    double v = bytes / 1024;
    int u = 0;
    while (v >= 1024 && u < 5) {
        v /= 1024;
        u++;
    }
    snprintf(buf, 32, "%.1f %s", v, unit[u]);
    return buf;
}

void fx_budget_hint(FxInterp *I)
{
    fx_error_hint(I, "set a larger budget with --max-memory SIZE or FX_MAX_MEMORY, "
                     "or ask for less");
}

int fx_budget_check(FxInterp *I, FxSpan at, double bytes, const char *what)
{
    int64_t max = I->opt.max_memory > 0 ? I->opt.max_memory : fx_budget_default();
    double held = (double)I->heap.bytes;   /* strings and lists alive now */
    if (bytes + held <= (double)max)
        return 0;
    char need[32], have[32], in_use[32];
    fx_bytes_text(bytes, need);
    fx_bytes_text((double)max, have);
    if (bytes <= (double)max)
        fx_error(I, at, "%s needs %s, and strings and lists hold %s already: more than the "
                 "memory budget of %s", what, need, fx_bytes_text(held, in_use), have);
    else if (!strcmp(need, have))
        fx_error(I, at, "%s needs %.0f bytes, more than the memory budget of %lld bytes", what,
                 bytes, (long long)max);
    else
        fx_error(I, at, "%s needs %s, more than the memory budget of %s", what, need, have);
    fx_budget_hint(I);
    return -1;
}
