/* Helpers for the plot renderer's unit tests: compare a rendering with the
 * exact text stored in tests/unit/plot_expected/NAME.txt (tests run from
 * the repository root). With FX_PLOT_UPDATE=1 in the environment the file
 * is written instead, to be read by a person before it is committed.
 * Knows nothing of fx beyond plot.h. */
#ifndef FX_TEST_PLOT_EXPECT_H
#define FX_TEST_PLOT_EXPECT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "plot/plot.h"

/* The whole file, NUL-terminated, or NULL; the caller frees it. */
static char *plot_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *s = malloc(cap);
    while (s) {
        n += fread(s + n, 1, cap - n - 1, f);
        if (n < cap - 1)
            break;
        char *t = realloc(s, cap * 2);
        if (!t) {
            free(s);
            s = NULL;
            break;
        }
        s = t;
        cap *= 2;
    }
    fclose(f);
    if (s)
        s[n] = '\0';
    *len = n;
    return s;
}

/* Prints the first line where got and want differ, as a TAP comment. */
static void plot_show_diff(const char *got, const char *want)
{
    int line = 1;
    const char *g = got, *w = want;
    while (*g && *g == *w) {
        if (*g == '\n')
            line++;
        g++, w++;
    }
    while (g > got && g[-1] != '\n')
        g--;
    while (w > want && w[-1] != '\n')
        w--;
    printf("# line %d\n#  got: %.*s\n# want: %.*s\n", line,
           (int)strcspn(g, "\n"), g, (int)strcspn(w, "\n"), w);
}

static void expect_rendering(Checks *c, const char *name, const FxPlotBuf *b)
{
    char path[256];
    snprintf(path, sizeof path, "tests/unit/plot_expected/%s.txt", name);
    const char *got = b->data ? b->data : "";
    const char *up = getenv("FX_PLOT_UPDATE");
    if (up && strcmp(up, "1") == 0) {
        FILE *f = fopen(path, "wb");
        int ok = f && fwrite(got, 1, strlen(got), f) == strlen(got);
        if (f)
            ok = fclose(f) == 0 && ok;
        CHECK(c, ok, "%s: wrote %s", name, path);
        return;
    }
    size_t n = 0;
    char *want = plot_read_file(path, &n);
    int same = want && n == strlen(got) && memcmp(want, got, n) == 0;
    CHECK(c, same, "%s: rendering matches %s", name, path);
    if (!same && want)
        plot_show_diff(got, want);
    free(want);
}

#endif
