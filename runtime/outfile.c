/* Files that are complete or absent: a file is written under a temporary
 * name in its own folder (PATH.PID.tmp), flushed and fsynced, then renamed
 * over PATH and the folder fsynced, so a crash or a kill at any moment
 * leaves either the old file or the new one under PATH, never a part. A
 * PATH that exists and is not a regular file (/dev/null, /dev/full, a
 * pipe) is written in place: renaming over it would replace the device.
 * Knows nothing of the fx language. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "rt.h"

static void fail(RtOutFile *o, int e, RtError *err)
{
    rt_error_set(err, RT_ERR_IO, "cannot write '%s': %s", o->path, strerror(e ? e : EIO));
}

int rt_out_open(RtOutFile *o, const char *path, RtError *err)
{
    memset(o, 0, sizeof *o);
    o->path = path;
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            fail(o, EISDIR, err);
            return -1;
        }
        o->f = fopen(path, "wb");
        if (!o->f) {
            fail(o, errno, err);
            return -1;
        }
        return 0;
    }
    size_t n = strlen(path) + 32;
    o->tmp = malloc(n);
    if (!o->tmp) {
        fail(o, ENOMEM, err);
        return -1;
    }
    snprintf(o->tmp, n, "%s.%ld.tmp", path, (long)getpid());
    int fd = open(o->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    o->f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!o->f) {
        int e = errno;
        if (fd >= 0) {
            close(fd);
            unlink(o->tmp);
        }
        free(o->tmp);
        o->tmp = NULL;
        fail(o, e, err);
        return -1;
    }
    return 0;
}

/* fsync of the folder that holds path, so the rename itself is durable. */
static void sync_folder(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    if (!dir)
        return;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);   /* best effort: some file systems refuse it */
        close(fd);
    }
    free(dir);
}

int rt_out_close(RtOutFile *o, int ok, RtError *err)
{
    if (!o->f)
        return -1;
    int e = ok ? 0 : errno;
    if (ok && fflush(o->f) != 0) {
        ok = 0;
        e = errno;
    }
    /* A device or a pipe may not sync (EINVAL, EROFS): only a regular
     * file must. */
    if (ok && fsync(fileno(o->f)) != 0 && (o->tmp || (errno != EINVAL && errno != EROFS))) {
        ok = 0;
        e = errno;
    }
    if (fclose(o->f) != 0 && ok) {
        ok = 0;
        e = errno;
    }
    o->f = NULL;
    if (o->tmp) {
        if (ok && rename(o->tmp, o->path) != 0) {
            ok = 0;
            e = errno;
        }
        if (!ok)
            unlink(o->tmp);
        else
            sync_folder(o->path);
        free(o->tmp);
        o->tmp = NULL;
    }
    if (!ok)
        fail(o, e, err);
    return ok ? 0 : -1;
}

int rt_out_write_all(const char *path, const void *data, size_t len, RtError *err)
{
    RtOutFile o;
    if (rt_out_open(&o, path, err) < 0)
        return -1;
    int ok = fwrite(data ? data : "", 1, len, o.f) == len;
    return rt_out_close(&o, ok, err);
}
