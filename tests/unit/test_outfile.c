/* Files that are complete or absent: the runtime's rt_out_* (weights,
 * checkpoints, save, --out) and the interpreter's fx_file_replace (the
 * REPL's :save). A failed or abandoned write leaves the old file and no
 * temporary one; until the close, the old file stays under its name; a
 * device is written in place, never replaced. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"
#include "file_replace.h"
#include "rt.h"

static char dir[] = "tests/tmp/outfile.XXXXXX";

static char *slurp(const char *path, char *buf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(buf, 1, cap - 1, f) : 0;
    if (f)
        fclose(f);
    buf[n] = '\0';
    return f ? buf : NULL;
}

static int exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0;
}

static int is_char_device(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISCHR(st.st_mode);
}

static void test_runtime(Checks *c)
{
    char path[256], tmp[300], buf[64];
    snprintf(path, sizeof path, "%s/a.txt", dir);
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
    RtError e = {0};
    CHECK(c, rt_out_write_all(path, "old", 3, &e) == 0 && slurp(path, buf, sizeof buf) &&
          !strcmp(buf, "old") && !exists(tmp), "a whole file, no temporary left: %s", e.msg);
    RtOutFile o;
    CHECK(c, rt_out_open(&o, path, &e) == 0 && exists(tmp), "the temporary is beside it");
    fputs("new but", o.f);
    fflush(o.f);
    CHECK(c, slurp(path, buf, sizeof buf) && !strcmp(buf, "old"),
          "while writing, the old file is under the name");
    CHECK(c, rt_out_close(&o, 0, &e) == -1 && !exists(tmp) && slurp(path, buf, sizeof buf) &&
          !strcmp(buf, "old"), "an abandoned write leaves the old file and no temporary");
    CHECK(c, rt_out_open(&o, path, &e) == 0, "open again");
    fputs("new", o.f);
    CHECK(c, rt_out_close(&o, 1, &e) == 0 && slurp(path, buf, sizeof buf) &&
          !strcmp(buf, "new") && !exists(tmp), "a finished write replaces it");
    e = (RtError){0};
    CHECK(c, rt_out_write_all(dir, "x", 1, &e) == -1 && e.code == RT_ERR_IO &&
          strstr(e.msg, "Is a directory"), "a folder: %s", e.msg);
    snprintf(path, sizeof path, "%s/no/such/b.txt", dir);
    e = (RtError){0};
    CHECK(c, rt_out_write_all(path, "x", 1, &e) == -1 && strstr(e.msg, "cannot write '") &&
          strstr(e.msg, "No such file"), "a missing folder: %s", e.msg);
    e = (RtError){0};
    CHECK(c, rt_out_write_all("/dev/null", "x", 1, &e) == 0 && is_char_device("/dev/null"),
          "/dev/null is written in place and stays a device: %s", e.msg);
    if (is_char_device("/dev/full")) {
        e = (RtError){0};
        CHECK(c, rt_out_write_all("/dev/full", "x", 1, &e) == -1 &&
              strstr(e.msg, "No space left") && is_char_device("/dev/full"),
              "/dev/full: an error, and still a device: %s", e.msg);
    }
}

static void test_interp(Checks *c)
{
    char path[256], tmp[300], buf[64];
    snprintf(path, sizeof path, "%s/r.fx", dir);
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
    CHECK(c, fx_file_replace(path, "print 1\n", 8) == 0 && slurp(path, buf, sizeof buf) &&
          !strcmp(buf, "print 1\n") && !exists(tmp), "fx_file_replace writes the whole file");
    int e = fx_file_replace(dir, "x", 1);
    CHECK(c, e == EISDIR || e == EBUSY || e == ENOTEMPTY, "fx_file_replace over a folder fails");
    CHECK(c, slurp(path, buf, sizeof buf) && !strcmp(buf, "print 1\n"), "the file stays");
    CHECK(c, fx_file_replace("/dev/null", "x", 1) == 0 && is_char_device("/dev/null"),
          "fx_file_replace writes /dev/null in place");
    if (is_char_device("/dev/full"))
        CHECK(c, fx_file_replace("/dev/full", "x", 1) == ENOSPC && is_char_device("/dev/full"),
              "fx_file_replace: /dev/full is ENOSPC and stays a device");
}

int main(void)
{
    Checks c = {0};
    mkdir("tests/tmp", 0777);
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_runtime(&c);
    test_interp(&c);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return checks_done(&c);
}
