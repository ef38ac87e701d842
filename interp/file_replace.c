/* Writing a whole file so that it is complete or absent, for the
 * interpreter's own files (the REPL's :save): a temporary name beside it
 * (PATH.PID.tmp), fsync, rename over PATH. The runtime has the same rule
 * for the files training writes (runtime/outfile.c); interp/ cannot call
 * the runtime, so this is its own short copy of the rule. A PATH that
 * exists and is not a regular file (/dev/null) is written in place. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "file_replace.h"
#include "mem.h"

static int write_fd(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t w = write(fd, data, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return w < 0 ? errno : EIO;
        data += w;
        len -= (size_t)w;
    }
    return 0;
}

int fx_file_replace(const char *path, const char *data, size_t len)
{
    struct stat st;
    int direct = stat(path, &st) == 0 && !S_ISREG(st.st_mode);
    size_t n = strlen(path) + 32;
    char *tmp = fx_xmalloc(n);
    snprintf(tmp, n, "%s.%ld.tmp", path, (long)getpid());
    int fd = direct ? open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
                    : open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    int e = fd < 0 ? errno : write_fd(fd, data, len);
    if (!e && !direct && fsync(fd) != 0)
        e = errno;
    if (fd >= 0 && close(fd) != 0 && !e)
        e = errno;
    if (!direct && fd >= 0) {
        if (!e && rename(tmp, path) != 0)
            e = errno;
        if (e)
            unlink(tmp);
    }
    free(tmp);
    return e;
}
