/* assert_close(value, "baselines/x.jsonl", rtol: 0.02, atol: 0): a check
 * (a test case of fx test) that a run, sweep, list or set of curves is, value
 * by value, within a tolerance of a baseline file in the form `save`
 * writes (.jsonl or .csv). `fx test --update-baselines` (fx
 * --update-baselines) writes the file instead, folders included, and the
 * check passes; a missing baseline is a failed check that says so. The
 * tolerance is numpy.isclose's: |value - baseline| <= atol + rtol *
 * |baseline|, by default rtol 1e-5 and atol 1e-8. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "experiment.h"
#include "runs_file.h"

int fx_save_render(FxInterp *I, const FxNode *at, FxValue v, int json, FxBuf *b);
int fx_save_write(FxInterp *I, const FxNode *at, const char *path, const FxBuf *b);

/* The folders of path, made as needed (mkdir -p). */
static int make_parents(FxInterp *I, const FxNode *at, const char *path)
{
    char *p = fx_xstrdup(path);
    for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            int e = errno;
            fx_error_at(I, at, "cannot make folder '%s': %s", p, strerror(e));
            free(p);
            return -1;
        }
        *s = '/';
    }
    free(p);
    return 0;
}

static int compare(FxCall *c, const char *name, const char *path, const FxBuf *now, int csv,
                   double rtol, double atol)
{
    FxRuns a, b;
    char err[600], detail[900];
    if (fx_runs_parse(&a, now->s ? now->s : "", now->len, csv, err, sizeof err) != 0)
        return fx_error_at(c->I, c->at[0], "internal: cannot read the value back: %s", err);
    struct stat st;
    if (stat(path, &st) != 0) {
        fx_runs_free(&a);
        snprintf(detail, sizeof detail, "no baseline '%s'; write it with fx test "
                 "--update-baselines", path);
        return fx_check(c->I, c->node->span, 0, name, detail);
    }
    if (fx_runs_read(&b, path, err, sizeof err) != 0) {
        fx_runs_free(&a);
        return fx_error(c->I, fx_arg_span(c, 1), "assert_close: %s", err);
    }
    FxRunsDiff d;
    fx_runs_diff(&a, &b, rtol, atol, &d);
    int ok = d.outside == 0;
    detail[0] = '\0';
    if (!ok) {
        char worst[600];
        fx_runs_dev_text(&d.d[0], b.xname, worst, sizeof worst);
        snprintf(detail, sizeof detail, "%zu of %zu values beyond rtol %g, atol %g; worst %s",
                 d.outside, d.n, rtol, atol, worst);
    } else {
        snprintf(detail, sizeof detail, "%zu values within rtol %g, atol %g of '%s'", d.n,
                 rtol, atol, path);
    }
    fx_runs_diff_free(&d);
    fx_runs_free(&a);
    fx_runs_free(&b);
    return fx_check(c->I, c->node->span, ok, name, detail);
}

static int b_assert_close(FxCall *c, FxValue *out)
{
    FxInterp *I = c->I;
    FxStr *path;
    double rtol, atol;
    *out = fx_none();
    if (fx_arg_str(c, 1, &path) || fx_arg_opt_num(c, 2, 1e-5, &rtol) ||
        fx_arg_opt_num(c, 3, 1e-8, &atol))
        return -1;
    if (!(rtol >= 0) || !(atol >= 0))
        return fx_error(I, fx_arg_span(c, rtol >= 0 ? 3 : 2), "assert_close: a tolerance is "
                        "a number >= 0");
    size_t pl = path->len;
    int csv = pl > 4 && !strcmp(path->s + pl - 4, ".csv");
    if (!csv && !(pl > 6 && !strcmp(path->s + pl - 6, ".jsonl")))
        return fx_error(I, fx_arg_span(c, 1), "assert_close compares with a .jsonl or .csv "
                        "file as save writes them, not '%s'", path->s);
    FxBuf now;
    fx_buf_init(&now);
    if (fx_save_render(I, c->at[0], c->args[0], !csv, &now)) {
        fx_buf_free(&now);
        return -1;
    }
    /* The case's name: what is compared, and with which file. */
    FxSpan sp = fx_arg_span(c, 0);
    char name[512];
    snprintf(name, sizeof name, "%.*s matches %s", (int)(sp.len < 200 ? sp.len : 200),
             I->src->text + sp.off, path->s);
    int rc;
    if (I->opt.update_baselines) {
        rc = make_parents(I, c->at[1], path->s);
        if (rc == 0)
            rc = fx_save_write(I, c->at[1], path->s, &now);
        if (rc == 0)
            rc = fx_check(I, c->node->span, 1, name, "baseline written (--update-baselines)");
    } else {
        rc = compare(c, name, path->s, &now, csv, rtol, atol);
    }
    fx_buf_free(&now);
    return rc;
}

static const FxBuiltin baseline_builtins[] = {
    {"assert_close", "value, baseline, rtol=, atol=", b_assert_close,
     "check a run or sweep against a saved baseline file within rtol/atol (fx test)"},
};

void fx_exp_baseline_init(FxInterp *I)
{
    fx_define_builtins(I, baseline_builtins, 1);
}
