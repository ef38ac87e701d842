/* Built-in functions on lists (and on what else has a length): len, range,
 * linspace, logspace, sum, mean, std, min, max, argmin, argmax, diff,
 * sort, reverse, push, pop, contains, map, filter. Statistics need lists
 * of numbers and say which item is not one. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core.h"

#define FX_MAX_LIST 100000000LL

static int b_len(FxCall *c, FxValue *out)
{
    FxValue v = c->args[0];
    long long n = -1;
    if (v.type == FX_LIST) n = (long long)fx_as_list(v)->n;
    else if (v.type == FX_STR) n = (long long)fx_as_str(v)->len;
    else if (v.type == FX_RECORD) n = fx_as_record(v)->n;
    else if (v.type == FX_FOREIGN && fx_as_foreign(v)->type->length)
        n = fx_as_foreign(v)->type->length(fx_as_foreign(v)->data);
    if (n < 0)
        return fx_error(c->I, fx_arg_span(c, 0), "len() needs a list, string or record, got %s",
                        fx_type_phrase(v));
    *out = fx_num((double)n);
    return 0;
}

static int b_range(FxCall *c, FxValue *out)
{
    double a, b, step;
    if (fx_arg_num(c, 0, &a) || fx_arg_opt_num(c, 1, NAN, &b) || fx_arg_opt_num(c, 2, 1, &step))
        return -1;
    if (isnan(b)) {
        b = a;
        a = 0;
    }
    if (step == 0)
        return fx_error(c->I, fx_arg_span(c, 2), "range() step must not be 0");
    double count = ceil((b - a) / step);
    if (!(count > 0))
        count = 0;
    if (fx_budget_check(c->I, c->node->span, count * sizeof(FxValue), "range()'s list"))
        return -1;
    if (count > (double)FX_MAX_LIST)
        return fx_error(c->I, c->node->span, "range() of %.0f items is too long", count);
    *out = fx_list_new(&c->I->heap, (size_t)count);
    for (long long i = 0; i < (long long)count; i++)
        fx_list_push_value(*out, fx_num(a + (double)i * step));
    return 0;
}

static int spaced(FxCall *c, FxValue *out, int log_scale)
{
    double a, b;
    long long n;
    if (fx_arg_num(c, 0, &a) || fx_arg_num(c, 1, &b) || fx_arg_opt_int(c, 2, 50, &n))
        return -1;
    if (n < 1 || n > FX_MAX_LIST)
        return fx_error(c->I, fx_arg_span(c, 2), "%s() needs n from 1 to %lld", c->name,
                        FX_MAX_LIST);
    *out = fx_list_new(&c->I->heap, (size_t)n);
    for (long long i = 0; i < n; i++) {
        double t = n == 1 ? a : i == n - 1 ? b : a + (b - a) * (double)i / (double)(n - 1);
        fx_list_push_value(*out, fx_num(log_scale ? pow(10, t) : t));
    }
    return 0;
}

static int b_linspace(FxCall *c, FxValue *out) { return spaced(c, out, 0); }
static int b_logspace(FxCall *c, FxValue *out) { return spaced(c, out, 1); }

/* The numbers of list argument i, borrowed; n may be 0. */
static int numbers(FxCall *c, int i, const FxValue **items, size_t *n)
{
    FxList *l;
    if (fx_arg_list(c, i, &l))
        return -1;
    for (size_t k = 0; k < l->n; k++)
        if (l->items[k].type != FX_NUM)
            return fx_error(c->I, fx_arg_span(c, i), "%s() needs a list of numbers; item %zu is %s",
                            c->name, k, fx_type_phrase(l->items[k]));
    *items = l->items;
    *n = l->n;
    return 0;
}

static int nonempty(FxCall *c, int i, const FxValue **items, size_t *n)
{
    if (numbers(c, i, items, n))
        return -1;
    if (*n == 0)
        return fx_error(c->I, fx_arg_span(c, i), "%s() of an empty list", c->name);
    return 0;
}

static double total(const FxValue *x, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += x[i].as.n;
    return s;
}

static int b_sum(FxCall *c, FxValue *out)
{
    const FxValue *x;
    size_t n;
    if (numbers(c, 0, &x, &n))
        return -1;
    *out = fx_num(total(x, n));
    return 0;
}

static int b_mean(FxCall *c, FxValue *out)
{
    const FxValue *x;
    size_t n;
    if (nonempty(c, 0, &x, &n))
        return -1;
    *out = fx_num(total(x, n) / (double)n);
    return 0;
}

/* Population standard deviation (numpy's default, ddof 0). */
static int b_std(FxCall *c, FxValue *out)
{
    const FxValue *x;
    size_t n;
    if (nonempty(c, 0, &x, &n))
        return -1;
    double m = total(x, n) / (double)n, s = 0;
    for (size_t i = 0; i < n; i++)
        s += (x[i].as.n - m) * (x[i].as.n - m);
    *out = fx_num(sqrt(s / (double)n));
    return 0;
}

/* Index of the smallest (sign 1) or largest (sign -1) item; nan wins, so a
 * diverged curve is never silently ignored. */
static size_t extreme(const FxValue *x, size_t n, int sign)
{
    size_t best = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i].as.n))
            return i;
        if (sign * (x[i].as.n - x[best].as.n) < 0)
            best = i;
    }
    return best;
}

static int min_max(FxCall *c, FxValue *out, int sign)
{
    if (c->n == 0)
        return fx_error(c->I, c->node->span, "%s() needs a list or at least one number", c->name);
    const FxValue *x = c->args;
    size_t n = (size_t)c->n;
    if (c->n == 1 && c->args[0].type == FX_LIST) {
        if (nonempty(c, 0, &x, &n))
            return -1;
    } else {
        for (int i = 0; i < c->n; i++)
            if (c->args[i].type != FX_NUM)
                return fx_error(c->I, fx_arg_span(c, i), "%s() needs numbers, got %s", c->name,
                                fx_type_phrase(c->args[i]));
    }
    *out = fx_num(x[extreme(x, n, sign)].as.n);
    return 0;
}

static int b_min(FxCall *c, FxValue *out) { return min_max(c, out, 1); }
static int b_max(FxCall *c, FxValue *out) { return min_max(c, out, -1); }

static int arg_extreme(FxCall *c, FxValue *out, int sign)
{
    const FxValue *x;
    size_t n;
    if (nonempty(c, 0, &x, &n))
        return -1;
    *out = fx_num((double)extreme(x, n, sign));
    return 0;
}

static int b_argmin(FxCall *c, FxValue *out) { return arg_extreme(c, out, 1); }
static int b_argmax(FxCall *c, FxValue *out) { return arg_extreme(c, out, -1); }

static int b_diff(FxCall *c, FxValue *out)
{
    const FxValue *x;
    size_t n;
    if (numbers(c, 0, &x, &n))
        return -1;
    *out = fx_list_new(&c->I->heap, n ? n - 1 : 0);
    for (size_t i = 1; i < n; i++)
        fx_list_push_value(*out, fx_num(x[i].as.n - x[i - 1].as.n));
    return 0;
}

/* ---- sorting --------------------------------------------------------- */

typedef struct Keyed {
    FxValue key;     /* borrowed or owned (see sort) */
    FxValue item;    /* borrowed */
    size_t  pos;     /* for a stable sort */
    int     rev;     /* sort descending (equal keys keep their order) */
} Keyed;

static int keyed_cmp(const void *pa, const void *pb)
{
    const Keyed *a = pa, *b = pb;
    int c;
    if (a->key.type == FX_NUM) {
        double x = a->key.as.n, y = b->key.as.n;
        c = x < y ? -1 : x > y ? 1 : 0;
    } else {
        c = strcmp(fx_as_str(a->key)->s, fx_as_str(b->key)->s);
    }
    if (a->rev)
        c = -c;
    return c ? c : (a->pos < b->pos ? -1 : 1);
}

static int sort_keys(FxCall *c, FxList *l, Keyed *k, int have_key, int rev)
{
    for (size_t i = 0; i < l->n; i++) {
        k[i].item = l->items[i];
        k[i].pos = i;
        k[i].rev = rev;
        if (have_key) {
            if (fx_call_value(c->I, c->args[1], &l->items[i], 1, c->node, &k[i].key))
                return -1;
        } else {
            k[i].key = fx_ref(l->items[i]);
        }
        FxType t = k[i].key.type, t0 = k[0].key.type;
        if ((t != FX_NUM && t != FX_STR) || t != t0 || (t == FX_NUM && isnan(k[i].key.as.n)))
            return fx_error(c->I, fx_arg_span(c, have_key ? 1 : 0),
                            "sort() needs numbers or strings (all the same kind, no nan); "
                            "item %zu sorts as %s", i, fx_type_phrase(k[i].key));
    }
    return 0;
}

static int b_sort(FxCall *c, FxValue *out)
{
    FxList *l;
    int rev;
    if (fx_arg_list(c, 0, &l) || fx_arg_bool(c, 2, 0, &rev))
        return -1;
    int have_key = c->given[1] && c->args[1].type != FX_NONE;
    Keyed *k = fx_xcalloc(l->n + 1, sizeof *k);
    int rc = sort_keys(c, l, k, have_key, rev);
    if (rc == 0) {
        qsort(k, l->n, sizeof *k, keyed_cmp);
        *out = fx_list_new(&c->I->heap, l->n);
        for (size_t i = 0; i < l->n; i++)
            fx_list_push_value(*out, fx_ref(k[i].item));
    }
    for (size_t i = 0; i < l->n; i++)
        fx_unref(k[i].key);
    free(k);
    return rc;
}

static int b_reverse(FxCall *c, FxValue *out)
{
    FxList *l;
    if (fx_arg_list(c, 0, &l))
        return -1;
    *out = fx_list_new(&c->I->heap, l->n);
    for (size_t i = l->n; i > 0; i--)
        fx_list_push_value(*out, fx_ref(l->items[i - 1]));
    return 0;
}

static int b_push(FxCall *c, FxValue *out)
{
    FxList *l;
    if (fx_arg_list(c, 0, &l))
        return -1;
    fx_list_push_value(c->args[0], fx_ref(c->args[1]));
    *out = fx_ref(c->args[0]);
    return 0;
}

static int b_pop(FxCall *c, FxValue *out)
{
    FxList *l;
    if (fx_arg_list(c, 0, &l))
        return -1;
    if (l->n == 0)
        return fx_error(c->I, fx_arg_span(c, 0), "pop() from an empty list");
    *out = l->items[--l->n];
    return 0;
}

static int b_contains(FxCall *c, FxValue *out)
{
    FxValue s = c->args[0], x = c->args[1];
    if (s.type == FX_LIST) {
        FxList *l = fx_as_list(s);
        int found = 0;
        for (size_t i = 0; i < l->n && !found; i++)
            found = fx_value_equal(l->items[i], x);
        *out = fx_bool(found);
    } else if (s.type == FX_STR && x.type == FX_STR) {
        *out = fx_bool(strstr(fx_as_str(s)->s, fx_as_str(x)->s) != NULL);
    } else if (s.type == FX_RECORD && x.type == FX_STR) {
        FxStr *k = fx_as_str(x);
        *out = fx_bool(fx_record_get(s, fx_intern(&c->I->intern, k->s, k->len)) != NULL);
    } else {
        return fx_error(c->I, fx_arg_span(c, 0), "contains() needs a list, or a string or record "
                        "and a string, got %s and %s", fx_type_phrase(s), fx_type_phrase(x));
    }
    return 0;
}

static int map_filter(FxCall *c, FxValue *out, int filter)
{
    FxList *l;
    if (fx_arg_list(c, 0, &l))
        return -1;
    FxValue f = c->args[1];
    if (f.type != FX_FUNC && f.type != FX_BUILTIN)
        return fx_error(c->I, fx_arg_span(c, 1), "%s() needs a function, got %s", c->name,
                        fx_type_phrase(f));
    FxValue res = fx_list_new(&c->I->heap, l->n);
    for (size_t i = 0; i < l->n; i++) {
        FxValue item = fx_ref(l->items[i]), r;
        int rc = fx_call_value(c->I, f, &item, 1, c->node, &r);
        if (rc == 0 && filter && r.type != FX_BOOL) {
            rc = fx_error(c->I, fx_arg_span(c, 1), "filter() needs a function that returns true "
                          "or false; it returned %s", fx_type_phrase(r));
            fx_unref(r);
        }
        if (rc) {
            fx_unref(item);
            fx_unref(res);
            return -1;
        }
        if (!filter)
            fx_list_push_value(res, r);
        else if (r.as.b)
            fx_list_push_value(res, fx_ref(item));
        fx_unref(item);
    }
    *out = res;
    return 0;
}

static int b_map(FxCall *c, FxValue *out) { return map_filter(c, out, 0); }
static int b_filter(FxCall *c, FxValue *out) { return map_filter(c, out, 1); }

static const FxBuiltin list_builtins[] = {
    {"len", "x", b_len, "items of a list, bytes of a string, fields of a record, samples of a dataset"},
    {"range", "a, b=, step=", b_range, "[0, 1, ..., a-1], or from a up to b (excluded) by step"},
    {"linspace", "start, stop, n=", b_linspace, "n evenly spaced numbers, both ends included (n 50)"},
    {"logspace", "start, stop, n=", b_logspace, "n numbers from 10^start to 10^stop, even in log (n 50)"},
    {"sum", "xs", b_sum, "sum of a list of numbers"},
    {"mean", "xs", b_mean, "mean of a list of numbers"},
    {"std", "xs", b_std, "standard deviation (population, as numpy's default)"},
    {"min", "*", b_min, "smallest of several numbers or of a list"},
    {"max", "*", b_max, "largest of several numbers or of a list"},
    {"argmin", "xs", b_argmin, "index of the smallest item"},
    {"argmax", "xs", b_argmax, "index of the largest item"},
    {"diff", "xs", b_diff, "differences of consecutive items: [x1-x0, x2-x1, ...]"},
    {"sort", "xs, key=, reverse=", b_sort, "a sorted copy (numbers or strings; key: a function)"},
    {"reverse", "xs", b_reverse, "a reversed copy"},
    {"push", "xs, x", b_push, "appends x to xs (in place) and returns xs"},
    {"pop", "xs", b_pop, "removes and returns the last item"},
    {"contains", "xs, x", b_contains, "whether a list holds x, a string holds x, a record has field x"},
    {"map", "xs, f", b_map, "[f(x) for each x]"},
    {"filter", "xs, f", b_filter, "the items for which f(x) is true"},
};

void fx_core_list_init(FxInterp *I)
{
    fx_define_builtins(I, list_builtins, (int)(sizeof list_builtins / sizeof *list_builtins));
}
