/* The REPL's parts that need no terminal: Tab completion in each context
 * (names, fields, keyword arguments, strings, comments, ':' lines, file
 * names; the library statements' options, layers and layer parameters
 * as the standard library registered them, and the fields of runs, datasets, models,
 * sweeps), the keyword list against grammar/lexer.re, the colon commands
 * and :help. Runs from the top of the tree (tests/run.sh does). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"
#include "lex.h"
#include "open.h"
#include "parser.h"
#include "repl_impl.h"

static Checks C;

static FxInterp *new_interp(FILE *out, FILE *err)
{
    FxOptions opt;
    memset(&opt, 0, sizeof opt);
    opt.width = 60;
    opt.open_libs = fx_stdlib_open;
    return fx_interp_new(&opt, out, err);
}

/* The candidates for `text` (cursor at its end), joined with '|'. */
static char *complete(FxInterp *I, const char *text, size_t *start)
{
    FxCompletions c;
    fx_repl_complete(I, text, strlen(text), &c);
    FxBuf b;
    fx_buf_init(&b);
    fx_buf_puts(&b, "");
    for (int i = 0; i < c.n; i++)
        fx_buf_printf(&b, "%s%s", i ? "|" : "", c.items[i]);
    if (start)
        *start = c.start;
    fx_completions_free(&c);
    return b.s;
}

/* Newlines as "\n", so a check stays on one line. */
static const char *one_line(const char *s, char *buf, size_t n)
{
    size_t k = 0;
    for (; *s && k + 3 < n; s++) {
        if (*s == '\n') {
            buf[k++] = '\\';
            buf[k++] = 'n';
        } else {
            buf[k++] = *s;
        }
    }
    buf[k] = '\0';
    return buf;
}

static void expect(FxInterp *I, const char *text, const char *want, const char *what)
{
    char *got = complete(I, text, NULL);
    char shown[256];
    CHECK(&C, !strcmp(got, want), "%s: '%s' -> '%s' (got '%s')", what,
          one_line(text, shown, sizeof shown), want, got);
    free(got);
}

static void expect_has(FxInterp *I, const char *text, const char *item, int has, const char *what)
{
    char *got = complete(I, text, NULL);
    FxBuf b;
    fx_buf_init(&b);
    fx_buf_printf(&b, "|%s|", got);
    FxBuf it;
    fx_buf_init(&it);
    fx_buf_printf(&it, "|%s|", item);
    int found = strstr(b.s, it.s) != NULL;
    char shown[256];
    CHECK(&C, found == has, "%s: '%s' %s '%s' (got '%s')", what,
          one_line(text, shown, sizeof shown), has ? "offers" : "does not offer", item, got);
    fx_buf_free(&b);
    fx_buf_free(&it);
    free(got);
}

static void run(FxInterp *I, const char *code)
{
    char shown[256];
    int rc = fx_run_text(I, NULL, code, strlen(code), FX_RUN_ECHO);
    CHECK(&C, rc == FX_RUN_OK, "runs: %s", one_line(code, shown, sizeof shown));
}

/* ---- keywords: the list matches the lexer ---------------------------------- */

static void test_keywords(void)
{
    int n = 0, all_lex = 1;
    for (; fx_repl_keywords[n]; n++) {
        FxLexer lx;
        FxToken t;
        fx_lex_init(&lx, fx_repl_keywords[n], strlen(fx_repl_keywords[n]));
        int code = fx_lex_next(&lx, &t);
        if (code == FX_T_NAME || code <= 0 || t.len != strlen(fx_repl_keywords[n]))
            all_lex = 0;
    }
    CHECK(&C, all_lex, "each of the %d completion keywords lexes as a keyword", n);
    /* And each `"word" { DONE(FX_T_...) }` rule of the lexer is in the list. */
    FILE *f = fopen("grammar/lexer.re", "r");
    char line[512];
    int rules = 0, missing = 0;
    while (f && fgets(line, sizeof line, f)) {
        char word[64];
        if (sscanf(line, " \"%63[a-z]\" { DONE(FX_T_", word) != 1)
            continue;
        rules++;
        int found = 0;
        for (int i = 0; fx_repl_keywords[i]; i++)
            found |= !strcmp(fx_repl_keywords[i], word);
        if (!found) {
            missing++;
            printf("# keyword '%s' of grammar/lexer.re is not completed\n", word);
        }
    }
    if (f)
        fclose(f);
    CHECK(&C, rules == n && missing == 0, "grammar/lexer.re has %d keywords, the list %d", rules, n);
}

/* ---- completion in code ------------------------------------------------------- */

static void test_names(FxInterp *I)
{
    expect(I, "learn", "learning_rate", "a variable");
    size_t start;
    free(complete(I, "let y = learn", &start));
    CHECK(&C, start == 8, "the word starts after the last non-name character (%zu)", start);
    expect(I, "let x = le", "learning_rate|len|let", "variables, builtins and keywords together");
    expect(I, "whi", "while", "a keyword");
    expect(I, "linsp", "linspace", "a builtin");
    expect(I, "p", "pi|plateau|plot|pop|predict|print|push", "constants too");
    expect(I, "x = 12", "", "nothing inside a number");
    expect(I, "# learn", "", "nothing inside a comment");
    expect_has(I, "print \"learn", "learning_rate", 0, "no names inside a string");
    expect(I, "zzz", "", "no candidate");
}

static void test_fields(FxInterp *I)
{
    expect(I, "rec.al", "alpha", "a record field");
    expect(I, "rec.", "alpha|beta|cfg|fn_field", "every field after the dot");
    expect(I, "rec.cfg.d", "depth", "a field of a field");
    expect(I, "print(rec.be", "beta", "a field inside a call");
    expect(I, "nosuch.a", "", "no fields of an unknown name");
    expect(I, "learning_rate.", "", "no fields of a number");
    expect(I, "f(x).al", "", "no fields of a call's result");
    expect(I, "xs[0].al", "", "no fields of an index");
}

static void test_params(FxInterp *I)
{
    expect(I, "range(0, 10, st", "step: ", "a builtin's keyword argument");
    expect(I, "range(0, 10, ", "a: |b: |step: ", "every parameter after a comma");
    expect(I, "range(0,\n  10, st", "step: ", "a call open on an earlier line");
    expect(I, "sort(xs, re", "reverse: ", "sort's parameter");
    expect(I, "descend(0, l", "lr: ", "an fx function's parameter");
    expect(I, "descend(steps: 3, x", "x0: ", "after a keyword argument");
    expect(I, "rec.fn_field(s", "scale: ", "a function in a record field");
    expect_has(I, "range(0, n + st", "step: ", 0, "no parameters after an operator");
    expect_has(I, "range(0, n + st", "std", 1, "names after an operator");
    expect_has(I, "range(0, [st", "step: ", 0, "no parameters inside a list");
    expect_has(I, "range(0, len(x), st", "step: ", 1, "a closed inner call does not count");
    expect_has(I, "format(\"{}\", ", "fmt: ", 1, "'*' is no parameter name");
    expect(I, "record(lea", "learning_rate", "'**' gives no names: variables then");
    expect_has(I, "range(0, \"st", "step: ", 0, "no parameters inside a string");
}

/* ---- experiment statements -------------------------------------------------- */

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The option names a statement registered, NULL-terminated (static). */
static const char *const *names_of(FxInterp *I, int kind)
{
    static const char *names[64];
    const FxStatementDef *st = fx_statement(I, kind);
    int n = 0;
    for (const FxOptionDef *o = st && st->options ? st->options : NULL; o && o->name && n < 63; o++)
        names[n++] = o->name;
    names[n] = NULL;
    return names;
}

/* What completing right after `, ` offers for a list: its writable names
 * with ": ", sorted, joined with '|'. */
static char *expected_options(const char *const *list)
{
    const char *names[64];
    int n = 0;
    for (int i = 0; list[i] && n < 64; i++)
        if (fx_repl_option_writable(list[i]))
            names[n++] = list[i];
    qsort(names, (size_t)n, sizeof *names, cmp_cstr);
    FxBuf b;
    fx_buf_init(&b);
    fx_buf_puts(&b, "");
    for (int i = 0; i < n; i++)
        fx_buf_printf(&b, "%s%s: ", i ? "|" : "", names[i]);
    return b.s;
}

static void expect_options(FxInterp *I, const char *text, int kind, const char *what)
{
    char *want = expected_options(names_of(I, kind));
    expect(I, text, want, what);
    free(want);
}

static void test_command_options(FxInterp *I)
{
    expect_options(I, "train m on d, ", FX_N_TRAIN, "every train option after a comma");
    expect_options(I, "let r = train m on d, ", FX_N_TRAIN, "train after let");
    expect(I, "r = train m on d, epochs: 3, ba", "batch: ", "train after an assignment");
    expect(I, "let r = train m on d,\n    epochs: 3,\n    va", "validate: |validation_split: ",
           "train options on continuation lines");
    expect(I, "return train m on d, ep", "epochs: ", "train after return");
    expect(I, "train m on d, optimizer: adam(lr: 0.1), ep", "epochs: ", "after a closed call");
    expect(I, "for lr in [1, 2] {\n  let q = train m on d, ep", "epochs: ", "train in a block");
    expect(I, "let runs = sweep lr in [0.1] { train m on d, ba", "batch: ", "train in a sweep");
    expect_has(I, "train m on d, con", "continue: ", 1, "continue: is an option too");
    expect_has(I, "train m on d, epochs: 1 + ep", "epochs: ", 0, "no options after an operator");
    expect_has(I, "train m on d\nep", "epochs: ", 0, "no options in the next statement");
    expect_has(I, "let x = f(1), ep", "epochs: ", 0, "no options outside a command");
    expect_options(I, "evaluate r on d, ", FX_N_EVALUATE, "evaluate's options");
    expect_options(I, "let p = predict r on d, ", FX_N_PREDICT, "predict's options");
    expect_options(I, "let z = minimize f from 0, ", FX_N_MINIMIZE, "minimize's options");
    expect_options(I, "save r to \"x.csv\", ", FX_N_SAVE, "save's options");
    expect_options(I, "plot r.loss, ", FX_N_PLOT, "plot's options");
    expect(I, "plot r.loss, r.val_loss, ti", "title: ", "plot's option after two curves");
    expect_has(I, "plot r.loss, r", "r", 1, "plot: names when no option fits");
    expect_options(I, "bars xs, ", FX_N_BARS, "bars' options");
    expect_options(I, "table s, ", FX_N_TABLE, "table's options");
    expect_options(I, "summary m, ", FX_N_SUMMARY, "summary's options");
    expect_options(I, "model net(", FX_N_MODEL, "model's options");
    expect(I, "model net(input: [2], i", "init: |input: ", "model's options after one");
}

static void test_layers(FxInterp *I)
{
    int n;
    const FxBuiltin *layers = fx_layers(I, &n);
    char *all = complete(I, "model net { ", NULL);
    int every = 1;
    for (int i = 0; i < n; i++) {
        FxBuf it;
        fx_buf_init(&it);
        fx_buf_printf(&it, "|%s|", layers[i].name);
        FxBuf in;
        fx_buf_init(&in);
        fx_buf_printf(&in, "|%s|", all);
        every &= strstr(in.s, it.s) != NULL;
        fx_buf_free(&it);
        fx_buf_free(&in);
    }
    CHECK(&C, every, "every layer of fx_layer_table in a model block (got '%s')", all);
    free(all);
    expect(I, "model net { de", "dense", "a layer name");
    expect(I, "model net {\n  dense(4) relu\n  dr", "dropout", "a layer on a later line");
    expect(I, "model net(input: [2]) { dense(4) max", "maxpool|maxpool2d", "after model options");
    expect_has(I, "model net { ", "m", 1, "another model's layers");
    expect_has(I, "model net { ", "d", 0, "not a dataset");
    expect_has(I, "model net { pr", "print", 0, "no keywords among layers");
    expect(I, "model net { dense(4, act", "activation: ", "a layer's parameter");
    expect(I, "model net {\n  conv2d(8, 3, st", "stride: ", "conv2d's parameter");
    expect(I, "model net { dense(", "activation: |bias: |init: |init_std: |inputs: |l2: |units: ",
           "every parameter of dense");
    expect_has(I, "model net { dense(4 + u", "units: ", 0, "no parameters after an operator");
    expect_has(I, "dense(un", "units: ", 0, "no layer parameters outside a model");
}

static void test_experiment_values(FxInterp *I)
{
    expect(I, "optimizer o2 = adam(l", "lr: ", "an optimizer's parameter");
    expect(I, "train m on d, optimizer: sgd(mom", "momentum: ", "inside a train option");
    expect(I, "train m on d, schedule: cosine_lr(", "eta_min: |per_step: |t_max: ",
           "a schedule's parameters");
    expect(I, "r.val_", "val_accuracy|val_loss", "a run's fields");
    expect(I, "r.ep", "epochs", "a run's field");
    expect(I, "d.", "classes|counts|n|origin|shape|x|y", "a dataset's fields");
    expect(I, "m.", "layers|name|params|trained", "a model's fields");
    expect(I, "s.", "accuracy|errors|labels|loss|params|results|val_accuracy|val_loss",
           "a sweep's fields");
    expect(I, "o.", "kind|lr|momentum|weight_decay", "an optimizer's fields");
    expect(I, "plot r.lo", "loss", "a field inside plot");
}

/* Every option and layer parameter the completion leaves out is one the
 * parser refuses, and every one it offers parses. */
static void test_writable(FxInterp *I)
{
    static const struct { int kind; const char *fmt; } forms[] = {
        {FX_N_TRAIN, "train m on d, %s: 1\n"},
        {FX_N_EVALUATE, "evaluate r on d, %s: 1\n"},
        {FX_N_MINIMIZE, "minimize f from 0, %s: 1\n"},
        {FX_N_SAVE, "save r to \"x.csv\", %s: 1\n"},
        {FX_N_PLOT, "plot xs, %s: 1\n"},
        {FX_N_BARS, "bars xs, %s: 1\n"},
        {FX_N_TABLE, "table s, %s: 1\n"},
        {FX_N_SUMMARY, "summary m, %s: 1\n"},
        {FX_N_MODEL, "model q(%s: 1) { dense(1) }\n"},
    };
    int agree = 1, count = 0;
    char text[256];
    for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
        const char *const *list = names_of(I, forms[f].kind);
        for (int i = 0; list[i]; i++, count++) {
            snprintf(text, sizeof text, forms[f].fmt, list[i]);
            int ok = fx_run_text(I, NULL, text, strlen(text), FX_RUN_CHECK_ONLY) == FX_RUN_OK;
            if (ok != fx_repl_option_writable(list[i])) {
                agree = 0;
                printf("# '%s' parses: %d, completed: %d\n", text, ok, !ok);
            }
        }
    }
    CHECK(&C, agree, "the %d options are completed exactly when the parser takes them", count);
}

/* ---- ':' lines and file names ----------------------------------------------- */

static void test_command_line(FxInterp *I, const char *dir)
{
    expect(I, ":he", "help", "a command");
    expect(I, ":", "help|load|quit|reset|save|vars", "every command");
    expect(I, ":help plo", "plot", "a help topic");
    expect(I, ":help :s", ":save", "a command's help topic");
    expect(I, ":help linsp", "linspace", "a builtin as a help topic");
    char text[600], want[1400];
    snprintf(text, sizeof text, ":load %s/a_", dir);
    snprintf(want, sizeof want, "%s/a_one.fx|%s/a_two.fx", dir, dir);
    expect(I, text, want, "file names after :load");
    snprintf(text, sizeof text, ":save %s/s", dir);
    snprintf(want, sizeof want, "%s/sub/", dir);
    expect(I, text, want, "a folder gets a slash");
    snprintf(text, sizeof text, "import \"%s/a_o", dir);
    snprintf(want, sizeof want, "%s/a_one.fx", dir);
    expect(I, text, want, "file names inside a string");
    snprintf(text, sizeof text, ":vars %s/a_", dir);
    expect(I, text, "", "no file names after a command without a file");
}

static void test_common(void)
{
    char *items[] = {"step: ", "std", "str"};
    FxCompletions c = {items, 3, 3, 0};
    CHECK(&C, fx_completions_common(&c) == 2, "the common prefix of step:, std, str is 'st'");
    c.n = 1;
    CHECK(&C, fx_completions_common(&c) == 6, "one item is its own common prefix");
    c.n = 0;
    CHECK(&C, fx_completions_common(&c) == 0, "no items, no prefix");
}

/* ---- commands ------------------------------------------------------------- */

static char *slurp(FILE *f)
{
    fflush(f);
    long n = ftell(f);
    char *s = calloc(1, (size_t)n + 1);
    rewind(f);
    if (fread(s, 1, (size_t)n, f) != (size_t)n)
        s[0] = '\0';
    rewind(f);
    if (ftruncate(fileno(f), 0) != 0)
        s[0] = '\0';
    return s;
}

typedef struct Session {
    FxRepl    r;
    FxInterp *I;
    FILE     *out, *err;
} Session;

static void command(Session *s, const char *line, char **out, char **err)
{
    fx_repl_command(&s->r, line);
    *out = slurp(s->out);
    *err = slurp(s->err);
}

static void check_command(Session *s, const char *line, const char *want_out, const char *want_err)
{
    char *out, *err;
    command(s, line, &out, &err);
    int ok = strstr(out, want_out) && strstr(err, want_err) && (want_err[0] || !err[0]);
    CHECK(&C, ok, ":%s", line);
    if (!ok)
        printf("# want out '%s' err '%s'\n# got out:\n%s\n# got err:\n%s\n", want_out, want_err,
               out, err);
    free(out);
    free(err);
}

static void test_commands(const char *dir)
{
    Session s;
    memset(&s, 0, sizeof s);
    s.out = tmpfile();
    s.err = tmpfile();
    s.I = new_interp(s.out, s.err);
    s.r.Ip = &s.I;
    s.r.out = s.out;
    fx_buf_init(&s.r.script);
    check_command(&s, "vars", "no variables yet", "");
    const char *entry = "let lr = 0.5\nlet xs = range(200)\n";
    run(s.I, entry);
    fx_repl_remember(&s.r, entry, strlen(entry));
    char *out, *err;
    command(&s, "vars", &out, &err);
    char *xs = strstr(out, "xs = ");
    char *nl = xs ? strchr(xs, '\n') : NULL;
    int ok = strstr(out, "lr = 0.5\n") && xs && nl && nl - xs <= 59 && !strncmp(nl - 3, "...", 3);
    CHECK(&C, ok, ":vars shows each variable on one line cut to the width");
    if (!ok)
        printf("# got:\n%s\n", out);
    free(out);
    free(err);
    char path[600], line[700];
    snprintf(path, sizeof path, "%s/session.fx", dir);
    snprintf(line, sizeof line, "save %s", path);
    check_command(&s, line, "wrote 2 lines", "");
    check_command(&s, "reset", "fresh interpreter", "");
    CHECK(&C, s.I->globals->n == 0 && s.r.script.len == 0, ":reset leaves no variable, no entry");
    snprintf(line, sizeof line, "l \"%s\"", path);
    check_command(&s, line, "", "");
    FxValue *lr = fx_env_find(s.I->globals, fx_intern_cstr(&s.I->intern, "lr"));
    CHECK(&C, lr && lr->type == FX_NUM && lr->as.n == 0.5, ":load (quoted, abbreviated) defines lr");
    CHECK(&C, strstr(s.r.script.s, "# :load ") && strstr(s.r.script.s, "let lr = 0.5"),
          "a loaded file becomes part of the session");
    check_command(&s, "frob", "", "unknown command ':frob'; the commands are :help");
    check_command(&s, "", "", "unknown command ':'");
    check_command(&s, "load", "", ":load needs a file name");
    check_command(&s, "vars now", "", ":vars takes no argument");
    check_command(&s, "save /nonexistent/dir/x.fx", "", "cannot write '/nonexistent/dir/x.fx'");
    check_command(&s, "help", "builtins:    abs", "");
    check_command(&s, "help model", "model NAME {", "");
    check_command(&s, "help save", "save VALUE to \"FILE\"", "");
    check_command(&s, "help :save", ":save FILE", "");
    check_command(&s, "help load", ":load FILE", "");
    check_command(&s, "help range", "range(a, [b], [step])\n  [0, 1", "");
    check_command(&s, "help format", "format(fmt, ...)", "");
    check_command(&s, "help record", "record(NAME: VALUE, ...)", "");
    check_command(&s, "help pi", "pi: a number, 3.14159", "");
    check_command(&s, "help lr", "lr: a number, 0.5", "");
    check_command(&s, "help linspac", "", "no help for 'linspac'; did you mean 'linspace'?");
    CHECK(&C, s.r.quit == 0, "no command so far quits");
    check_command(&s, "q", "", "");
    CHECK(&C, s.r.quit == 1, ":q quits");
    unlink(path);
    fx_buf_free(&s.r.script);
    fx_interp_free(s.I);
    fclose(s.out);
    fclose(s.err);
}

static void test_help_topics(FxInterp *I)
{
    CHECK(&C, fx_repl_help_topic(I, 11) && !strcmp(fx_repl_help_topic(I, 11), "model") &&
          fx_repl_help_topic(I, 24) && !strcmp(fx_repl_help_topic(I, 24), ":help"),
          "the help index's sections start where it says");
    int n = 0, layers;
    while (fx_repl_help_topic(I, n))
        n++;
    fx_layers(I, &layers);
    CHECK(&C, n == 31 + layers && fx_repl_command_name(6) == NULL &&
          !strcmp(fx_repl_help_topic(I, 31), fx_layers(I, &layers)[0].name),
          "31 help topics and the %d layers, 6 commands", layers);
}

/* ---- :help of the experiment statements -------------------------------------- */

static char *help_text(FxInterp *I, const char *topic)
{
    FILE *f = tmpfile();
    fx_repl_help(I, f, topic);
    char *s = slurp(f);
    fclose(f);
    return s;
}

/* How many times `needle` occurs in `hay`. */
static int occurs(const char *hay, const char *needle)
{
    int k = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        k++;
    return k;
}

static void test_help_train(FxInterp *I)
{
    char *t = help_text(I, "train");
    char *opts = strstr(t, "\noptions:\n");
    char *end = opts ? strstr(opts, "\n\n") : NULL;   /* the option lines end there */
    int lines = 0, right = opts && end, writable = 0;
    if (right) {
        end[1] = '\0';
        for (const char *p = opts + 10; *p; p++)
            lines += *p == '\n';
    }
    const char *const *train = names_of(I, FX_N_TRAIN);
    for (int i = 0; opts && train[i]; i++) {
        char line[64];
        snprintf(line, sizeof line, "\n  %s: ", train[i]);
        int ok = fx_repl_option_writable(train[i]);
        writable += ok;
        if (occurs(opts, line) != ok) {
            right = 0;
            printf("# :help train shows '%s' %d times\n", train[i], occurs(opts, line));
        }
    }
    CHECK(&C, right && lines == writable, ":help train: one line for each of the %d options "
          "that can be written (%d lines)", writable, lines);
    CHECK(&C, strstr(t, "train MODEL on DATA [, OPTION: VALUE, ...]\n") &&
          strstr(t, "Ctrl-C stops it after the current batch"), ":help train: syntax and Ctrl-C");
    free(t);
}

/* Each topic's text names every option its command takes. */
static void test_help_options(FxInterp *I)
{
    static const struct { const char *topic; int kind; } cmds[] = {
        {"evaluate", FX_N_EVALUATE}, {"predict", FX_N_PREDICT},
        {"minimize", FX_N_MINIMIZE}, {"save", FX_N_SAVE},
        {"plot", FX_N_PLOT}, {"bars", FX_N_BARS}, {"table", FX_N_TABLE},
        {"summary", FX_N_SUMMARY}, {"model", FX_N_MODEL},
    };
    for (size_t c = 0; c < sizeof cmds / sizeof cmds[0]; c++) {
        char *t = help_text(I, cmds[c].topic);
        int all = 1;
        const char *const *list = names_of(I, cmds[c].kind);
        for (int i = 0; list[i]; i++) {
            char name[64];
            snprintf(name, sizeof name, "%s:", list[i]);
            if (!strstr(t, name)) {
                all = 0;
                printf("# :help %s does not name %s\n", cmds[c].topic, name);
            }
        }
        char syntax[64];
        snprintf(syntax, sizeof syntax, "%s ", cmds[c].topic);
        CHECK(&C, all && !strncmp(t, syntax, strlen(syntax)),
              ":help %s: its syntax and every option", cmds[c].topic);
        free(t);
    }
}

static void test_help_layers(FxInterp *I)
{
    char *t = help_text(I, "model");
    int n, all = 1;
    const FxBuiltin *layers = fx_layers(I, &n);
    for (int i = 0; i < n; i++) {
        char line[64];
        snprintf(line, sizeof line, "\n  %-11s %s\n", layers[i].name, layers[i].summary);
        all &= strstr(t, line) != NULL;
    }
    CHECK(&C, all && strstr(t, "model NAME { LAYER ... }\n") &&
          strstr(t, "model NAME(input: SHAPE, init: \"INIT\") { LAYER ... }\n"),
          ":help model: its two forms and every layer with its summary");
    free(t);
    t = help_text(I, "conv2d");
    CHECK(&C, strstr(t, "conv2d(filters, kernel, [stride], [pad], [l2], [init], [init_std], "
                        "[bias],\n       [inputs], [activation])\n") &&
          strstr(t, "a layer of a model block") && strstr(t, "activation: \"relu\""),
          ":help conv2d: a layer's parameters, wrapped");
    free(t);
    t = help_text(I, "tanh");
    CHECK(&C, !strncmp(t, "tanh(x)\n", 8) && strstr(t, "tanh is also a layer"),
          ":help tanh: the builtin, then the layer");
    free(t);
    t = help_text(I, "r");
    CHECK(&C, !strncmp(t, "r: a run, run: 1 epoch", 22) && strstr(t, "fields:") &&
          strstr(t, " interrupted ") && strstr(t, " val_loss "),
          ":help r of a run lists its fields");
    free(t);
    expect(I, ":help conv", "conv2d", "a layer as a help topic");
}

static void make_files(const char *dir)
{
    char p[600];
    snprintf(p, sizeof p, "%s/a_one.fx", dir);
    fclose(fopen(p, "w"));
    snprintf(p, sizeof p, "%s/a_two.fx", dir);
    fclose(fopen(p, "w"));
    snprintf(p, sizeof p, "%s/sub", dir);
    mkdir(p, 0700);
}

static void remove_files(const char *dir)
{
    const char *names[] = {"a_one.fx", "a_two.fx", "sub"};
    char p[600];
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        remove(p);
    }
    rmdir(dir);
}

int main(void)
{
    char dir[512];
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/fx_complete_XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
    if (!mkdtemp(dir))
        return 1;
    make_files(dir);
    FILE *sink = tmpfile();
    FxInterp *I = new_interp(sink, sink);
    run(I, "let learning_rate = 0.1\nlet xs = [1, 2]\n"
           "let rec = {alpha: 1, beta: 2, cfg: {depth: 3}}\n"
           "fn descend(x0, lr = 0.1, steps = 100) = x0\n"
           "rec.fn_field = fn(scale) => scale\n");
    run(I, "model m { dense(1) }\nlet d = random_data(20, [2], classes: 2)\n"
           "let r = train m on d, epochs: 1\n"
           "let s = sweep k in [1, 2] { train m on d, epochs: 1 }\n"
           "optimizer o = adam(lr: 0.1)\nfn f(x) = x^2\n");
    test_keywords();
    test_names(I);
    test_fields(I);
    test_params(I);
    test_command_options(I);
    test_layers(I);
    test_experiment_values(I);
    test_writable(I);
    test_command_line(I, dir);
    test_common();
    test_commands(dir);
    test_help_topics(I);
    test_help_train(I);
    test_help_options(I);
    test_help_layers(I);
    fx_interp_free(I);
    fclose(sink);
    remove_files(dir);
    return checks_done(&C);
}
