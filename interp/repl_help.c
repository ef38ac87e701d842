/* :help in the REPL: the topic list, and a short text per statement,
 * command and builtin (a builtin's text comes from its `summary`). The
 * texts of the experiment statements follow the design brief's sketch;
 * fx(7) is the reference, and these must follow it when the statements
 * change. Knows nothing of libedit or the runtime. */
#include <stdlib.h>
#include <string.h>
#include "mem.h"
#include "repl_impl.h"

typedef struct Topic {
    const char *name;
    const char *text;
} Topic;

static const Topic topics[] = {
    {"let", "let NAME = EXPR\n  declares a variable: let lr = 0.01\n"},
    {"fn", "fn NAME(PARAMS) = EXPR\nfn NAME(PARAMS) { STATEMENTS }\n"
           "  defines a function; a parameter may have a default (lr = 0.1), and a\n"
           "  call may name any parameter: descend(0, steps: 20)\n"},
    {"return", "return [EXPR]\n  ends the current function with a value (none without one)\n"},
    {"if", "if COND { ... } else if COND { ... } else { ... }\n"
           "  else goes on the line of the closing brace before it\n"},
    {"for", "for NAME in EXPR { ... }\n  once per element of a list (or character of a string)\n"},
    {"while", "while COND { ... }\n  repeats while COND is true; Ctrl-C stops it\n"},
    {"break", "break\n  leaves the innermost loop\n"},
    {"continue", "continue\n  goes on with the next round of the innermost loop\n"},
    {"print", "print EXPR, ...\n  prints the values separated by spaces; strings print bare\n"},
    {"assert", "assert COND [, MESSAGE]\n"
               "  an error (exit status 1 in a script) when COND is false\n"},
    {"import", "import \"FILE\" [as NAME]\n"
               "  runs a file once and brings its names into scope (or into one record)\n"},
    {"model", "model NAME { LAYER ... }\n  declares a model as its layers, in order:\n"
              "    model mlp { dense(64) relu dropout(0.5) dense(1) sigmoid }\n"},
    {"optimizer", "optimizer NAME = EXPR\n  declares an optimizer: optimizer opt = adam(lr: 0.001)\n"},
    {"train", "train MODEL on DATA, validate: VAL, optimizer: OPT, loss: LOSS,\n"
              "      epochs: N, batch: N\n"
              "  trains a fresh copy of MODEL; the value is a run with its curves\n"
              "  (r.loss, r.val_loss, r.accuracy, ...). Ctrl-C stops it.\n"},
    {"sweep", "sweep NAME in LIST, ... { EXPR }\n"
              "  evaluates EXPR (often a train) once per point of the grid:\n"
              "    sweep lr in [0.001, 0.1], batch in [64, 16] { train ... }\n"},
    {"plot", "plot EXPR, ... [title \"TEXT\"]\n"
             "  draws the series as a text chart: plot r.loss, r.val_loss title \"loss\"\n"},
    {"bars", "bars EXPR, ... [title \"TEXT\"]\n  draws a grouped bar chart\n"},
    {"table", "table RUNS\n  the final and best metrics of each run of a sweep\n"},
    {"summary", "summary MODEL\n  the model's layers, shapes and parameter counts\n"},
    {"seed", "seed N\n  seeds the random numbers: the same seed gives the same results\n"},
    {"minimize", "minimize F from X0, lr: LR, steps: N\n"
                 "  gradient descent on a function of one number: minimize f from 0, lr: 0.1\n"},
    {"evaluate", "evaluate MODEL on DATA\n  the loss and metrics of a trained model on data\n"},
    {"predict", "predict MODEL on DATA\n  the model's outputs for the data\n"},
    {"save", "save EXPR to \"FILE\"\n  writes a model's weights or a run's curves to a file\n"
             "  (:save FILE is the REPL command that saves the session)\n"},
    {":help", ":help [TOPIC]\n  the topic list, or the help for one statement, command or builtin\n"},
    {":vars", ":vars\n  every variable defined so far, with its value on one line\n"},
    {":load", ":load FILE\n  runs a script file here: its variables and functions stay defined\n"},
    {":save", ":save FILE\n  writes every entry that ran without error, in order, as a script\n"},
    {":reset", ":reset\n  starts over with a fresh interpreter: every variable is gone\n"},
    {":quit", ":quit\n  leaves the REPL (so does Ctrl-D on an empty line)\n"},
    {"keys", "Tab        completes keywords, builtins, variables, fields after NAME.,\n"
             "           parameter names inside a call, file names in a string\n"
             "Up, Down   the history (kept in ~/.fx_history, or $FX_HISTORY)\n"
             "Ctrl-C     clears the line or the unfinished entry; stops running code\n"
             "Ctrl-D     on an empty line: quits\n"
             "Ctrl-R     searches the history backwards (Emacs keys, see editrc(5))\n"},
};
/* Where the experiment statements and the commands start in topics[]. */
enum { NTOPICS = sizeof topics / sizeof topics[0], FIRST_EXPERIMENT = 11, FIRST_COMMAND = 24 };

const char *fx_repl_help_topic(int i)
{
    return i >= 0 && i < NTOPICS ? topics[i].name : NULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Words after `label`, wrapped to `width` with a hanging indent. */
static void print_words(FILE *out, const char *label, const char *const *words, int n, int width)
{
    int col = fprintf(out, "%-13s", label);
    for (int i = 0; i < n; i++) {
        int len = (int)strlen(words[i]);
        if (col > 13 && col + 1 + len > width) {
            fprintf(out, "\n%13s", "");
            col = 13;
        }
        col += fprintf(out, "%s%s", col > 13 ? " " : "", words[i]);
    }
    fputc('\n', out);
}

/* The builtin functions' names, sorted; the caller frees the array. */
static const char **builtin_names(FxInterp *I, int *n)
{
    const char **names = fx_xmalloc((size_t)(I->builtins->n + 1) * sizeof *names);
    *n = 0;
    for (int i = 0; i < I->builtins->n; i++)
        if (I->builtins->vals[i].type == FX_BUILTIN)
            names[(*n)++] = I->builtins->names[i];
    qsort(names, (size_t)*n, sizeof *names, cmp_str);
    return names;
}

static void help_index(FxInterp *I, FILE *out)
{
    int width = I->opt.width > 40 ? I->opt.width - 1 : 79;
    fputs("Type a statement, or an expression to see its value. An unfinished line\n"
          "(an open bracket or brace, a trailing operator or comma) continues on the\n"
          "next one, after \"...\"; Ctrl-C drops it.\n\n", out);
    fputs("commands:    :help [TOPIC], :vars, :load FILE, :save FILE, :reset, :quit\n", out);
    const char *words[NTOPICS];
    for (int i = 0; i < NTOPICS; i++)
        words[i] = topics[i].name;
    print_words(out, "statements:", words, FIRST_EXPERIMENT, width);
    print_words(out, "experiments:", words + FIRST_EXPERIMENT, FIRST_COMMAND - FIRST_EXPERIMENT,
                width);
    int n;
    const char **names = builtin_names(I, &n);
    print_words(out, "builtins:", names, n, width);
    free(names);
    fputs("\n:help TOPIC shows one of these (:help keys for the keys); fx(7) has the\n"
          "whole language.\n", out);
}

/* `range(a, [b], [step])` from the params string "a, b=, step=". */
static void builtin_signature(FILE *out, const FxBuiltin *b)
{
    fprintf(out, "%s(", b->name);
    const char *p = b->params ? b->params : "";
    int first = 1;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t n = strcspn(p, ",");
        while (n > 0 && p[n - 1] == ' ')
            n--;
        if (n == 0)
            break;
        const char *sep = first ? "" : ", ";
        if (n == 2 && !strncmp(p, "**", 2))
            fprintf(out, "%sNAME: VALUE, ...", sep);
        else if (n == 1 && *p == '*')
            fprintf(out, "%s...", sep);
        else if (p[n - 1] == '=')
            fprintf(out, "%s[%.*s]", sep, (int)(n - 1), p);
        else
            fprintf(out, "%s%.*s", sep, (int)n, p);
        first = 0;
        p += strcspn(p, ",");
    }
    fputs(")\n", out);
}

/* Help for a name bound in the builtins or the globals, if it is one. */
static int help_name(FxInterp *I, FILE *out, const char *name)
{
    FxValue *v = NULL;
    for (FxEnv *e = I->globals; e && !v; e = e->parent)
        for (int i = 0; i < e->n && !v; i++)
            if (!strcmp(e->names[i], name))
                v = &e->vals[i];
    if (!v)
        return 0;
    if (v->type == FX_BUILTIN) {
        builtin_signature(out, v->as.bi);
        if (v->as.bi->summary)
            fprintf(out, "  %s\n", v->as.bi->summary);
        return 1;
    }
    FxBuf b;
    fx_buf_init(&b);
    if (v->type == FX_FUNC) {
        const FxFunc *f = fx_as_func(*v);
        int line, col;
        fx_diag_linecol(f->src, f->decl->span.off, &line, &col);
        fx_buf_printf(&b, "%s: a function defined at %s:%d:%d", name, f->src->name, line, col);
    } else {
        fx_buf_printf(&b, "%s: %s, ", name, fx_type_phrase(*v));
        fx_value_repr(&b, *v);
    }
    fprintf(out, "%s\n", b.s);
    fx_buf_free(&b);
    return 1;
}

void fx_repl_help(FxInterp *I, FILE *out, const char *topic)
{
    if (!topic) {
        help_index(I, out);
        return;
    }
    for (int i = 0; i < NTOPICS; i++) {
        if (!strcmp(topics[i].name, topic) ||
            (topic[0] != ':' && topics[i].name[0] == ':' && !strcmp(topics[i].name + 1, topic) &&
             strcmp(topic, "save") != 0)) {
            fputs(topics[i].text, out);
            return;
        }
    }
    if (help_name(I, out, topic))
        return;
    int n;
    const char **names = builtin_names(I, &n);
    const char **cands = fx_xmalloc((size_t)(n + NTOPICS) * sizeof *cands);
    for (int i = 0; i < NTOPICS; i++)
        cands[i] = topics[i].name;
    memcpy(cands + NTOPICS, names, (size_t)n * sizeof *cands);
    const char *near = fx_diag_suggest(topic, cands, n + NTOPICS);
    fprintf(I->diag.out, "fx: no help for '%s'", topic);
    if (near)
        fprintf(I->diag.out, "; did you mean '%s'?", near);
    fprintf(I->diag.out, " (:help lists the topics)\n");
    free(cands);
    free(names);
}
