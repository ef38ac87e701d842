/* Evaluation of expressions: literals, names, operators (with the checks
 * that keep numbers honest: division by zero, overflow, a negative number
 * to a fractional power are errors, never a silent inf or nan), indexing
 * with negative indices, slices, fields, list and record literals and
 * lambdas. Calls are in call.c, statements in eval_stmt.c. */
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include "interp.h"
#include "mem.h"

#define FX_MAX_DEPTH 2500

int fx_eval_call(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out);

static const char *op_text(FxOp op)
{
    switch (op) {
    case FX_OP_ADD: return "+";
    case FX_OP_SUB: return "-";
    case FX_OP_MUL: return "*";
    case FX_OP_DIV: return "/";
    case FX_OP_MOD: return "%";
    case FX_OP_POW: return "^";
    case FX_OP_EQ: return "==";
    case FX_OP_NE: return "!=";
    case FX_OP_LT: return "<";
    case FX_OP_LE: return "<=";
    case FX_OP_GT: return ">";
    case FX_OP_GE: return ">=";
    case FX_OP_NEG: return "-";
    case FX_OP_NOT: return "not";
    default: return "?";
    }
}

/* ---- numbers ----------------------------------------------------------- */

static int num_op(FxInterp *I, const FxNode *n, FxOp op, double a, double b, double *r)
{
    switch (op) {
    case FX_OP_ADD: *r = a + b; break;
    case FX_OP_SUB: *r = a - b; break;
    case FX_OP_MUL: *r = a * b; break;
    case FX_OP_DIV:
        if (b == 0)
            return fx_error_at(I, n->b, "division by zero");
        *r = a / b;
        break;
    case FX_OP_MOD:
        if (b == 0)
            return fx_error_at(I, n->b, "division by zero in '%%'");
        *r = fmod(a, b);
        if (*r != 0 && ((*r < 0) != (b < 0)))
            *r += b;
        break;
    case FX_OP_POW:
        if (a == 0 && b < 0)
            return fx_error_at(I, n, "division by zero: 0 to a negative power");
        if (a < 0 && isfinite(b) && b != floor(b))
            return fx_error_at(I, n, "a negative number to a fractional power has no real value");
        *r = pow(a, b);
        break;
    default:
        return fx_error_at(I, n, "internal: bad numeric operator");
    }
    if (isinf(*r) && isfinite(a) && isfinite(b))
        return fx_error_at(I, n, "overflow: the result of '%s' is too large for a double",
                           op_text(op));
    return 0;
}

static int whole_count(FxInterp *I, const FxNode *at, FxValue v, long long *k)
{
    if (v.type != FX_NUM || v.as.n != floor(v.as.n) || v.as.n < 0 || v.as.n > 1e9)
        return fx_error_at(I, at, "repetition count must be a whole number >= 0, got %s",
                           v.type == FX_NUM ? "a fraction or a negative number" : fx_type_phrase(v));
    *k = (long long)v.as.n;
    return 0;
}

static int repeat(FxInterp *I, const FxNode *n, FxValue seq, FxValue count, const FxNode *cat,
                  FxValue *out)
{
    long long k = 0;
    if (whole_count(I, cat, count, &k))
        return -1;
    if (seq.type == FX_STR) {
        FxStr *s = fx_as_str(seq);
        if (fx_budget_check(I, n->span, (double)k * (double)s->len, "the repeated string"))
            return -1;
        FxBuf b;
        fx_buf_init(&b);
        for (long long i = 0; i < k; i++)
            fx_buf_put(&b, s->s, s->len);
        *out = fx_str_new(&I->heap, b.s ? b.s : "", b.len);
        fx_buf_free(&b);
        return 0;
    }
    FxList *l = fx_as_list(seq);
    if (fx_budget_check(I, n->span, (double)k * (double)l->n * sizeof(FxValue),
                        "the repeated list"))
        return -1;
    *out = fx_list_new(&I->heap, (size_t)k * l->n);
    for (long long i = 0; i < k; i++)
        for (size_t j = 0; j < l->n; j++)
            fx_list_push_value(*out, fx_ref(l->items[j]));
    return 0;
}

static int add_values(FxInterp *I, const FxNode *n, FxValue a, FxValue b, FxValue *out)
{
    if (a.type == FX_STR && b.type == FX_STR) {
        FxStr *x = fx_as_str(a), *y = fx_as_str(b);
        if (fx_budget_check(I, n->span, (double)x->len + (double)y->len, "the joined string"))
            return -1;
        FxBuf buf;
        fx_buf_init(&buf);
        fx_buf_put(&buf, x->s, x->len);
        fx_buf_put(&buf, y->s, y->len);
        *out = fx_str_new(&I->heap, buf.s, buf.len);
        fx_buf_free(&buf);
        return 0;
    }
    if (a.type == FX_LIST && b.type == FX_LIST) {
        FxList *x = fx_as_list(a), *y = fx_as_list(b);
        if (fx_budget_check(I, n->span, ((double)x->n + (double)y->n) * sizeof(FxValue),
                            "the joined list"))
            return -1;
        *out = fx_list_new(&I->heap, x->n + y->n);
        for (size_t i = 0; i < x->n; i++)
            fx_list_push_value(*out, fx_ref(x->items[i]));
        for (size_t i = 0; i < y->n; i++)
            fx_list_push_value(*out, fx_ref(y->items[i]));
        return 0;
    }
    fx_error_at(I, n, "cannot add %s and %s", fx_type_phrase(a), fx_type_phrase(b));
    if (a.type == FX_STR || b.type == FX_STR)
        fx_error_hint(I, "convert with str(x), or use format(\"{} {}\", a, b)");
    return -1;
}

static int compare(FxInterp *I, const FxNode *n, FxOp op, FxValue a, FxValue b, FxValue *out)
{
    if (op == FX_OP_EQ || op == FX_OP_NE) {
        int eq = fx_value_equal(a, b);
        *out = fx_bool(op == FX_OP_EQ ? eq : !eq);
        return 0;
    }
    int c;
    if (a.type == FX_NUM && b.type == FX_NUM) {
        double x = a.as.n, y = b.as.n;
        int r = op == FX_OP_LT ? x < y : op == FX_OP_LE ? x <= y : op == FX_OP_GT ? x > y : x >= y;
        *out = fx_bool(r);
        return 0;
    }
    if (a.type == FX_STR && b.type == FX_STR) {
        FxStr *x = fx_as_str(a), *y = fx_as_str(b);
        size_t m = x->len < y->len ? x->len : y->len;
        c = memcmp(x->s, y->s, m);
        if (c == 0)
            c = x->len < y->len ? -1 : x->len > y->len;
        int r = op == FX_OP_LT ? c < 0 : op == FX_OP_LE ? c <= 0 : op == FX_OP_GT ? c > 0 : c >= 0;
        *out = fx_bool(r);
        return 0;
    }
    return fx_error_at(I, n, "cannot compare %s with %s using '%s'", fx_type_phrase(a),
                       fx_type_phrase(b), op_text(op));
}

int fx_binary_values(FxInterp *I, const FxNode *n, FxOp op, FxValue a, FxValue b, FxValue *out)
{
    if (op >= FX_OP_EQ && op <= FX_OP_GE)
        return compare(I, n, op, a, b, out);
    if (a.type == FX_NUM && b.type == FX_NUM) {
        double r = 0;
        if (num_op(I, n, op, a.as.n, b.as.n, &r))
            return -1;
        *out = fx_num(r);
        return 0;
    }
    if (op == FX_OP_ADD)
        return add_values(I, n, a, b, out);
    if (op == FX_OP_MUL && (a.type == FX_STR || a.type == FX_LIST))
        return repeat(I, n, a, b, n->b, out);
    if (op == FX_OP_MUL && (b.type == FX_STR || b.type == FX_LIST))
        return repeat(I, n, b, a, n->a, out);
    const FxNode *bad = a.type != FX_NUM ? n->a : n->b;
    FxValue badv = a.type != FX_NUM ? a : b;
    return fx_error_at(I, bad ? bad : n, "'%s' needs numbers, got %s", op_text(op),
                       fx_type_phrase(badv));
}

static int eval_binary(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    FxValue a, b;
    if (fx_eval(I, n->a, env, &a))
        return -1;
    if (fx_eval(I, n->b, env, &b)) {
        fx_unref(a);
        return -1;
    }
    int rc = fx_binary_values(I, n, n->op, a, b, out);
    fx_unref(a);
    fx_unref(b);
    return rc;
}

static int truth(FxInterp *I, const FxNode *at, FxValue v, const char *what, int *out)
{
    if (v.type != FX_BOOL) {
        fx_error_at(I, at, "%s needs true or false, got %s", what, fx_type_phrase(v));
        if (v.type == FX_NUM)
            fx_error_hint(I, "fx does not treat numbers as truth values; compare, e.g. x != 0");
        else if (v.type == FX_LIST)
            fx_error_hint(I, "test a list with len(xs) > 0");
        fx_unref(v);
        return -1;
    }
    *out = v.as.b;
    return 0;
}

int fx_eval_truth(FxInterp *I, const FxNode *cond, FxEnv *env, const char *what, int *out)
{
    FxValue v;
    if (fx_eval(I, cond, env, &v))
        return -1;
    return truth(I, cond, v, what, out);
}

static int eval_logic(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    int a, b;
    const char *what = n->kind == FX_N_AND ? "'and'" : "'or'";
    if (fx_eval_truth(I, n->a, env, what, &a))
        return -1;
    if ((n->kind == FX_N_AND && !a) || (n->kind == FX_N_OR && a)) {
        *out = fx_bool(a);
        return 0;
    }
    if (fx_eval_truth(I, n->b, env, what, &b))
        return -1;
    *out = fx_bool(b);
    return 0;
}

static int eval_unary(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    if (n->op == FX_OP_NOT) {
        int t;
        if (fx_eval_truth(I, n->a, env, "'not'", &t))
            return -1;
        *out = fx_bool(!t);
        return 0;
    }
    FxValue v;
    if (fx_eval(I, n->a, env, &v))
        return -1;
    if (v.type != FX_NUM) {
        fx_error_at(I, n->a, "unary '-' needs a number, got %s", fx_type_phrase(v));
        fx_unref(v);
        return -1;
    }
    *out = fx_num(-v.as.n);
    return 0;
}

/* ---- indexing, slices, fields ------------------------------------------- */

/* Turns v into an index into a sequence of n items (negative counts from
 * the end). */
int fx_index_of(FxInterp *I, const FxNode *at, FxValue v, size_t n, const char *what,
                size_t *out)
{
    if (v.type != FX_NUM)
        return fx_error_at(I, at, "index must be a number, got %s", fx_type_phrase(v));
    double d = v.as.n;
    if (d != floor(d))
        return fx_error_at(I, at, "index must be a whole number, got %g", d);
    double k = d < 0 ? d + (double)n : d;
    if (k < 0 || k >= (double)n) {
        char num[32];
        int bytes = !strcmp(what, "a string");
        fx_error_at(I, at, "index %s is out of range for %s of %zu %s%s", fx_num_text(d, num),
                    what, n, bytes ? "byte" : "item", n == 1 ? "" : "s");
        if (n)
            fx_error_hint(I, "valid indices are 0 to %zu, or -%zu to -1 from the end", n - 1, n);
        return -1;
    }
    *out = (size_t)k;
    return 0;
}

static int record_field(FxInterp *I, FxSpan at, FxValue rec, const char *key, FxValue *out)
{
    FxValue *v = fx_record_get(rec, key);
    if (v) {
        *out = fx_ref(*v);
        return 0;
    }
    FxRecord *r = fx_as_record(rec);
    fx_error(I, at, "the record has no field '%s'", key);
    const char *s = fx_diag_suggest(key, r->keys, r->n);
    if (s)
        fx_error_hint(I, "did you mean '%s'?", s);
    else if (r->n > 0 && r->n <= 12) {
        FxBuf b;
        fx_buf_init(&b);
        for (int i = 0; i < r->n; i++)
            fx_buf_printf(&b, "%s%s", i ? ", " : "", r->keys[i]);
        fx_error_hint(I, "its fields are %s", b.s);
        fx_buf_free(&b);
    }
    return -1;
}

int fx_get_field(FxInterp *I, FxSpan at, FxValue obj, const char *name, FxValue *out)
{
    if (obj.type == FX_RECORD)
        return record_field(I, at, obj, name, out);
    if (obj.type == FX_FOREIGN) {
        FxForeign *f = fx_as_foreign(obj);
        I->field_at = at;
        int rc = f->type->field ? f->type->field(I, f->data, name, out) : 1;
        if (rc < 0 && I->err.set && I->err.span.len == 0)
            I->err.span = at;   /* raised with no location: the field's */
        if (rc <= 0)
            return rc;
        fx_error(I, at, "%s has no field '%s'", f->type->phrase, name);
        int nf = 0;
        while (f->type->fields && f->type->fields[nf])
            nf++;
        const char *s = fx_diag_suggest(name, f->type->fields, nf);
        if (s)
            fx_error_hint(I, "did you mean '%s'?", s);
        return -1;
    }
    return fx_error(I, at, "%s has no fields (looking for '%s')", fx_type_phrase(obj), name);
}

static int index_value(FxInterp *I, const FxNode *n, FxValue obj, FxValue idx, FxValue *out)
{
    size_t k;
    if (obj.type == FX_LIST) {
        FxList *l = fx_as_list(obj);
        if (fx_index_of(I, n->b, idx, l->n, "a list", &k))
            return -1;
        *out = fx_ref(l->items[k]);
        return 0;
    }
    if (obj.type == FX_STR) {
        FxStr *s = fx_as_str(obj);
        if (fx_index_of(I, n->b, idx, s->len, "a string", &k))  /* counts bytes */
            return -1;
        *out = fx_str_new(&I->heap, s->s + k, 1);
        return 0;
    }
    if (obj.type == FX_FOREIGN && idx.type == FX_NUM && fx_as_foreign(obj)->type->index) {
        FxForeign *f = fx_as_foreign(obj);
        return f->type->index(I, f->data, idx, n->b->span, out);
    }
    if (obj.type == FX_RECORD || obj.type == FX_FOREIGN) {
        if (idx.type != FX_STR)
            return fx_error_at(I, n->b, "%s is indexed by a field name (a string), got %s",
                               fx_type_phrase(obj), fx_type_phrase(idx));
        FxStr *s = fx_as_str(idx);
        return fx_get_field(I, n->b->span, obj, fx_intern(&I->intern, s->s, s->len), out);
    }
    return fx_error_at(I, n->a, "cannot index %s", fx_type_phrase(obj));
}

static int eval_index(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    FxValue obj, idx;
    if (fx_eval(I, n->a, env, &obj))
        return -1;
    if (fx_eval(I, n->b, env, &idx)) {
        fx_unref(obj);
        return -1;
    }
    int rc = index_value(I, n, obj, idx, out);
    fx_unref(obj);
    fx_unref(idx);
    return rc;
}

static int slice_bound(FxInterp *I, const FxNode *e, FxEnv *env, size_t n, size_t dflt,
                       size_t *out)
{
    if (!e) {
        *out = dflt;
        return 0;
    }
    FxValue v;
    if (fx_eval(I, e, env, &v))
        return -1;
    if (v.type != FX_NUM || v.as.n != floor(v.as.n)) {
        fx_error_at(I, e, "slice bounds must be whole numbers, got %s",
                    v.type == FX_NUM ? "a fraction" : fx_type_phrase(v));
        fx_unref(v);
        return -1;
    }
    double d = v.as.n < 0 ? v.as.n + (double)n : v.as.n;
    *out = d < 0 ? 0 : d > (double)n ? n : (size_t)d;
    return 0;
}

static int eval_slice(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    FxValue obj;
    if (fx_eval(I, n->a, env, &obj))
        return -1;
    size_t len = obj.type == FX_LIST ? fx_as_list(obj)->n : obj.type == FX_STR ? fx_as_str(obj)->len : 0;
    size_t lo, hi;
    int rc = -1;
    if (obj.type != FX_LIST && obj.type != FX_STR)
        fx_error_at(I, n->a, "cannot slice %s", fx_type_phrase(obj));
    else if (!slice_bound(I, n->b, env, len, 0, &lo) && !slice_bound(I, n->c, env, len, len, &hi)) {
        if (hi < lo)
            hi = lo;
        if (obj.type == FX_STR) {
            *out = fx_str_new(&I->heap, fx_as_str(obj)->s + lo, hi - lo);
        } else {
            FxList *l = fx_as_list(obj);
            *out = fx_list_new(&I->heap, hi - lo);
            for (size_t i = lo; i < hi; i++)
                fx_list_push_value(*out, fx_ref(l->items[i]));
        }
        rc = 0;
    }
    fx_unref(obj);
    return rc;
}

static int eval_field(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    FxValue obj;
    if (fx_eval(I, n->a, env, &obj))
        return -1;
    int rc = fx_get_field(I, n->name_span, obj, n->name, out);
    fx_unref(obj);
    return rc;
}

/* ---- literals and names --------------------------------------------------- */

static int eval_list(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    FxValue l = fx_list_new(&I->heap, (size_t)n->items.count);
    for (int i = 0; i < n->items.count; i++) {
        FxValue v;
        if (fx_eval(I, n->items.items[i], env, &v)) {
            fx_unref(l);
            return -1;
        }
        fx_list_push_value(l, v);
    }
    *out = l;
    return 0;
}

static int eval_record(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    FxValue r = fx_record_new(&I->heap);
    for (int i = 0; i < n->items.count; i++) {
        const FxNode *f = n->items.items[i];
        FxValue v;
        if (fx_eval(I, f->a, env, &v)) {
            fx_unref(r);
            return -1;
        }
        fx_record_set(r, f->name, v);
    }
    *out = r;
    return 0;
}

static int eval_name(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    FxValue *v = fx_env_find(env, n->name);
    if (!v) {
        fx_error_at(I, n, "'%s' is used before it is defined", n->name);
        fx_error_hint(I, "run the 'let' or 'fn' that defines '%s' first", n->name);
        return -1;
    }
    *out = fx_ref(*v);
    return 0;
}

static int eval_inner(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    switch (n->kind) {
    case FX_N_NUM: *out = fx_num(n->num); return 0;
    case FX_N_STR: *out = fx_str_new(&I->heap, n->str, n->str_len); return 0;
    case FX_N_BOOL: *out = fx_bool(n->boolean); return 0;
    case FX_N_NONE: *out = fx_none(); return 0;
    case FX_N_NAME: return eval_name(I, n, env, out);
    case FX_N_LIST: return eval_list(I, n, env, out);
    case FX_N_RECORD: return eval_record(I, n, env, out);
    case FX_N_UNARY: return eval_unary(I, n, env, out);
    case FX_N_BINARY: return eval_binary(I, n, env, out);
    case FX_N_AND: case FX_N_OR: return eval_logic(I, n, env, out);
    case FX_N_CALL: return fx_eval_call(I, n, env, out);
    case FX_N_INDEX: return eval_index(I, n, env, out);
    case FX_N_SLICE: return eval_slice(I, n, env, out);
    case FX_N_FIELD: return eval_field(I, n, env, out);
    case FX_N_LAMBDA:
        *out = fx_func_new(&I->heap, n, env, I->src, fx_intern_cstr(&I->intern, "<fn>"));
        return 0;
    default:
        if (n->kind > FX_N_KIND_CORE)
            return fx_library_eval(I, n, env, out);
        return fx_error_at(I, n, "internal: cannot evaluate a %s", fx_node_kind_name(n->kind));
    }
}

int fx_eval(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    if (++I->depth > FX_MAX_DEPTH) {
        I->depth--;
        return fx_error_at(I, n, "evaluation nested too deeply (more than %d levels)",
                           FX_MAX_DEPTH);
    }
    int rc = eval_inner(I, n, env, out);
    I->depth--;
    return rc;
}
