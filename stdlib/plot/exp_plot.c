/* `plot` and `bars`: turning fx values into labelled series for the
 * renderer (plot.h). A list of numbers is one curve labelled with
 * the expression that made it ("r.val_loss"); a run gives its loss and
 * val_loss; a sweep or `runs.val_loss` one curve per point labelled
 * "lr=0.1, batch=16"; a minimize result its f. Charts are plain ASCII
 * unless stdout is a terminal (then Unicode, coloured unless NO_COLOR). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/core.h"
#include "statements.h"
#include "diag/verdict.h"
#include "plot.h"

/* plot's options, with the help lines :help plot shows (fx.7 has an item
 * for each: tests/unit/test_options.c holds the two together). */
const FxOptionDef fx_plot_options[] = {
    {"title", "\"TEXT\"", "a title centred above the chart"},
    {"xlabel", "\"TEXT\"", "a label under the x axis"},
    {"ylabel", "\"TEXT\"", "a label above the y axis"},
    {"log", "BOOL", "a log10 y axis (1, 2, 5 labels a decade with room)"},
    {"width", "N", "columns, from 30 (default: --width, terminal, 80)"},
    {"height", "N", "rows of the plotting area at most (default 17)"},
    {"labels", "[\"TEXT\", ...]", "the legend's labels instead of the written ones"},
    {"ymin", "Y", "the bottom of the y axis (lower points clipped)"},
    {"ymax", "Y", "the top of the y axis (higher points clipped)"},
    {"mode", "\"MODE\"", "\"ascii\", \"unicode\" or \"braille\" (--ascii wins)"},
    {"legend", "\"WHERE\"", "\"below\" (default), \"right\" or \"none\""},
    {"band", "\"WHAT\"", "repeats: \"std\" (mean +-1 std), \"minmax\" or \"none\""},
    {"smooth", "W", "raw curves faint, TensorBoard's smoothing (weight W) over them"},
    {"to", "\"FILE.svg\"", "the chart as an SVG picture in FILE instead of the terminal"},
    {0}};
const FxOptionDef fx_bars_options[] = {{"title", 0, 0}, {"groups", 0, 0}, {"labels", 0, 0},
    {"log", 0, 0}, {"width", 0, 0}, {"mode", 0, 0}, {"xlabel", 0, 0}, {"to", 0, 0}, {0}};

/* The curves being collected: labels and values owned here. */
typedef struct Series {
    int      n, cap;
    char   **labels;
    double **ys;
    double **los, **his;      /* a band per curve, or NULL */
    size_t  *lens;
    int      epochs, steps;   /* what the x axis counts, by vote */
    int      band;            /* repeats: 0 mean +-1 std, 1 min-max, 2 none */
    int      unicode;         /* the chart's mode, for "±" in labels */
    int      field;           /* several values plotted: prefix curve sets' fields */
    FxPlotMarker marks[FX_PLOT_MAX_MARKS];   /* where diagnosed runs' problems begin */
    char    *mark_labels[FX_PLOT_MAX_MARKS];
    int      nmarks, unmarked;
} Series;

static void series_free(Series *s)
{
    for (int i = 0; i < s->n; i++) {
        free(s->labels[i]);
        free(s->ys[i]);
        free(s->los[i]);
        free(s->his[i]);
    }
    free(s->labels);
    free(s->ys);
    free(s->los);
    free(s->his);
    free(s->lens);
    for (int i = 0; i < s->nmarks; i++)
        free(s->mark_labels[i]);
}

static void series_add(Series *s, const char *label, double *y, size_t n)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->labels = fx_xrealloc(s->labels, (size_t)s->cap * sizeof *s->labels);
        s->ys = fx_xrealloc(s->ys, (size_t)s->cap * sizeof *s->ys);
        s->los = fx_xrealloc(s->los, (size_t)s->cap * sizeof *s->los);
        s->his = fx_xrealloc(s->his, (size_t)s->cap * sizeof *s->his);
        s->lens = fx_xrealloc(s->lens, (size_t)s->cap * sizeof *s->lens);
    }
    s->labels[s->n] = fx_xstrdup(label);
    s->ys[s->n] = y;
    s->los[s->n] = s->his[s->n] = NULL;
    s->lens[s->n++] = n;
}

static char *join_label(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 3;
    char *s = fx_xmalloc(n);
    snprintf(s, n, "%s%s%s", a, a[0] && b[0] ? ": " : "", b);
    return s;
}

static int add_value(FxInterp *I, Series *s, FxValue v, const char *label, FxSpan at);

/* A diagnosed run's problems (not healthy) with the epoch they begin at
 * become markers, "epoch 7, overfitting" ("lr=0.1: ..." inside a sweep);
 * past FX_PLOT_MAX_MARKS they are counted in a note. */
static void add_marks(Series *s, const FxRun *r, const char *label)
{
    FxVerdict v[FX_DK_COUNT];
    int nv = r->diagnosed ? fx_run_diagnose(r, NULL, v) : 0;
    for (int i = 0; i < nv; i++) {
        if (v[i].kind == FX_DK_HEALTHY || v[i].epoch <= 0)
            continue;
        if (s->nmarks == FX_PLOT_MAX_MARKS) {
            s->unmarked++;
            continue;
        }
        char text[240];
        snprintf(text, sizeof text, "%s%sepoch %lld, %s", label, label[0] ? ": " : "",
                 (long long)v[i].epoch, fx_diag_kind_name(v[i].kind));
        s->mark_labels[s->nmarks] = fx_xstrdup(text);
        s->marks[s->nmarks] = (FxPlotMarker){(double)v[i].epoch, s->mark_labels[s->nmarks]};
        s->nmarks++;
    }
}

static int add_run(FxInterp *I, Series *s, FxRun *r, const char *label)
{
    RtHistory *h = &r->h;
    char *a = join_label(label, "loss"), *b = join_label(label, "val_loss");
    double *y = fx_xmalloc(((size_t)h->epochs + 1) * sizeof *y);
    memcpy(y, h->loss, (size_t)h->epochs * sizeof *y);
    series_add(s, a, y, (size_t)h->epochs);
    if (r->has_val) {
        y = fx_xmalloc(((size_t)h->epochs + 1) * sizeof *y);
        memcpy(y, h->val_loss, (size_t)h->epochs * sizeof *y);
        series_add(s, b, y, (size_t)h->epochs);
    }
    s->epochs++;
    add_marks(s, r, label);
    free(a);
    free(b);
    (void)I;
    return 0;
}

static int add_sweep(FxInterp *I, Series *s, FxSweep *sw, FxSpan at)
{
    for (int i = 0; i < sw->n; i++) {
        FxValue r = sw->pts[i].result;
        if (sw->pts[i].error || r.type == FX_NONE)
            continue;
        FxRun *run = fx_value_run(r);
        int rc = run ? add_run(I, s, run, sw->pts[i].label)
                     : add_value(I, s, r, sw->pts[i].label, at);
        if (rc)
            return -1;
    }
    return 0;
}

/* Field `what` of a point's repeats over seeds: the mean curve, with a
 * band of +-1 std (or min to max) unless band: "none". */
static int add_repeats_field(FxInterp *I, Series *s, FxValue rep, const char *label,
                             const char *what, FxSpan at)
{
    const char *key = fx_intern_cstr(&I->intern, what);
    int n = fx_repeats_count(fx_value_repeats(rep));
    FxValue mean, st = fx_none(), a = fx_none(), b = fx_none();
    if (fx_get_field(I, at, rep, key, &mean))
        return -1;
    size_t len, la = 0, lb = 0;
    double *y = fx_list_numbers(I, mean, at, "a curve", &len);
    double *lo = NULL, *hi = NULL;
    int rc = y ? 0 : -1;
    if (rc == 0 && s->band != 2 && n > 1) {
        const char *k1 = s->band == 0 ? "std" : "min", *k2 = s->band == 0 ? "std" : "max";
        rc = fx_get_field(I, at, rep, fx_intern_cstr(&I->intern, k1), &st) ||
             fx_get_field(I, at, st, key, &a);
        fx_unref(st);
        st = fx_none();
        if (rc == 0)
            rc = fx_get_field(I, at, rep, fx_intern_cstr(&I->intern, k2), &st) ||
                 fx_get_field(I, at, st, key, &b);
        if (rc == 0) {
            lo = fx_list_numbers(I, a, at, "a curve", &la);
            hi = fx_list_numbers(I, b, at, "a curve", &lb);
            rc = lo && hi ? 0 : -1;
        }
        if (rc == 0 && la == len && lb == len && s->band == 0)
            for (size_t k = 0; k < len; k++) {      /* mean -+ std */
                double sd = lo[k];
                lo[k] = y[k] - sd;
                hi[k] = y[k] + sd;
            }
    }
    if (rc == 0) {
        char *text = fx_xmalloc(strlen(label) + 64);
        if (s->band == 2 || n < 2)
            sprintf(text, "%s (mean of %d)", label, n);
        else
            sprintf(text, "%s (mean, %s of %d)", label,
                    s->band == 0 ? (s->unicode ? "\u00b1std" : "+-std") : "min-max", n);
        series_add(s, text, y, len);
        free(text);
        y = NULL;
        if (lo && hi && la == len && lb == len) {
            s->los[s->n - 1] = lo;
            s->his[s->n - 1] = hi;
            lo = hi = NULL;
        }
    }
    free(y);
    free(lo);
    free(hi);
    fx_unref(mean);
    fx_unref(st);
    fx_unref(a);
    fx_unref(b);
    return rc;
}

/* A point's repeats as a run is drawn: loss and, with validation, val_loss. */
static int add_repeats(FxInterp *I, Series *s, FxValue rep, const char *label, FxSpan at)
{
    FxRepeats *r = fx_value_repeats(rep);
    FxRun *first = fx_repeats_count(r) ? fx_value_run(fx_repeats_result(r, 0)) : NULL;
    if (!first) {
        fx_error(I, at, "plot draws repeats of runs; these repeats hold %s",
                 fx_repeats_count(r) ? fx_type_phrase(fx_repeats_result(r, 0)) : "nothing");
        return -1;
    }
    char *a = join_label(label, "loss"), *b = join_label(label, "val_loss");
    int rc = add_repeats_field(I, s, rep, a, "loss", at);
    if (rc == 0 && first->has_val)
        rc = add_repeats_field(I, s, rep, b, "val_loss", at);
    s->epochs++;
    free(a);
    free(b);
    return rc;
}

static int add_value(FxInterp *I, Series *s, FxValue v, const char *label, FxSpan at)
{
    if (fx_value_repeats(v))
        return add_repeats(I, s, v, label, at);
    FxRun *run = fx_value_run(v);
    FxSweep *sw = fx_value_sweep(v);
    FxCurves *cs = fx_value_curves(v);
    if (run)
        return add_run(I, s, run, label);
    if (sw)
        return add_sweep(I, s, sw, at);
    if (cs) {                           /* one curve per point; failed ones skipped */
        for (int i = 0; i < cs->n; i++) {
            /* In a plot of several values, each label starts with the
             * field: "val_loss: lr=0.1". */
            char *label = join_label(s->field ? cs->what : "", cs->labels[i]);
            int rc = 0;
            if (cs->reps && fx_value_repeats(cs->reps[i]))
                rc = add_repeats_field(I, s, cs->reps[i], label, cs->what, at);
            else if (cs->vals[i].type != FX_NONE)
                rc = add_value(I, s, cs->vals[i], label, at);
            free(label);
            if (rc)
                return -1;
        }
        return 0;
    }
    if (v.type == FX_RECORD) {
        FxValue *f = fx_record_get(v, fx_intern_cstr(&I->intern, "f"));
        FxValue *l = f ? f : fx_record_get(v, fx_intern_cstr(&I->intern, "loss"));
        if (l) {
            s->steps += f != NULL;
            return add_value(I, s, *l, label, at);
        }
    }
    if (v.type == FX_LIST && fx_as_list(v)->n && fx_as_list(v)->items[0].type == FX_LIST) {
        FxList *l = fx_as_list(v);
        for (size_t i = 0; i < l->n; i++) {
            char sub[200];
            snprintf(sub, sizeof sub, "%s[%zu]", label, i);
            if (add_value(I, s, l->items[i], sub, at))
                return -1;
        }
        return 0;
    }
    if (v.type == FX_LIST) {
        size_t n;
        double *y = fx_list_numbers(I, v, at, "a curve", &n);
        if (!y)
            return -1;
        series_add(s, label, y, n);
        return 0;
    }
    fx_error(I, at, "plot needs curves (lists of numbers, runs or sweeps), got %s",
             fx_type_phrase(v));
    if (v.type == FX_NUM)
        fx_error_hint(I, "for single numbers side by side, use bars");
    return -1;
}

/* The text of an argument as written, the curve's default label. */
static char *source_text(FxInterp *I, const FxNode *n)
{
    return fx_xstrndup(I->src->text + n->span.off, n->span.len);
}

/* ---- options ------------------------------------------------------------------- */

typedef struct Look {
    char     *title, *xlabel, *ylabel;
    int       log, width, height, has_ymin, has_ymax, legend, has_smooth;
    double    ymin, ymax, smooth;
    FxPlotMode mode;
    FxValue   labels, groups;
} Look;

static void look_free(Look *l)
{
    free(l->title);
    free(l->xlabel);
    free(l->ylabel);
    fx_unref(l->labels);
    fx_unref(l->groups);
}

static int str_opt(FxInterp *I, const FxNode *n, FxEnv *env, const char *name, char **out)
{
    FxValue v;
    int given;
    if (fx_eval_option(I, n, name, env, &v, &given))
        return -1;
    if (!given)
        return 0;
    if (v.type != FX_STR) {
        fx_unref(v);
        return fx_error_at(I, fx_option(n, name)->a, "%s: needs a string", name);
    }
    free(*out);
    *out = fx_xstrdup(fx_as_str(v)->s);
    fx_unref(v);
    return 0;
}

static int num_opt(FxInterp *I, const FxNode *n, FxEnv *env, const char *name, double *out,
                   int *given)
{
    FxValue v;
    if (fx_eval_option(I, n, name, env, &v, given))
        return -1;
    if (!*given)
        return 0;
    if (v.type != FX_NUM) {
        fx_unref(v);
        return fx_error_at(I, fx_option(n, name)->a, "%s: needs a number", name);
    }
    *out = v.as.n;
    return 0;
}

static int mode_opt(FxInterp *I, const FxNode *n, FxEnv *env, Look *l)
{
    char *m = NULL;
    if (str_opt(I, n, env, "mode", &m))
        return -1;
    l->mode = I->opt.tty && I->opt.unicode ? FX_PLOT_UNICODE : FX_PLOT_ASCII;
    int rc = 0;
    if (!I->opt.unicode) {          /* --ascii wins over the script's mode: */
        free(m);
        return 0;
    }
    if (m && !strcmp(m, "ascii")) l->mode = FX_PLOT_ASCII;
    else if (m && !strcmp(m, "unicode")) l->mode = FX_PLOT_UNICODE;
    else if (m && !strcmp(m, "braille")) l->mode = FX_PLOT_BRAILLE;
    else if (m) rc = fx_error_at(I, fx_option(n, "mode")->a, "mode: is \"ascii\", \"unicode\" "
                                 "or \"braille\"");
    free(m);
    return rc;
}

static int legend_opt(FxInterp *I, const FxNode *n, FxEnv *env, Look *l)
{
    char *g = NULL;
    l->legend = FX_PLOT_LEGEND_BELOW;
    FxValue v;
    int given;
    if (fx_eval_option(I, n, "legend", env, &v, &given))
        return -1;
    if (given && v.type == FX_STR)
        g = fx_as_str(v)->s;
    int rc = 0;
    if (g && !strcmp(g, "below")) l->legend = FX_PLOT_LEGEND_BELOW;
    else if (g && !strcmp(g, "right")) l->legend = FX_PLOT_LEGEND_RIGHT;
    else if (g && !strcmp(g, "none")) l->legend = FX_PLOT_LEGEND_NONE;
    else if (given) rc = fx_error_at(I, fx_option(n, "legend")->a,
                                     "legend: is \"below\", \"right\" or \"none\"");
    fx_unref(v);
    return rc;
}

/* band: "std" (default), "minmax" or "none", for repeats over seeds. */
static int band_opt(FxInterp *I, const FxNode *n, FxEnv *env, int *band)
{
    FxValue v;
    int given;
    *band = 0;
    if (fx_eval_option(I, n, "band", env, &v, &given))
        return -1;
    const char *g = given && v.type == FX_STR ? fx_as_str(v)->s : NULL;
    int rc = 0;
    if (g && !strcmp(g, "std")) *band = 0;
    else if (g && !strcmp(g, "minmax")) *band = 1;
    else if (g && !strcmp(g, "none")) *band = 2;
    else if (given) rc = fx_error_at(I, fx_option(n, "band")->a,
                                     "band: is \"std\", \"minmax\" or \"none\"");
    fx_unref(v);
    return rc;
}

/* A width or height as given, made an int the charts then clamp (30 to
 * 1000 columns): a huge, tiny or nan value must not overflow the cast. */
static int cells(double v)
{
    if (v != v)
        return 0;
    return v > 1e6 ? 1000000 : v < -1e6 ? -1000000 : (int)v;
}

static int read_look(FxInterp *I, const FxNode *n, FxEnv *env, Look *l)
{
    memset(l, 0, sizeof *l);
    l->labels = l->groups = fx_none();
    double w = 0, h = 0;
    int g1, g2, g3, given;
    FxValue t;
    if (n->b) {
        if (fx_eval(I, n->b, env, &t))
            return -1;
        if (t.type != FX_STR) {
            fx_unref(t);
            return fx_error_at(I, n->b, "a title needs a string");
        }
        l->title = fx_xstrdup(fx_as_str(t)->s);
        fx_unref(t);
    }
    if (str_opt(I, n, env, "title", &l->title) || str_opt(I, n, env, "xlabel", &l->xlabel) ||
        str_opt(I, n, env, "ylabel", &l->ylabel) || mode_opt(I, n, env, l) ||
        legend_opt(I, n, env, l) ||
        num_opt(I, n, env, "width", &w, &g1) || num_opt(I, n, env, "height", &h, &g2) ||
        num_opt(I, n, env, "ymin", &l->ymin, &l->has_ymin) ||
        num_opt(I, n, env, "ymax", &l->ymax, &l->has_ymax) ||
        num_opt(I, n, env, "smooth", &l->smooth, &l->has_smooth) ||
        fx_eval_option(I, n, "labels", env, &l->labels, &given) ||
        fx_eval_option(I, n, "groups", env, &l->groups, &given))
        return -1;
    if (l->has_ymin && l->has_ymax && !(l->ymin < l->ymax)) {
        char a[32], b[32];
        return fx_error_at(I, fx_option(n, "ymin")->a, "ymin (%s) must be below ymax (%s)",
                           fx_num_text(l->ymin, a), fx_num_text(l->ymax, b));
    }
    if (l->has_smooth && !(l->smooth >= 0 && l->smooth < 1))
        return fx_error_at(I, fx_option(n, "smooth")->a,
                           "smooth: needs a weight at least 0 and below 1, such as 0.8");
    l->width = g1 ? cells(w) : I->opt.width;
    l->height = g2 ? cells(h) : 0;
    FxValue lg;
    if (fx_eval_option(I, n, "log", env, &lg, &g3))
        return -1;
    if (g3 && lg.type != FX_BOOL)
        return fx_error_at(I, fx_option(n, "log")->a, "log: needs true or false");
    l->log = g3 && lg.as.b;
    return 0;
}

/* labels: ["a", "b"] replaces the collected labels in order. */
static int relabel(FxInterp *I, const FxNode *n, char **labels, int count, FxValue v)
{
    if (v.type == FX_NONE)
        return 0;
    if (v.type != FX_LIST)
        return fx_error_at(I, fx_option(n, "labels")->a, "labels: needs a list of strings");
    FxList *l = fx_as_list(v);
    for (size_t i = 0; i < l->n && (int)i < count; i++) {
        if (l->items[i].type != FX_STR)
            return fx_error_at(I, fx_option(n, "labels")->a, "labels: needs a list of strings");
        free(labels[i]);
        labels[i] = fx_xstrdup(fx_as_str(l->items[i])->s);
    }
    return 0;
}

/* Writes an SVG chart to file (resolved; freed here), making its parents,
 * complete or absent (rt_out_write_all); errors name it as written, at
 * `at`, and hint at the absolute path (cli: a command line path). */
static int write_svg(FxInterp *I, const FxNode *at, int cli, char *file, const char *written,
                     const FxPlotBuf *b)
{
    int err = fx_path_make_parents(file);
    RtError e = fx_std_rt_err(I);
    if (err)
        fx_error_at(I, at, "cannot write '%s': %s", written, strerror(err));
    else if (rt_out_write_all(file, b->data ? b->data : "", b->len, &e)) {
        const char *why = strstr(e.msg, "': ");
        if (e.code == RT_ERR_IO && why)
            fx_error_at(I, at, "cannot write '%s': %s", written, why + 3);
        else
            fx_error_at(I, at, "%s", e.msg);
    }
    if (I->err.set)
        fx_error_path_hint(I, file, cli);
    free(file);
    return I->err.set ? -1 : 0;
}

/* --svg DIR: DIR/SCRIPT-N.svg, SCRIPT the script's name without its
 * folder and ".fx" ("fx" for -e and stdin), N counting the charts from 1. */
static char *svg_name(FxInterp *I)
{
    const char *s = I->opt.script && fx_source_is_file(I->src) ? I->opt.script : "fx";
    const char *base = strrchr(s, '/') ? strrchr(s, '/') + 1 : s;
    size_t bl = strlen(base);
    if (bl > 3 && !strcmp(base + bl - 3, ".fx"))
        bl -= 3;
    size_t cap = strlen(I->opt.svg_dir) + bl + 32;
    char *p = fx_xmalloc(cap);
    snprintf(p, cap, "%s/%.*s-%d.svg", I->opt.svg_dir, (int)bl, base, I->charts);
    return p;
}

/* The SVG of a chart to to: and --svg's folder, as asked. */
static int write_svgs(FxInterp *I, const FxNode *n, const char *to, const FxPlotBuf *b)
{
    if (to && write_svg(I, fx_option(n, "to")->a, 0, fx_path_script(I, to), to, b))
        return -1;
    if (I->opt.svg_dir) {
        char *file = svg_name(I);
        char *shown = fx_xstrdup(file);
        int rc = write_svg(I, n, 1, file, shown, b);
        free(shown);
        return rc;
    }
    return 0;
}

static void emit(FxInterp *I, FxPlotBuf *b, FxPlotStatus st, const FxNode *n)
{
    if (st != FX_PLOT_OK) {
        fx_error_at(I, n, "cannot draw the chart: %s", fx_plot_status_str(st));
        return;
    }
    fwrite(b->data, 1, b->len, I->out);
    fflush(I->out);
}

/* ---- plot ------------------------------------------------------------------------ */

static int collect(FxInterp *I, const FxNode *n, FxEnv *env, Series *s)
{
    int values = 0;
    for (int i = 0; i < n->items.count; i++)
        values += n->items.items[i]->kind != FX_N_KWARG;
    s->field = values > 1;   /* several curve sets: say which field each is */
    for (int i = 0; i < n->items.count; i++) {
        const FxNode *a = n->items.items[i];
        if (a->kind == FX_N_KWARG)
            continue;
        FxValue v;
        if (fx_eval(I, a, env, &v))
            return -1;
        char *label = source_text(I, a);
        if (a->kind == FX_N_FIELD && (!strcmp(a->name, "loss") || !strcmp(a->name, "val_loss") ||
                                      !strcmp(a->name, "accuracy") || !strcmp(a->name, "val_accuracy")))
            s->epochs++;
        int rc = add_value(I, s, v, fx_value_curves(v) || fx_value_sweep(v) ? "" : label, a->span);
        free(label);
        fx_unref(v);
        if (rc)
            return -1;
    }
    if (s->n == 0)
        return fx_error_at(I, n, "plot needs at least one curve");
    return 0;
}

int fx_exec_plot(FxInterp *I, const FxNode *n, FxEnv *env)
{
    Series s = {0};
    Look l;
    char *to = NULL;
    int rc = read_look(I, n, env, &l);
    if (rc == 0)
        rc = band_opt(I, n, env, &s.band);
    if (rc == 0)
        rc = str_opt(I, n, env, "to", &to);
    s.unicode = l.mode != FX_PLOT_ASCII;
    if (rc == 0)
        rc = collect(I, n, env, &s);
    if (rc == 0)
        rc = relabel(I, n, s.labels, s.n, l.labels);
    if (rc == 0) {
        /* smooth: each raw curve faint first, the smoothed ones over them */
        int ns = l.has_smooth ? 2 * s.n : s.n;
        FxPlotSeries *ps = fx_xcalloc((size_t)ns, sizeof *ps);
        double **sm = fx_xcalloc((size_t)s.n, sizeof *sm);
        for (int i = 0; i < s.n; i++) {
            ps[i] = (FxPlotSeries){s.labels[i], s.ys[i], NULL, s.lens[i], s.los[i], s.his[i], 0};
            if (!l.has_smooth)
                continue;
            sm[i] = fx_xmalloc((s.lens[i] ? s.lens[i] : 1) * sizeof **sm);
            fx_smooth_ema(s.ys[i], s.lens[i], l.smooth, sm[i]);
            ps[i] = (FxPlotSeries){"", s.ys[i], NULL, s.lens[i], NULL, NULL, 1};
            ps[s.n + i] = (FxPlotSeries){s.labels[i], sm[i], NULL, s.lens[i], s.los[i], s.his[i], 0};
        }
        FxPlotLineOpts o = fx_plot_line_defaults();
        o.title = l.title;
        o.xlabel = l.xlabel ? l.xlabel : s.steps ? "step" : s.epochs ? "epoch" : NULL;
        o.ylabel = l.ylabel;
        o.width = l.width;
        if (l.height)
            o.height = l.height;
        o.mode = l.mode;
        o.color = I->opt.color && l.mode != FX_PLOT_ASCII;
        o.log_y = l.log;
        o.has_ymin = l.has_ymin;
        o.ymin = l.ymin;
        o.has_ymax = l.has_ymax;
        o.ymax = l.ymax;
        o.legend = l.legend;
        if (s.unmarked) {   /* the last marker's label counts the rest */
            char *t = s.mark_labels[s.nmarks - 1], more[300];
            snprintf(more, sizeof more, "%s (%d more problems not marked)", t, s.unmarked);
            free(t);
            s.mark_labels[s.nmarks - 1] = fx_xstrdup(more);
            s.marks[s.nmarks - 1].label = s.mark_labels[s.nmarks - 1];
        }
        o.marks = s.marks;
        o.nmarks = (size_t)s.nmarks;
        FxPlotBuf b;
        fx_plot_buf_init(&b);
        I->charts++;
        if (to || I->opt.svg_dir) {
            FxPlotStatus st = fx_plot_line_svg(&b, ps, (size_t)ns, &o);
            if (st != FX_PLOT_OK)
                fx_error_at(I, n, "cannot draw the chart: %s", fx_plot_status_str(st));
            else
                write_svgs(I, n, to, &b);
            fx_plot_buf_clear(&b);
        }
        if (!to && !I->err.set)
            emit(I, &b, fx_plot_line(&b, ps, (size_t)ns, &o), n);
        rc = I->err.set ? -1 : 0;
        fx_plot_buf_free(&b);
        for (int i = 0; i < s.n; i++)
            free(sm[i]);
        free(sm);
        free(ps);
    }
    series_free(&s);
    look_free(&l);
    free(to);
    return rc;
}

/* ---- bars -------------------------------------------------------------------------- */

/* A value's number for a bar: a number, or a curve's last value. */
static int bar_number(FxInterp *I, FxValue v, FxSpan at, double *out)
{
    FxRun *r = fx_value_run(v);
    if (r && r->h.epochs) {
        *out = r->h.loss[r->h.epochs - 1];
        return 0;
    }
    if (v.type == FX_NUM) {
        *out = v.as.n;
        return 0;
    }
    if (v.type == FX_LIST && fx_as_list(v)->n && fx_as_list(v)->items[fx_as_list(v)->n - 1].type == FX_NUM) {
        FxList *l = fx_as_list(v);
        *out = l->items[l->n - 1].as.n;
        return 0;
    }
    if (v.type == FX_NONE) {
        *out = NAN;
        return 0;
    }
    return fx_error(I, at, "bars needs numbers (or curves, whose last value counts), got %s",
                    fx_type_phrase(v));
}

typedef struct Bars {
    int      nseries, ngroups;
    char   **labels, **groups;
    double **values;
} Bars;

static void bars_free(Bars *b)
{
    for (int i = 0; i < b->nseries; i++) {
        free(b->labels[i]);
        free(b->values[i]);
    }
    for (int i = 0; i < b->ngroups; i++)
        free(b->groups[i]);
    free(b->labels);
    free(b->groups);
    free(b->values);
}

/* One series from an argument: a set of labelled values (groups from its
 * labels) or a list of numbers (groups from groups: or 1, 2, ...). */
static int bar_series(FxInterp *I, Bars *b, const FxNode *a, FxValue v)
{
    FxCurves *cs = fx_value_curves(v);
    int n = cs ? cs->n : v.type == FX_LIST ? (int)fx_as_list(v)->n : -1;
    if (n < 1)
        return fx_error_at(I, a, "bars needs a list of numbers or a sweep's field, got %s",
                           fx_type_phrase(v));
    if (b->nseries == 0) {
        b->ngroups = n;
        b->groups = fx_xcalloc((size_t)n, sizeof *b->groups);
        for (int i = 0; i < n; i++) {
            char num[32];
            snprintf(num, sizeof num, "%d", i + 1);
            b->groups[i] = fx_xstrdup(cs ? cs->labels[i] : num);
        }
    } else if (n != b->ngroups) {
        return fx_error_at(I, a, "every bars series needs the same number of values: this one "
                           "has %d, the first %d", n, b->ngroups);
    }
    double *x = fx_xcalloc((size_t)n, sizeof *x);
    b->values[b->nseries] = x;
    b->labels[b->nseries] = cs ? fx_xstrdup(cs->what) : source_text(I, a);
    b->nseries++;
    for (int i = 0; i < n; i++)
        if (bar_number(I, cs ? cs->vals[i] : fx_as_list(v)->items[i], a->span, &x[i]))
            return -1;
    return 0;
}

static int bar_groups(FxInterp *I, const FxNode *n, Bars *b, FxValue g)
{
    if (g.type == FX_NONE)
        return 0;
    if (g.type != FX_LIST || (int)fx_as_list(g)->n != b->ngroups)
        return fx_error_at(I, fx_option(n, "groups")->a, "groups: needs a list of %d strings, "
                           "one per value", b->ngroups);
    for (int i = 0; i < b->ngroups; i++) {
        FxValue s = fx_as_list(g)->items[i];
        free(b->groups[i]);
        FxBuf t;
        fx_buf_init(&t);
        fx_value_show(&t, s);
        b->groups[i] = t.s ? t.s : fx_xstrdup("");
    }
    return 0;
}

int fx_exec_bars(FxInterp *I, const FxNode *n, FxEnv *env)
{
    Bars b = {0};
    Look l;
    b.labels = fx_xcalloc((size_t)n->items.count + 1, sizeof *b.labels);
    b.values = fx_xcalloc((size_t)n->items.count + 1, sizeof *b.values);
    char *to = NULL;
    int rc = read_look(I, n, env, &l);
    if (rc == 0)
        rc = str_opt(I, n, env, "to", &to);
    for (int i = 0; rc == 0 && i < n->items.count; i++) {
        const FxNode *a = n->items.items[i];
        if (a->kind == FX_N_KWARG)
            continue;
        FxValue v;
        if ((rc = fx_eval(I, a, env, &v)) == 0) {
            rc = bar_series(I, &b, a, v);
            fx_unref(v);
        }
    }
    if (rc == 0 && b.nseries == 0)
        rc = fx_error_at(I, n, "bars needs at least one series of numbers");
    if (rc == 0 && !(rc = bar_groups(I, n, &b, l.groups)) &&
        !(rc = relabel(I, n, b.labels, b.nseries, l.labels))) {
        FxPlotBarSeries *bs = fx_xcalloc((size_t)b.nseries, sizeof *bs);
        for (int i = 0; i < b.nseries; i++)
            bs[i] = (FxPlotBarSeries){b.labels[i], b.values[i]};
        FxPlotBarsOpts o = {0};
        o.title = l.title;
        o.axis_label = l.xlabel;
        o.width = l.width;
        o.mode = l.mode;
        o.color = I->opt.color && l.mode != FX_PLOT_ASCII;
        o.log = l.log;
        o.legend = l.legend;
        FxPlotBuf pb;
        fx_plot_buf_init(&pb);
        I->charts++;
        if (to || I->opt.svg_dir) {
            FxPlotStatus st = fx_plot_bars_svg(&pb, (const char *const *)b.groups,
                                               (size_t)b.ngroups, bs, (size_t)b.nseries, &o);
            if (st != FX_PLOT_OK)
                fx_error_at(I, n, "cannot draw the chart: %s", fx_plot_status_str(st));
            else
                write_svgs(I, n, to, &pb);
            fx_plot_buf_clear(&pb);
        }
        if (!to && !I->err.set)
            emit(I, &pb, fx_plot_bars(&pb, (const char *const *)b.groups, (size_t)b.ngroups, bs,
                                      (size_t)b.nseries, &o), n);
        rc = I->err.set ? -1 : 0;
        fx_plot_buf_free(&pb);
        free(bs);
    }
    bars_free(&b);
    look_free(&l);
    free(to);
    return rc;
}
