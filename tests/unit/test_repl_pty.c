/* Drives the real REPL (fx with no arguments on a terminal) through a
 * pseudo-terminal, as a person would type: multi-line entries, errors,
 * Tab completion, Ctrl-C at the prompt and while code runs (a loop, a
 * long train, a sweep: the partial run and the points so far are kept),
 * Ctrl-D, the commands, and the history file across two sessions. Uses
 * the fx next to this test's build folder (argv[0]'s directory/../fx), so
 * the sanitizer build tests build/san/fx; a sanitizer report in the
 * output fails. */
#define _XOPEN_SOURCE 700       /* posix_openpt, grantpt, unlockpt, ptsname */
#include <limits.h>
#include <sys/stat.h>
#include "check.h"
#include "pty_driver.h"

#define WAIT 8000           /* ms for one expectation; passing takes far less */

typedef struct Test {
    Checks c;
    char   fx[PATH_MAX + 8];
    char   dir[512];        /* a temporary folder: HOME, history, saved script */
    char   env_home[512 + 8];
    char   env_hist[PATH_MAX + 16];
} Test;

static void path_in(const Test *t, char *out, size_t n, const char *name)
{
    snprintf(out, n, "%s/%s", t->dir, name);
}

/* Starts `fx ARG` (ARG may be NULL) with FX_HISTORY set to `hist`. */
static int start(Test *t, Pty *p, const char *hist, const char *arg)
{
    snprintf(t->env_home, sizeof t->env_home, "HOME=%s", t->dir);
    snprintf(t->env_hist, sizeof t->env_hist, "FX_HISTORY=%s", hist);
    char *env[] = {"TERM=xterm", "NO_COLOR=1", "LC_ALL=C", t->env_home, t->env_hist, NULL};
    char *argv[] = {t->fx, (char *)arg, NULL};
    return pty_start(p, argv, env);
}

/* Types `line` and Enter; 1 when `want` shows and then the next prompt. */
static int enter(Pty *p, const char *line, const char *want)
{
    pty_send(p, line);
    pty_send(p, "\r");
    int ok = pty_expect(p, want, WAIT);
    return pty_expect(p, "fx> ", WAIT) && ok;
}

/* Waits for fx to end; 1 when it exited with status 0 and no sanitizer
 * report. With FX_PTY_DUMP set, or on failure, shows what it wrote. */
static int clean_exit(Pty *p)
{
    int st = pty_finish(p, WAIT);
    int sane = !strstr(p->clean, "Sanitizer") && !strstr(p->clean, "runtime error:");
    int ok = st == 0 && sane;
    if (!ok || getenv("FX_PTY_DUMP"))
        printf("# wait status %d; the terminal showed:\n%s\n# (end)\n", st, p->clean);
    return ok;
}

/* ---- the first session: entries, errors, completion, keys ------------------- */

static void entries(Test *t, Pty *p)
{
    pty_send(p, "fn f(x) {\r");
    int more = pty_expect(p, "... ", WAIT);
    pty_send(p, "return x * 2\r");
    more = pty_expect(p, "... ", WAIT) && more;
    CHECK(&t->c, more, "an open brace gives continuation prompts");
    CHECK(&t->c, enter(p, "}", "") && enter(p, "f(21)", "42\n"),
          "multi-line definition, then f(21) prints 42");
    pty_send(p, "fn h(x) {\r");
    more = pty_expect(p, "... ", WAIT);
    pty_send(p, "\r");
    more = pty_expect(p, "\n... ", WAIT) && more;
    CHECK(&t->c, more && enter(p, "return x + 1 }", "") && enter(p, "h(2)", "3\n"),
          "an empty line while continuing keeps waiting");
    pty_send(p, "\r");
    CHECK(&t->c, pty_expect(p, "\nfx> ", WAIT), "an empty line at the prompt does nothing");
    CHECK(&t->c, enter(p, "\"s\"", "\"s\"\n"), "a string prints quoted");
    pty_send(p, "none\r");
    CHECK(&t->c, pty_expect(p, "none\nfx> ", WAIT), "none echoes nothing");
    pty_send(p, "let = 3\r");
    int err = pty_expect(p, "<repl:7>:1:5: error: expected a name, found '='", WAIT);
    err = pty_expect(p, "|     ^", WAIT) && pty_expect(p, "fx> ", WAIT) && err;
    CHECK(&t->c, err, "a syntax error is reported at once, with a caret");
    CHECK(&t->c, enter(p, "f(2)", "4\n"), "after the error the REPL goes on, f still defined");
}

static void completion(Test *t, Pty *p)
{
    enter(p, "let learning_rate = 0.1", "");
    pty_send(p, "learn\t");
    int ok = pty_expect(p, "learning_rate", WAIT);
    CHECK(&t->c, enter(p, "", "0.1\n") && ok, "Tab completes a variable: learn -> learning_rate");
    pty_send(p, "range(0, 10, st\t");
    ok = pty_expect(p, "step: ", WAIT);
    CHECK(&t->c, enter(p, "3)", "[0, 3, 6, 9]") && ok,
          "Tab completes a keyword argument: range(0, 10, st -> step: ");
    enter(p, "let rec = {alpha: 1, beta: 2}", "");
    pty_send(p, "rec.al\t");
    ok = pty_expect(p, "rec.alpha", WAIT);
    CHECK(&t->c, enter(p, "", "1\n") && ok, "Tab completes a record field: rec.al -> rec.alpha");
    pty_send(p, "le\t");
    ok = pty_expect(p, "learning_rate", WAIT) && pty_expect(p, "len", WAIT);
    /* The listing redraws "fx> le"; wait for the prompt after the ^C, or
     * the next keys could arrive while fx is between two lines, when the
     * terminal is in its normal mode and would take a Ctrl-C as SIGINT. */
    pty_send(p, "\x03");
    CHECK(&t->c, pty_expect(p, "^C\n", WAIT) && pty_expect(p, "fx> ", WAIT) && ok,
          "Tab on an ambiguous word lists the candidates");
}

static void keys(Test *t, Pty *p)
{
    pty_send(p, "let zz = 5\x03");
    int ok = pty_expect(p, "^C\n", WAIT) && pty_expect(p, "fx> ", WAIT);
    CHECK(&t->c, enter(p, "zz", "unknown name 'zz'") && ok,
          "Ctrl-C at the prompt drops the line");
    pty_send(p, "fn g(x) {\r");
    ok = pty_expect(p, "... ", WAIT);
    pty_send(p, "\x03");
    ok = pty_expect(p, "fx> ", WAIT) && ok;
    CHECK(&t->c, enter(p, "1 + 1", "2\n") && ok, "Ctrl-C while continuing drops the entry");
    pty_send(p, "[1,\r");
    ok = pty_expect(p, "... ", WAIT);
    pty_send(p, "\x04");
    ok = pty_expect(p, "error:", WAIT) && pty_expect(p, "fx> ", WAIT) && ok;
    CHECK(&t->c, enter(p, "3 * 3", "9\n") && ok,
          "Ctrl-D while continuing reports what is missing and goes on");
    enter(p, "let n = 0", "");
    pty_send(p, "while true { n += 1 }\r");
    ok = pty_wait_canonical(p, 1, WAIT);     /* the line is in: the loop runs */
    pty_drain(p, 200);
    pty_send(p, "\x03");
    ok = pty_expect(p, "error: interrupted", WAIT) && pty_expect(p, "fx> ", WAIT) && ok;
    CHECK(&t->c, ok, "Ctrl-C stops a running loop with 'interrupted'");
    CHECK(&t->c, enter(p, "n > 0", "true\n"), "after Ctrl-C the loop's work is kept: n > 0");
}

static void commands(Test *t, Pty *p, const char *saved)
{
    char line[PATH_MAX + 16];
    CHECK(&t->c, enter(p, "print \"saved\", learning_rate, f(21)", "saved 0.1 42\n"),
          "print in the REPL");
    pty_send(p, ":vars\r");
    int ok = pty_expect(p, "f = fn f(x)\n", WAIT) && pty_expect(p, "learning_rate = 0.1\n", WAIT);
    CHECK(&t->c, pty_expect(p, "fx> ", WAIT) && ok, ":vars lists the variables");
    snprintf(line, sizeof line, ":save %s", saved);
    CHECK(&t->c, enter(p, line, "wrote "), ":save writes the session");
    CHECK(&t->c, enter(p, ":foo", "unknown command ':foo'; the commands are :help"),
          "an unknown command lists the commands");
    CHECK(&t->c, enter(p, ":help plot", "plot CURVE, ..."), ":help plot");
    /* Its options come from the table the checks use, legend: included
     * (it once said "legend: is accepted, not used"). */
    CHECK(&t->c, enter(p, ":help plot", "legend: \"WHERE\"          \"below\" (default), "
                                        "\"right\" or \"none\""),
          ":help plot lists its options with what they do");
    CHECK(&t->c, enter(p, ":help range", "range(a, [b], [step])"), ":help of a builtin");
    CHECK(&t->c, enter(p, ":load /nonexistent/x.fx", "cannot read '/nonexistent/x.fx'"),
          ":load of a missing file is reported");
    CHECK(&t->c, enter(p, ":reset", "fresh interpreter") &&
          enter(p, "learning_rate", "unknown name 'learning_rate'"), ":reset forgets everything");
    snprintf(line, sizeof line, ":load %s", saved);
    CHECK(&t->c, enter(p, line, "saved 0.1 42\n") && enter(p, "f(21)", "42\n"),
          ":load runs the saved session into the REPL");
    pty_send(p, ":quit\r");
}

/* The saved script holds what ran without error, and runs alone. */
static void saved_script(Test *t, const char *saved)
{
    FILE *f = fopen(saved, "r");
    char text[4096] = "";
    if (f) {
        text[fread(text, 1, sizeof text - 1, f)] = '\0';
        fclose(f);
    }
    CHECK(&t->c, strstr(text, "fn f(x) {\nreturn x * 2\n}\n") && strstr(text, "f(21)\n") &&
          !strstr(text, "let = 3") && !strstr(text, "while true") && !strstr(text, "zz") &&
          !strstr(text, ":vars"), "the saved file has the good entries only");
    Pty p;
    if (start(t, &p, "", saved) != 0) {
        CHECK(&t->c, 0, "start fx FILE");
        return;
    }
    CHECK(&t->c, pty_expect(&p, "saved 0.1 42\n", WAIT), "fx FILE runs the saved session");
    CHECK(&t->c, clean_exit(&p), "fx FILE ends with status 0");
}

static void first_session(Test *t)
{
    char hist[PATH_MAX], saved[PATH_MAX];
    path_in(t, hist, sizeof hist, "hist1");
    path_in(t, saved, sizeof saved, "saved.fx");
    Pty p;
    if (start(t, &p, hist, NULL) != 0) {
        CHECK(&t->c, 0, "start fx on a pty");
        return;
    }
    CHECK(&t->c, pty_expect(&p, "type :help for help", WAIT) && pty_expect(&p, "fx> ", WAIT),
          "the REPL starts with a banner and a prompt");
    entries(t, &p);
    completion(t, &p);
    keys(t, &p);
    commands(t, &p, saved);
    CHECK(&t->c, clean_exit(&p), ":quit ends the REPL with status 0");
    saved_script(t, saved);
    unlink(saved);
    unlink(hist);
}

/* ---- Ctrl-C during train and sweep: the partial run is kept ----------------- */

/* Sends Ctrl-C once `line` (an epoch line) shows: code is running then. */
static int interrupt_at(Pty *p, const char *line)
{
    int ok = pty_expect(p, line, WAIT) && pty_wait_canonical(p, 1, WAIT);
    pty_send(p, "\x03");
    return ok;
}

static void interrupted_train(Test *t, Pty *p)
{
    pty_send(p, "let r = train m on d, epochs: 1000, batch: 8\r");
    int ok = interrupt_at(p, "epoch    1/1000");
    ok = pty_expect(p, "interrupted in epoch ", WAIT) &&
         pty_expect(p, ": the run keeps the history and the weights so far", WAIT) &&
         pty_expect(p, "error: interrupted", WAIT) && pty_expect(p, "fx> ", WAIT) && ok;
    CHECK(&t->c, ok, "Ctrl-C during a long train stops it at once and returns to the prompt");
    CHECK(&t->c, enter(p, "r.epochs >= 1 and r.epochs < 1000", "true\n"),
          "the partial run is bound: r.epochs >= 1");
    CHECK(&t->c, enter(p, "len(r.loss) == r.epochs", "true\n") &&
          enter(p, "r.interrupted", "true\n"), "its history so far: len(r.loss) == r.epochs");
    CHECK(&t->c, enter(p, "evaluate r on d", "{loss: "), "evaluate r on d uses its weights");
    CHECK(&t->c, enter(p, "kept", "42\n"), "a variable defined before the train is still there");
}

static void interrupted_sweep(Test *t, Pty *p)
{
    pty_send(p, "let runs = sweep lr in [0.01, 0.001, 0.0001] {\r");
    int ok = pty_expect(p, "... ", WAIT);
    pty_send(p, "train m on d, epochs: 1000, batch: 8, optimizer: adam(lr: lr) }\r");
    ok = interrupt_at(p, "epoch    1/1000") && ok;
    ok = pty_expect(p, "interrupted: the sweep keeps the 1 point so far, of 3", WAIT) &&
         pty_expect(p, "error: interrupted", WAIT) && pty_expect(p, "fx> ", WAIT) && ok;
    CHECK(&t->c, ok, "Ctrl-C during a sweep stops it, says what it keeps, returns to the prompt");
    CHECK(&t->c, enter(p, "len(runs)", "1\n") && enter(p, "runs[0].interrupted", "true\n"),
          "the sweep keeps the point so far: len(runs) is 1");
    CHECK(&t->c, enter(p, "r.interrupted and kept == 42", "true\n"),
          "the earlier run and variables are still there after the sweep");
    pty_send(p, "let spin = sweep k in [1, 2, 3] {\r");
    ok = pty_expect(p, "... ", WAIT);
    pty_send(p, "while k == 2 { }\r");
    ok = pty_expect(p, "... ", WAIT) && ok;
    pty_send(p, "k }\r");
    ok = interrupt_at(p, "sweep 2/3: k=2") && ok;
    ok = pty_expect(p, "interrupted: the sweep keeps the 1 point so far, of 3", WAIT) &&
         pty_expect(p, "fx> ", WAIT) && ok;
    CHECK(&t->c, ok && enter(p, "spin.results", "[1]\n"),
          "Ctrl-C in a sweep body's loop keeps the points before it");
    pty_send(p, "let s = sweep k in [0, 5] { [10, 20][k] }\r");
    ok = pty_expect(p, "sweep 2/2 failed: ", WAIT) && pty_expect(p, "fx> ", WAIT);
    CHECK(&t->c, enter(p, "len(s)", "2\n") && ok,
          "after an interrupt, a later sweep's failing point is a failed point, not a stop");
}

/* A loop of trains: one Ctrl-C stops the loop, not just the train it hits;
 * a later error leaves no interrupt behind for the next entry. */
static void interrupted_loop(Test *t, Pty *p)
{
    enter(p, "let loop_runs = []", "");
    pty_send(p, "for lr in [0.01, 0.001] {\r");
    int ok = pty_expect(p, "... ", WAIT);
    pty_send(p, "let q = train m on d, epochs: 1000, batch: 8, optimizer: adam(lr: lr)\r");
    ok = pty_expect(p, "... ", WAIT) && ok;
    pty_send(p, "push(loop_runs, q) }\r");
    ok = interrupt_at(p, "epoch    1/1000") && ok;
    ok = pty_expect(p, "error: interrupted", WAIT) && pty_expect(p, "fx> ", WAIT) && ok;
    CHECK(&t->c, ok && enter(p, "len(loop_runs)", "1\n"),
          "one Ctrl-C stops a loop of trains: the next round does not train");
    pty_send(p, "fn fails() {\r");
    ok = pty_expect(p, "... ", WAIT);
    pty_send(p, "let q = train m on d, epochs: 1000, batch: 8\r");
    ok = pty_expect(p, "... ", WAIT) && ok;
    pty_send(p, "return q.nosuch }\r");
    ok = pty_expect(p, "fx> ", WAIT) && ok;
    pty_send(p, "fails()\r");
    ok = interrupt_at(p, "epoch    1/1000") && ok;
    ok = pty_expect(p, "error: ", WAIT) && pty_expect(p, "fx> ", WAIT) && ok;
    pty_send(p, "1 + 1\r");
    CHECK(&t->c, ok && pty_expect(p, "1 + 1\n2\nfx> ", WAIT),
          "an error after an interrupted train leaves no interrupt for the next entry");
}

static void training_session(Test *t)
{
    Pty p;
    if (start(t, &p, "", NULL) != 0) {
        CHECK(&t->c, 0, "start fx on a pty");
        return;
    }
    int ok = pty_expect(&p, "fx> ", WAIT) && enter(&p, "let kept = 42", "") &&
             enter(&p, "let d = random_images(400, [3, 32, 32], classes: 10)", "") &&
             enter(&p, "model m { conv2d(8, 3) relu flatten dense(10) }", "");
    CHECK(&t->c, ok, "data and a small CNN for the interrupt tests");
    pty_send(&p, "let r = train m on d, ep\t");
    ok = pty_expect(&p, "epochs: ", WAIT);
    pty_send(&p, "\x03");
    CHECK(&t->c, pty_expect(&p, "fx> ", WAIT) && ok,
          "Tab completes a train option: ep -> epochs: ");
    interrupted_train(t, &p);
    interrupted_sweep(t, &p);
    interrupted_loop(t, &p);
    pty_send(&p, ":quit\r");
    CHECK(&t->c, clean_exit(&p), "the REPL quits cleanly after the interrupts");
}

/* ---- history across sessions; no usable history file -------------------- */

static void history_sessions(Test *t)
{
    char hist[PATH_MAX];
    path_in(t, hist, sizeof hist, "hist2");
    Pty p;
    if (start(t, &p, hist, NULL) != 0)
        return;
    int ok = pty_expect(&p, "fx> ", WAIT);
    /* A three-line entry is one history event: Up then Enter runs it all
     * again (defining k anew prints nothing; k(1) then gives 101). */
    pty_send(&p, "fn k(x) {\r");
    ok = pty_expect(&p, "... ", WAIT) && ok;
    pty_send(&p, "return x + 100\r");
    ok = pty_expect(&p, "... ", WAIT) && ok;
    ok = enter(&p, "}", "") && ok;
    pty_send(&p, "\x1b[A");
    int whole = pty_expect(&p, "fn k(x) {\nreturn x + 100\n}", WAIT);
    whole = enter(&p, "", "") && enter(&p, "k(1)", "101\n") && whole;
    CHECK(&t->c, whole && ok, "Up recalls a multi-line entry whole, and Enter runs it");
    ok = enter(&p, "let x = 1", "");
    pty_send(&p, "\x04");
    ok = clean_exit(&p) && ok;
    CHECK(&t->c, ok, "Ctrl-D on an empty line quits with status 0");
    struct stat st;
    CHECK(&t->c, stat(hist, &st) == 0 && (st.st_mode & 077) == 0,
          "the history file is written, readable by its owner only");
    if (start(t, &p, hist, NULL) != 0)
        return;
    ok = pty_expect(&p, "fx> ", WAIT);
    pty_send(&p, "\x1b[A");
    ok = pty_expect(&p, "let x = 1", WAIT) && ok;
    CHECK(&t->c, ok && enter(&p, "", "") && enter(&p, "x", "1\n"),
          "Up after a restart brings back the last session's line");
    /* Up: x, let x = 1, k(1), then the fn entry, newlines kept in the file. */
    pty_send(&p, "\x1b[A\x1b[A\x1b[A\x1b[A");
    ok = pty_expect(&p, "fn k(x) {\nreturn x + 100\n}", WAIT);
    CHECK(&t->c, ok && enter(&p, "", "") && enter(&p, "k(5)", "105\n"),
          "a multi-line entry comes back whole after a restart");
    pty_send(&p, ":q\r");
    CHECK(&t->c, clean_exit(&p), ":q ends the REPL with status 0");
    unlink(hist);
}

static void no_history_file(Test *t)
{
    Pty p;
    if (start(t, &p, "/nonexistent/dir/fx_history", NULL) != 0)
        return;
    int ok = pty_expect(&p, "fx> ", WAIT) && enter(&p, "1 + 2", "3\n");
    pty_send(&p, "\x04");
    ok = clean_exit(&p) && ok && !strstr(p.clean, "history");
    CHECK(&t->c, ok, "an unwritable history file is no error");
}

/* fx sits in the build folder above this test's tests/ folder. */
static int find_fx(Test *t, const char *argv0)
{
    char self[PATH_MAX];   /* realpath's size */
    if (!realpath(argv0, self))
        return -1;
    char *slash = strrchr(self, '/');
    if (!slash)
        return -1;
    *slash = '\0';
    snprintf(t->fx, sizeof t->fx, "%s/../fx", self);
    return access(t->fx, X_OK);
}

int main(int argc, char **argv)
{
    static Test t;
    (void)argc;
    signal(SIGPIPE, SIG_IGN);
    if (find_fx(&t, argv[0]) != 0) {
        CHECK(&t.c, 0, "fx next to the test binary (%s)", t.fx);
        return 1;
    }
    const char *tmp = getenv("TMPDIR");
    snprintf(t.dir, sizeof t.dir, "%s/fx_repl_XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
    if (!mkdtemp(t.dir)) {
        CHECK(&t.c, 0, "a temporary folder");
        return 1;
    }
    first_session(&t);
    training_session(&t);
    history_sessions(&t);
    no_history_file(&t);
    rmdir(t.dir);
    return checks_done(&t.c);
}
