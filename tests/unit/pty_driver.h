/* A small pseudo-terminal driver for tests of the REPL: starts a program
 * with a new pty as its controlling terminal (stdin, stdout, stderr),
 * sends keys, and waits, with a time limit, for text to appear in what it
 * writes. The output is kept twice: raw, and "clean" (escape sequences,
 * carriage returns and bells removed) for matching. A hang makes an
 * expectation fail after its time limit instead of blocking the suite.
 * Knows nothing of fx. */
#ifndef FX_TEST_PTY_DRIVER_H
#define FX_TEST_PTY_DRIVER_H

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define PTY_OUT_MAX (1 << 18)

typedef struct Pty {
    int    fd;           /* the master side */
    pid_t  pid;
    int    exited, status;
    int    closed;       /* the program's side is closed */
    char   clean[PTY_OUT_MAX];
    size_t len;          /* bytes in clean */
    size_t mark;         /* expectations look from here on */
    int    esc;          /* inside an escape sequence: 1 after ESC, 2 in CSI */
} Pty;

static long pty_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Appends output without escape sequences, carriage returns and bells. */
static void pty_take(Pty *p, const char *buf, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (p->esc == 1) {
            p->esc = (c == '[' || c == 'O' || c == '(' || c == ')') ? 2 : 0;
            continue;
        }
        if (p->esc == 2) {
            if (c >= 0x40 && c <= 0x7e)
                p->esc = 0;
            continue;
        }
        if (c == 0x1b) {
            p->esc = 1;
            continue;
        }
        if (c == '\r' || c == '\a')
            continue;
        if (p->len + 1 < PTY_OUT_MAX)
            p->clean[p->len++] = (char)c;
    }
    p->clean[p->len] = '\0';
}

/* Reads what is there, waiting at most `ms`: 1 when something came, 0
 * when nothing did, -1 when the program's side is closed (it exited). */
static int pty_pump(Pty *p, int ms)
{
    if (p->closed)
        return -1;
    struct pollfd pf = {p->fd, POLLIN, 0};
    int r = poll(&pf, 1, ms);
    if (r == 0 || (r < 0 && errno == EINTR))
        return 0;
    char buf[4096];
    ssize_t n = r > 0 ? read(p->fd, buf, sizeof buf) : -1;
    if (n < 0 && errno == EINTR)
        return 0;
    if (n <= 0) {
        p->closed = 1;
        return -1;
    }
    pty_take(p, buf, (size_t)n);
    return 1;
}

/* Starts argv[0] with `env` (NULL-terminated "NAME=value" strings, added
 * to a minimal environment) on a new 80x24 terminal. */
static int pty_start(Pty *p, char *const argv[], char *const env[])
{
    memset(p, 0, sizeof *p);
    p->fd = posix_openpt(O_RDWR | O_NOCTTY);
    if (p->fd < 0 || grantpt(p->fd) || unlockpt(p->fd))
        return -1;
    struct winsize ws = {24, 80, 0, 0};
    ioctl(p->fd, TIOCSWINSZ, &ws);
    const char *slave = ptsname(p->fd);
    if (!slave)
        return -1;
    fflush(stdout);
    p->pid = fork();
    if (p->pid < 0)
        return -1;
    if (p->pid == 0) {
        setsid();
        int s = open(slave, O_RDWR);
        if (s < 0)
            _exit(127);
        ioctl(s, TIOCSCTTY, 0);
        dup2(s, 0);
        dup2(s, 1);
        dup2(s, 2);
        if (s > 2)
            close(s);
        close(p->fd);
        unsetenv("COLUMNS");
        unsetenv("LINES");
        for (int i = 0; env && env[i]; i++)
            putenv(env[i]);
        execv(argv[0], argv);
        _exit(127);
    }
    return 0;
}

static void pty_send(Pty *p, const char *keys)
{
    size_t n = strlen(keys);
    while (n > 0) {
        ssize_t w = write(p->fd, keys, n);
        if (w <= 0 && errno != EINTR)
            return;
        if (w > 0) {
            keys += w;
            n -= (size_t)w;
        }
    }
}

/* Waits until `want` appears after the mark; then moves the mark past it.
 * 1 when it appeared within `ms`. */
static int pty_expect(Pty *p, const char *want, int ms)
{
    long end = pty_now_ms() + ms;
    for (;;) {
        char *at = strstr(p->clean + p->mark, want);
        if (at) {
            p->mark = (size_t)(at - p->clean) + strlen(want);
            return 1;
        }
        long left = end - pty_now_ms();
        if (left <= 0 || pty_pump(p, left < 50 ? (int)left : 50) < 0)
            if (!strstr(p->clean + p->mark, want))
                return 0;
    }
}

/* Reads for `ms`: output that must settle, or must not come. */
static void pty_drain(Pty *p, int ms)
{
    long end = pty_now_ms() + ms;
    while (pty_now_ms() < end && pty_pump(p, 20) >= 0)
        ;
}

/* Waits until the terminal is in canonical ("cooked") mode, or is not:
 * a line editor reads keys with it off, and a program running code has
 * it on (then Ctrl-C is a signal). On Linux the master side reports the
 * terminal's modes. 1 when the mode came within `ms`. */
static int pty_wait_canonical(Pty *p, int on, int ms)
{
    long end = pty_now_ms() + ms;
    for (;;) {
        struct termios tio;
        if (tcgetattr(p->fd, &tio) == 0 && !!(tio.c_lflag & ICANON) == on)
            return 1;
        if (pty_now_ms() > end)
            return 0;
        pty_pump(p, 10);
    }
}

/* Waits for the program to end (killing it after `ms`); its wait status. */
static int pty_finish(Pty *p, int ms)
{
    long end = pty_now_ms() + ms;
    while (!p->exited) {
        pid_t w = waitpid(p->pid, &p->status, WNOHANG);
        if (w == p->pid) {
            p->exited = 1;
            break;
        }
        if (pty_now_ms() > end) {
            kill(p->pid, SIGKILL);
            waitpid(p->pid, &p->status, 0);
            p->exited = 1;
            p->status = -1;
            break;
        }
        if (pty_pump(p, 20) < 0)
            usleep(10000);
    }
    while (pty_pump(p, 50) > 0)
        ;
    close(p->fd);
    return p->status;
}

#endif
