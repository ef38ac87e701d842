/* The statements' options and the layers as the standard library
 * registered them (fx.h's FxStatementDef and fx_register_layers), held to
 * the documentation: every option of every statement is written in
 * man/fx.7 as an argument (Ar NAME), every option with a help line (train's)
 * has an item of its own in fx.7's list (.It Ar NAME :), every layer is
 * named there (Fn NAME or Ic NAME), and each registered name is unique.
 * Runs from the top of the tree (tests/run.sh does). */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "interp.h"
#include "open.h"

static Checks C;

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    size_t got = s ? fread(s, 1, (size_t)n, f) : 0;
    fclose(f);
    if (s)
        s[got] = '\0';
    return s;
}

/* Whether `man` holds `pre NAME` followed by a character that ends a word
 * (at a line start when `line`, with `post` right after when given). */
static int written(const char *man, const char *pre, const char *name, const char *post, int line)
{
    char pat[128];
    snprintf(pat, sizeof pat, "%s%s%s", pre, name, post);
    for (const char *p = man; (p = strstr(p, pat)); p++) {
        char end = p[strlen(pat)];
        int word_end = post[0] || end == ' ' || end == '\n' || end == ',' || end == ')';
        const char *bol = p;
        while (bol > man && bol[-1] != '\n')
            bol--;
        if (word_end && (!line || bol[0] == '.'))
            return 1;
    }
    return 0;
}

static void test_options(FxInterp *I, const char *man)
{
    int statements = 0, options = 0;
    for (int k = FX_N_KIND_CORE + 1; k < FX_N_KIND_COUNT; k++) {
        const FxStatementDef *st = fx_statement(I, k);
        if (!st)
            continue;
        statements++;
        CHECK(&C, (st->eval != NULL) != (st->exec != NULL) && st->resolve,
              "%s: a value or a statement, and its static checks", st->keyword);
        for (const FxOptionDef *o = st->options; o && o->name; o++) {
            options++;
            int dup = 0;
            for (const FxOptionDef *q = st->options; q < o; q++)
                dup |= !strcmp(q->name, o->name);
            int doc = written(man, "Ar ", o->name, "", 0);
            if (o->help)
                doc &= written(man, "Ar ", o->name, " :", 1) && o->value != NULL;
            CHECK(&C, doc && !dup, "%s %s: in fx.7%s, once", st->keyword, o->name,
                  o->help ? " as an item of its own" : "");
        }
    }
    CHECK(&C, statements == 13, "13 statements registered (%d)", statements);
    CHECK(&C, options > 40, "%d options registered", options);
}

static void test_layers(FxInterp *I, const char *man)
{
    int n;
    const FxBuiltin *layers = fx_layers(I, &n);
    for (int i = 0; i < n; i++) {
        int dup = 0;
        for (int j = 0; j < i; j++)
            dup |= !strcmp(layers[i].name, layers[j].name);
        int doc = written(man, "Fn ", layers[i].name, "", 0) ||
                  written(man, "Ic ", layers[i].name, "", 0);
        CHECK(&C, doc && !dup && layers[i].summary && layers[i].params,
              "layer %s: in fx.7, once, with its parameters and summary", layers[i].name);
    }
    CHECK(&C, n >= 14, "%d layers registered", n);
    CHECK(&C, fx_layer(I, "dense", 5) && !fx_layer(I, "dens", 4), "fx_layer finds by name");
}

/* The language core alone: the statements parse, and running one says
 * that no library provides it. */
static void test_core_alone(void)
{
    FILE *out = tmpfile(), *err = tmpfile();
    FxOptions opt;
    memset(&opt, 0, sizeof opt);
    opt.width = 80;
    FxInterp *I = fx_interp_new(&opt, out, err);
    const char *text = "seed 1\n";
    int rc = fx_run_text(I, "<core>", text, strlen(text), 0);
    fflush(err);
    rewind(err);
    char msg[512] = "";
    size_t got = fread(msg, 1, sizeof msg - 1, err);
    msg[got] = '\0';
    CHECK(&C, rc == FX_RUN_ERROR && strstr(msg, "<core>:1:1: error: 'seed' is not available: "
                                                "no library provides it"),
          "a core-only interpreter refuses library statements with a located error");
    int n;
    CHECK(&C, !fx_statement(I, FX_N_TRAIN) && !fx_layers(I, &n) && n == 0,
          "a core-only interpreter has no statements or layers");
    fx_interp_free(I);
    fclose(out);
    fclose(err);
}

int main(void)
{
    char *man = read_all("man/fx.7");
    CHECK(&C, man != NULL, "man/fx.7 read");
    if (!man)
        return 1;
    FILE *sink = fopen("/dev/null", "w");
    FxOptions opt;
    memset(&opt, 0, sizeof opt);
    opt.width = 80;
    opt.open_libs = fx_stdlib_open;
    FxInterp *I = fx_interp_new(&opt, sink, sink);
    test_options(I, man);
    test_layers(I, man);
    test_core_alone();
    fx_interp_free(I);
    fclose(sink);
    free(man);
    return checks_done(&C);
}
