/* Minimal unit-test support for fx's C tests: each CHECK prints one TAP-like
 * line ("ok N - what" or "not ok N - what") that tests/run.sh counts.
 * Knows nothing of fx itself. */
#ifndef FX_TEST_CHECK_H
#define FX_TEST_CHECK_H

#include <math.h>
#include <stdio.h>

typedef struct { int run, failed; } Checks;

#define CHECK(c, cond, ...)                                              \
    do {                                                                 \
        (c)->run++;                                                      \
        if (cond) {                                                      \
            printf("ok %d - ", (c)->run);                                \
        } else {                                                         \
            (c)->failed++;                                               \
            printf("not ok %d - %s:%d: ", (c)->run, __FILE__, __LINE__); \
        }                                                                \
        printf(__VA_ARGS__);                                             \
        printf("\n");                                                    \
    } while (0)

/* |a - b| <= atol + rtol * |b|, and NaN never passes. */
#define CHECK_CLOSE(c, a, b, rtol, atol, what)                            \
    do {                                                                  \
        double a_ = (a), b_ = (b);                                        \
        CHECK(c, fabs(a_ - b_) <= (atol) + (rtol) * fabs(b_),             \
              "%s: got %.9g want %.9g", (what), a_, b_);                  \
    } while (0)

static inline int checks_done(const Checks *c)
{
    return c->failed ? 1 : 0;
}

#endif
