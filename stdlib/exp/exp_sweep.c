/* `sweep a in [...], b in [...] { body }`: the cartesian grid (the first
 * variable varies slowest, as nested for loops), the body run once per
 * point in its own scope, its last expression the point's result. Every
 * point starts from the same initial weights and shuffles, and data drawn
 * in the body is the same for every point (the counters that number the
 * RNG streams are rewound), so only the swept values differ. A point that
 * fails is kept with its error and the others go on; Ctrl-C stops the
 * sweep and keeps the points so far (a run Ctrl-C cut short is kept, a
 * point it stopped with an error is not). Also curve sets:
 * `runs.val_loss` is one labelled value per point. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "experiment.h"

int fx_exec_stmts(FxInterp *I, const FxNode *block, FxEnv *env);
int fx_get_field(FxInterp *I, FxSpan at, FxValue obj, const char *name, FxValue *out);

/* ---- curve sets ----------------------------------------------------------------- */

static void curves_release(void *data)
{
    FxCurves *c = data;
    for (int i = 0; i < c->n; i++)
        fx_unref(c->vals[i]);
}

static void curves_free(void *data)
{
    FxCurves *c = data;
    for (int i = 0; i < c->n; i++)
        free(c->labels[i]);
    free(c->labels);
    free(c->vals);
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
} Grid;

static void grid_free(Grid *g)
{
    for (int i = 0; i < g->nvars; i++)
        fx_unref(g->vals[i]);
    free(g->values);
    free(g->vals);
    free(g->at);
    free(g->digits);
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

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The fewest significant digits, 4 at least, that keep a variable's
 * distinct numbers apart in labels. Rounding keeps order, so two values
 * that print alike are neighbours once sorted. */
static int label_digits(const FxList *l)
{
    double *v = fx_xcalloc(l->n + 1, sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].type == FX_NUM && isfinite(l->items[i].as.n))
            v[n++] = l->items[i].as.n;
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
    free(v);
    return d;
}

static int grid_init(FxInterp *I, const FxNode *n, FxEnv *env, Grid *g)
{
    memset(g, 0, sizeof *g);
    g->nvars = n->items.count;
    g->values = fx_xcalloc((size_t)g->nvars, sizeof *g->values);
    g->vals = fx_xcalloc((size_t)g->nvars, sizeof *g->vals);
    g->at = fx_xcalloc((size_t)g->nvars, sizeof *g->at);
    g->digits = fx_xcalloc((size_t)g->nvars, sizeof *g->digits);
    g->points = 1;
    for (int i = 0; i < g->nvars; i++) {
        const FxNode *v = n->items.items[i];
        if (fx_eval(I, v->a, env, &g->vals[i]))
            return -1;
        if (g->vals[i].type != FX_LIST)
            return fx_error_at(I, v->a, "sweep variable '%s' needs a list of values, got %s",
                               v->name, fx_type_phrase(g->vals[i]));
        g->values[i] = fx_as_list(g->vals[i]);
        if (g->values[i]->n == 0) {
            fx_error_at(I, v->a, "sweep variable '%s' has no values: the list is empty", v->name);
            fx_error_hint(I, "give at least one value, e.g. %s in [0.01]", v->name);
            return -1;
        }
        g->digits[i] = label_digits(g->values[i]);
        g->points *= (long long)g->values[i]->n;
        if (g->points > 100000)
            return fx_error_at(I, n, "the sweep has more than 100000 points");
    }
    return 0;
}

/* Binds point k's values into env and fills its label and params. */
static void grid_point(FxInterp *I, const FxNode *n, Grid *g, long long k, FxEnv *env,
                       FxSweepPoint *p)
{
    long long rest = k;
    for (int i = g->nvars - 1; i >= 0; i--) {
        g->at[i] = (int)(rest % (long long)g->values[i]->n);
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
static int run_point(FxInterp *I, const FxNode *n, FxEnv *scope, FxSweepPoint *p,
                     long long k, long long points)
{
    int seen_before = I->interrupt_seen;
    I->interrupt_seen = 0;
    int failed = run_body(I, n->body, scope, &p->result) != 0;
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
    fprintf(I->out, "sweep %lld/%lld failed: %s\n", k + 1, points, p->error);
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
        point_label(I, p.label);
        if (!I->opt.quiet)
            fprintf(I->out, "sweep %lld/%lld: %s\n", k + 1, g->points, p.label);
        int stopped = run_point(I, n, scope, &p, k, g->points);
        fx_env_unref(scope);
        if (stopped)
            fx_unref(p.params);      /* the point never finished: not kept */
        else
            sweep_push(s, &p);
        point_label(I, NULL);
        if (I->interrupt_pending) {
            if (!I->opt.quiet)
                fprintf(I->out, "interrupted: the sweep keeps the %d point%s so far, of %lld\n",
                        s->n, s->n == 1 ? "" : "s", g->points);
            break;
        }
    }
}

int fx_eval_sweep(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    Grid g;
    if (grid_init(I, n, env, &g)) {
        grid_free(&g);
        return -1;
    }
    FxSweep *s = fx_xcalloc(1, sizeof *s);
    FxValue v = fx_foreign_new(&I->heap, &fx_sweep_type, s);
    run_points(I, n, env, &g, s);
    grid_free(&g);
    *out = v;
    return 0;
}
