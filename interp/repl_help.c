/* :help in the REPL: the topic list, and a short text per statement,
 * command, builtin and layer (a builtin's or a layer's text comes from its
 * `summary`). The statements' texts follow grammar/parser.y; what the
 * libraries registered fills in the rest: :help model lists the layers,
 * and a statement whose options carry help (train) lists them, one line
 * each. Knows nothing of libedit or the runtime. */
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
    {"model", "model NAME { LAYER ... }\n"
              "model NAME(input: SHAPE, init: \"INIT\") { LAYER ... }\n"
              "  declares a model as its layers, in order, on one line or several:\n"
              "    model cnn { conv2d(16, 3, pad: 1) relu maxpool(2) flatten dense(10) }\n"
              "  A layer is a name, or a call with its parameters; another model's name\n"
              "  puts its layers there. input: is the sample shape ([3, 32, 32]; else\n"
              "  the data's), init: the weights' initialisation (\"torch\", the default,\n"
              "  \"glorot_uniform\", \"he_normal\", ...); a layer may set its own.\n"},
    {"optimizer", "optimizer NAME = EXPR\n"
                  "  declares an optimizer for train's optimizer: option:\n"
                  "    optimizer opt = adam(lr: 0.001)\n"
                  "  the optimizers are sgd, adam, adamw, rmsprop and adagrad (:help adam)\n"},
    {"train", "train MODEL on DATA [, OPTION: VALUE, ...]\n"
              "  trains a fresh copy of MODEL (a model, or a run's) on a dataset; the\n"
              "  value is a run: its curves by epoch (r.loss, r.accuracy, r.val_loss,\n"
              "  r.val_accuracy, r.lr), what happened (r.epochs, r.status, ...) and the\n"
              "  trained model (r.model); Tab after r. lists every field.\n"
              "    let r = train cnn on data, epochs: 10, validation_split: 0.2\n"
              "  Ctrl-C stops it after the current batch: the run so far is kept, and\n"
              "  r.interrupted is true.\n"},
    {"sweep", "sweep NAME in LIST, ... { BODY }\n"
              "  runs BODY once per point of the grid (the first name varies slowest);\n"
              "  the value of its last expression, usually a run, is the point's result:\n"
              "    let runs = sweep lr in [0.1, 0.01], batch in [16, 64] {\n"
              "        train cnn on data, optimizer: sgd(lr: lr), batch: batch }\n"
              "  Every point starts from the same weights and shuffles. The value holds\n"
              "  the points: len(runs), runs[0], runs.labels, runs.params, runs.results,\n"
              "  runs.errors, and any field of the results by point (runs.val_loss), for\n"
              "  plot, bars and table. A point that fails keeps its error and the others\n"
              "  go on; Ctrl-C stops the sweep and keeps the points so far.\n"},
    {"plot", "plot CURVE, ... [, OPTION: VALUE, ...] [title \"TEXT\"]\n"
             "  draws curves as a text chart: a list of numbers (labelled as written),\n"
             "  a run (its loss and val_loss), a sweep or runs.val_loss (one curve per\n"
             "  point): plot r.loss, r.val_loss title \"loss\"\n"
             "  In ASCII each curve has its mark (*, o, +, ...); where curves cross or\n"
             "  overlap a cell shows #, so no curve hides another.\n"},
    {"bars", "bars SERIES, ... [, OPTION: VALUE, ...] [title \"TEXT\"]\n"
             "  draws a grouped bar chart; a series is a list of numbers or a sweep's\n"
             "  field (one bar per point; a curve counts by its last value):\n"
             "    bars runs.loss title \"final loss\"\n"
             "  options: title:, xlabel: (the value axis), groups: [...] (the groups'\n"
             "  names), labels: [...] (the series' names), log: true, width:, mode:,\n"
             "  to: \"FILE.svg\" (the chart as an SVG picture instead)\n"},
    {"table", "table VALUE [, title: \"TEXT\"]\n"
              "  draws a table: a sweep as one row per point (its values, the final and\n"
              "  best metrics, epochs, seconds, status), a run as one row per epoch, a\n"
              "  list of records, a record, or a set of curves (runs.val_loss)\n"},
    {"summary", "summary MODEL [, input: SHAPE]\n"
                "  the layers of a model (or a run's), their output shapes and parameter\n"
                "  counts; input: is the sample shape, needed unless the model has one\n"
                "  (model NAME(input: ...), or a trained one)\n"},
    {"seed", "seed N\n  seeds the random numbers of what follows (data, weights, shuffles):\n"
             "  the same seed gives the same results\n"},
    {"minimize", "minimize F from X0 [, lr: LR, steps: N, momentum: M]\n"
                 "  gradient descent with exact derivatives on a function written as one\n"
                 "  expression (fn f(x) = x^2 - 4*x + 3) of 1 to 16 numbers, from X0 (a\n"
                 "  number or a list); lr 0.1, 100 steps and no momentum unless given.\n"
                 "  The value is a record: f (after every step), x, path, steps, lr,\n"
                 "  diverged:  let m = minimize f from 0, lr: 0.1\n"},
    {"evaluate", "evaluate MODEL on DATA\n"
                 "  the loss of a trained model (a run, or r.model) on a dataset, and its\n"
                 "  accuracy when it classifies, as a record: {loss: 0.31, accuracy: 0.9};\n"
                 "  the loss is the run's, else the one the data calls for; options:\n"
                 "  loss: \"mse\" (or another loss), batch: samples at a time (256)\n"},
    {"predict", "predict MODEL on DATA\n"
                "  the trained model's outputs for every sample: a list of numbers (one\n"
                "  output each) or of lists (several, such as the classes' scores);\n"
                "  batch: samples at a time (256)\n"},
    {"save", "save VALUE to \"FILE\" [, steps: true] [, labels: \"FILE\"] [, names: \"torch\"]\n"
             "  writes a run or a sweep (a row per epoch; per step with steps: true), a\n"
             "  list or a set of curves to .csv or .jsonl, a model's (or run's)\n"
             "  weights to .safetensors (load_weights reads them back; names: \"torch\"\n"
             "  names them as PyTorch's nn.Sequential does, batchnorm's\n"
             "  num_batches_tracked included), or a dataset\n"
             "  to .npy (its samples; labels: another .npy for its targets) or .npz\n"
             "  (both, as x and y; load_npy and load_npz read them back)\n"
             "  (:save FILE is the REPL command that saves the session)\n"},
    {":help", ":help [TOPIC]\n"
              "  the topic list, or the help for one statement, command, builtin, layer\n"
              "  or variable\n"},
    {":vars", ":vars\n  every variable defined so far, with its value on one line\n"},
    {":load", ":load FILE\n  runs a script file here: its variables and functions stay defined\n"},
    {":save", ":save FILE\n  writes every entry that ran without error, in order, as a script\n"},
    {":reset", ":reset\n  starts over with a fresh interpreter: every variable is gone\n"},
    {":quit", ":quit\n  leaves the REPL (so does Ctrl-D on an empty line)\n"},
    {"keys", "Tab        completes keywords, builtins, variables, fields after NAME.,\n"
             "           parameter names inside a call, a command's options after\n"
             "           its comma (train m on d, ep), layers and their parameters\n"
             "           in a model block, file names in a string\n"
             "Up, Down   the history (kept in ~/.fx_history, or $FX_HISTORY)\n"
             "Ctrl-C     clears the line or the unfinished entry; stops running code\n"
             "           (train and sweep after a batch, keeping the run so far)\n"
             "Ctrl-D     on an empty line: quits\n"
             "Ctrl-R     searches the history backwards (Emacs keys, see editrc(5))\n"},
};
/* Where the experiment statements and the commands start in topics[]. */
enum { NTOPICS = sizeof topics / sizeof topics[0], FIRST_EXPERIMENT = 11, FIRST_COMMAND = 24 };

/* A statement's options, one line each, when the library gave them help. */
static void help_options(FILE *out, const FxStatementDef *st)
{
    if (!st || !st->options || !st->options[0].help)
        return;
    fputs("options:\n", out);
    for (const FxOptionDef *o = st->options; o->name; o++) {
        if (!o->help || !fx_repl_option_writable(o->name))
            continue;
        char head[64];
        snprintf(head, sizeof head, "%s: %s", o->name, o->value ? o->value : "VALUE");
        fprintf(out, "  %-24s %s\n", head, o->help);
    }
    if (st->options_note)
        fprintf(out, "\n%s", st->options_note);
}

static void help_layers(const FxInterp *I, FILE *out)
{
    int n;
    const FxBuiltin *layers = fx_layers(I, &n);
    fputs("layers (:help LAYER shows its parameters):\n", out);
    for (int i = 0; i < n; i++)
        fprintf(out, "  %-11s %s\n", layers[i].name, layers[i].summary);
}

/* What a topic shows after its text, from what the libraries registered:
 * the statement's options, and the layers after `model`. */
static void help_more(const FxInterp *I, FILE *out, const char *topic)
{
    for (int k = FX_N_KIND_CORE + 1; k < FX_N_KIND_COUNT; k++) {
        const FxStatementDef *st = fx_statement(I, k);
        if (st && !strcmp(st->keyword, topic))
            help_options(out, st);
    }
    if (!strcmp(topic, "model"))
        help_layers(I, out);
}

/* The topics, then the layers, each with help of its own. */
const char *fx_repl_help_topic(const FxInterp *I, int i)
{
    int n;
    const FxBuiltin *layers = fx_layers(I, &n);
    if (i >= 0 && i < NTOPICS)
        return topics[i].name;
    return i >= NTOPICS && i < NTOPICS + n ? layers[i - NTOPICS].name : NULL;
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
    int nl;
    const FxBuiltin *layers = fx_layers(I, &nl);
    const char **lnames = fx_xmalloc((size_t)nl * sizeof *lnames);
    for (int i = 0; i < nl; i++)
        lnames[i] = layers[i].name;
    print_words(out, "layers:", lnames, nl, width);
    free(lnames);
    int n;
    const char **names = builtin_names(I, &n);
    print_words(out, "builtins:", names, n, width);
    free(names);
    fputs("\n:help TOPIC shows one of these (:help keys for the keys); fx(7) has the\n"
          "whole language.\n", out);
}

/* `range(a, [b], [step])` from the params string "a, b=, step=", wrapped
 * under the '(' past 79 columns. */
static void builtin_signature(FILE *out, const FxBuiltin *b)
{
    int indent = fprintf(out, "%s(", b->name), col = indent;
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
        int more = (int)n + 4;           /* the separator, brackets, ')' at worst */
        if (!first && col + more > 79) {
            fprintf(out, ",\n%*s", indent, "");
            sep = "";
            col = indent;
        }
        if (n == 2 && !strncmp(p, "**", 2))
            col += fprintf(out, "%sNAME: VALUE, ...", sep);
        else if (n == 1 && *p == '*')
            col += fprintf(out, "%s...", sep);
        else if (p[n - 1] == '=')
            col += fprintf(out, "%s[%.*s]", sep, (int)(n - 1), p);
        else
            col += fprintf(out, "%s%.*s", sep, (int)n, p);
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
    if (v->type == FX_FOREIGN && fx_as_foreign(*v)->type->fields) {
        const char *const *f = fx_as_foreign(*v)->type->fields;
        int nf = 0;
        while (f[nf])
            nf++;
        print_words(out, "  fields:", f, nf, I->opt.width > 40 ? I->opt.width - 1 : 79);
    }
    return 1;
}

/* A layer: its parameters and what it does; only a line when the name is
 * a builtin too (tanh), whose help came first. */
static void help_layer(FILE *out, const FxBuiltin *layer, int also)
{
    if (also) {
        fprintf(out, "  %s is also a layer of a model block (:help model)\n", layer->name);
        return;
    }
    builtin_signature(out, layer);
    fprintf(out, "  %s\n", layer->summary);
    fputs("  a layer of a model block (:help model); parameters in [ ] are optional\n"
          "  and may be given by name\n", out);
    if (strstr(layer->params, "init="))
        fputs("  init: \"torch\" (the default), \"glorot_uniform\", \"glorot_normal\",\n"
              "  \"he_normal\", \"he_uniform\", \"zeros\" or \"normal\" (init_std: its std)\n",
              out);
    if (strstr(layer->params, "activation="))
        fputs("  activation: \"relu\", \"sigmoid\", \"tanh\", \"softmax\", \"leaky_relu\" adds\n"
              "  that layer after this one (\"linear\": none)\n", out);
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
            help_more(I, out, topics[i].name);
            return;
        }
    }
    int named = help_name(I, out, topic);
    const FxBuiltin *layer = fx_layer(I, topic, strlen(topic));
    if (layer)
        help_layer(out, layer, named);
    if (named || layer)
        return;
    int n;
    const char **names = builtin_names(I, &n);
    const char **cands = fx_xmalloc((size_t)(n + NTOPICS + 32) * sizeof *cands);
    int nc = 0;
    for (int i = 0; fx_repl_help_topic(I, i) && nc < NTOPICS + 32; i++)
        cands[nc++] = fx_repl_help_topic(I, i);
    memcpy(cands + nc, names, (size_t)n * sizeof *cands);
    const char *near = fx_diag_suggest(topic, cands, nc + n);
    fprintf(I->diag.out, "fx: no help for '%s'", topic);
    if (near)
        fprintf(I->diag.out, "; did you mean '%s'?", near);
    fprintf(I->diag.out, " (:help lists the topics)\n");
    free(cands);
    free(names);
}
