/* The diagnosis against its labelled corpus (tests/diag/ *.runs): every
 * run's verdicts next to the ones it must get, each rule's precision and
 * recall, and the share of healthy runs given a problem. Fails when a
 * rule's recall is below 0.9, when more than 5% of the healthy runs get a
 * problem verdict, or when a rule has fewer than 3 runs to be judged on.
 * Run from the top of the tree, as tests/run.sh does. */
#include <glob.h>
#include "check.h"
#include "diag_corpus.h"

typedef struct Tally {
    int tp[FX_DK_COUNT], fn[FX_DK_COUNT], fp[FX_DK_COUNT];
    int runs, healthy, healthy_flagged;
} Tally;

/* Scores one run; prints it when the rules disagree with its labels. */
static void score(Tally *t, const CorpusRun *r, const FxVerdict *v, int n)
{
    int got[FX_DK_COUNT] = {0}, wrong = 0;
    for (int i = 0; i < n; i++)
        got[v[i].kind] = 1;
    for (int k = 0; k < FX_DK_HEALTHY; k++) {
        if (r->expect[k] && got[k])
            t->tp[k]++;
        else if (r->expect[k])
            t->fn[k]++, wrong = 1;
        else if (got[k] && !r->allow[k])
            t->fp[k]++, wrong = 1;
    }
    t->runs++;
    if (r->expect[FX_DK_HEALTHY]) {
        t->healthy++;
        t->healthy_flagged += !got[FX_DK_HEALTHY];
    }
    if (wrong) {
        char kinds[256];
        fx_diag_kinds_text(v, n, kinds, sizeof kinds);
        printf("# %-24s got: %s\n", r->name, kinds);
    }
}

static int read_corpus(const char *path, Tally *t, const FxDiagLimits *lim)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    CorpusRun r;
    int rc;
    while ((rc = corpus_next(f, &r)) == 1) {
        FxDiagInput in = corpus_input(&r);
        FxVerdict v[FX_DK_COUNT];
        score(t, &r, v, fx_diagnose(&in, lim, v));
        corpus_run_free(&r);
    }
    if (rc < 0)
        fprintf(stderr, "%s: bad entry after run '%s'\n", path, r.name);
    corpus_run_free(&r);
    fclose(f);
    return rc;
}

int main(void)
{
    Checks c = {0};
    Tally t = {0};
    FxDiagLimits lim;
    fx_diag_limits_default(&lim);
    glob_t g;
    CHECK(&c, glob("tests/diag/*.runs", 0, NULL, &g) == 0, "the corpus files are there");
    for (size_t i = 0; i < g.gl_pathc; i++)
        CHECK(&c, read_corpus(g.gl_pathv[i], &t, &lim) == 0, "%s reads", g.gl_pathv[i]);
    globfree(&g);
    printf("# %d runs, %d healthy\n", t.runs, t.healthy);
    printf("# %-15s %4s %4s %4s %9s %7s\n", "rule", "tp", "fn", "fp", "precision", "recall");
    /* the corpus's histories carry no per-layer evidence: those rules
     * have their own tests (tests/unit/test_diag_layers.c, tests/scripts) */
    for (int k = 0; k < FX_DK_FIRST_LAYER_KIND; k++) {
        int pos = t.tp[k] + t.fn[k], said = t.tp[k] + t.fp[k];
        double recall = pos ? (double)t.tp[k] / pos : 0;
        double precision = said ? (double)t.tp[k] / said : 1;
        const char *name = fx_diag_kind_name((FxDiagKind)k);
        printf("# %-15s %4d %4d %4d %9.2f %7.2f\n", name, t.tp[k], t.fn[k], t.fp[k],
               precision, recall);
        CHECK(&c, pos >= 3, "%s: %d runs in the corpus should get it (>= 3)", name, pos);
        CHECK(&c, recall >= 0.9, "%s: recall %.2f >= 0.9", name, recall);
    }
    double flagged = t.healthy ? (double)t.healthy_flagged / t.healthy : 1;
    CHECK(&c, t.runs >= 60 && t.healthy >= 20, "%d runs (>= 60), %d healthy (>= 20)", t.runs,
          t.healthy);
    CHECK(&c, flagged <= 0.05, "healthy runs given a problem: %d of %d (%.1f%%, <= 5%%)",
          t.healthy_flagged, t.healthy, 100 * flagged);
    return checks_done(&c);
}
