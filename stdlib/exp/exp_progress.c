/* Train's progress text: durations, time per step and the progress bar
 * (exp_progress.h). Formatting only; exp_train.c reads the clock and
 * writes to the terminal. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "exp_progress.h"

void fx_fmt_duration(char *out, size_t cap, double s)
{
    if (!(s >= 0) || !isfinite(s))
        s = 0;
    if (s < 0.9995)
        snprintf(out, cap, "%.0fms", s * 1000);
    else if (s < 9.95)
        snprintf(out, cap, "%.1fs", s);
    else if (s < 59.5)
        snprintf(out, cap, "%.0fs", s);
    else {
        long t = (long)floor(s + 0.5);
        snprintf(out, cap, "%ldm%02lds", t / 60, t % 60);
    }
}

void fx_fmt_per_step(char *out, size_t cap, double s)
{
    if (!(s >= 0) || !isfinite(s))
        s = 0;
    if (s < 0.0009995)
        snprintf(out, cap, "%.0fus/step", s * 1e6);
    else if (s < 0.9995)
        snprintf(out, cap, "%.0fms/step", s * 1000);
    else
        snprintf(out, cap, "%.1fs/step", s);
}

void fx_progress_text(char *out, size_t cap, const FxProgress *p)
{
    enum { BAR = 30 };
    char bar[BAR + 1], el[32], per[32], eta[32];
    int64_t total = p->batches > 0 ? p->batches : 1;
    int64_t done = p->batch < 0 ? 0 : p->batch > total ? total : p->batch;
    int fill = (int)(BAR * done / total);
    for (int i = 0; i < BAR; i++)
        bar[i] = i < fill ? '=' : i == fill && done < total ? '>' : '.';
    bar[BAR] = '\0';
    double step = done > 0 ? p->elapsed / (double)done : 0;
    fx_fmt_duration(el, sizeof el, p->elapsed);
    fx_fmt_per_step(per, sizeof per, step);
    fx_fmt_duration(eta, sizeof eta, step * (double)(total - done));
    int w = snprintf(NULL, 0, "%lld", (long long)total);
    if (isfinite(p->loss) && fabs(p->loss) >= 1e5)
        snprintf(out, cap, "  epoch %lld/%lld [%s] %*lld/%lld  loss: %.4e - %s %s - ETA %s",
                 (long long)p->epoch, (long long)p->epochs, bar, w, (long long)done,
                 (long long)total, p->loss, el, per, eta);
    else
        snprintf(out, cap, "  epoch %lld/%lld [%s] %*lld/%lld  loss: %.4f - %s %s - ETA %s",
                 (long long)p->epoch, (long long)p->epochs, bar, w, (long long)done,
                 (long long)total, p->loss, el, per, eta);
}
