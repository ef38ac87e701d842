/* The REPL's colon commands: :help, :vars, :load FILE, :save FILE, :reset
 * and :quit (any unique prefix works: :q). A command never ends the REPL
 * except :quit, and a command's failure (an unreadable file, an error in
 * a loaded script) is reported and leaves the state as it was. Knows
 * nothing of libedit. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "file_replace.h"
#include "mem.h"
#include "repl_impl.h"

char *fx_read_file(const char *path, size_t *len);

static const char command_list[] =
    ":help [TOPIC], :vars, :load FILE, :save FILE, :reset, :quit";

void fx_repl_remember(FxRepl *r, const char *text, size_t len)
{
    fx_buf_put(&r->script, text, len);
    if (len == 0 || text[len - 1] != '\n')
        fx_buf_put(&r->script, "\n", 1);
}

/* ---- :vars ------------------------------------------------------------- */

/* `fn f(x, lr)` for a function, else the value as the REPL echoes it. */
static void describe_value(FxBuf *b, FxValue v)
{
    if (v.type != FX_FUNC) {
        fx_value_repr(b, v);
        return;
    }
    const FxFunc *f = fx_as_func(v);
    fx_buf_printf(b, "fn %s(", f->name);
    for (int i = 0; i < f->decl->params.count; i++)
        fx_buf_printf(b, "%s%s", i ? ", " : "", f->decl->params.items[i]->name);
    fx_buf_puts(b, ")");
}

/* Cuts b to `width` bytes with "..." at the end, on a character boundary. */
static void fit_width(FxBuf *b, size_t width)
{
    if (b->len <= width || width < 8)
        return;
    size_t cut = width - 3;
    while (cut > 0 && ((unsigned char)b->s[cut] & 0xC0) == 0x80)
        cut--;
    b->len = cut;
    fx_buf_puts(b, "...");
}

static void cmd_vars(FxRepl *r, const char *arg)
{
    FxInterp *I = *r->Ip;
    FxEnv *g = I->globals;
    if (g->n == 0) {
        fprintf(r->out, "no variables yet: `let x = 1` defines one\n");
        return;
    }
    for (int i = 0; i < g->n; i++) {
        FxBuf b;
        fx_buf_init(&b);
        fx_buf_printf(&b, "%s = ", g->names[i]);
        describe_value(&b, g->vals[i]);
        for (size_t k = 0; k < b.len; k++)
            if (b.s[k] == '\n' || b.s[k] == '\t')
                b.s[k] = ' ';
        fit_width(&b, (size_t)(I->opt.width > 20 ? I->opt.width - 1 : 79));
        fprintf(r->out, "%s\n", b.s);
        fx_buf_free(&b);
    }
}

/* ---- :load, :save ---------------------------------------------------------- */

static void cmd_load(FxRepl *r, const char *path)
{
    FxInterp *I = *r->Ip;
    size_t len;
    char *text = fx_read_file(path, &len);
    if (!text) {
        fprintf(I->diag.out, "fx: cannot read '%s': %s\n", path, strerror(errno));
        return;
    }
    if (r->interrupted)
        *r->interrupted = 0;
    /* Named after the file, so its errors point into it. */
    if (fx_run_text(I, path, text, len, 0) == FX_RUN_OK) {
        FxBuf note;
        fx_buf_init(&note);
        fx_buf_printf(&note, "# :load %s\n", path);
        fx_repl_remember(r, note.s, note.len);
        fx_repl_remember(r, text, len);
        fx_buf_free(&note);
    }
    if (r->interrupted)
        *r->interrupted = 0;
    free(text);
}

static void cmd_save(FxRepl *r, const char *path)
{
    int e = fx_file_replace(path, r->script.s, r->script.len);
    if (e) {
        fprintf((*r->Ip)->diag.out, "fx: cannot write '%s': %s\n", path, strerror(e));
        return;
    }
    size_t lines = 0;
    for (size_t i = 0; i < r->script.len; i++)
        lines += r->script.s[i] == '\n';
    fprintf(r->out, "wrote %zu line%s to %s\n", lines, lines == 1 ? "" : "s", path);
}

/* ---- :reset, :quit, :help ------------------------------------------------ */

static void cmd_reset(FxRepl *r, const char *arg)
{
    FxInterp *old = *r->Ip;
    FxOptions opt = old->opt;
    FILE *out = old->out, *err = old->diag.out;
    fx_interp_free(old);
    *r->Ip = fx_interp_new(&opt, out, err);
    (*r->Ip)->interrupted = r->interrupted;
    r->script.len = 0;
    r->entries = 0;
    fprintf(r->out, "a fresh interpreter: every variable and function is gone\n");
}

static void cmd_quit(FxRepl *r, const char *arg)
{
    r->quit = 1;
}

static void cmd_help(FxRepl *r, const char *arg)
{
    fx_repl_help(*r->Ip, r->out, arg[0] ? arg : NULL);
}

/* ---- dispatch ------------------------------------------------------------ */

typedef struct Command {
    const char *name;
    int         arg;        /* 1: takes a FILE, 2: takes an optional topic */
    void      (*run)(FxRepl *r, const char *arg);
} Command;

static const Command commands[] = {
    {"help", 2, cmd_help}, {"vars", 0, cmd_vars}, {"load", 1, cmd_load},
    {"save", 1, cmd_save}, {"reset", 0, cmd_reset}, {"quit", 0, cmd_quit},
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

const char *fx_repl_command_name(int i)
{
    return i >= 0 && i < NCOMMANDS ? commands[i].name : NULL;
}

/* The command `name` (len bytes) names: exactly, or as a unique prefix. */
static const Command *find_command(const char *name, size_t len)
{
    const Command *found = NULL;
    int matches = 0;
    for (int i = 0; i < NCOMMANDS; i++) {
        if (strncmp(commands[i].name, name, len) != 0)
            continue;
        if (strlen(commands[i].name) == len)
            return &commands[i];
        found = &commands[i];
        matches++;
    }
    return len > 0 && matches == 1 ? found : NULL;
}

/* A FILE argument: the rest of the line, without surrounding quotes. */
static char *file_arg(const char *arg)
{
    size_t n = strlen(arg);
    if (n >= 2 && (arg[0] == '"' || arg[0] == '\'') && arg[n - 1] == arg[0])
        return fx_xstrndup(arg + 1, n - 2);
    return fx_xstrdup(arg);
}

void fx_repl_command(FxRepl *r, const char *line)
{
    FILE *err = (*r->Ip)->diag.out;
    size_t nlen = 0;
    while (line[nlen] && !strchr(" \t\r\n", line[nlen]))
        nlen++;
    const char *arg = line + nlen;
    while (*arg == ' ' || *arg == '\t')
        arg++;
    char *trimmed = fx_xstrdup(arg);
    size_t alen = strlen(trimmed);
    while (alen > 0 && strchr(" \t\r\n", trimmed[alen - 1]))
        trimmed[--alen] = '\0';
    const Command *c = find_command(line, nlen);
    if (!c) {
        fprintf(err, "fx: unknown command ':%.*s'; the commands are %s\n", (int)nlen, line,
                command_list);
    } else if (c->arg == 1 && !alen) {
        fprintf(err, "fx: :%s needs a file name: :%s FILE\n", c->name, c->name);
    } else if (c->arg == 0 && alen) {
        fprintf(err, "fx: :%s takes no argument\n", c->name);
    } else if (c->arg == 1) {
        char *path = file_arg(trimmed);
        c->run(r, path);
        free(path);
    } else {
        c->run(r, trimmed);
    }
    free(trimmed);
}
