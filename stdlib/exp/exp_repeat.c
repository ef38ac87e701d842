/* A sweep point trained over several seeds (repeat: k or seeds: [...]):
 * its fields are the mean over the repeats of the same field of each
 * repeat's result (numbers, and curves epoch by epoch), `.std`, `.min`
 * and `.max` give the spread the same way, `.runs` the single results
 * and `.seeds` their seeds. The std is the sample standard deviation
 * (n - 1 in the denominator, as pandas and R report seed noise). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "experiment.h"

typedef enum Stat { STAT_MEAN, STAT_STD, STAT_MIN, STAT_MAX } Stat;
static const char *const stat_names[] = {"mean", "std", "min", "max"};

struct FxRepeats {
    int       n;
    FxValue  *results;    /* owned */
    uint64_t *seeds;
    char      label[160];
};

typedef struct RepStat {
    FxRepeats r;          /* its own references to the repeats' results */
    Stat      stat;
} RepStat;

/* ---- statistics over the repeats ------------------------------------------------- */

static double stat_of(const double *x, int n, Stat s)
{
    if (n == 0)
        return NAN;
    double acc = s == STAT_MIN ? INFINITY : s == STAT_MAX ? -INFINITY : 0;
    for (int i = 0; i < n; i++) {
        if (s == STAT_MIN) acc = x[i] < acc ? x[i] : acc;
        else if (s == STAT_MAX) acc = x[i] > acc ? x[i] : acc;
        else acc += x[i];
    }
    if (s == STAT_MIN || s == STAT_MAX)
        return acc;
    double mean = acc / n;
    if (s == STAT_MEAN)
        return mean;
    if (n < 2)
        return NAN;
    double ss = 0;
    for (int i = 0; i < n; i++)
        ss += (x[i] - mean) * (x[i] - mean);
    return sqrt(ss / (n - 1));
}

double fx_repeats_stat(const double *x, int n, int std)
{
    return stat_of(x, n, std ? STAT_STD : STAT_MEAN);
}

static int all_numbers(const FxList *l)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].type != FX_NUM)
            return 0;
    return 1;
}

/* Combines the repeats' values of one field: numbers give a number,
 * lists of numbers a list epoch by epoch (over the repeats that have
 * that epoch: early stopping can end some sooner), booleans true when
 * any repeat's is (diverged, stopped_early), strings the string when all
 * agree; anything else the list of the repeats' values. */
static FxValue combine(FxInterp *I, FxValue *v, int n, Stat s)
{
    int nums = 1, lists = 1, bools = 1, strs = 1;
    size_t longest = 0;
    for (int i = 0; i < n; i++) {
        nums &= v[i].type == FX_NUM;
        bools &= v[i].type == FX_BOOL;
        strs &= v[i].type == FX_STR;
        lists &= v[i].type == FX_LIST && all_numbers(fx_as_list(v[i]));
        if (v[i].type == FX_LIST && fx_as_list(v[i])->n > longest)
            longest = fx_as_list(v[i])->n;
    }
    double *x = fx_xcalloc((size_t)n + 1, sizeof *x);
    FxValue out;
    if (nums) {
        for (int i = 0; i < n; i++)
            x[i] = v[i].as.n;
        out = fx_num(stat_of(x, n, s));
    } else if (lists) {
        out = fx_list_new(&I->heap, longest);
        for (size_t e = 0; e < longest; e++) {
            int m = 0;
            for (int i = 0; i < n; i++)
                if (e < fx_as_list(v[i])->n)
                    x[m++] = fx_as_list(v[i])->items[e].as.n;
            fx_list_push_value(out, fx_num(stat_of(x, m, s)));
        }
    } else if (bools && s == STAT_MEAN) {
        int any = 0;
        for (int i = 0; i < n; i++)
            any |= v[i].as.b;
        out = fx_bool(any);
    } else if (strs && s == STAT_MEAN && n > 0) {
        int same = 1;
        for (int i = 1; i < n; i++)
            same &= strcmp(fx_as_str(v[i])->s, fx_as_str(v[0])->s) == 0;
        out = same ? fx_ref(v[0]) : fx_none();
        if (!same) {
            out = fx_list_new(&I->heap, (size_t)n);
            for (int i = 0; i < n; i++)
                fx_list_push_value(out, fx_ref(v[i]));
        }
    } else {
        out = fx_list_new(&I->heap, (size_t)n);
        for (int i = 0; i < n; i++)
            fx_list_push_value(out, fx_ref(v[i]));
    }
    free(x);
    return out;
}

/* Field `name` of every repeat's result, combined by s; 1 when the
 * results have no such field. */
static int rep_field_stat(FxInterp *I, FxRepeats *r, const char *name, Stat s, FxValue *out)
{
    FxValue *v = fx_xcalloc((size_t)r->n + 1, sizeof *v);
    const char *key = fx_intern_cstr(&I->intern, name);
    int rc = 0, got = 0;
    for (int i = 0; i < r->n && rc == 0; i++) {
        FxValue x = r->results[i];
        if (x.type == FX_NUM && strcmp(name, "value") == 0) {
            v[got++] = fx_ref(x);
            continue;
        }
        rc = fx_get_field(I, I->field_at, x, key, &v[got]);
        if (rc == 0)
            got++;
    }
    if (rc == 0)
        *out = combine(I, v, got, s);
    for (int i = 0; i < got; i++)
        fx_unref(v[i]);
    free(v);
    return rc;
}

/* ---- the spread view: runs[0].std.loss ------------------------------------------- */

static void stat_release(void *data)
{
    RepStat *s = data;
    for (int i = 0; i < s->r.n; i++)
        fx_unref(s->r.results[i]);
}

static void stat_free(void *data)
{
    RepStat *s = data;
    free(s->r.results);
    free(s);
}

static void stat_describe(const void *data, FxBuf *out)
{
    const RepStat *s = data;
    fx_buf_printf(out, "%s over %d repeats of %s (fields as the runs')", stat_names[s->stat],
                  s->r.n, s->r.label[0] ? s->r.label : "a point");
}

static int stat_field(FxInterp *I, void *data, const char *name, FxValue *out)
{
    RepStat *s = data;
    return rep_field_stat(I, &s->r, name, s->stat, out);
}

static const FxForeignType rep_stat_type = {
    .name = "repeat statistic", .phrase = "a statistic over repeats", .release = stat_release,
    .free = stat_free, .describe = stat_describe, .field = stat_field,
};

/* ---- the repeats value ---------------------------------------------------------- */

static void rep_release(void *data)
{
    FxRepeats *r = data;
    for (int i = 0; i < r->n; i++)
        fx_unref(r->results[i]);
}

static void rep_free(void *data)
{
    FxRepeats *r = data;
    free(r->results);
    free(r->seeds);
    free(r);
}

/* "5 repeats (seeds 0..4) of lr=0.1: final loss 0.4123 ± 0.0201" */
static void rep_describe(const void *data, FxBuf *out)
{
    const FxRepeats *r = data;
    fx_buf_printf(out, "%d repeats", r->n);
    if (r->label[0])
        fx_buf_printf(out, " of %s", r->label);
    double m, sd;
    if (fx_repeats_final(r, "loss", &m, &sd) == 0) {
        char a[32], b[32];
        fx_buf_printf(out, ": final loss %s ± %s", fx_num_text(round(m * 1e4) / 1e4, a),
                      fx_num_text(round(sd * 1e4) / 1e4, b));
    }
}

static int rep_field(FxInterp *I, void *data, const char *name, FxValue *out)
{
    FxRepeats *r = data;
    if (strcmp(name, "runs") == 0 || strcmp(name, "seeds") == 0) {
        int runs = name[0] == 'r';
        *out = fx_list_new(&I->heap, (size_t)r->n);
        for (int i = 0; i < r->n; i++)
            fx_list_push_value(*out, runs ? fx_ref(r->results[i]) : fx_num((double)r->seeds[i]));
        return 0;
    }
    if (strcmp(name, "repeats") == 0) {
        *out = fx_num(r->n);
        return 0;
    }
    for (int s = 0; s < 4; s++)
        if (strcmp(name, stat_names[s]) == 0) {
            RepStat *st = fx_xcalloc(1, sizeof *st);
            st->r.n = r->n;
            st->r.results = fx_xcalloc((size_t)r->n + 1, sizeof *st->r.results);
            for (int i = 0; i < r->n; i++)
                st->r.results[i] = fx_ref(r->results[i]);
            memcpy(st->r.label, r->label, sizeof r->label);
            st->stat = (Stat)s;
            *out = fx_foreign_new(&I->heap, &rep_stat_type, st);
            return 0;
        }
    return rep_field_stat(I, r, name, STAT_MEAN, out);
}

static long long rep_length(const void *data) { return ((const FxRepeats *)data)->n; }

static int rep_index(FxInterp *I, void *data, FxValue idx, FxSpan at, FxValue *out)
{
    int fx_index_of(FxInterp *, const FxNode *, FxValue, size_t, const char *, size_t *);
    FxRepeats *r = data;
    FxNode fake = {.span = at};
    size_t k;
    if (fx_index_of(I, &fake, idx, (size_t)r->n, "a point's repeats", &k))
        return -1;
    *out = fx_ref(r->results[k]);
    return 0;
}

static const char *const rep_fields[] = {"runs", "seeds", "repeats", "mean", "std", "min",
                                         "max", "loss", "val_loss", "accuracy",
                                         "val_accuracy", NULL};

const FxForeignType fx_repeats_type = {
    .name = "repeats", .phrase = "a point's repeats", .release = rep_release,
    .free = rep_free, .describe = rep_describe, .field = rep_field, .fields = rep_fields,
    .length = rep_length, .index = rep_index,
};

FxRepeats *fx_value_repeats(FxValue v)
{
    if (v.type == FX_FOREIGN && fx_as_foreign(v)->type == &fx_repeats_type)
        return fx_as_foreign(v)->data;
    return NULL;
}

FxValue fx_repeats_new(FxInterp *I, FxValue list, const uint64_t *seeds, const char *label)
{
    FxList *l = fx_as_list(list);
    FxRepeats *r = fx_xcalloc(1, sizeof *r);
    r->n = (int)l->n;
    r->results = fx_xcalloc(l->n + 1, sizeof *r->results);
    r->seeds = fx_xcalloc(l->n + 1, sizeof *r->seeds);
    for (size_t i = 0; i < l->n; i++) {
        r->results[i] = fx_ref(l->items[i]);
        r->seeds[i] = seeds[i];
    }
    snprintf(r->label, sizeof r->label, "%s", label ? label : "");
    return fx_foreign_new(&I->heap, &fx_repeats_type, r);
}

int fx_repeats_count(const FxRepeats *r) { return r->n; }
FxValue fx_repeats_result(const FxRepeats *r, int i) { return r->results[i]; }

/* One number per repeat for a run metric: its final value ("final") or
 * its best (lowest loss, highest accuracy) over the epochs ("best"). A
 * result that is a number gives itself. -1 when a repeat has no such
 * metric. */
int fx_repeats_values(const FxRepeats *r, const char *metric, int best, double *x)
{
    for (int i = 0; i < r->n; i++) {
        FxValue v = r->results[i];
        if (v.type == FX_NUM) {
            x[i] = v.as.n;
            continue;
        }
        const FxRun *run = fx_value_run(v);
        if (!run)
            return -1;
        const RtHistory *h = &run->h;
        const double *c = !strcmp(metric, "loss") ? h->loss
                        : !strcmp(metric, "val_loss") && run->has_val ? h->val_loss
                        : !strcmp(metric, "accuracy") && run->classify ? h->accuracy
                        : !strcmp(metric, "val_accuracy") && run->has_val && run->classify
                          ? h->val_accuracy : NULL;
        if (!c || h->epochs == 0)
            return -1;
        int up = strstr(metric, "accuracy") != NULL;
        x[i] = c[h->epochs - 1];
        for (int64_t e = 0; best && e < h->epochs; e++)
            if (!isnan(c[e]) && (isnan(x[i]) || (up ? c[e] > x[i] : c[e] < x[i])))
                x[i] = c[e];
    }
    return 0;
}

int fx_repeats_final(const FxRepeats *r, const char *metric, double *mean, double *std)
{
    double *x = fx_xcalloc((size_t)r->n + 1, sizeof *x);
    int rc = fx_repeats_values(r, metric, 0, x);
    if (rc == 0) {
        *mean = stat_of(x, r->n, STAT_MEAN);
        *std = stat_of(x, r->n, STAT_STD);
    }
    free(x);
    return rc;
}
