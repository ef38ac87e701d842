/* Builtins for scripts run as tests: skip(reason) stops the script as
 * skipped (exit status 77, as automake reads it; fx test counts it
 * skipped), exists(path) tells whether a file or folder is there and
 * env(name) reads an environment variable, so a script can skip when
 * what it needs is missing. */
#include <stdlib.h>
#include <sys/stat.h>
#include "core.h"

static int b_skip(FxCall *c, FxValue *out)
{
    FxStr *why = NULL;
    if (c->given[0] && fx_arg_str(c, 0, &why))
        return -1;
    (void)out;
    return fx_skip(c->I, c->node->span, why && why->len ? why->s : "no reason given");
}

static int b_exists(FxCall *c, FxValue *out)
{
    FxStr *path;
    if (fx_arg_str(c, 0, &path))
        return -1;
    struct stat st;
    *out = fx_bool(stat(path->s, &st) == 0);
    return 0;
}

static int b_env(FxCall *c, FxValue *out)
{
    FxStr *name;
    if (fx_arg_str(c, 0, &name))
        return -1;
    const char *v = getenv(name->s);
    *out = v ? fx_str_cstr(&c->I->heap, v) : fx_ref(c->args[1]);
    return 0;
}

static const FxBuiltin test_builtins[] = {
    {"skip", "reason=", b_skip, "stop the script as skipped (fx test counts it; exit status 77)"},
    {"exists", "path", b_exists, "true when the file or folder exists"},
    {"env", "name, default=", b_env, "an environment variable's value, or default (none)"},
};

void fx_core_test_init(FxInterp *I)
{
    fx_define_builtins(I, test_builtins, 3);
}
