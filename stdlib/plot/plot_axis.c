/* Numbers on axes: the shared number format (fx_plot_fmt), round tick
 * steps for linear axes (1, 2, 2.5, 5 x 10^k, as matplotlib's MaxNLocator
 * and gnuplot choose them), powers of ten for log axes, tick labels with
 * equal decimals, and the fit of ticks onto whole rows or columns. Knows
 * nothing of charts' layout nor of the fx language. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_impl.h"

/* ---- the shared number format ------------------------------------------ */

/* Removes trailing zeros after a decimal point in s[0, n), and the point
 * itself when nothing follows it; returns the new length. */
static size_t strip_zeros(char *s, size_t n)
{
    if (!memchr(s, '.', n))
        return n;
    while (n > 0 && s[n - 1] == '0')
        n--;
    if (n > 0 && s[n - 1] == '.')
        n--;
    return n;
}

static size_t copy_out(char *out, size_t cap, const char *s)
{
    size_t n = strlen(s);
    if (cap == 0)
        return n;
    size_t k = n < cap - 1 ? n : cap - 1;
    memcpy(out, s, k);
    out[k] = '\0';
    return n;
}

size_t fx_plot_fmt(char *out, size_t cap, double v, int sig)
{
    char tmp[64];
    if (isnan(v))
        return copy_out(out, cap, "nan");
    if (isinf(v))
        return copy_out(out, cap, v > 0 ? "inf" : "-inf");
    if (v == 0)
        return copy_out(out, cap, "0");
    if (sig <= 0)
        sig = 4;
    if (sig > 17)
        sig = 17;
    /* The exponent after rounding to sig digits decides the notation. */
    snprintf(tmp, sizeof tmp, "%.*e", sig - 1, v);
    char *e = strchr(tmp, 'e');
    int exp10 = atoi(e + 1);
    if (exp10 >= 6 || exp10 < -4) {
        char tail[16];
        snprintf(tail, sizeof tail, "%s", e);
        size_t n = strip_zeros(tmp, (size_t)(e - tmp));
        snprintf(tmp + n, sizeof tmp - n, "%s", tail);
    } else {
        int dec = sig - 1 - exp10;
        snprintf(tmp, sizeof tmp, "%.*f", dec > 0 ? dec : 0, v);
        tmp[strip_zeros(tmp, strlen(tmp))] = '\0';
    }
    return copy_out(out, cap, tmp);
}

/* ---- linear ticks ---------------------------------------------------------- */

static const double mantissas[4] = {1, 2, 2.5, 5};

/* m * 10^e computed so that multiples of it round like decimal literals
 * (dividing by an exact power of ten rather than multiplying by 0.1...). */
static double scaled(double k, double m, int e)
{
    return e >= 0 ? k * m * pow(10, e) : k * m / pow(10, -e);
}

static double qfloor(double q) { return floor(q + 1e-9 * (fabs(q) + 1)); }
static double qceil(double q)  { return ceil(q - 1e-9 * (fabs(q) + 1)); }

/* Widens an empty range around its value by half its power of ten
 * (2.5 gives 2..3, 0.5 gives 0.45..0.55), or by 1 around 0. */
static void widen(double *lo, double *hi)
{
    double span = *hi - *lo, mag = fmax(fabs(*lo), fabs(*hi));
    if (span > mag * 1e-12 && span > 1e-300)
        return;
    double d = mag > 1e-300 ? pow(10, floor(log10(mag))) / 2 : 1;
    *lo -= d;
    *hi += d;
}

/* Labels for ticks k*m*10^e: equal decimals, fixed notation unless the
 * values are large, tiny or need more than 6 decimals. */
static void label_linear(FxPlotTicks *t, double m, int e)
{
    double maxabs = 0;
    for (int i = 0; i < t->n; i++)
        maxabs = fmax(maxabs, fabs(t->v[i]));
    int extra = m == 2.5 ? 1 : 0;
    int dec = extra - e > 0 ? extra - e : 0;   /* 2.5 needs one more */
    int fixed = maxabs == 0 || (maxabs >= 1e-4 && maxabs < 1e6 && dec <= 6);
    /* A tick past DBL_MAX (an axis to +-1.8e308) is inf: 308 digits. */
    int big = maxabs > 0 ? (isfinite(maxabs) ? (int)floor(log10(maxabs)) : 308) : 0;
    int mdec = big - e + extra;
    mdec = mdec < 0 ? 0 : mdec > 16 ? 16 : mdec;
    t->label_w = 0;
    for (int i = 0; i < t->n; i++) {
        char *s = t->label[i];
        if (fixed)
            snprintf(s, FX_PLOT_NUM_MAX, "%.*f", dec, t->v[i]);
        else if (t->v[i] == 0)
            snprintf(s, FX_PLOT_NUM_MAX, "0");
        else
            snprintf(s, FX_PLOT_NUM_MAX, "%.*e", mdec, t->v[i]);
        int w = (int)strlen(s);
        t->label_w = w > t->label_w ? w : t->label_w;
    }
}

/* Ticks k*s for k in [k0, k1], s = m*10^e; zero is exactly zero. */
static void set_ticks(FxPlotTicks *t, double k0, double k1, double m, int e)
{
    t->n = 0;
    for (double k = k0; k <= k1 && t->n < FX_PLOT_MAX_TICKS; k++)
        t->v[t->n++] = k == 0 ? 0 : scaled(k, m, e);
    label_linear(t, m, e);
}

/* The smallest round step giving at most max_iv intervals over [lo, hi]:
 * outer (extend) counts intervals from the tick at or below lo to the one
 * at or above hi, inner from the first tick >= lo to the last <= hi. */
static void pick_step(double lo, double hi, int max_iv, int integer,
                      int outer, double *m, int *e, double *k0, double *k1)
{
    /* An outer range around 0 always spans two intervals at least. */
    if (max_iv < (outer ? 2 : 1))
        max_iv = outer ? 2 : 1;
    if (max_iv > FX_PLOT_MAX_TICKS - 1)
        max_iv = FX_PLOT_MAX_TICKS - 1;
    double span = (hi - lo) / max_iv;
    int ex = isfinite(span) && span > 0 ? (int)floor(log10(span)) - 1 : 300;
    if (integer && ex < 0)
        ex = 0;
    for (int i = 0;; i++) {
        double mm = mantissas[i % 4];
        int ee = ex + i / 4;
        if (integer && mm == 2.5 && ee == 0)
            continue;
        double s = scaled(1, mm, ee);
        double a = outer ? qfloor(lo / s) : qceil(lo / s);
        double b = outer ? qceil(hi / s) : qfloor(hi / s);
        if (b - a <= max_iv || ee > 320) {
            *m = mm, *e = ee, *k0 = a, *k1 = b;
            return;
        }
    }
}

void fx_plot_ticks_nice(FxPlotTicks *t, double lo, double hi, int max_iv,
                        int integer)
{
    double m, k0, k1;
    int e;
    widen(&lo, &hi);
    pick_step(lo, hi, max_iv, integer, 1, &m, &e, &k0, &k1);
    t->log = 0;
    set_ticks(t, k0, k1, m, e);
    t->lo = t->v[0];
    t->hi = t->v[t->n - 1];
}

void fx_plot_ticks_within(FxPlotTicks *t, double lo, double hi, int max_iv,
                          int integer)
{
    double m, k0, k1;
    int e;
    widen(&lo, &hi);
    pick_step(lo, hi, max_iv, integer, 0, &m, &e, &k0, &k1);
    t->log = 0;
    set_ticks(t, k0, k1, m, e);
    t->lo = lo;
    t->hi = hi;
}

/* ---- log ticks --------------------------------------------------------- */

static void label_log(FxPlotTicks *t)
{
    int fixed = 1;
    for (int i = 0; i < t->n; i++)
        if (t->v[i] < -4 || t->v[i] > 5)
            fixed = 0;
    t->label_w = 0;
    for (int i = 0; i < t->n; i++) {
        double v = pow(10, t->v[i]);
        if (fixed)
            fx_plot_fmt(t->label[i], FX_PLOT_NUM_MAX, v, 4);
        else
            snprintf(t->label[i], FX_PLOT_NUM_MAX, "%.0e", v);
        int w = (int)strlen(t->label[i]);
        t->label_w = w > t->label_w ? w : t->label_w;
    }
}

void fx_plot_ticks_log(FxPlotTicks *t, double lo10, double hi10, int max_iv,
                       int extend)
{
    static const int steps[] = {1, 2, 3, 5, 10, 20, 50, 100};
    double a = lo10, b = hi10;
    if (extend) {
        a = qfloor(lo10);
        b = qceil(hi10);
        if (a == b)
            a -= 1, b += 1;
    }
    if (max_iv < 1)
        max_iv = 1;
    int k = 100;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        double n = extend ? qceil(b / steps[i]) - qfloor(a / steps[i])
                          : qfloor(b / steps[i]) - qceil(a / steps[i]);
        if (n <= max_iv) {
            k = steps[i];
            break;
        }
    }
    double k0 = extend ? qfloor(a / k) : qceil(a / k);
    double k1 = extend ? qceil(b / k) : qfloor(b / k);
    t->log = 1;
    t->n = 0;
    for (double j = k0; j <= k1 && t->n < FX_PLOT_MAX_TICKS; j++)
        t->v[t->n++] = j * k;
    t->lo = extend ? k0 * k : a;
    t->hi = extend ? k1 * k : b;
    if (t->n == 0) {    /* no power of ten inside: label the two ends */
        t->v[0] = a;
        t->v[1] = b;
        t->n = 2;
    }
    label_log(t);
}

/* ---- fitting ticks onto cells ----------------------------------------------- */

/* In halves, so an axis from -1e308 to 1e308 does not overflow to inf
 * (halving is exact, so ordinary values place exactly as before); the
 * result stays finite and within +-1e7 cells, so callers may round it to
 * an int. */
double fx_plot_axis_pos(const FxPlotTicks *t, double v, int cells)
{
    double p = (v / 2 - t->lo / 2) / (t->hi / 2 - t->lo / 2) * (cells - 1);
    if (p != p)
        return 0;
    return p < -1e7 ? -1e7 : p > 1e7 ? 1e7 : p;
}

int fx_plot_ticks_overhang(const FxPlotTicks *t, int cells)
{
    int over = 0;
    for (int i = 0; i < t->n; i++) {
        int lw = (int)strlen(t->label[i]);
        int col = (int)floor(fx_plot_axis_pos(t, t->v[i], cells) + 0.5);
        int end = col - (lw - 1) / 2 + lw;
        over = end - cells > over ? end - cells : over;
    }
    return over;
}

static void ticks_auto(FxPlotTicks *t, const FxPlotAxisSpec *s, int max_iv)
{
    if (s->log)
        fx_plot_ticks_log(t, s->lo, s->hi, max_iv, 1);
    else
        fx_plot_ticks_nice(t, s->lo, s->hi, max_iv, s->integer);
}

/* With a fixed end the axis range is decided first (the free end still
 * goes out to a round value), then ticks are placed inside it. */
static int fit_fixed(FxPlotTicks *t, const FxPlotAxisSpec *s, int max_iv)
{
    ticks_auto(t, s, max_iv);
    double lo = s->fix_lo ? s->lo : t->lo;
    double hi = s->fix_hi ? s->hi : t->hi;
    if (s->log)
        fx_plot_ticks_log(t, lo, hi, max_iv, 0);
    else
        fx_plot_ticks_within(t, lo, hi, max_iv, s->integer);
    return s->cells;
}

/* A tick step and a number of cells per interval: the axis runs from the
 * round tick at or below the data to the one at or above them, so both
 * ends carry a label and no point sits beyond the last one, and every
 * tick falls on an exact cell. A log axis of one decade per step with
 * room for labels at 2 and 5 (LOG_MINOR_CELLS a decade) ends at the
 * first of 1, 2, 5 x 10^k beyond the data instead, to the row. */
#define LOG_MINOR_CELLS 6
static const double log2_10 = 0.30102999566398120, log5_10 = 0.69897000433601886;

typedef struct Pitch {
    double m;        /* step mantissa (log: decades per step) */
    int    e;        /* step exponent (log: 0) */
    int    per;      /* cells per interval */
    double j0, j1;   /* first and last cell, in units of step / per */
    double score;
} Pitch;

static double pitch_step(const Pitch *p, int log)
{
    return log ? p->m : scaled(1, p->m, p->e);
}

/* The largest of 1, 2, 5 x 10^k at or below x (log10 units), and the
 * smallest at or above. */
static double grid_below(double x)
{
    double d = floor(x + 1e-9), f = x - d;
    return d + (f + 1e-9 >= log5_10 ? log5_10 : f + 1e-9 >= log2_10 ? log2_10 : 0);
}

static double grid_above(double x)
{
    double d = floor(x - 1e-9), f = x - d;
    return d + (f - 1e-9 <= 0 ? 0 : f - 1e-9 <= log2_10 ? log2_10
                : f - 1e-9 <= log5_10 ? log5_10 : 1);
}

static int log_minor_ok(const FxPlotAxisSpec *s, double m, int per)
{
    return s->log && m == 1 && per >= LOG_MINOR_CELLS;
}

/* Scores step (m, e) with every spacing that fits and keeps the best:
 * one point per cell the data span (resolution) plus a bonus for ticks
 * that grows slowly after the third (two labels say little, seven little
 * more than five), 3 points off for a 2.5 step (1, 2, 5 read best). */
static void try_step(Pitch *best, const FxPlotAxisSpec *s, double lo,
                     double hi, double m, int e, int cells, int gap)
{
    static const double bonus[7] = {0, 0, 0, 4, 5.5, 6.5, 7};
    Pitch c = {m, e, 0, 0, 0, 0};
    double step = pitch_step(&c, s->log);
    double k0 = qfloor(lo / step), k1 = qceil(hi / step);
    if (k1 - k0 < 1)
        k1 = k0 + 1;
    for (int per = gap; per < cells; per++) {
        double j0 = k0 * per, j1 = k1 * per, ticks = k1 - k0 + 1;
        if (log_minor_ok(s, m, per)) {
            j0 = qfloor(grid_below(lo) * per);
            j1 = qceil(grid_above(hi) * per);
            ticks = (j1 - j0) / per * 3;
        }
        if (j1 - j0 + 1 > cells)
            break;
        double sc = (hi - lo) / step * per + 1 + bonus[(int)fmin(ticks, 6)] -
                    (m == 2.5 ? 3 : 0);
        if (sc > best->score) {
            c.per = per, c.j0 = j0, c.j1 = j1, c.score = sc;
            *best = c;
        }
    }
}

/* Log ticks: the powers of ten in [lo, hi], and with room the 2s and 5s
 * that round onto one of its rows (within half a row of an end). */
static void log_pitch_ticks(FxPlotTicks *t, const Pitch *p, const FxPlotAxisSpec *s)
{
    double lo = p->j0 * p->m / p->per, hi = p->j1 * p->m / p->per, half = 0.5 * p->m / p->per;
    int minor = log_minor_ok(s, p->m, p->per);
    t->n = 0;
    for (double d = floor(lo / p->m) * p->m; d <= hi + half && t->n < FX_PLOT_MAX_TICKS - 3;
         d += p->m) {
        double v[3] = {d, d + log2_10, d + log5_10};
        for (int i = 0; i < (minor ? 3 : 1); i++)
            if (v[i] >= lo - half && v[i] <= hi + half)
                t->v[t->n++] = v[i];
    }
}

static int fit_pitch(FxPlotTicks *t, const FxPlotAxisSpec *s, int cells,
                     int gap)
{
    static const double decades[] = {1, 2, 3, 5, 10, 20, 50, 100};
    double lo = s->lo, hi = s->hi;
    if (s->log && hi - lo < 1e-9)
        lo -= 1, hi += 1;
    else if (!s->log)
        widen(&lo, &hi);
    Pitch best = {0, 0, 0, 0, 0, -1};
    double span = hi - lo;
    if (s->log) {
        for (size_t i = 0; i < sizeof decades / sizeof decades[0]; i++)
            try_step(&best, s, lo, hi, decades[i], 0, cells, gap);
    } else if (isfinite(span) && span > 0) {
        int ex = (int)floor(log10(span / cells)) - 1;
        for (int i = 0; i < 80; i++) {
            double m = mantissas[i % 4];
            int e = ex + i / 4;
            if (s->integer && (e < 0 || (m == 2.5 && e == 0)))
                continue;
            if (scaled(1, m, e) > 2 * span)
                break;
            try_step(&best, s, lo, hi, m, e, cells, gap);
        }
    }
    if (best.per == 0)
        return 0;
    double step = pitch_step(&best, s->log);
    if (s->log) {
        t->log = 1;
        log_pitch_ticks(t, &best, s);
        label_log(t);
    } else {
        t->log = 0;
        set_ticks(t, best.j0 / best.per, best.j1 / best.per, best.m, best.e);
    }
    t->lo = best.j0 * step / best.per;
    t->hi = best.j1 * step / best.per;
    return (int)(best.j1 - best.j0) + 1;
}

/* Out to the ticks beyond the data. Of the steps whose intervals have
 * room for their labels, the best: the share of the cells the data span
 * (20 points for all of them) plus 1.5 per tick up to one per 10 cells,
 * 1, 2, 5 before 2.5 (so 0 to 60 by 20 loses to 0 to 50 by 25 for data
 * from 1 to 50, and 0 to 20 by 5 beats 0 to 20 by 2 on 70 columns). */
static int fit_outer(FxPlotTicks *t, const FxPlotAxisSpec *s, int cells,
                     int gap, int max_iv)
{
    FxPlotTicks c;
    double best = -1, want = fmin(fmax((cells - 1) / 10, 2), 8);
    int used = cells;
    for (int m = max_iv; m >= 2; m--) {
        ticks_auto(&c, s, m);
        int iv = c.n - 1 > 0 ? c.n - 1 : 1;
        int per = (cells - 1) / iv;
        int need = s->along ? c.label_w + s->label_pad : 0;
        if (per < (need > gap ? need : gap))
            continue;
        double step = c.n > 1 ? c.v[1] - c.v[0] : 1;
        double mant = step / pow(10, floor(log10(step)));
        double cover = c.hi > c.lo ? (s->hi - s->lo) / (c.hi - c.lo) : 0;
        double sc = 20.0 * cover * (per * iv + 1) / cells +
                    1.5 * fmin(c.n, want) - (fabs(mant - 2.5) < 1e-6 ? 1.5 : 0);
        if (per < 1 || sc <= best)
            continue;
        best = sc;
        used = per * iv + 1;
        *t = c;
    }
    if (best < 0) {   /* no room anywhere: the coarsest, squeezed */
        ticks_auto(t, s, 2);
        used = cells;
    }
    return used;
}

int fx_plot_ticks_fit(FxPlotTicks *t, const FxPlotAxisSpec *s)
{
    int cells = s->cells < 3 ? 3 : s->cells;
    int gap = s->min_gap < 1 ? 1 : s->min_gap;
    int max_iv = (cells - 1) / gap;
    if (max_iv < 1)
        max_iv = 1;
    if (s->fix_lo || s->fix_hi)
        return fit_fixed(t, s, max_iv);
    if (!s->along) {
        int used = fit_pitch(t, s, cells, gap);
        if (used > 0)
            return used;
    }
    return fit_outer(t, s, cells, gap, max_iv);
}
