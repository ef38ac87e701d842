/* Execution of statements: blocks (each run gets its own scope; `fn`
 * declarations are defined before the block's first statement so
 * functions may call each other in any order), let and assignment, if,
 * for (a fresh scope per round, so closures keep their round's variable),
 * while, break, continue, return, print, assert and import. Ctrl-C is
 * noticed at every loop round and every call. */
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include "interp.h"
#include "mem.h"

int fx_eval_truth(FxInterp *I, const FxNode *cond, FxEnv *env, const char *what, int *out);
int fx_binary_values(FxInterp *I, const FxNode *n, FxOp op, FxValue a, FxValue b, FxValue *out);

int fx_check_interrupt(FxInterp *I, FxSpan at)
{
    if (I->interrupted && *I->interrupted) {
        *I->interrupted = 0;
        I->interrupt_seen = 1;
        return fx_error(I, at, "interrupted");
    }
    return 0;
}

int fx_poll_interrupt(FxInterp *I, FxSpan at, int64_t i)
{
    return (i & 0xffff) == 0 ? fx_check_interrupt(I, at) : 0;
}

static int check_interrupt(FxInterp *I, const FxNode *at)
{
    return fx_check_interrupt(I, at->span);
}

static void define_fn(FxInterp *I, const FxNode *n, FxEnv *env)
{
    fx_env_define(env, n->name, fx_func_new(&I->heap, n, env, I->src, n->name));
}

int fx_exec_stmts(FxInterp *I, const FxNode *block, FxEnv *env)
{
    for (int i = 0; i < block->items.count; i++)
        if (block->items.items[i]->kind == FX_N_FN)
            define_fn(I, block->items.items[i], env);
    for (int i = 0; i < block->items.count; i++) {
        int rc = fx_exec(I, block->items.items[i], env);
        if (rc != FX_EXEC_OK)
            return rc;
    }
    return FX_EXEC_OK;
}

int fx_exec_block(FxInterp *I, const FxNode *block, FxEnv *env)
{
    FxEnv *inner = fx_env_new(&I->heap, env);
    int rc = fx_exec_stmts(I, block, inner);
    fx_env_unref(inner);
    return rc;
}

/* ---- assignment -------------------------------------------------------- */

/* The new value for `target op= value` (or plain `=`); takes over v. */
static int combine(FxInterp *I, const FxNode *n, FxValue old, FxValue v, FxValue *out)
{
    if (n->op == FX_OP_NONE) {
        *out = v;
        return 0;
    }
    int rc = fx_binary_values(I, n, n->op, old, v, out);
    fx_unref(v);
    return rc;
}

static int assign_name(FxInterp *I, const FxNode *n, FxEnv *env, FxValue v)
{
    FxValue *slot = fx_env_find(env, n->a->name);
    if (!slot) {
        fx_unref(v);
        return fx_error_at(I, n->a, "'%s' is not declared; write 'let %s = ...' first",
                           n->a->name, n->a->name);
    }
    FxValue nv;
    if (combine(I, n, *slot, v, &nv))
        return -1;
    slot = fx_env_find(env, n->a->name);   /* evaluation may have grown env */
    fx_unref(*slot);
    *slot = nv;
    return 0;
}

static int assign_index(FxInterp *I, const FxNode *n, FxEnv *env, FxValue v)
{
    const FxNode *t = n->a;
    FxValue obj, idx;
    int rc = -1;
    if (fx_eval(I, t->a, env, &obj)) {
        fx_unref(v);
        return -1;
    }
    if (fx_eval(I, t->b, env, &idx)) {
        fx_unref(obj);
        fx_unref(v);
        return -1;
    }
    size_t k;
    FxValue nv;
    if (obj.type == FX_LIST) {
        FxList *l = fx_as_list(obj);
        if (!fx_index_of(I, t->b, idx, l->n, "a list", &k) && !combine(I, n, l->items[k], v, &nv)) {
            fx_unref(l->items[k]);
            l->items[k] = nv;
            rc = 0;
        }
        v = fx_none();
    } else if (obj.type == FX_RECORD && idx.type == FX_STR) {
        const char *key = fx_intern(&I->intern, fx_as_str(idx)->s, fx_as_str(idx)->len);
        FxValue *old = fx_record_get(obj, key);
        if (!old && n->op != FX_OP_NONE)
            fx_error_at(I, t->b, "the record has no field '%s' to update", key);
        else if (!combine(I, n, old ? *old : fx_none(), v, &nv)) {
            fx_record_set(obj, key, nv);
            rc = 0;
        }
        v = fx_none();
    } else {
        fx_error_at(I, t->a, "cannot assign into %s by index", fx_type_phrase(obj));
    }
    fx_unref(v);
    fx_unref(obj);
    fx_unref(idx);
    return rc;
}

static int assign_field(FxInterp *I, const FxNode *n, FxEnv *env, FxValue v)
{
    const FxNode *t = n->a;
    FxValue obj, nv;
    if (fx_eval(I, t->a, env, &obj)) {
        fx_unref(v);
        return -1;
    }
    int rc = -1;
    if (obj.type != FX_RECORD) {
        fx_error_at(I, t, "cannot set a field of %s", fx_type_phrase(obj));
        fx_unref(v);
    } else {
        FxValue *old = fx_record_get(obj, t->name);
        if (!old && n->op != FX_OP_NONE) {
            fx_error_at(I, t, "the record has no field '%s' to update", t->name);
            fx_unref(v);
        } else if (!combine(I, n, old ? *old : fx_none(), v, &nv)) {
            fx_record_set(obj, t->name, nv);
            rc = 0;
        }
    }
    fx_unref(obj);
    return rc;
}

static int exec_assign(FxInterp *I, const FxNode *n, FxEnv *env)
{
    FxValue v;
    if (fx_eval(I, n->b, env, &v))
        return -1;
    switch (n->a->kind) {
    case FX_N_NAME: return assign_name(I, n, env, v);
    case FX_N_INDEX: return assign_index(I, n, env, v);
    default: return assign_field(I, n, env, v);
    }
}

/* ---- loops ------------------------------------------------------------- */

/* One round of a for loop with `var` bound to v (taken over). Returns the
 * body's status, with break and continue turned into "stop" (1) or "go on"
 * (0). */
static int for_round(FxInterp *I, const FxNode *n, FxEnv *env, FxValue v, int *stop)
{
    FxEnv *round = fx_env_new(&I->heap, env);
    fx_env_define(round, n->name, v);
    int rc = fx_exec_stmts(I, n->b, round);
    fx_env_unref(round);
    *stop = rc == FX_EXEC_BREAK;
    if (rc == FX_EXEC_BREAK || rc == FX_EXEC_CONTINUE)
        return FX_EXEC_OK;
    if (rc == FX_EXEC_OK)
        return check_interrupt(I, n) ? FX_EXEC_ERR : FX_EXEC_OK;
    return rc;
}

static int exec_for(FxInterp *I, const FxNode *n, FxEnv *env)
{
    FxValue seq;
    if (fx_eval(I, n->a, env, &seq))
        return -1;
    int rc = FX_EXEC_OK, stop = 0;
    if (seq.type == FX_LIST) {
        FxList *l = fx_as_list(seq);
        for (size_t i = 0; i < l->n && rc == FX_EXEC_OK && !stop; i++)
            rc = for_round(I, n, env, fx_ref(l->items[i]), &stop);
    } else if (seq.type == FX_STR) {
        FxStr *s = fx_as_str(seq);
        for (size_t i = 0; i < s->len && rc == FX_EXEC_OK && !stop;) {
            size_t k = 1;
            while (i + k < s->len && (s->s[i + k] & 0xC0) == 0x80)
                k++;
            rc = for_round(I, n, env, fx_str_new(&I->heap, s->s + i, k), &stop);
            i += k;
        }
    } else if (seq.type == FX_RECORD) {
        FxRecord *r = fx_as_record(seq);
        for (int i = 0; i < r->n && rc == FX_EXEC_OK && !stop; i++)
            rc = for_round(I, n, env, fx_str_cstr(&I->heap, r->keys[i]), &stop);
    } else {
        fx_error_at(I, n->a, "cannot loop over %s", fx_type_phrase(seq));
        if (seq.type == FX_NUM)
            fx_error_hint(I, "to count, loop over range(n)");
        rc = FX_EXEC_ERR;
    }
    fx_unref(seq);
    return rc;
}

static int exec_while(FxInterp *I, const FxNode *n, FxEnv *env)
{
    for (;;) {
        int t;
        if (fx_eval_truth(I, n->a, env, "'while'", &t))
            return FX_EXEC_ERR;
        if (!t)
            return FX_EXEC_OK;
        int rc = fx_exec_block(I, n->b, env);
        if (rc == FX_EXEC_BREAK)
            return FX_EXEC_OK;
        if (rc != FX_EXEC_OK && rc != FX_EXEC_CONTINUE)
            return rc;
        if (check_interrupt(I, n))
            return FX_EXEC_ERR;
    }
}

/* ---- the rest ---------------------------------------------------------- */

static int exec_print(FxInterp *I, const FxNode *n, FxEnv *env)
{
    FxBuf b;
    fx_buf_init(&b);
    for (int i = 0; i < n->items.count; i++) {
        FxValue v;
        if (fx_eval(I, n->items.items[i], env, &v)) {
            fx_buf_free(&b);
            return -1;
        }
        if (i)
            fx_buf_put(&b, " ", 1);
        fx_value_show(&b, v);
        fx_unref(v);
    }
    fx_buf_put(&b, "\n", 1);
    fwrite(b.s, 1, b.len, I->out);
    fx_buf_free(&b);
    return 0;
}

/* The text a failed assert shows for a compared value: as the REPL echoes
 * it (strings quoted), cut to 60 bytes. */
static void show_compared(FxBuf *b, FxValue v)
{
    FxBuf t;
    fx_buf_init(&t);
    fx_value_repr(&t, v);
    if (t.len > 60)
        fx_buf_printf(b, "%.57s...", t.s);
    else
        fx_buf_put(b, t.s, t.len);
    fx_buf_free(&t);
}

/* Evaluates an assert's condition. When it is a comparison, its two sides
 * are evaluated once here (not again for the message) and, if it fails,
 * `got` receives them as pytest shows them: "0.45 < 0.4". */
static int assert_truth(FxInterp *I, const FxNode *c, FxEnv *env, int *ok, FxBuf *got)
{
    if (c->kind != FX_N_BINARY || c->op < FX_OP_EQ || c->op > FX_OP_GE)
        return fx_eval_truth(I, c, env, "'assert'", ok);
    FxValue a, b, r;
    if (fx_eval(I, c->a, env, &a))
        return -1;
    if (fx_eval(I, c->b, env, &b)) {
        fx_unref(a);
        return -1;
    }
    int rc = fx_binary_values(I, c, c->op, a, b, &r);
    if (rc == 0) {
        *ok = r.as.b;
        if (!*ok || I->report) {
            static const char *const ops[] = {"==", "!=", "<", "<=", ">", ">="};
            show_compared(got, a);
            fx_buf_printf(got, " %s ", ops[c->op - FX_OP_EQ]);
            show_compared(got, b);
        }
    }
    fx_unref(a);
    fx_unref(b);
    return rc;
}

/* assert COND [, MESSAGE]: a check (fx_check) named by the message, or
 * the condition's source text, with the values a comparison compared.
 * Under fx test (a report) the message is evaluated for a passing assert
 * too, as the case's name. */
static int exec_assert(FxInterp *I, const FxNode *n, FxEnv *env)
{
    int ok = 0;
    FxBuf got, b;
    fx_buf_init(&got);
    fx_buf_init(&b);
    int rc = assert_truth(I, n->a, env, &ok, &got);
    if (rc == 0 && (!ok || I->report)) {
        FxValue m;
        if (n->b) {
            rc = fx_eval(I, n->b, env, &m);
            if (rc == 0) {
                fx_value_show(&b, m);
                fx_unref(m);
            }
        } else {
            fx_buf_put(&b, I->src->text + n->a->span.off, n->a->span.len);
        }
        if (rc == 0)
            rc = fx_check(I, n->a->span, ok, b.s ? b.s : "", got.len ? got.s : NULL);
    }
    fx_buf_free(&got);
    fx_buf_free(&b);
    return rc;
}

static int exec_return(FxInterp *I, const FxNode *n, FxEnv *env)
{
    FxValue v = fx_none();
    if (n->a && fx_eval(I, n->a, env, &v))
        return FX_EXEC_ERR;
    fx_unref(I->ret);
    I->ret = v;
    return FX_EXEC_RETURN;
}

static int exec_if(FxInterp *I, const FxNode *n, FxEnv *env)
{
    int t;
    if (fx_eval_truth(I, n->a, env, "'if'", &t))
        return FX_EXEC_ERR;
    if (t)
        return fx_exec_block(I, n->b, env);
    if (!n->c)
        return FX_EXEC_OK;
    return n->c->kind == FX_N_IF ? exec_if(I, n->c, env) : fx_exec_block(I, n->c, env);
}

int fx_exec(FxInterp *I, const FxNode *n, FxEnv *env)
{
    FxValue v;
    switch (n->kind) {
    case FX_N_EXPR_STMT:
        if (fx_eval(I, n->a, env, &v))
            return FX_EXEC_ERR;
        fx_unref(v);
        return FX_EXEC_OK;
    case FX_N_LET:
        if (fx_eval(I, n->a, env, &v))
            return FX_EXEC_ERR;
        fx_env_define(env, n->name, v);
        return FX_EXEC_OK;
    case FX_N_ASSIGN: return exec_assign(I, n, env) ? FX_EXEC_ERR : FX_EXEC_OK;
    case FX_N_FN: define_fn(I, n, env); return FX_EXEC_OK;
    case FX_N_IF: return exec_if(I, n, env);
    case FX_N_FOR: return exec_for(I, n, env);
    case FX_N_WHILE: return exec_while(I, n, env);
    case FX_N_BREAK: return FX_EXEC_BREAK;
    case FX_N_CONTINUE: return FX_EXEC_CONTINUE;
    case FX_N_RETURN: return exec_return(I, n, env);
    case FX_N_PRINT: return exec_print(I, n, env) ? FX_EXEC_ERR : FX_EXEC_OK;
    case FX_N_ASSERT: return exec_assert(I, n, env) ? FX_EXEC_ERR : FX_EXEC_OK;
    case FX_N_IMPORT: return fx_exec_import(I, n, env) ? FX_EXEC_ERR : FX_EXEC_OK;
    default:
        if (n->kind > FX_N_KIND_CORE)
            return fx_library_exec(I, n, env) ? FX_EXEC_ERR : FX_EXEC_OK;
        return fx_error_at(I, n, "internal: cannot execute a %s", fx_node_kind_name(n->kind));
    }
}
