/* `table`: a sweep as one row per point (its values, then final and best
 * metrics, epochs, seconds and what happened), a run as one row per epoch,
 * a list of records as rows of their fields, a record as name/value
 * rows, a set of curves as one row per curve, a point's repeats over
 * seeds as one row per seed (in a sweep: mean ± std of each metric). Drawn by the renderer's
 * table (plot.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "diag/verdict.h"
#include "statements.h"
#include "plot.h"

const FxOptionDef fx_table_options[] = {{"title", 0, 0}, {0}};

typedef struct Col {
    char          *header;
    double        *num;
    unsigned char *missing;
    char         **str;       /* a text column when not NULL */
    int            precision; /* significant digits; 0: the table's 4 */
} Col;

typedef struct Tab {
    int  ncols, rows;
    Col  cols[64];
} Tab;

static int col_find(Tab *t, const char *header, int text)
{
    for (int i = 0; i < t->ncols; i++)
        if (!strcmp(t->cols[i].header, header))
            return i;
    if (t->ncols == 64)
        return -1;
    Col *c = &t->cols[t->ncols];
    c->header = fx_xstrdup(header);
    c->missing = fx_xmalloc((size_t)t->rows + 1);
    memset(c->missing, 1, (size_t)t->rows + 1);
    if (text)
        c->str = fx_xcalloc((size_t)t->rows + 1, sizeof *c->str);
    else
        c->num = fx_xcalloc((size_t)t->rows + 1, sizeof *c->num);
    return t->ncols++;
}

static void put_num(Tab *t, const char *header, int row, double x)
{
    int c = col_find(t, header, 0);
    if (c < 0)
        return;
    if (!t->cols[c].num) {          /* a text column: the number as text */
        char num[32];
        free(t->cols[c].str[row]);
        t->cols[c].str[row] = fx_xstrdup(fx_num_text(x, num));
        t->cols[c].missing[row] = 0;
        return;
    }
    t->cols[c].num[row] = x;
    t->cols[c].missing[row] = 0;
}

/* A numeric column that meets text becomes a text column: its numbers
 * are written as print shows them. */
static void to_text(Tab *t, Col *c)
{
    c->str = fx_xcalloc((size_t)t->rows + 1, sizeof *c->str);
    for (int r = 0; r < t->rows; r++) {
        char num[32];
        if (!c->missing[r])
            c->str[r] = fx_xstrdup(fx_num_text(c->num[r], num));
    }
    free(c->num);
    c->num = NULL;
}

static void put_str(Tab *t, const char *header, int row, const char *s)
{
    int c = col_find(t, header, 1);
    if (c < 0)
        return;
    if (!t->cols[c].str)
        to_text(t, &t->cols[c]);
    free(t->cols[c].str[row]);
    t->cols[c].str[row] = fx_xstrdup(s);
    t->cols[c].missing[row] = 0;
}

/* A value in a cell: a number, a curve's last value, or text. */
static void put_value(Tab *t, const char *header, int row, FxValue v)
{
    if (v.type == FX_NUM) {
        put_num(t, header, row, v.as.n);
    } else if (v.type == FX_LIST && fx_as_list(v)->n &&
               fx_as_list(v)->items[fx_as_list(v)->n - 1].type == FX_NUM) {
        put_num(t, header, row, fx_as_list(v)->items[fx_as_list(v)->n - 1].as.n);
    } else if (v.type != FX_NONE && v.type != FX_LIST && v.type != FX_FOREIGN) {
        FxBuf b;
        fx_buf_init(&b);
        fx_value_show(&b, v);
        put_str(t, header, row, b.s ? b.s : "");
        fx_buf_free(&b);
    }
}

/* A swept value in a cell: a number as a number, anything else (a
 * string, an optimizer, a list) as print shows it, so every row says
 * which point it is. */
static void put_param(Tab *t, const char *header, int row, FxValue v)
{
    if (v.type == FX_NUM) {
        put_num(t, header, row, v.as.n);
        return;
    }
    FxBuf b;
    fx_buf_init(&b);
    fx_value_show(&b, v);
    put_str(t, header, row, b.s ? b.s : "");
    fx_buf_free(&b);
}

static void tab_free(Tab *t)
{
    for (int i = 0; i < t->ncols; i++) {
        Col *c = &t->cols[i];
        for (int r = 0; c->str && r < t->rows; r++)
            free(c->str[r]);
        free(c->header);
        free(c->num);
        free(c->missing);
        free(c->str);
    }
}

static double last(const double *x, int64_t n) { return n > 0 ? x[n - 1] : NAN; }

static void best(const double *x, int64_t n, double *val, int64_t *at)
{
    *val = NAN;
    *at = -1;
    for (int64_t i = 0; i < n; i++)
        if (!isnan(x[i]) && (*at < 0 || x[i] < *val)) {
            *val = x[i];
            *at = i;
        }
}

/* The metric columns of one run in row `row`. */
static void run_row(Tab *t, int row, const FxRun *r, const char *point)
{
    const RtHistory *h = &r->h;
    double b;
    int64_t at;
    if (r->label[0] && (!point || strcmp(point, r->label)))
        put_str(t, "label", row, r->label);   /* train's label:, unless the point's */
    put_num(t, "loss", row, last(h->loss, h->epochs));
    if (r->has_val) {
        put_num(t, "val_loss", row, last(h->val_loss, h->epochs));
        best(h->val_loss, h->epochs, &b, &at);
        put_num(t, "best val_loss", row, b);
        if (at >= 0)
            put_num(t, "best epoch", row, (double)at + 1);
    }
    if (r->classify) {
        put_num(t, "acc", row, last(h->accuracy, h->epochs));
        if (r->has_val)
            put_num(t, "val_acc", row, last(h->val_accuracy, h->epochs));
    }
    put_num(t, "epochs", row, (double)h->epochs);
    put_num(t, "seconds", row, h->seconds);
    put_str(t, "status", row, r->status);
    if (r->h.epochs > 0 && r->h.loss) {
        FxVerdict v[FX_DK_COUNT];
        char kinds[256];
        fx_diag_kinds_text(v, fx_run_diagnose(r, NULL, v), kinds, sizeof kinds);
        put_str(t, "verdict", row, kinds);
    }
}

/* "0.4123 ± 0.0201" (4 significant digits each, "+-" in ASCII). */
static void put_spread(Tab *t, const char *header, int row, const double *x, int n,
                       int unicode)
{
    char a[32], b[32], cell[80];
    double m = fx_repeats_stat(x, n, 0), sd = fx_repeats_stat(x, n, 1);
    snprintf(a, sizeof a, "%.4g", m);
    snprintf(b, sizeof b, "%.2g", sd);
    snprintf(cell, sizeof cell, "%s %s %s", a, unicode ? "\u00b1" : "+-", b);
    put_str(t, header, row, cell);
}

/* A point trained over seeds: each metric's final (and best val_loss)
 * as mean ± std over the repeats, their number, and what happened. */
static void repeats_row(Tab *t, int row, const FxRepeats *rp, int unicode)
{
    static const char *const metrics[] = {"loss", "val_loss", "accuracy", "val_accuracy"};
    static const char *const heads[] = {"loss", "val_loss", "acc", "val_acc"};
    int n = fx_repeats_count(rp);
    double *x = fx_xcalloc((size_t)n + 1, sizeof *x);
    if (fx_repeats_values(rp, "loss", 0, x) != 0) {        /* not runs: the results */
        if (fx_repeats_values(rp, "value", 0, x) == 0)
            put_spread(t, "result", row, x, n, unicode);
    } else {
        for (int m = 0; m < 4; m++) {
            if (fx_repeats_values(rp, metrics[m], 0, x) == 0)
                put_spread(t, heads[m], row, x, n, unicode);
            if (m == 1 && fx_repeats_values(rp, metrics[m], 1, x) == 0)
                put_spread(t, "best val_loss", row, x, n, unicode);
        }
        int ok = 0;
        double secs = 0;
        for (int i = 0; i < n; i++) {
            const FxRun *r = fx_value_run(fx_repeats_result(rp, i));
            ok += strcmp(r->status, "ok") == 0;
            secs += r->h.seconds;
        }
        put_num(t, "seconds", row, secs);
        char st[64];
        snprintf(st, sizeof st, ok == n ? "ok" : "%d of %d ok", ok, n);
        put_str(t, "status", row, st);
    }
    put_num(t, "repeats", row, n);
    free(x);
}

static void result_row(FxInterp *I, Tab *t, int row, FxValue v, const char *point)
{
    FxRun *r = fx_value_run(v);
    FxRepeats *rp = fx_value_repeats(v);
    if (rp) {
        repeats_row(t, row, rp, I->opt.tty && I->opt.unicode);
    } else if (r) {
        run_row(t, row, r, point);
    } else if (v.type == FX_RECORD) {
        FxRecord *rec = fx_as_record(v);
        for (int i = 0; i < rec->n; i++)
            put_value(t, rec->keys[i], row, rec->vals[i]);
    } else if (v.type != FX_NONE) {
        put_value(t, "result", row, v);
    }
    (void)I;
}

static void sweep_table(FxInterp *I, Tab *t, FxSweep *s)
{
    t->rows = s->n;
    for (int i = 0; i < s->n; i++) {
        FxRecord *p = fx_as_record(s->pts[i].params);
        for (int k = 0; k < p->n; k++)
            put_param(t, p->keys[k], i, p->vals[k]);
    }
    /* Swept numbers with the digits that tell them apart, as in labels. */
    double *v = fx_xcalloc((size_t)s->n + 1, sizeof *v);
    for (int c = 0; c < t->ncols; c++) {
        size_t n = 0;
        for (int i = 0; t->cols[c].num && i < s->n; i++)
            if (!t->cols[c].missing[i] && isfinite(t->cols[c].num[i]))
                v[n++] = t->cols[c].num[i];
        t->cols[c].precision = n ? fx_sweep_digits(v, n) : 0;
    }
    free(v);
    for (int i = 0; i < s->n; i++) {
        if (s->pts[i].error) {
            char msg[300];
            snprintf(msg, sizeof msg, "failed: %s", s->pts[i].error);
            put_str(t, "status", i, msg);
        } else {
            result_row(I, t, i, s->pts[i].result, s->pts[i].label);
        }
    }
}

static void epoch_table(Tab *t, const FxRun *r)
{
    const RtHistory *h = &r->h;
    t->rows = (int)h->epochs;
    for (int i = 0; i < t->rows; i++) {
        put_num(t, "epoch", i, i + 1);
        put_num(t, "loss", i, h->loss[i]);
        if (r->classify)
            put_num(t, "acc", i, h->accuracy[i]);
        if (r->has_val) {
            put_num(t, "val_loss", i, h->val_loss[i]);
            if (r->classify)
                put_num(t, "val_acc", i, h->val_accuracy[i]);
        }
        if (h->lr && !isnan(h->lr[i]))
            put_num(t, "lr", i, h->lr[i]);
    }
}

static int fill(FxInterp *I, Tab *t, FxValue v, const FxNode *at)
{
    FxSweep *s = fx_value_sweep(v);
    FxRun *r = fx_value_run(v);
    FxCurves *cs = fx_value_curves(v);
    FxRepeats *rp = fx_value_repeats(v);
    if (s) {
        sweep_table(I, t, s);
    } else if (rp) {
        t->rows = fx_repeats_count(rp);
        for (int i = 0; i < t->rows; i++) {
            FxValue x = fx_repeats_result(rp, i);
            FxValue seeds;
            if (fx_get_field(I, I->field_at, v, fx_intern_cstr(&I->intern, "seeds"), &seeds))
                return -1;
            put_value(t, "seed", i, fx_as_list(seeds)->items[i]);
            fx_unref(seeds);
            FxRun *xr = fx_value_run(x);    /* one point's repeats: one label */
            result_row(I, t, i, x, xr ? xr->label : NULL);
        }
    } else if (r) {
        epoch_table(t, r);
    } else if (cs) {
        t->rows = cs->n;
        for (int i = 0; i < cs->n; i++) {
            put_str(t, "point", i, cs->labels[i]);
            put_value(t, cs->what, i, cs->vals[i]);
        }
    } else if (v.type == FX_RECORD) {
        FxRecord *rec = fx_as_record(v);
        t->rows = rec->n;
        for (int i = 0; i < rec->n; i++) {
            put_str(t, "field", i, rec->keys[i]);
            put_value(t, "value", i, rec->vals[i]);
        }
    } else if (v.type == FX_LIST) {
        FxList *l = fx_as_list(v);
        t->rows = (int)l->n;
        for (size_t i = 0; i < l->n; i++)
            result_row(I, t, (int)i, l->items[i], NULL);
    } else {
        return fx_error_at(I, at, "table needs a sweep, a run, a record or a list, got %s",
                           fx_type_phrase(v));
    }
    return 0;
}

int fx_exec_table(FxInterp *I, const FxNode *n, FxEnv *env)
{
    const FxNode *a = n->items.count ? n->items.items[0] : NULL;
    if (!a || a->kind == FX_N_KWARG)
        return fx_error_at(I, n, "table needs something to show: table runs");
    if (n->items.count > 1 && n->items.items[1]->kind != FX_N_KWARG)
        return fx_error_at(I, n->items.items[1], "table shows one value; write one table per value");
    FxValue v, title;
    int given;
    if (fx_eval(I, a, env, &v))
        return -1;
    if (fx_eval_option(I, n, "title", env, &title, &given)) {
        fx_unref(v);
        return -1;
    }
    Tab t = {0};
    int rc = fill(I, &t, v, a);
    if (rc == 0) {
        FxPlotColumn cols[64];
        for (int i = 0; i < t.ncols; i++)
            cols[i] = (FxPlotColumn){.header = t.cols[i].header, .num = t.cols[i].num,
                                     .missing = t.cols[i].missing,
                                     .precision = t.cols[i].precision,
                                     .str = (const char *const *)t.cols[i].str};
        FxPlotTableOpts o = {0};
        o.title = given && title.type == FX_STR ? fx_as_str(title)->s : NULL;
        o.mode = I->opt.tty && I->opt.unicode ? FX_PLOT_UNICODE : FX_PLOT_ASCII;
        FxPlotBuf b;
        fx_plot_buf_init(&b);
        FxPlotStatus st = fx_plot_table(&b, cols, (size_t)t.ncols, (size_t)t.rows, &o);
        if (st != FX_PLOT_OK)
            rc = fx_error_at(I, n, "cannot draw the table: %s", fx_plot_status_str(st));
        else
            fwrite(b.data, 1, b.len, I->out);
        fx_plot_buf_free(&b);
    }
    tab_free(&t);
    fx_unref(title);
    fx_unref(v);
    return rc;
}
