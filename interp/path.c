/* The one rule for paths: a relative path written in a script is relative
 * to the folder of the file it is written in (imports, loaders, save,
 * checkpoint:, load_weights); code that is not from a file (-e, stdin,
 * the REPL) and the command line (--out) use the current directory. Also
 * the absolute form a file error shows, and making a file's missing
 * parent folders. Knows nothing of values or the libraries. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "fx.h"

int fx_source_is_file(const FxSource *src)
{
    return src && src->name && src->name[0] != '<';
}

char *fx_path_join(const FxSource *src, const char *path)
{
    const char *name = fx_source_is_file(src) ? src->name : NULL;
    const char *slash = name ? strrchr(name, '/') : NULL;
    if (path[0] == '/' || !slash)
        return fx_xstrdup(path);
    size_t dl = (size_t)(slash - name) + 1, pl = strlen(path);
    char *s = fx_xmalloc(dl + pl + 1);
    memcpy(s, name, dl);
    memcpy(s + dl, path, pl + 1);
    return s;
}

char *fx_path_script(FxInterp *I, const char *path)
{
    return fx_path_join(I->src, path);
}

/* Drops "." and empty segments and folds "name/.." of an absolute path
 * into out (as long as p), without looking at the file system (as
 * Python's os.path.normpath). */
static void normalise(const char *p, char *out)
{
    size_t o = 0;
    for (const char *in = p; *in;) {
        while (*in == '/')
            in++;
        size_t n = strcspn(in, "/");
        if (n == 2 && in[0] == '.' && in[1] == '.') {
            if (o > 0)            /* back to the '/' before the last segment */
                for (o--; o > 0 && out[o] != '/'; o--) {}
        } else if (n > 0 && !(n == 1 && in[0] == '.')) {
            out[o] = '/';
            memcpy(out + o + 1, in, n);
            o += n + 1;
        }
        in += n;
    }
    if (o == 0)
        out[o++] = '/';
    out[o] = '\0';
}

char *fx_path_absolute(const char *path)
{
    char cwd[4096];
    const char *base = path[0] == '/' ? "" : getcwd(cwd, sizeof cwd);
    if (!base)
        base = ".";
    size_t bl = strlen(base), pl = strlen(path);
    char *s = fx_xmalloc(bl + pl + 2);
    memcpy(s, base, bl);
    s[bl] = '/';
    memcpy(s + bl + 1, path, pl + 1);
    if (s[0] != '/')
        return s;
    char *t = fx_xmalloc(bl + pl + 2);
    normalise(s, t);
    free(s);
    return t;
}

void fx_error_path_hint(FxInterp *I, const char *resolved, int cli)
{
    char *abs = fx_path_absolute(resolved);
    fx_error_hint(I, "that is %s (%s)", abs, cli ? "the command line's paths are relative "
                  "to the current directory" : fx_source_is_file(I->src)
                  ? "a script's paths are relative to its folder"
                  : "relative to the current directory");
    free(abs);
}

int fx_path_make_parents(const char *path)
{
    char *p = fx_xstrdup(path);
    int rc = 0;
    for (char *s = strchr(p + 1, '/'); s && rc == 0; s = strchr(s + 1, '/')) {
        *s = '\0';
        struct stat st;
        if (stat(p, &st) != 0 && mkdir(p, 0777) != 0 && errno != EEXIST)
            rc = errno;
        *s = '/';
    }
    free(p);
    return rc;
}
