/* Train's progress text (stdlib/exp/exp_progress.c) with fixed numbers:
 * durations as Keras writes them, time per step, and the terminal's bar
 * with the running loss, elapsed time, time per step and time left. No
 * clock and no terminal: the text is pinned exactly. */
#include <math.h>
#include <string.h>
#include "check.h"
#include "exp/exp_progress.h"

static void duration_is(Checks *c, double s, const char *want)
{
    char got[32];
    fx_fmt_duration(got, sizeof got, s);
    CHECK(c, !strcmp(got, want), "duration %g s: \"%s\" (want \"%s\")", s, got, want);
}

static void per_step_is(Checks *c, double s, const char *want)
{
    char got[32];
    fx_fmt_per_step(got, sizeof got, s);
    CHECK(c, !strcmp(got, want), "per step %g s: \"%s\" (want \"%s\")", s, got, want);
}

int main(void)
{
    Checks c = {0, 0};
    duration_is(&c, 0.0484, "48ms");
    duration_is(&c, 2.34, "2.3s");
    duration_is(&c, 42.4, "42s");
    duration_is(&c, 65, "1m05s");
    duration_is(&c, NAN, "0ms");
    per_step_is(&c, 0.0004, "400us/step");
    per_step_is(&c, 0.0102, "10ms/step");
    per_step_is(&c, 1.25, "1.2s/step");

    char s[256];
    FxProgress p = {3, 20, 12, 32, 0.12344, 2.4};
    fx_progress_text(s, sizeof s, &p);
    const char *want = "  epoch 3/20 [===========>..................] 12/32  loss: 0.1234"
                       " - 2.4s 200ms/step - ETA 4.0s";
    CHECK(&c, !strcmp(s, want), "bar: \"%s\"", s);
    p = (FxProgress){1, 1, 32, 32, 2.5e7, 0.64};
    fx_progress_text(s, sizeof s, &p);
    CHECK(&c, strstr(s, "[==============================] 32/32  loss: 2.5000e+07 - 640ms "
                        "20ms/step - ETA 0ms") != NULL, "a full bar, a huge loss: \"%s\"", s);
    return checks_done(&c);
}
