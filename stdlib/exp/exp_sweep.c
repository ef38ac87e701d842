/* `sweep a in [...], b in [...] { body }`: the cartesian grid (the first
 * variable varies slowest, as nested for loops), the body run once per
 * point in its own scope, its last expression the point's result. Every
 * point starts from the same initial weights and shuffles, and data drawn
 * in the body is the same for every point (the counters that number the
 * RNG streams are rewound), so only the swept values differ. A point that
 * fails is kept with its error and the others go on; Ctrl-C stops the
 * sweep and keeps the points so far (a run Ctrl-C cut short is kept, a
 * point it stopped with an error is not). Also curve sets:
 * `runs.val_loss` is one labelled value per point. With `samples: n` the
 * sweep is a random search: n points drawn from the variables'
 * distributions (exp_search.c) instead of the grid. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include "experiment.h"
#include "exp_jobs.h"
#include "exp_store.h"
#include "exp_wire.h"

int fx_exec_stmts(FxInterp *I, const FxNode *block, FxEnv *env);
int fx_get_field(FxInterp *I, FxSpan at, FxValue obj, const char *name, FxValue *out);

/* ---- curve sets ----------------------------------------------------------------- */

static void curves_release(void *data)
{
    FxCurves *c = data;
    for (int i = 0; i < c->n; i++) {
        fx_unref(c->vals[i]);
        if (c->reps)
            fx_unref(c->reps[i]);
    }
}

static void curves_free(void *data)
{
    FxCurves *c = data;
    for (int i = 0; i < c->n; i++)
        free(c->labels[i]);
    free(c->labels);
    free(c->vals);
    free(c->reps);
    free(c);
}

static void curves_describe(const void *data, FxBuf *out)
{
    const FxCurves *c = data;
    fx_buf_printf(out, "%s of %d point%s:", c->what, c->n, c->n == 1 ? "" : "s");
    for (int i = 0; i < c->n; i++) {
        fx_buf_printf(out, "%s %s ", i ? ";" : "", c->labels[i]);
        if (c->vals[i].type == FX_LIST)
            fx_buf_printf(out, "[%zu value%s]", fx_as_list(c->vals[i])->n,
                          fx_as_list(c->vals[i])->n == 1 ? "" : "s");
        else
            fx_value_repr(out, c->vals[i]);
    }
}

static int curves_index(FxInterp *I, void *data, FxValue idx, FxSpan at, FxValue *out)
{
    int fx_index_of(FxInterp *, const FxNode *, FxValue, size_t, const char *, size_t *);
    FxCurves *c = data;
    FxNode fake = {.span = at};
    size_t k;
    if (fx_index_of(I, &fake, idx, (size_t)c->n, "a set of curves", &k))
        return -1;
    *out = fx_ref(c->vals[k]);
    return 0;
}

static int curves_field(FxInterp *I, void *data, const char *name, FxValue *out)
{
    FxCurves *c = data;
    if (strcmp(name, "labels") != 0)
        return 1;
    *out = fx_list_new(&I->heap, (size_t)c->n);
    for (int i = 0; i < c->n; i++)
        fx_list_push_value(*out, fx_str_cstr(&I->heap, c->labels[i]));
    return 0;
}

static long long curves_length(const void *data) { return ((const FxCurves *)data)->n; }
static const char *const curves_fields[] = {"labels", NULL};

const FxForeignType fx_curves_type = {
    .name = "curves", .phrase = "a set of curves", .release = curves_release,
    .free = curves_free, .describe = curves_describe, .field = curves_field,
    .fields = curves_fields, .length = curves_length, .index = curves_index,
};

FxValue fx_curves_new(FxInterp *I, int n, const char *what)
{
    FxCurves *c = fx_xcalloc(1, sizeof *c);
    c->labels = fx_xcalloc((size_t)n + 1, sizeof *c->labels);
    c->vals = fx_xcalloc((size_t)n + 1, sizeof *c->vals);
    c->n = n;
    snprintf(c->what, sizeof c->what, "%s", what);
    return fx_foreign_new(&I->heap, &fx_curves_type, c);
}

FxCurves *fx_value_curves(FxValue v)
{
    if (v.type == FX_FOREIGN && fx_as_foreign(v)->type == &fx_curves_type)
        return fx_as_foreign(v)->data;
    return NULL;
}

/* ---- sweep values ------------------------------------------------------------- */

static void sweep_release(void *data)
{
    FxSweep *s = data;
    for (int i = 0; i < s->n; i++) {
        fx_unref(s->pts[i].params);
        fx_unref(s->pts[i].result);
    }
}

static void sweep_free(void *data)
{
    FxSweep *s = data;
    for (int i = 0; i < s->n; i++)
        free(s->pts[i].error);
    free(s->pts);
    free(s);
}

static void sweep_describe(const void *data, FxBuf *out)
{
    const FxSweep *s = data;
    fx_buf_printf(out, "sweep of %d point%s:", s->n, s->n == 1 ? "" : "s");
    for (int i = 0; i < s->n; i++)
        fx_buf_printf(out, "%s %s%s", i ? ";" : "", s->pts[i].label,
                      s->pts[i].error ? " (failed)" : "");
}

static int sweep_index(FxInterp *I, void *data, FxValue idx, FxSpan at, FxValue *out)
{
    int fx_index_of(FxInterp *, const FxNode *, FxValue, size_t, const char *, size_t *);
    FxSweep *s = data;
    FxNode fake = {.span = at};
    size_t k;
    if (fx_index_of(I, &fake, idx, (size_t)s->n, "a sweep", &k))
        return -1;
    *out = fx_ref(s->pts[k].result);
    return 0;
}

static FxValue point_list(FxInterp *I, FxSweep *s, int what)
{
    FxValue l = fx_list_new(&I->heap, (size_t)s->n);
    for (int i = 0; i < s->n; i++) {
        FxSweepPoint *p = &s->pts[i];
        FxValue v = what == 0 ? fx_str_cstr(&I->heap, p->label)
                  : what == 1 ? fx_ref(p->params)
                  : what == 2 ? fx_ref(p->result)
                  : p->error ? fx_str_cstr(&I->heap, p->error) : fx_none();
        fx_list_push_value(l, v);
    }
    return l;
}

/* runs.labels, .params, .results, .errors; any other name: that field of
 * every point's result, as a labelled set (a failed point gives none). */
static int sweep_field(FxInterp *I, void *data, const char *name, FxValue *out)
{
    FxSweep *s = data;
    static const char *const special[] = {"labels", "params", "results", "errors"};
    for (int k = 0; k < 4; k++)
        if (strcmp(name, special[k]) == 0) {
            *out = point_list(I, s, k);
            return 0;
        }
    FxValue set = fx_curves_new(I, s->n, name);
    FxCurves *c = fx_value_curves(set);
    for (int i = 0; i < s->n; i++) {
        c->labels[i] = fx_xstrdup(s->pts[i].label);
        c->vals[i] = fx_none();
        if (s->pts[i].error)
            continue;
        FxValue r = s->pts[i].result;
        if (r.type == FX_NONE)
            continue;
        if (fx_value_repeats(r)) {           /* the plot draws its spread */
            if (!c->reps) {
                c->reps = fx_xcalloc((size_t)s->n + 1, sizeof *c->reps);
                for (int k = 0; k < s->n; k++)
                    c->reps[k] = fx_none();
            }
            c->reps[i] = fx_ref(r);
        }
        if (fx_get_field(I, I->field_at, r, fx_intern_cstr(&I->intern, name), &c->vals[i])) {
            fx_unref(set);
            return -1;
        }
    }
    *out = set;
    return 0;
}

static long long sweep_length(const void *data) { return ((const FxSweep *)data)->n; }
static const char *const sweep_fields[] = {"labels", "params", "results", "errors", "loss",
                                           "val_loss", "accuracy", "val_accuracy", NULL};

const FxForeignType fx_sweep_type = {
    .name = "sweep", .phrase = "a sweep", .release = sweep_release, .free = sweep_free,
    .describe = sweep_describe, .field = sweep_field, .fields = sweep_fields,
    .length = sweep_length, .index = sweep_index,
};

FxSweep *fx_value_sweep(FxValue v)
{
    if (v.type == FX_FOREIGN && fx_as_foreign(v)->type == &fx_sweep_type)
        return fx_as_foreign(v)->data;
    return NULL;
}

/* ---- running a sweep ------------------------------------------------------------ */

typedef struct Grid {
    int       nvars;
    FxList  **values;     /* borrowed from vals */
    FxValue  *vals;       /* owned */
    int      *at;         /* current index per variable */
    int      *digits;     /* significant digits its numbers need in labels */
    long long points;
    int       random;     /* samples: point k takes item k of every list */
    uint64_t *seeds;      /* repeat: / seeds: each point trains once per seed */
    int       nseeds;     /* 0: once, with the script's seed */
    FxStore  *store;      /* --out's store, or NULL */
    char    (*keys)[17];  /* per point with a store: its key */
    char     *stored;     /* per point: 1 when the store holds it */
    char     *unlisted;   /* per point: stored, but its manifest line is missing (a
                             kill between the record and the line): written again */
    FxPruner  prune;      /* prune: halving(...) or median(...) when pruned is set */
    int       pruned;
    const FxNode *jobs_at; /* the jobs: option, when given */
    char     *store_dir;  /* store: "DIR", resolved against the script's folder; owned */
} Grid;

static void grid_free(Grid *g)
{
    for (int i = 0; i < g->nvars; i++)
        fx_unref(g->vals[i]);
    free(g->values);
    free(g->vals);
    free(g->at);
    free(g->digits);
    free(g->seeds);
    free(g->keys);
    free(g->stored);
    free(g->unlisted);
    free(g->store_dir);
}

/* ---- labels: numbers as a person writes them ------------------------------- */

/* A swept number in a label: an integer as it is (batch=1000000), else
 * with `digits` significant digits (lr=0.002154), or its shortest exact
 * text when that is shorter (lr=0.1). */
static void label_number(FxBuf *b, double x, int digits)
{
    char exact[32], cut[40];
    fx_num_text(x, exact);
    if (x == floor(x) && fabs(x) < 1e15) {
        fx_buf_puts(b, exact);
        return;
    }
    snprintf(cut, sizeof cut, "%.*g", digits, x);
    fx_buf_puts(b, strlen(cut) < strlen(exact) ? cut : exact);
}

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The fewest significant digits, 4 at least, that keep n distinct numbers
 * apart in labels (v is sorted in place). Rounding keeps order, so two
 * values that print alike are neighbours once sorted. */
int fx_sweep_digits(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    int d = 4;
    for (; d < 17; d++) {
        int apart = 1;
        for (size_t i = 1; i < n && apart; i++) {
            if (v[i] == v[i - 1])
                continue;
            FxBuf a, b;
            fx_buf_init(&a);
            fx_buf_init(&b);
            label_number(&a, v[i - 1], d);
            label_number(&b, v[i], d);
            apart = strcmp(a.s, b.s) != 0;
            fx_buf_free(&a);
            fx_buf_free(&b);
        }
        if (apart)
            break;
    }
    return d;
}

/* The digits a variable's finite numbers need in labels. */
static int label_digits(const FxList *l)
{
    double *v = fx_xcalloc(l->n + 1, sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].type == FX_NUM && isfinite(l->items[i].as.n))
            v[n++] = l->items[i].as.n;
    int d = fx_sweep_digits(v, n);
    free(v);
    return d;
}

/* Evaluates the variables' values (lists, or distributions for a random
 * search), checked once the options are known. */
static int grid_init(FxInterp *I, const FxNode *n, FxEnv *env, Grid *g)
{
    memset(g, 0, sizeof *g);
    g->nvars = 0;
    while (g->nvars < n->items.count && n->items.items[g->nvars]->kind == FX_N_SWEEP_VAR)
        g->nvars++;
    g->values = fx_xcalloc((size_t)g->nvars, sizeof *g->values);
    g->vals = fx_xcalloc((size_t)g->nvars, sizeof *g->vals);
    g->at = fx_xcalloc((size_t)g->nvars, sizeof *g->at);
    g->digits = fx_xcalloc((size_t)g->nvars, sizeof *g->digits);
    for (int i = 0; i < g->nvars; i++)
        if (fx_eval(I, n->items.items[i]->a, env, &g->vals[i]))
            return -1;
    return 0;
}

static int empty_values(FxInterp *I, const FxNode *v)
{
    fx_error_at(I, v->a, "sweep variable '%s' has no values: the list is empty", v->name);
    fx_error_hint(I, "give at least one value, e.g. %s in [0.01]", v->name);
    return -1;
}

/* The cartesian grid of the variables' lists. */
static int grid_check(FxInterp *I, const FxNode *n, Grid *g)
{
    g->points = 1;
    for (int i = 0; i < g->nvars; i++) {
        const FxNode *v = n->items.items[i];
        if (fx_value_dist(g->vals[i])) {
            FxBuf d;
            fx_buf_init(&d);
            fx_value_show(&d, g->vals[i]);
            fx_error_at(I, v->a, "sweep variable '%s' draws from %s: that needs a random "
                        "search", v->name, d.s);
            fx_buf_free(&d);
            fx_error_hint(I, "add the number of points to draw after the variables, "
                          "e.g. samples: 20");
            return -1;
        }
        if (g->vals[i].type != FX_LIST)
            return fx_error_at(I, v->a, "sweep variable '%s' needs a list of values, got %s",
                               v->name, fx_type_phrase(g->vals[i]));
        g->values[i] = fx_as_list(g->vals[i]);
        if (g->values[i]->n == 0)
            return empty_values(I, v);
        g->digits[i] = label_digits(g->values[i]);
        g->points *= (long long)g->values[i]->n;
        if (g->points > 100000)
            return fx_error_at(I, n, "the sweep has more than 100000 points");
    }
    return 0;
}

/* A random search of `samples` points: point k draws every variable, in
 * order, from its own stream; a list is a choice among its values. Each
 * variable's list becomes its drawn values, point k taking item k. */
static int grid_sample(FxInterp *I, const FxNode *n, Grid *g, long long samples)
{
    for (int i = 0; i < g->nvars; i++) {
        const FxNode *v = n->items.items[i];
        if (fx_value_dist(g->vals[i]))
            continue;
        if (g->vals[i].type != FX_LIST)
            return fx_error_at(I, v->a, "sweep variable '%s' needs a list of values or a "
                               "distribution such as loguniform(1e-4, 1e-1), got %s",
                               v->name, fx_type_phrase(g->vals[i]));
        if (fx_as_list(g->vals[i])->n == 0)
            return empty_values(I, v);
    }
    FxValue *drawn = fx_xcalloc((size_t)g->nvars + 1, sizeof *drawn);
    for (int i = 0; i < g->nvars; i++)
        drawn[i] = fx_list_new(&I->heap, (size_t)samples);
    uint64_t seed = fx_std(I)->seed;
    for (long long k = 0; k < samples; k++) {
        RtRng r = rt_rng(seed, rt_stream(RT_STREAM_SEARCH, (uint64_t)k));
        for (int i = 0; i < g->nvars; i++) {
            FxDist *d = fx_value_dist(g->vals[i]);
            fx_list_push_value(drawn[i], d ? fx_dist_draw(d, &r) : fx_list_draw(g->vals[i], &r));
        }
    }
    for (int i = 0; i < g->nvars; i++) {
        fx_unref(g->vals[i]);
        g->vals[i] = drawn[i];
        g->values[i] = fx_as_list(drawn[i]);
        g->digits[i] = label_digits(g->values[i]);
    }
    free(drawn);
    g->random = 1;
    g->points = samples;
    return 0;
}

/* Binds point k's values into env and fills its label and params. */
static void grid_point(FxInterp *I, const FxNode *n, Grid *g, long long k, FxEnv *env,
                       FxSweepPoint *p)
{
    long long rest = k;
    for (int i = g->nvars - 1; i >= 0; i--) {
        g->at[i] = g->random ? (int)k : (int)(rest % (long long)g->values[i]->n);
        rest /= (long long)g->values[i]->n;
    }
    FxBuf label;
    fx_buf_init(&label);
    p->params = fx_record_new(&I->heap);
    for (int i = 0; i < g->nvars; i++) {
        const FxNode *v = n->items.items[i];
        FxValue x = g->values[i]->items[g->at[i]];
        fx_env_define(env, v->name, fx_ref(x));
        fx_record_set(p->params, v->name, fx_ref(x));
        fx_buf_printf(&label, "%s%s=", i ? ", " : "", v->name);
        if (x.type == FX_NUM && isfinite(x.as.n))
            label_number(&label, x.as.n, g->digits[i]);
        else
            fx_value_show(&label, x);
    }
    snprintf(p->label, sizeof p->label, "%s", label.s ? label.s : "");
    fx_buf_free(&label);
}

/* Runs the body; the value of its last statement when that is an
 * expression, else none. */
static int run_body(FxInterp *I, const FxNode *body, FxEnv *env, FxValue *out)
{
    int n = body->items.count;
    *out = fx_none();
    FxNode head = *body;
    const FxNode *last = n ? body->items.items[n - 1] : NULL;
    int last_is_expr = last && last->kind == FX_N_EXPR_STMT;
    head.items.count = last_is_expr ? n - 1 : n;
    int rc = fx_exec_stmts(I, &head, env);
    if (rc != FX_EXEC_OK)
        return rc == FX_EXEC_ERR ? -1 : fx_error_at(I, body, "'break', 'continue' or 'return' "
                                                    "cannot leave a sweep body");
    return last_is_expr ? fx_eval(I, last->a, env, out) : 0;
}

/* Runs the body once, or once per seed of repeat:/seeds: with the
 * seed set and the RNG counters rewound each time (so repeat j differs
 * from the others only by its seed), giving the list of the results.
 * `label` is the point's; each repeat's runs are labelled with the seed. */
static int run_body_repeats(FxInterp *I, const FxNode *body, const Grid *g, FxEnv *env,
                            const char *label, FxValue *out)
{
    if (!g->nseeds)
        return run_body(I, body, env, out);
    FxStd *std = fx_std(I);
    uint64_t seed = std->seed, tc = std->train_calls, dc = std->data_calls;
    FxValue list = fx_list_new(&I->heap, (size_t)g->nseeds);
    int rc = 0;
    for (int j = 0; j < g->nseeds && rc == 0; j++) {
        std->seed = g->seeds[j];
        std->train_calls = tc;
        std->data_calls = dc;
        snprintf(std->label, sizeof std->label, "%s%sseed=%llu", label, label[0] ? ", " : "",
                 (unsigned long long)g->seeds[j]);
        FxValue r;
        rc = run_body(I, body, env, &r);
        if (rc == 0)
            fx_list_push_value(list, r);
        else if (!I->interrupt_seen) {      /* say which repeat failed */
            char msg[sizeof I->err.msg + 32];
            snprintf(msg, sizeof msg, "with seed %llu: %s", (unsigned long long)g->seeds[j],
                     I->err.msg);
            size_t len = strlen(msg) < sizeof I->err.msg ? strlen(msg) : sizeof I->err.msg - 1;
            memcpy(I->err.msg, msg, len);
            I->err.msg[len] = 0;
        }
    }
    std->seed = seed;
    snprintf(std->label, sizeof std->label, "%s", label);
    if (rc) {
        fx_unref(list);
        return rc;
    }
    *out = list;
    return 0;
}

/* A child's list of repeat results, as the point's repeats value. */
static FxValue as_repeats(FxInterp *I, const Grid *g, FxValue list, const char *label)
{
    if (!g->nseeds || list.type != FX_LIST)
        return list;
    FxValue r = fx_repeats_new(I, list, g->seeds, label);
    fx_unref(list);
    return r;
}

/* Keeps a failed point's error as text ("file:line:col: message") and
 * clears it, so the next point can run. */
static char *take_error(FxInterp *I)
{
    FxBuf b;
    fx_buf_init(&b);
    if (I->err.src) {
        int line, col;
        fx_diag_linecol(I->err.src, I->err.span.off, &line, &col);
        fx_buf_printf(&b, "%s:%d:%d: ", I->err.src->name, line, col);
    }
    fx_buf_puts(&b, I->err.msg);
    fx_error_clear(I);
    return b.s;
}

static void sweep_push(FxSweep *s, const FxSweepPoint *p)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->pts = fx_xrealloc(s->pts, (size_t)s->cap * sizeof *s->pts);
    }
    s->pts[s->n++] = *p;
}

/* The label later runs get ("lr=0.1, batch=16"), set by a sweep for each
 * of its points; NULL clears it. */
static void point_label(FxInterp *I, const char *label)
{
    snprintf(fx_std(I)->label, sizeof fx_std(I)->label, "%s", label ? label : "");
}

/* Runs the body for point p; 1 when Ctrl-C stopped it with an error
 * (then the error is cleared and the interrupt left pending, so the
 * sweep's statement ends after binding the points so far). Whether this
 * point was interrupted, not an earlier text run on the same interpreter
 * (the REPL's), is what counts. */
static int run_point(FxInterp *I, const FxNode *n, const Grid *g, FxEnv *scope,
                     FxSweepPoint *p, long long k, long long points)
{
    int seen_before = I->interrupt_seen;
    I->interrupt_seen = 0;
    int failed = run_body_repeats(I, n->body, g, scope, p->label, &p->result) != 0;
    if (!failed)
        p->result = as_repeats(I, g, p->result, p->label);
    int interrupted = failed && I->interrupt_seen;
    I->interrupt_seen |= seen_before;
    if (!failed)
        return 0;
    p->result = fx_none();
    if (interrupted) {
        fx_error_clear(I);
        I->interrupt_pending = 1;
        return 1;
    }
    p->error = take_error(I);
    I->soft_failures++;
    fprintf(I->out, "sweep %lld/%lld failed: %s\n", k + 1, points, p->error);
    if (fx_out_record(I, n, fx_none(), p->params, p->label, p->error)) {
        char *e = take_error(I);   /* the sweep keeps its points */
        fprintf(stderr, "fx: %s\n", e);
        free(e);
    }
    return 0;
}

static void point_record(FxInterp *I, const FxNode *n, const Grid *g, long long k,
                         const FxSweepPoint *p, int count);

/* A finished point into the store: a repeated point as the list of its
 * repeats' results, as a child process sends it. */
static void store_put_as(FxInterp *I, Grid *g, const char *key, const char *label,
                         const FxSweepPoint *p, uint64_t start_train, uint64_t start_data)
{
    FxRepeats *rp = fx_value_repeats(p->result);
    FxValue v = fx_ref(p->result);
    if (rp) {
        fx_unref(v);
        v = fx_list_new(&I->heap, (size_t)fx_repeats_count(rp));
        for (int i = 0; i < fx_repeats_count(rp); i++)
            fx_list_push_value(v, fx_ref(fx_repeats_result(rp, i)));
    }
    FxStd *std = fx_std(I);
    fx_store_put(I, g->store, key, label, v, std->train_calls, std->data_calls,
                 start_train, start_data);
    fx_unref(v);
}

static void store_put(FxInterp *I, Grid *g, long long k, const FxSweepPoint *p,
                      uint64_t start_train, uint64_t start_data)
{
    store_put_as(I, g, g->keys[k], p->label, p, start_train, start_data);
}

/* A halving rung's record of point k: its key with the rung's epoch cap
 * (0: to the end) hashed in, and a label of its own, so that it is never
 * taken for the point's final record (nor its staleness). */
static void rung_record(const Grid *g, long long k, int64_t cap, const char *label,
                        char key[17], char *rlabel, size_t cap_label)
{
    uint64_t h = 0;
    fx_hash_bytes(&h, g->keys[k], 16);
    fx_hash_bytes(&h, &cap, sizeof cap);
    snprintf(key, 17, "%016llx", (unsigned long long)h);
    snprintf(rlabel, cap_label, "%s (halving rung: %lld epochs)", label, (long long)cap);
}

/* --shard i/n: point k, not in the store, is another shard's. */
static int other_shard(FxInterp *I, const Grid *g, long long k)
{
    int n = I->opt.shards;
    return n > 1 && g->keys && !g->stored[k] && k % n != I->opt.shard;
}

/* A point found in the store: its result, as it was. */
static int point_from_store(FxInterp *I, Grid *g, long long k, FxSweepPoint *p)
{
    FxStd *std = fx_std(I);
    uint64_t tc, dc;
    if (!g->stored || !g->stored[k] || !fx_store_load(I, g->store, g->keys[k], &p->result, &tc, &dc))
        return 0;
    p->result = as_repeats(I, g, p->result, p->label);
    std->train_calls = tc;
    std->data_calls = dc;
    if (!I->opt.quiet)
        fprintf(I->out, "sweep %lld/%lld: %s (from the store)\n", k + 1, g->points, p->label);
    return 1;
}

/* With --out: every point's key, whether it is in the store, a refusal
 * when the store holds this sweep's points from an older script, and a
 * line saying how many points come from the store. */
static int store_points(FxInterp *I, const FxNode *n, FxEnv *env, Grid *g)
{
    if (!g->store || !g->store->dir)
        return 0;
    FxStd *std = fx_std(I);
    g->keys = fx_xcalloc((size_t)g->points, sizeof *g->keys);
    g->stored = fx_xcalloc((size_t)g->points, sizeof *g->stored);
    g->unlisted = fx_xcalloc((size_t)g->points, sizeof *g->unlisted);
    long long unlisted = 0;
    long long found = 0;
    for (long long k = 0; k < g->points; k++) {
        FxSweepPoint p = {0};
        FxEnv *scope = fx_env_new(&I->heap, env);
        grid_point(I, n, g, k, scope, &p);
        fx_env_unref(scope);
        fx_store_key(g->store, p.params, g->seeds, g->nseeds, std->train_calls,
                     std->data_calls, g->keys[k]);
        if (k > 0 && g->pruned) {         /* the median rule: the points before count */
            char both[34];
            snprintf(both, sizeof both, "%s%s", g->keys[k - 1], g->keys[k]);
            uint64_t h = 0;
            fx_hash_bytes(&h, both, 32);
            snprintf(g->keys[k], 17, "%016llx", (unsigned long long)h);
        }
        char path[4200];
        snprintf(path, sizeof path, "%s/%s.fxp", g->store->dir, g->keys[k]);
        FILE *f = fopen(path, "rb");
        g->stored[k] = f != NULL;
        if (f)
            fclose(f);
        found += g->stored[k];
        g->unlisted[k] = g->stored[k] && !fx_out_lists_point(I, g->keys[k], p.label);
        unlisted += g->unlisted[k];
        int rc = g->stored[k] ? 0 : fx_store_stale(I, g->store, n, p.label, g->keys[k],
                                                   std->train_calls, std->data_calls);
        fx_unref(p.params);
        if (rc)
            return -1;
    }
    if (found && !I->opt.quiet)
        fprintf(I->out, "sweep: %lld of %lld point%s from the store, %lld to run\n", found,
                g->points, g->points == 1 ? "" : "s", g->points - found);
    if (unlisted && !I->opt.quiet)
        fprintf(I->out, "sweep: %lld stored point%s had no line in %s/runs.jsonl (a kill "
                "between the two): %s written again\n", unlisted, unlisted == 1 ? "" : "s",
                I->opt.out_dir, unlisted == 1 ? "its line is" : "their lines are");
    return 0;
}

static void run_points(FxInterp *I, const FxNode *n, FxEnv *env, Grid *g, FxSweep *s)
{
    FxStd *std = fx_std(I);
    uint64_t train_calls = std->train_calls, data_calls = std->data_calls;
    for (long long k = 0; k < g->points; k++) {
        FxSweepPoint p = {0};
        FxEnv *scope = fx_env_new(&I->heap, env);
        grid_point(I, n, g, k, scope, &p);
        std->train_calls = train_calls;   /* same initial weights and data */
        std->data_calls = data_calls;
        if (other_shard(I, g, k)) {
            fx_env_unref(scope);
            fx_unref(p.params);
            continue;
        }
        if (point_from_store(I, g, k, &p)) {
            fx_env_unref(scope);
            if (g->unlisted[k])
                point_record(I, n, g, k, &p, 0);
            if (std->median)
                fx_median_add(std->median, p.result);
            sweep_push(s, &p);
            continue;
        }
        point_label(I, p.label);
        std->point_params = p.params;     /* for --out's manifest */
        if (!I->opt.quiet)
            fprintf(I->out, "sweep %lld/%lld: %s\n", k + 1, g->points, p.label);
        const char *out_dir = I->opt.out_dir;
        if (g->keys)
            I->opt.out_dir = NULL;        /* recorded once the point is kept */
        int stopped = run_point(I, n, g, scope, &p, k, g->points);
        I->opt.out_dir = out_dir;
        if (g->keys && !stopped) {
            if (!p.error && !I->interrupt_pending)
                store_put(I, g, k, &p, train_calls, data_calls);
            point_record(I, n, g, k, &p, 0);
        }
        fx_env_unref(scope);
        if (stopped) {
            fx_unref(p.params);      /* the point never finished: not kept */
        } else {
            if (std->median && !p.error)
                fx_median_add(std->median, p.result);
            sweep_push(s, &p);
        }
        point_label(I, NULL);
        std->point_params = fx_none();
        if (I->interrupt_pending) {
            if (!I->opt.quiet)
                fprintf(I->out, "interrupted: the sweep keeps the %d point%s so far, of %lld\n",
                        s->n, s->n == 1 ? "" : "s", g->points);
            break;
        }
    }
}

/* ---- points in child processes (jobs:) --------------------------------------------- */

/* What a child sends back: a header, its printed output, its error text,
 * then the encoded result. */
typedef struct Reply {
    int32_t  stopped;          /* Ctrl-C stopped the point with an error */
    int32_t  failed;           /* the error text follows */
    int32_t  interrupt;        /* a Ctrl-C cut the point's run short */
    uint64_t train_calls, data_calls;
    int64_t  out_len, err_len, val_len;
} Reply;

typedef struct JobCtx {
    FxInterp     *I;
    const FxNode *n;
    FxEnv        *env;
    Grid         *g;
    FxSweepPoint *pts;        /* one per grid point */
    int          *have;       /* 1: pts[k] finished and is kept */
    uint64_t      train_calls, data_calls;   /* at the sweep's start */
    uint64_t      end_train, end_data;       /* after the last point */
    int           threads;    /* each child's */
    long long     finished;
    const long long *idx;     /* item i is grid point idx[i] */
    const char   *rung;       /* a pruned sweep's rung: " (6 epochs)", else "" */
    int           halving;    /* the points run halving's rungs */
    int64_t       cap;        /* the rung's epoch cap (0: to the end) */
} JobCtx;

static void job_child(void *ctx, long long i, FxBuf *out)
{
    JobCtx *J = ctx;
    long long k = J->idx[i];
    FxInterp *I = J->I;
    FxStd *std = fx_std(I);
    std->threads = NULL;            /* the parent's pool has no threads here */
    I->opt.threads = J->threads;
    I->opt.quiet = 1;               /* no epoch lines: one line per point */
    I->opt.out_dir = NULL;          /* the parent writes --out in grid order */
    char *text = NULL;
    size_t text_len = 0;
    FILE *mem = open_memstream(&text, &text_len);
    if (mem)
        I->out = mem;
    FxSweepPoint p = {0};
    FxEnv *scope = fx_env_new(&I->heap, J->env);
    grid_point(I, J->n, J->g, k, scope, &p);
    std->train_calls = J->train_calls;
    std->data_calls = J->data_calls;
    point_label(I, p.label);
    int seen_before = I->interrupt_seen;
    I->interrupt_seen = 0;
    Reply r = {0};
    int failed = run_body_repeats(I, J->n->body, J->g, scope, p.label, &p.result) != 0;
    char *err = NULL;
    FxBuf val = {0};
    if (failed && I->interrupt_seen)
        r.stopped = 1;
    else if (failed)
        err = take_error(I);
    else {
        char why[96];
        if (fx_wire_put(&val, p.result, why, sizeof why)) {
            FxBuf e;
            fx_buf_init(&e);
            fx_buf_printf(&e, "jobs: a point's result must be numbers, strings, lists, "
                          "records or runs to come back from its process, not %s", why);
            err = e.s;
            free(val.s);
            memset(&val, 0, sizeof val);
        }
    }
    (void)seen_before;
    r.failed = err != NULL;
    r.interrupt = I->interrupt_pending || I->interrupt_seen;
    r.train_calls = std->train_calls;
    r.data_calls = std->data_calls;
    if (mem)
        fclose(mem);
    r.out_len = (int64_t)(mem ? text_len : 0);
    r.err_len = err ? (int64_t)strlen(err) : 0;
    r.val_len = (int64_t)val.len;
    fx_buf_init(out);
    out->s = fx_xmalloc(sizeof r + 1);
    memcpy(out->s, &r, sizeof r);
    out->len = sizeof r;
    out->cap = sizeof r + 1;
    fx_buf_puts(out, "");
    FxBuf rest;
    fx_buf_init(&rest);
    if (r.out_len)
        fx_buf_puts(&rest, text);
    if (err)
        fx_buf_puts(&rest, err);
    size_t need = out->len + rest.len + val.len + 1;
    out->s = fx_xrealloc(out->s, need);
    if (rest.len)
        memcpy(out->s + out->len, rest.s, rest.len);
    out->len += rest.len;
    if (val.len)
        memcpy(out->s + out->len, val.s, val.len);
    out->len += val.len;
    out->cap = need;
    /* The child ends with _exit: what it holds goes with the process. */
}

static void job_done(void *ctx, long long i, const char *bytes, size_t n, int status)
{
    JobCtx *J = ctx;
    long long k = J->idx[i];
    FxInterp *I = J->I;
    FxSweepPoint *p = &J->pts[k];
    Reply r;
    J->finished++;
    if (status != 0 || n < sizeof r) {
        FxBuf e;
        fx_buf_init(&e);
        if (WIFSIGNALED(status))
            fx_buf_printf(&e, "the point's process was killed by signal %d",
                          WTERMSIG(status));
        else
            fx_buf_printf(&e, "the point's process ended without an answer (status %d)",
                          status);
        p->error = e.s;
        p->result = fx_none();
        J->have[k] = 1;
        fprintf(I->out, "sweep %lld/%lld failed: %s: %s\n", k + 1, J->g->points, p->label,
                p->error);
        return;
    }
    memcpy(&r, bytes, sizeof r);
    const char *at = bytes + sizeof r;
    size_t left = n - sizeof r;
    if (r.out_len < 0 || r.err_len < 0 || r.val_len < 0 ||
        (uint64_t)r.out_len + (uint64_t)r.err_len + (uint64_t)r.val_len != left) {
        p->error = fx_xstrdup("the point's process sent a garbled answer");
        p->result = fx_none();
        J->have[k] = 1;
        return;
    }
    if (r.interrupt)
        I->interrupt_pending = 1;
    if (k == J->g->points - 1) {
        J->end_train = r.train_calls;
        J->end_data = r.data_calls;
    }
    if (r.stopped) {
        J->have[k] = 0;
        return;
    }
    if (!I->opt.quiet && !r.failed)
        fprintf(I->out, "sweep %lld/%lld: %s%s\n", k + 1, J->g->points, p->label, J->rung);
    fwrite(at, 1, (size_t)r.out_len, I->out);
    at += r.out_len;
    J->have[k] = 1;
    if (r.failed) {
        p->error = fx_xmalloc((size_t)r.err_len + 1);
        memcpy(p->error, at, (size_t)r.err_len);
        p->error[r.err_len] = 0;
        p->result = fx_none();
        fprintf(I->out, "sweep %lld/%lld failed: %s\n", k + 1, J->g->points, p->error);
        return;
    }
    at += r.err_len;
    if (fx_wire_get(I, at, (size_t)r.val_len, &p->result)) {
        p->error = fx_xstrdup("the point's answer could not be read back");
        p->result = fx_none();
        return;
    }
    p->result = as_repeats(I, J->g, p->result, p->label);
    if (J->g->keys && !r.interrupt) {     /* a run Ctrl-C cut short is not finished */
        FxStd *std = fx_std(I);
        uint64_t tc = std->train_calls, dc = std->data_calls;
        std->train_calls = r.train_calls;
        std->data_calls = r.data_calls;
        if (J->halving) {                 /* the rung's run, kept for a rerun's ranking */
            char key[17], label[300];
            rung_record(J->g, k, J->cap, p->label, key, label, sizeof label);
            store_put_as(I, J->g, key, label, p, J->train_calls, J->data_calls);
        } else {
            store_put(I, J->g, k, p, J->train_calls, J->data_calls);
        }
        std->train_calls = tc;
        std->data_calls = dc;
    }
}

static int job_stop(void *ctx)
{
    JobCtx *J = ctx;
    FxInterp *I = J->I;
    if (I->interrupted && *I->interrupted) {
        I->interrupt_pending = 1;
        I->interrupt_seen = 1;
    }
    return I->interrupt_pending;
}

/* Runs grid points idx[0..count-1], `jobs` at a time, into J->pts and
 * J->have (by grid index). */
static void jobs_round(JobCtx *J, const long long *idx, long long count, int jobs)
{
    J->idx = idx;
    FxJobs spec = {.child = job_child, .done = job_done, .stop = job_stop, .ctx = J};
    if (fx_jobs_run(&spec, count, jobs) != 0)
        fprintf(stderr, "fx: sweep: could not start a process for every point: %s\n",
                strerror(errno));
}

static void point_clear(FxSweepPoint *p)
{
    fx_unref(p->result);
    p->result = fx_none();
    free(p->error);
    p->error = NULL;
}

typedef struct Ranked {
    long long k;
    double    score;
} Ranked;

static int cmp_ranked(const void *a, const void *b)
{
    const Ranked *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? -1 : 1;
    return (x->k > y->k) - (x->k < y->k);           /* ties: grid order */
}

/* Point k's run of this rung from the store, as a rerun after a kill
 * finds it: the same result, so the same ranking. */
static int rung_from_store(JobCtx *J, long long k)
{
    FxInterp *I = J->I;
    if (!J->g->keys)
        return 0;
    char key[17], label[300];
    rung_record(J->g, k, J->cap, J->pts[k].label, key, label, sizeof label);
    uint64_t tc, dc;
    if (!fx_store_load(I, J->g->store, key, &J->pts[k].result, &tc, &dc))
        return 0;
    J->pts[k].result = as_repeats(I, J->g, J->pts[k].result, J->pts[k].label);
    J->have[k] = 1;
    J->finished++;
    if (k == J->g->points - 1) {
        J->end_train = tc;
        J->end_data = dc;
    }
    if (!I->opt.quiet)
        fprintf(I->out, "sweep %lld/%lld: %s%s (from the store)\n", k + 1, J->g->points,
                J->pts[k].label, J->rung);
    return 1;
}

/* Successive halving: every point trains min_epochs (the rung's cap),
 * the best 1/eta of those the cap stopped go on with eta times the
 * epochs, retrained from the start (so each history is bit-identical to
 * an unpruned run's), until one is left, which trains to its end. A point
 * that ends before its rung's cap is complete; one left behind keeps its
 * rung's run, marked pruned. Returns -1 when a point's result cannot be
 * ranked. Rungs already in the store are taken from it, not rerun. */
static int run_halving(JobCtx *J, const FxPruner *pr, int jobs)
{
    FxInterp *I = J->I;
    FxStd *std = fx_std(I);
    long long alive_n = J->g->points;
    long long *alive = fx_xcalloc((size_t)alive_n + 1, sizeof *alive);
    long long *run = fx_xcalloc((size_t)alive_n + 1, sizeof *run);
    Ranked *rank = fx_xcalloc((size_t)alive_n + 1, sizeof *rank);
    for (long long k = 0; k < alive_n; k++)
        alive[k] = k;
    int64_t cap = pr->min_epochs;
    int rc = 0;
    char rung[64];
    while (alive_n > 0) {
        int last = alive_n == 1;
        std->epoch_cap = last ? 0 : cap;
        if (last)
            snprintf(rung, sizeof rung, " (to the end)");
        else
            snprintf(rung, sizeof rung, " (%lld epoch%s)", (long long)cap, cap == 1 ? "" : "s");
        J->rung = rung;
        if (!I->opt.quiet)
            fprintf(I->out, "halving: %lld point%s%s\n", alive_n, alive_n == 1 ? "" : "s", rung);
        J->cap = last ? 0 : cap;
        long long torun = 0;
        for (long long i = 0; i < alive_n; i++) {
            long long k = alive[i];
            point_clear(&J->pts[k]);
            if (rung_from_store(J, k))
                continue;
            run[torun++] = k;
        }
        if (torun)
            jobs_round(J, run, torun, jobs > torun ? (int)torun : jobs);
        if (I->interrupt_pending || last)
            break;
        long long m = 0;
        for (long long i = 0; i < alive_n; i++) {
            long long k = alive[i];
            int pruned = 0;
            if (!J->have[k] || J->pts[k].error)
                continue;                               /* failed: final */
            double sc = fx_prune_score(J->pts[k].result, pr, &pruned);
            if (isnan(sc)) {
                rc = fx_error_at(I, J->n, "prune: ranks runs, but point %lld's block gave "
                                 "%s", k + 1, fx_type_phrase(J->pts[k].result));
                fx_error_hint(I, "end the sweep's block with a train statement");
                break;
            }
            if (pruned)                                 /* else it ended: complete */
                rank[m++] = (Ranked){k, sc};
        }
        if (rc)
            break;
        qsort(rank, (size_t)m, sizeof *rank, cmp_ranked);
        long long keep = (m + pr->eta - 1) / pr->eta;
        if (keep == m && m > 1)
            keep = m - 1;                 /* always leave one behind */
        for (long long i = 0; i < keep; i++)
            alive[i] = rank[i].k;
        alive_n = keep;
        qsort(alive, (size_t)alive_n, sizeof *alive, cmp_ll);
        cap = cap > INT64_MAX / pr->eta ? INT64_MAX : cap * pr->eta;
    }
    std->epoch_cap = 0;
    /* every point's outcome, as its final record: a rerun then ranks nothing */
    for (long long k = 0; rc == 0 && !I->interrupt_pending && J->g->keys && k < J->g->points;
         k++) {
        if (J->have[k] && !J->pts[k].error && !J->g->stored[k]) {
            uint64_t tc = std->train_calls, dc = std->data_calls;
            std->train_calls = J->end_train;
            std->data_calls = J->end_data;
            store_put(I, J->g, k, &J->pts[k], J->train_calls, J->data_calls);
            std->train_calls = tc;
            std->data_calls = dc;
        }
    }
    free(alive);
    free(run);
    free(rank);
    return rc;
}

/* A point that ran in a child process, in the parent: --strict counts its
 * failure or its diverged runs (counted only in the child), and --out
 * records its runs (each repeat's) or its error. */
static void point_record(FxInterp *I, const FxNode *n, const Grid *g, long long k,
                         const FxSweepPoint *p, int count)
{
    fx_std(I)->point_key = g->keys ? g->keys[k] : NULL;
    FxRepeats *rp = fx_value_repeats(p->result);
    FxValue seeds = fx_none();
    if (rp && fx_get_field(I, I->field_at, p->result, fx_intern_cstr(&I->intern, "seeds"),
                           &seeds))
        fx_error_clear(I);
    FxStd *std = fx_std(I);
    uint64_t script_seed = std->seed;
    I->soft_failures += count && p->error != NULL;
    int runs = rp ? fx_repeats_count(rp) : 1;
    for (int i = 0; i < runs; i++) {
        FxValue v = rp ? fx_repeats_result(rp, i) : p->result;
        FxRun *r = fx_value_run(v);
        I->soft_failures += count && r && r->h.diverged;
        /* a repeat's line names its seed, as when it runs in this process */
        if (seeds.type == FX_LIST && (size_t)i < fx_as_list(seeds)->n &&
            fx_as_list(seeds)->items[i].type == FX_NUM)
            std->seed = (uint64_t)fx_as_list(seeds)->items[i].as.n;
        if ((r || (p->error && i == 0)) &&
            fx_out_record(I, n, v, p->params, p->label, p->error)) {
            char *e = take_error(I);   /* the sweep keeps its points */
            fprintf(stderr, "fx: %s\n", e);
            free(e);
        }
        std->seed = script_seed;
    }
    fx_unref(seeds);
    std->point_key = NULL;
}

static int run_points_jobs(FxInterp *I, const FxNode *n, FxEnv *env, Grid *g, FxSweep *s,
                           int jobs, const FxPruner *pr)
{
    FxStd *std = fx_std(I);
    JobCtx J = {.I = I, .n = n, .env = env, .g = g, .rung = ""};
    J.pts = fx_xcalloc((size_t)g->points, sizeof *J.pts);
    J.have = fx_xcalloc((size_t)g->points, sizeof *J.have);
    J.train_calls = J.end_train = std->train_calls;
    J.data_calls = J.end_data = std->data_calls;
    int cores = fx_jobs_cores();
    J.threads = I->opt.threads > 0 ? I->opt.threads : (cores / jobs > 1 ? cores / jobs : 1);
    J.halving = pr != NULL;
    int all_stored = g->stored != NULL;   /* a halving sweep found whole: nothing to rank */
    for (long long k = 0; all_stored && k < g->points; k++)
        all_stored = g->stored[k];
    long long *all = fx_xcalloc((size_t)g->points, sizeof *all);
    long long torun = 0;
    for (long long k = 0; k < g->points; k++) {   /* labels and params, in the parent */
        FxEnv *scope = fx_env_new(&I->heap, env);
        grid_point(I, n, g, k, scope, &J.pts[k]);
        fx_env_unref(scope);
        J.pts[k].result = fx_none();
        std->train_calls = J.train_calls;
        std->data_calls = J.data_calls;
        if (other_shard(I, g, k)) {
            continue;
        } else if ((!pr || all_stored) && point_from_store(I, g, k, &J.pts[k])) {
            J.have[k] = 1;
            if (k == g->points - 1) {
                J.end_train = std->train_calls;
                J.end_data = std->data_calls;
            }
        } else {
            all[torun++] = k;
        }
    }
    std->train_calls = J.train_calls;
    std->data_calls = J.data_calls;
    int rc = 0;
    if (pr && !all_stored)
        rc = run_halving(&J, pr, jobs);
    else if (torun)
        jobs_round(&J, all, torun, jobs);
    free(all);
    std->train_calls = J.end_train;
    std->data_calls = J.end_data;
    for (long long k = 0; k < g->points; k++) {
        if (J.have[k] && rc == 0) {
            sweep_push(s, &J.pts[k]);
            if (!(g->stored && g->stored[k]) || (g->unlisted && g->unlisted[k]))
                point_record(I, n, g, k, &J.pts[k], !(g->stored && g->stored[k]));
        } else {
            fx_unref(J.pts[k].params);
            point_clear(&J.pts[k]);
        }
    }
    if (I->interrupt_pending && !I->opt.quiet)
        fprintf(I->out, "interrupted: the sweep keeps the %d point%s so far, of %lld\n",
                s->n, s->n == 1 ? "" : "s", g->points);
    free(J.pts);
    free(J.have);
    return rc;
}

/* seeds: [...]: whole numbers from 0, none twice. */
static int seeds_option(FxInterp *I, const FxNode *o, FxValue v, Grid *g)
{
    if (v.type != FX_LIST || fx_as_list(v)->n == 0 || fx_as_list(v)->n > 1000)
        return fx_error_at(I, o->a, "seeds: needs a list of 1 to 1000 seeds, e.g. "
                           "seeds: [1, 2, 3]");
    FxList *l = fx_as_list(v);
    g->seeds = fx_xcalloc(l->n, sizeof *g->seeds);
    for (size_t i = 0; i < l->n; i++) {
        double x = l->items[i].type == FX_NUM ? l->items[i].as.n : -1;
        if (x < 0 || x != floor(x) || x > 9007199254740992.0)
            return fx_error_at(I, o->a, "seeds: item %zu is not a whole number from 0", i);
        g->seeds[i] = (uint64_t)x;
        for (size_t j = 0; j < i; j++)
            if (g->seeds[j] == g->seeds[i])
                return fx_error_at(I, o->a, "seeds: %llu appears twice",
                                   (unsigned long long)g->seeds[i]);
    }
    g->nseeds = (int)l->n;
    return 0;
}

/* The sweep's options: jobs: (else --jobs, 0 when neither), samples:
 * (0 when not given: the grid), and repeat: k (seeds: the script's seed,
 * then the next k - 1) or seeds: [...]. */
static int sweep_options(FxInterp *I, const FxNode *n, FxEnv *env, Grid *g, int *jobs,
                         long long *samples)
{
    *jobs = I->opt.jobs;
    *samples = 0;
    for (int i = g->nvars; i < n->items.count; i++) {
        const FxNode *o = n->items.items[i];
        FxValue v;
        if (fx_eval(I, o->a, env, &v))
            return -1;
        if (strcmp(o->name, "prune") == 0) {
            FxPruner *p = fx_value_pruner(v);
            if (!p) {
                fx_error_at(I, o->a, "prune: needs a pruner, got %s", fx_type_phrase(v));
                fx_unref(v);
                fx_error_hint(I, "prune: halving(min_epochs: 2, eta: 3), or "
                              "prune: median(warmup: 2)");
                return -1;
            }
            g->prune = *p;
            g->pruned = 1;
            fx_unref(v);
            continue;
        }
        if (strcmp(o->name, "store") == 0) {
            if (v.type != FX_STR || fx_as_str(v)->len == 0) {
                fx_error_at(I, o->a, "store: needs a folder's name, got %s",
                            v.type == FX_STR ? "an empty string" : fx_type_phrase(v));
                fx_unref(v);
                fx_error_hint(I, "store: \"results\" keeps every point in results/ next "
                              "to the script");
                return -1;
            }
            g->store_dir = fx_path_join(I->src, fx_as_str(v)->s);
            fx_unref(v);
            continue;
        }
        if (strcmp(o->name, "seeds") == 0 || strcmp(o->name, "repeat") == 0) {
            if (g->nseeds)
                return fx_unref(v), fx_error_at(I, o, "give repeat: or seeds:, not both");
            if (o->name[0] == 's') {
                int rc = seeds_option(I, o, v, g);
                fx_unref(v);
                if (rc)
                    return -1;
                continue;
            }
        }
        int is_jobs = strcmp(o->name, "jobs") == 0;
        double hi = is_jobs ? 256 : o->name[0] == 'r' ? 1000 : 100000;
        if (v.type != FX_NUM || v.as.n != floor(v.as.n) || v.as.n < 1 || v.as.n > hi) {
            fx_unref(v);
            return fx_error_at(I, o->a, "%s: needs a whole number from 1 to %g", o->name, hi);
        }
        if (is_jobs) {
            *jobs = (int)v.as.n;
            g->jobs_at = o;
        } else if (o->name[0] == 'r') {
            g->nseeds = (int)v.as.n;
            g->seeds = fx_xcalloc((size_t)g->nseeds, sizeof *g->seeds);
            for (int k = 0; k < g->nseeds; k++)
                g->seeds[k] = fx_std(I)->seed + (uint64_t)k;
        } else {
            *samples = (long long)v.as.n;
        }
    }
    return 0;
}

/* jobs: or --jobs, else the cores over the threads a point uses; never
 * more than the points. */
static void sweep_jobs(FxInterp *I, const Grid *g, int *jobs)
{
    if (*jobs == 0) {
        int cores = fx_jobs_cores();
        int per = I->opt.threads > 0 ? I->opt.threads : cores;
        *jobs = cores / per > 1 ? cores / per : 1;
    }
    if (*jobs > g->points)
        *jobs = (int)g->points;
}

/* The sweep's points, with the store of --out (or store:) when given. */
static int sweep_stored(FxInterp *I, const FxNode *n, FxEnv *env, Grid *g, int jobs,
                        FxValue *out)
{
    if (fx_out_begin(I, n))       /* refuse another script's --out before any point */
        return -1;
    int halving = g->pruned && !g->prune.median;   /* rungs run in child processes */
    FxStore store;
    fx_store_open(I, n, env, &store);
    g->store = &store;
    if (store_points(I, n, env, g)) {
        fx_store_close(&store);
        return -1;
    }
    FxSweep *s = fx_xcalloc(1, sizeof *s);
    FxValue v = fx_foreign_new(&I->heap, &fx_sweep_type, s);
    int rc = 0;
    if (g->pruned && g->prune.median) {   /* each point is compared with those before it */
        fx_std(I)->median = fx_median_new(&g->prune);
        run_points(I, n, env, g, s);
        fx_median_free(fx_std(I)->median);
        fx_std(I)->median = NULL;
    } else if (jobs > 1 || halving) {     /* rungs run in child processes, even one at a time */
        rc = run_points_jobs(I, n, env, g, s, jobs, halving ? &g->prune : NULL);
    } else {
        run_points(I, n, env, g, s);
    }
    fx_store_close(&store);
    g->store = NULL;
    if (rc == 0 && I->opt.shards > 1 && s->n < g->points && !I->interrupt_pending) {
        long long left = g->points - s->n;
        fx_error_at(I, n, "shard %d/%d: %lld point%s of this sweep %s for other shards; the "
                    "script stops here (run it without --shard once they are done)",
                    I->opt.shard, I->opt.shards, left, left == 1 ? "" : "s",
                    left == 1 ? "is" : "are");
        I->shard_stopped = 1;
        rc = -1;
    }
    if (rc) {
        fx_unref(v);
        return -1;
    }
    *out = v;
    return 0;
}

int fx_eval_sweep(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    Grid g;
    int jobs = 1;
    long long samples = 0;
    if (grid_init(I, n, env, &g) || sweep_options(I, n, env, &g, &jobs, &samples) ||
        (samples ? grid_sample(I, n, &g, samples) : grid_check(I, n, &g))) {
        grid_free(&g);
        return -1;
    }
    if (g.pruned && g.prune.median && g.jobs_at && jobs > 1) {
        fx_error_at(I, g.jobs_at, "prune: median(...) runs the points one after another: "
                    "each is compared with the points before it");
        fx_error_hint(I, "leave out jobs:, or prune with halving(...), whose rungs run "
                      "side by side");
        grid_free(&g);
        return -1;
    }
    if (g.pruned && I->opt.shards > 1) {
        fx_error_at(I, n, "--shard: a pruned sweep cannot be split: which points go on "
                    "depends on every point");
        fx_error_hint(I, "run it on one machine (with jobs:), or leave out prune:");
        grid_free(&g);
        return -1;
    }
    sweep_jobs(I, &g, &jobs);
    /* store: "DIR" is --out DIR for this sweep; --out on the command line wins */
    const char *cli_out = I->opt.out_dir;
    int by_store = g.store_dir && !cli_out;
    if (by_store) {
        I->opt.out_dir = g.store_dir;
        fx_std(I)->out_what = "store:";
    }
    int rc = sweep_stored(I, n, env, &g, jobs, out);
    if (by_store) {
        I->opt.out_dir = cli_out;
        fx_std(I)->out_what = NULL;
    }
    grid_free(&g);
    return rc;
}