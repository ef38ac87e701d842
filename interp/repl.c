/* The interactive REPL: libedit for line editing and history, a prompt
 * loop that accumulates continuation lines while fx_run_text says the
 * entry is incomplete (as lua.c does), and the keys that matter.
 *
 * libedit is used through its own API (histedit.h), not its readline
 * emulation: the completion function reaches the session through
 * EL_CLIENTDATA instead of readline's global variables, EL_SETTY can take
 * ISIG out of the editing mode only, and el_gets tells end of input from
 * a cancelled line.
 *
 * Ctrl-C. While a line is edited the terminal does not turn Ctrl-C into
 * SIGINT ("-isig" in libedit's edit mode): it arrives as a key, bound to
 * a function that cancels the line or the unfinished entry. So a Ctrl-C
 * at the prompt never reaches the signal handler of main.c, whatever the
 * thread the kernel would pick, and hammering the key cannot kill the
 * REPL. While code runs, the terminal is back in its normal mode, Ctrl-C
 * is SIGINT, main.c's handler sets *interrupted, and loops, calls and the
 * training statements stop with an "interrupted" error that fx_run_text
 * reports (a train or sweep first finishes its statement with the run or
 * the points so far, so `let r = train ...` binds them); the REPL clears
 * the flag before and after every entry, so a late Ctrl-C never stops
 * the next one. Ctrl-Z still suspends (a key bound to do it by hand).
 *
 * Knows nothing of the runtime. */
#include <errno.h>
#include <histedit.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "mem.h"
#include "repl.h"
#include "repl_impl.h"

#define HISTORY_LINES 1000

/* ---- history --------------------------------------------------------------- */

/* $FX_HISTORY, else ~/.fx_history; NULL (no file) when FX_HISTORY is empty
 * or there is no home. */
static char *history_path(void)
{
    const char *env = getenv("FX_HISTORY");
    if (env)
        return env[0] ? fx_xstrdup(env) : NULL;
    const char *home = getenv("HOME");
    if (!home || !home[0])
        return NULL;
    FxBuf b;
    fx_buf_init(&b);
    fx_buf_printf(&b, "%s/.fx_history", home);
    return b.s;
}

static void history_open(FxRepl *r)
{
    HistEvent ev;
    r->hist = history_init();
    if (!r->hist)
        return;
    history(r->hist, &ev, H_SETSIZE, HISTORY_LINES);
    history(r->hist, &ev, H_SETUNIQUE, 1);
    r->hist_path = history_path();
    if (r->hist_path)
        history(r->hist, &ev, H_LOAD, r->hist_path);  /* a missing file is fine */
}

/* Adds one typed line (without its newline) and writes the file at once,
 * so a killed REPL loses nothing; a file that cannot be written is not
 * an error. */
static void history_add(FxRepl *r, const char *line, size_t len)
{
    HistEvent ev;
    size_t blank = 0;
    while (blank < len && strchr(" \t\r\n", line[blank]))
        blank++;
    if (!r->hist || blank == len)
        return;
    char *s = fx_xstrndup(line, len);
    history(r->hist, &ev, H_ENTER, s);
    free(s);
    if (r->hist_path)
        history(r->hist, &ev, H_SAVE, r->hist_path);
}

/* ---- keys ------------------------------------------------------------------ */

static FxRepl *session(EditLine *el)
{
    void *r = NULL;
    el_get(el, EL_CLIENTDATA, &r);
    return r;
}

static char *prompt(EditLine *el)
{
    FxRepl *r = session(el);
    return r->entry.len ? r->prompt_more : r->prompt_main;
}

/* Ctrl-C while editing: drop the line (and the unfinished entry). */
static unsigned char key_cancel(EditLine *el, int ch)
{
    session(el)->cancel = 1;
    return CC_EOF;
}

/* Ctrl-Z while editing: the terminal does not send SIGTSTP in edit mode,
 * so stop the way it would, and redraw the line on return. */
static unsigned char key_suspend(EditLine *el, int ch)
{
    el_set(el, EL_PREP_TERM, 0);
    raise(SIGTSTP);               /* returns once the shell continues fx */
    el_set(el, EL_PREP_TERM, 1);
    return CC_REDISPLAY;
}

/* Tab: complete the word before the cursor; when nothing can be added,
 * list the candidates. The context includes the entry's earlier lines. */
static unsigned char key_complete(EditLine *el, int ch)
{
    FxRepl *r = session(el);
    const LineInfo *li = el_line(el);
    size_t before = (size_t)(li->cursor - li->buffer);
    FxBuf text;
    fx_buf_init(&text);
    fx_buf_put(&text, r->entry.len ? r->entry.s : "", r->entry.len);
    fx_buf_put(&text, li->buffer, before);
    FxCompletions c;
    fx_repl_complete(*r->Ip, text.s, text.len, &c);
    size_t typed = text.len - c.start, common = fx_completions_common(&c);
    unsigned char rc = CC_REFRESH;
    if (c.n == 0) {
        rc = CC_ERROR;
    } else if (common > typed) {
        char *add = fx_xstrndup(c.items[0] + typed, common - typed);
        rc = el_insertstr(el, add) == 0 ? CC_REFRESH : CC_ERROR;
        free(add);
    } else if (c.n > 1) {
        fputc('\n', r->out);
        fx_completions_print(&c, r->out, (*r->Ip)->opt.width);
        rc = CC_REDISPLAY;
    }
    fx_completions_free(&c);
    fx_buf_free(&text);
    return rc;
}

static int editor_open(FxRepl *r)
{
    EditLine *el = el_init("fx", stdin, stdout, stderr);
    if (!el)
        return -1;
    r->el = el;
    el_set(el, EL_CLIENTDATA, r);
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_PROMPT, prompt);
    if (r->hist)
        el_set(el, EL_HIST, history, r->hist);
    el_set(el, EL_SETTY, "-d", "-isig", NULL);
    /* While code runs the terminal would echo "^C" where the error report
     * then starts; without the echo the report starts on its own line. */
    el_set(el, EL_SETTY, "-x", "-echoctl", NULL);
    /* Wide strings: the narrow el_set copies them and never frees them. */
    el_wset(el, EL_ADDFN, L"fx-complete", L"complete a name", key_complete);
    el_wset(el, EL_ADDFN, L"fx-cancel", L"drop the line", key_cancel);
    el_wset(el, EL_ADDFN, L"fx-suspend", L"suspend fx", key_suspend);
    el_set(el, EL_BIND, "^I", "fx-complete", NULL);
    el_set(el, EL_BIND, "^C", "fx-cancel", NULL);
    el_set(el, EL_BIND, "^Z", "fx-suspend", NULL);
    el_set(el, EL_BIND, "^R", "em-inc-search-prev", NULL);   /* as in readline */
    el_source(el, NULL);          /* ~/.editrc, as every libedit program */
    return 0;
}

/* ---- the prompt loop ------------------------------------------------------- */

enum { LINE_OK, LINE_EOF, LINE_CANCEL };

/* Reads one line into *line (NUL-terminated, with its newline). */
static int read_line(FxRepl *r, const char **line, int *len)
{
    fflush(stdout);
    fflush(stderr);
    r->cancel = 0;
    errno = 0;
    /* Editing mode before the prompt shows: el_gets would switch only
     * when it reads the first key, and keys typed after the prompt but
     * before that would be taken by the terminal (Ctrl-C as SIGINT). */
    el_set(r->el, EL_PREP_TERM, 1);
    const char *s = el_gets(r->el, len);
    if (r->cancel || (!s && *len < 0 && errno == EINTR))
        return LINE_CANCEL;
    if (!s || *len <= 0)
        return LINE_EOF;
    *line = s;
    return LINE_OK;
}

/* Whether the entry holds nothing but blanks and comments. */
static int entry_is_blank(const FxBuf *e)
{
    int comment = 0;
    for (size_t i = 0; i < e->len; i++) {
        char c = e->s[i];
        if (c == '\n')
            comment = 0;
        else if (c == '#')
            comment = 1;
        else if (!comment && !strchr(" \t\r\f\v", c))
            return 0;
    }
    return 1;
}

/* Runs the entry. With `more_ok`, an entry that merely ended too early is
 * kept for the next line; else it runs as it is (its error is reported). */
static void run_entry(FxRepl *r, int more_ok)
{
    if (entry_is_blank(&r->entry)) {
        r->entry.len = 0;
        return;
    }
    if (r->interrupted)
        *r->interrupted = 0;
    /* Named here, not by fx_run_text: it would count every attempt, and
     * a three-line entry would use up three numbers. */
    char name[32];
    snprintf(name, sizeof name, "<repl:%d>", r->entries + 1);
    int flags = FX_RUN_ECHO | (more_ok ? FX_RUN_INCOMPLETE_OK : 0);
    int rc = fx_run_text(*r->Ip, name, r->entry.s, r->entry.len, flags);
    if (r->interrupted)
        *r->interrupted = 0;
    if (rc == FX_RUN_INCOMPLETE)
        return;
    /* The whole entry is one history event, so Up recalls all its lines
     * (as IPython does); a cancelled entry is not kept. */
    size_t n = r->entry.len;
    history_add(r, r->entry.s, n && r->entry.s[n - 1] == '\n' ? n - 1 : n);
    r->entries++;
    if (rc == FX_RUN_OK)
        fx_repl_remember(r, r->entry.s, r->entry.len);
    r->entry.len = 0;
}

/* One line: a command, or one more line of the entry. */
static void take_line(FxRepl *r, const char *line, int len)
{
    size_t n = (size_t)len;
    const char *p = line;
    while (*p == ' ' || *p == '\t')
        p++;
    if (r->entry.len == 0 && *p == ':') {
        history_add(r, line, n && line[n - 1] == '\n' ? n - 1 : n);
        char *cmd = fx_xstrndup(p + 1, n - (size_t)(p + 1 - line));
        fx_repl_command(r, cmd);
        free(cmd);
        return;
    }
    fx_buf_put(&r->entry, line, n);
    run_entry(r, 1);
}

static void loop(FxRepl *r)
{
    while (!r->quit) {
        const char *line = NULL;
        int len = 0;
        switch (read_line(r, &line, &len)) {
        case LINE_CANCEL:
            fputs("^C\n", r->out);
            r->entry.len = 0;
            break;
        case LINE_EOF:
            fputc('\n', r->out);
            if (r->entry.len == 0)
                return;
            run_entry(r, 0);     /* Ctrl-D inside an entry: say what it lacks */
            break;
        default:
            take_line(r, line, len);
            break;
        }
    }
}

int fx_repl(FxInterp **Ip, volatile sig_atomic_t *interrupted)
{
    FxRepl r;
    memset(&r, 0, sizeof r);
    r.Ip = Ip;
    r.interrupted = interrupted;
    r.out = (*Ip)->out;
    memcpy(r.prompt_main, "fx> ", 5);
    memcpy(r.prompt_more, "... ", 5);
    fx_buf_init(&r.entry);
    fx_buf_init(&r.script);
    setlocale(LC_CTYPE, "");      /* libedit edits UTF-8 text by the locale */
    history_open(&r);
    int status = 0;
    if (editor_open(&r) == 0) {
        fprintf(r.out, "fx %s: type :help for help, Ctrl-D to quit\n", FX_VERSION);
        loop(&r);
        el_end(r.el);
    } else {
        fprintf((*Ip)->diag.out, "fx: cannot start line editing on this terminal\n");
        status = 2;
    }
    if (r.hist)
        history_end(r.hist);
    free(r.hist_path);
    fx_buf_free(&r.entry);
    fx_buf_free(&r.script);
    fflush(r.out);
    return status;
}
