/* Fuzz target of whole evaluation: the input is a script, parsed,
 * resolved and run in an interpreter with the standard library (one
 * thread, one job, a 256 MiB memory budget, output to /dev/null, in a
 * folder of its own so files it saves land there). fx's own interrupt
 * flag is raised by a timer of 300 ms of CPU time (ITIMER_VIRTUAL, so
 * libFuzzer's own -timeout, which uses SIGALRM, still catches a script
 * that ignores the flag), as Ctrl-C would be, so an endless loop, a
 * runaway recursion or a long training stops cleanly. Any script must end with a result or
 * a reported error, never a crash, a leak or a hang. The flag is the one
 * global: a signal handler has no other way to reach the interpreter.
 * Driver: see fuzz_driver.h. */
#include <signal.h>
#include <sys/time.h>
#include <unistd.h>
#include "interp.h"
#include "open.h"

#define FUZZ_NAME "fuzz_eval"
#define FUZZ_COUNT 2000
#define FUZZ_HOT {'(', ')', '[', ']', '{', '}', ',', ':', '.', '=', '+', '-', '*', '^', '"', \
                  '\n', '0', '9', 'x', ' '}
#include "fuzz_driver.h"

static volatile sig_atomic_t fuzz_interrupted;

static void on_alarm(int sig)
{
    (void)sig;
    fuzz_interrupted = 1;
}

static void fuzz_setup(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    char dir[] = "/tmp/fx_fuzz_eval_XXXXXX";
    if (!mkdtemp(dir) || chdir(dir) != 0)
        abort();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGVTALRM, &sa, NULL);
}

static int fuzz_one(const unsigned char *b, size_t n)
{
    fuzz_setup();
    FILE *null = fopen("/dev/null", "w");
    FxOptions opt;
    memset(&opt, 0, sizeof opt);
    opt.threads = 1;
    opt.jobs = 1;
    opt.quiet = 1;
    opt.width = 80;
    opt.max_memory = (int64_t)256 << 20;
    opt.open_libs = fx_stdlib_open;
    FxInterp *I = fx_interp_new(&opt, null, null);
    fuzz_interrupted = 0;
    I->interrupted = &fuzz_interrupted;
    struct itimerval t = {{0, 0}, {0, 300000}}, off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_VIRTUAL, &t, NULL);
    int rc = fx_run_text(I, "<fuzz>", (const char *)b, n, 0);
    setitimer(ITIMER_VIRTUAL, &off, NULL);
    fx_interp_free(I);
    fclose(null);
    return rc == FX_RUN_OK;
}

static int fuzz_seeds(FxBuf *sd, int max)
{
    static const char *const t[] = {
        "let x = [1, 2, 3]\nprint x[-1] + len(x) * 2 ^ 3\n",
        "fn f(n) {\n    if n < 2 { return n }\n    return f(n - 1) + f(n - 2)\n}\nprint f(10)\n",
        "let s = \"ab\" * 3\nprint format(\"{:>8} {:.2f}\", s, 3.14159), split(s, \"b\")\n",
        "seed 1\nlet d = random_data(32, 4)\nmodel m { dense(8) relu dense(2) }\n"
        "let r = train m on d, epochs: 2, batch: 8, log: \"none\"\nprint r.loss[-1] > 0\n",
        "let r = record(a: 1, b: [2, 3])\nfor k in keys(r) { print k }\nprint r.b[0]\n",
        "let xs = map(range(5), fn (x) => x * x)\nprint sum(filter(xs, fn (x) => x % 2 == 0))\n",
        "plot [1, 4, 9, 16] title \"sq\"\nbars [1, 2, 3]\ntable [record(a: 1)]\n",
        "fn f(x) = (x - 2) ^ 2\nlet s = sweep lr in [0.1, 0.2] { minimize f from 0, lr: lr, steps: 5 }\n"
        "print len(s)\n",
        "let i = 0\nwhile i < 5 { i = i + 1; if i == 3 { break } }\nassert i == 3, \"three\"\n",
    };
    int n = 0;
    for (size_t i = 0; i < sizeof t / sizeof *t && n < max; i++) {
        fx_buf_init(&sd[n]);
        fx_buf_puts(&sd[n++], t[i]);
    }
    return n;
}
