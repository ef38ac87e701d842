/* The interpreter's lifetime and its two ways in: a script file, or a piece
 * of text (-e, stdin, a REPL entry) run in persistent globals. Each is
 * parsed, resolved (all static errors reported before anything runs) and
 * then executed; a runtime error is reported once, with its call frames. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "interp.h"
#include "mem.h"

char     *fx_read_file(const char *path, size_t *len);
FxModule *fx_module_add(FxInterp *I, const char *name, char *text, size_t len, char *path);
void      fx_module_free(FxModule *m);
double    fx_check_now(void);

FxInterp *fx_interp_new(const FxOptions *opt, FILE *out, FILE *err)
{
    FxInterp *I = fx_xcalloc(1, sizeof *I);
    I->opt = *opt;
    if (I->opt.max_memory <= 0)
        I->opt.max_memory = fx_budget_default();
    I->out = out;
    fx_diag_init(&I->diag, err, opt->color);
    I->ret = fx_none();
    I->case_t0 = fx_check_now();
    if (opt->report && !(I->report = fopen(opt->report, "a")))
        fprintf(err, "fx: cannot write the report '%s': %s\n", opt->report, strerror(errno));
    I->builtins = fx_env_new(&I->heap, NULL);
    I->globals = fx_env_new(&I->heap, I->builtins);
    if (opt->open_libs)
        opt->open_libs(I);
    return I;
}

void fx_interp_free(FxInterp *I)
{
    if (I->lib_free)
        I->lib_free(I->lib);
    fx_unref(I->ret);
    fx_heap_free_all(&I->heap);
    for (int i = 0; i < I->nmods; i++)
        fx_module_free(I->mods[i]);
    free(I->mods);
    free(I->frames);
    fx_error_clear(I);
    fx_intern_free(&I->intern);
    if (I->report)
        fclose(I->report);
    free(I);
}

void fx_define_builtins(FxInterp *I, const FxBuiltin *table, int n)
{
    for (int i = 0; i < n; i++) {
        FxValue v = {FX_BUILTIN, {.bi = &table[i]}};
        fx_env_define(I->builtins, fx_intern_cstr(&I->intern, table[i].name), v);
    }
}

void fx_define_value(FxInterp *I, const char *name, FxValue v)
{
    fx_env_define(I->builtins, fx_intern_cstr(&I->intern, name), v);
}

int fx_is_builtin_name(FxInterp *I, const char *interned)
{
    return fx_env_find_here(I->builtins, interned) != NULL;
}

/* Drops the most recently added module (a text that failed to parse or
 * resolve: nothing can point into it). */
static void drop_last_module(FxInterp *I)
{
    fx_module_free(I->mods[--I->nmods]);
}

/* Runs the top level of m in env; with `echo`, an expression statement's
 * value is printed (the REPL). */
static int run_top(FxInterp *I, FxModule *m, FxEnv *env, int echo)
{
    const FxNode *root = m->parse.root;
    I->src = &m->src;
    for (int i = 0; i < root->items.count; i++)
        if (root->items.items[i]->kind == FX_N_FN)
            fx_exec(I, root->items.items[i], env);
    for (int i = 0; i < root->items.count; i++) {
        const FxNode *s = root->items.items[i];
        int rc;
        if (echo && s->kind == FX_N_EXPR_STMT) {
            FxValue v;
            rc = fx_eval(I, s->a, env, &v);
            if (rc == 0 && v.type != FX_NONE) {
                FxBuf b;
                fx_buf_init(&b);
                fx_value_repr(&b, v);
                fx_buf_put(&b, "\n", 1);
                fwrite(b.s, 1, b.len, I->out);
                fx_buf_free(&b);
            }
            if (rc == 0)
                fx_unref(v);
        } else {
            rc = fx_exec(I, s, env);
        }
        /* Cleared whatever the statement's result: an error after an
         * interrupted train must not stop the next text run (the REPL's
         * next entry). */
        int pending = I->interrupt_pending;
        I->interrupt_pending = 0;
        if (rc == FX_EXEC_OK && pending) {
            fx_error_at(I, s, "interrupted: this statement finished with what it had%s",
                        i + 1 < root->items.count ? ", the rest of the input was not run" : "");
            rc = FX_EXEC_ERR;
        }
        if (rc != FX_EXEC_OK) {
            if (!I->err.set)
                fx_error_at(I, s, "internal: statement ended with status %d", rc);
            fx_report(I);
            return FX_RUN_ERROR;
        }
    }
    fflush(I->out);
    return FX_RUN_OK;
}

int fx_run_text(FxInterp *I, const char *name, const char *text, size_t len, int flags)
{
    char auto_name[32];
    I->ntexts++;
    if (!name) {
        snprintf(auto_name, sizeof auto_name, "<repl:%d>", I->ntexts);
        name = auto_name;
    }
    FxModule *m = fx_module_add(I, name, fx_xstrndup(text, len), len, NULL);
    fx_parse(&m->parse, &m->src, &I->diag, (flags & FX_RUN_INCOMPLETE_OK) != 0);
    if (m->parse.status != FX_PARSE_OK) {
        int st = m->parse.status == FX_PARSE_INCOMPLETE ? FX_RUN_INCOMPLETE : FX_RUN_ERROR;
        drop_last_module(I);
        return st;
    }
    m->state = 1;
    int errors = fx_resolve(I, m, I->globals, (flags & FX_RUN_ECHO) != 0);
    m->state = 2;
    if (errors) {
        drop_last_module(I);
        return FX_RUN_ERROR;
    }
    if (flags & FX_RUN_CHECK_ONLY)
        return FX_RUN_OK;
    m->state = 3;
    int rc = run_top(I, m, I->globals, (flags & FX_RUN_ECHO) != 0);
    m->state = 4;
    return rc;
}

int fx_run_file(FxInterp *I, const char *path, int flags)
{
    size_t len;
    char *text = fx_read_file(path, &len);
    if (!text) {
        fprintf(I->diag.out, "fx: cannot read '%s': %s\n", path, strerror(errno));
        return 2;
    }
    char *real = realpath(path, NULL);
    FxModule *m = fx_module_add(I, path, text, len, real ? real : fx_xstrdup(path));
    fx_parse(&m->parse, &m->src, &I->diag, 0);
    if (m->parse.status != FX_PARSE_OK)
        return 1;
    m->state = 1;
    int errors = fx_resolve(I, m, NULL, 0);
    m->state = 2;
    if (errors)
        return 1;
    if (flags & FX_RUN_CHECK_ONLY)
        return 0;
    m->state = 3;
    m->env = I->globals;
    int rc = run_top(I, m, I->globals, 0);
    m->state = 4;
    return rc == FX_RUN_OK && !I->checks_failed ? 0 : 1;
}
