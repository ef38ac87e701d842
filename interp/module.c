/* Files and imports: reading a script, loading an imported file once
 * (found relative to the importing file; a cycle is an error naming the
 * chain), running it once in its own scope, and binding its top-level
 * names into the importer (or into one record with `as`). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "interp.h"
#include "mem.h"

#define FX_MAX_SOURCE (64u << 20)


/* Reads a whole file, NUL-terminated. On failure returns NULL with errno
 * set (EFBIG for a file over FX_MAX_SOURCE). */
char *fx_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = fx_xmalloc(cap);
    errno = 0;
    for (;;) {
        if (n + 1 >= cap) {
            if (cap > FX_MAX_SOURCE) {
                free(buf);
                fclose(f);
                errno = EFBIG;
                return NULL;
            }
            cap *= 2;
            buf = fx_xrealloc(buf, cap);
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    /* Keep fread's reason (EISDIR for a folder), not a vague EIO. */
    int err = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    if (err) {
        free(buf);
        errno = err;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

FxModule *fx_module_add(FxInterp *I, const char *name, char *text, size_t len, char *path)
{
    FxModule *m = fx_xcalloc(1, sizeof *m);
    m->src.name = fx_xstrdup(name);
    m->src.text = text;
    m->src.len = len;
    m->path = path;
    if (I->nmods == I->capmods) {
        I->capmods = I->capmods ? I->capmods * 2 : 8;
        I->mods = fx_xrealloc(I->mods, (size_t)I->capmods * sizeof *I->mods);
    }
    I->mods[I->nmods++] = m;
    return m;
}

void fx_module_free(FxModule *m)
{
    fx_parse_free(&m->parse);
    free(m->src.name);
    free(m->src.text);
    free(m->path);
    free(m->names);
    free(m);
}

/* "dir/of/importer/" + path (path.c's rule), unless path is absolute or
 * the importer is not a file: text that is not a file ("<repl:3>",
 * "<-e>") imports relative to the current directory; a file, or text read
 * from one (the REPL's :load), relative to its own directory. */
static char *join_path(const FxSource *from, const FxModule *from_mod, const char *path)
{
    return from_mod ? fx_path_join(from, path) : fx_xstrdup(path);
}

static FxModule *module_of_source(FxInterp *I, const FxSource *src)
{
    for (int i = 0; i < I->nmods; i++)
        if (&I->mods[i]->src == src)
            return I->mods[i];
    return NULL;
}

static void cycle_error(FxInterp *I, const FxSource *from, FxSpan at, const FxModule *m)
{
    fx_diag_error(&I->diag, from, at, "import cycle: '%s' is already being imported", m->src.name);
    FxBuf b;
    fx_buf_init(&b);
    int started = 0;
    for (int i = 0; i < I->nmods; i++) {
        if (I->mods[i] == m)
            started = 1;
        if (started && I->mods[i]->state == 1 && I->mods[i]->path)
            fx_buf_printf(&b, "%s -> ", I->mods[i]->src.name);
    }
    fx_buf_printf(&b, "%s", m->src.name);
    fx_diag_hint(&I->diag, "the chain is %s", b.s);
    fx_buf_free(&b);
}

FxModule *fx_module_load(FxInterp *I, const char *path, const FxSource *from, FxSpan at,
                         int *status)
{
    char *shown = join_path(from, module_of_source(I, from), path);
    char *real = realpath(shown, NULL);
    if (!real) {
        fx_diag_error(&I->diag, from, at, "cannot import '%s': %s", path, strerror(errno));
        char *abs = fx_path_absolute(shown);
        fx_diag_hint(&I->diag, "that is %s (%s)", abs, fx_source_is_file(from)
                     ? "imports are found relative to the importing file"
                     : "relative to the current directory");
        free(abs);
        free(shown);
        *status = 1;
        return NULL;
    }
    for (int i = 0; i < I->nmods; i++) {
        FxModule *m = I->mods[i];
        if (!m->path || strcmp(m->path, real) != 0)
            continue;
        free(real);
        free(shown);
        if (m->state == 1) {
            cycle_error(I, from, at, m);
            *status = 1;
            return NULL;
        }
        return m->parse.root ? m : NULL;
    }
    size_t len;
    char *text = fx_read_file(real, &len);
    if (!text) {
        fx_diag_error(&I->diag, from, at, "cannot read '%s': %s", path, strerror(errno));
        free(real);
        free(shown);
        *status = 1;
        return NULL;
    }
    FxModule *m = fx_module_add(I, shown, text, len, real);
    free(shown);
    fx_parse(&m->parse, &m->src, &I->diag, 0);
    if (m->parse.status != FX_PARSE_OK) {
        *status = 1;
        return NULL;
    }
    m->state = 1;
    int errors = fx_resolve(I, m, NULL, 0);
    m->state = 2;
    if (errors) {
        fx_parse_free(&m->parse);
        *status = 1;
        return NULL;
    }
    return m;
}

/* Runs a module's top level once, in its own globals. */
int fx_module_run(FxInterp *I, FxModule *m)
{
    if (m->state >= 3)
        return 0;
    m->state = 3;
    m->env = fx_env_new(&I->heap, I->builtins);
    const FxSource *saved = I->src;
    I->src = &m->src;
    int rc = fx_exec_stmts(I, m->parse.root, m->env);
    I->src = saved;
    m->state = 4;
    return rc == FX_EXEC_OK ? 0 : -1;
}

int fx_exec_import(FxInterp *I, const FxNode *n, FxEnv *env)
{
    FxModule *m = n->cache;
    if (!m)
        return fx_error_at(I, n, "internal: import was not resolved");
    if (I->nframes == I->capframes) {
        I->capframes = I->capframes ? I->capframes * 2 : 32;
        I->frames = fx_xrealloc(I->frames, (size_t)I->capframes * sizeof *I->frames);
    }
    I->frames[I->nframes++] = (FxFrame){I->src, n->span};
    int rc = fx_module_run(I, m);
    I->nframes--;
    if (rc)
        return -1;
    if (n->name) {
        FxValue rec = fx_record_new(&I->heap);
        for (int i = 0; i < m->env->n; i++)
            fx_record_set(rec, m->env->names[i], fx_ref(m->env->vals[i]));
        fx_env_define(env, n->name, rec);
        return 0;
    }
    for (int i = 0; i < m->env->n; i++)
        fx_env_define(env, m->env->names[i], fx_ref(m->env->vals[i]));
    return 0;
}
