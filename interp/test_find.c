/* fx test's discovery rule: a file named on the command line is a test;
 * a folder is searched through (its subfolders too, in name order, names
 * starting with '.' left out) for `*.fx` files; a found script that
 * another found script imports (`import "lib.fx"`) is a library, not a
 * test. A file found twice counts once. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "mem.h"
#include "test_run.h"

char *fx_test_read_all(const char *path, long *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0, got;
    char *s = fx_xmalloc(cap);
    while ((got = fread(s + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap)
            s = fx_xrealloc(s, cap *= 2);
    }
    fclose(f);
    s[n] = '\0';
    if (len)
        *len = (long)n;
    return s;
}

int fx_test_match(const char *text, const char *pattern)
{
    size_t m = strlen(pattern);
    for (const char *p = text; *p; p++) {
        size_t k = 0;
        while (k < m && p[k] && tolower((unsigned char)p[k]) == tolower((unsigned char)pattern[k]))
            k++;
        if (k == m)
            return 1;
    }
    return m == 0;
}

typedef struct Found {
    char *path, *real;
    int   named;          /* given on the command line */
    int   library;
} Found;

typedef struct FoundList {
    Found *f;
    int    n, cap;
} FoundList;

static void add(FoundList *L, const char *path, int named)
{
    char *real = realpath(path, NULL);
    if (!real)
        real = fx_xstrdup(path);
    for (int i = 0; i < L->n; i++)
        if (!strcmp(L->f[i].real, real)) {
            free(real);
            return;
        }
    if (L->n == L->cap)
        L->f = fx_xrealloc(L->f, (size_t)(L->cap = L->cap ? 2 * L->cap : 32) * sizeof *L->f);
    L->f[L->n++] = (Found){fx_xstrdup(path), real, named, 0};
}

static char *join(const char *dir, const char *name)
{
    if (!strcmp(dir, "."))
        return fx_xstrdup(name);
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = fx_xmalloc(n);
    snprintf(p, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    return p;
}

static int has_fx_ext(const char *name)
{
    size_t n = strlen(name);
    return n > 3 && !strcmp(name + n - 3, ".fx");
}

static void walk(FoundList *L, const char *dir)
{
    struct dirent **ents;
    int n = scandir(dir, &ents, NULL, alphasort);
    for (int i = 0; i < n; i++) {
        const char *name = ents[i]->d_name;
        if (name[0] != '.') {
            char *p = join(dir, name);
            struct stat st;
            if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
                walk(L, p);
            else if (S_ISREG(st.st_mode) && has_fx_ext(name))
                add(L, p, 0);
            free(p);
        }
        free(ents[i]);
    }
    if (n >= 0)
        free(ents);
}

/* Marks the found scripts that `path` imports as libraries. */
static void mark_imports(FoundList *L, const char *path)
{
    char *text = fx_test_read_all(path, NULL);
    if (!text)
        return;
    const char *slash = strrchr(path, '/');
    for (char *line = text; line && *line;) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (!strncmp(p, "import", 6) && (p[6] == ' ' || p[6] == '\t')) {
            char *q = strchr(p, '"'), *r = q ? strchr(q + 1, '"') : NULL;
            if (r) {
                *r = '\0';
                size_t n = (slash ? (size_t)(slash - path) + 1 : 0) + strlen(q + 1) + 1;
                char *rel = fx_xmalloc(n);
                snprintf(rel, n, "%.*s%s", slash ? (int)(slash - path) + 1 : 0, path, q + 1);
                char *real = realpath(q[1] == '/' ? q + 1 : rel, NULL);
                for (int i = 0; real && i < L->n; i++)
                    if (!strcmp(L->f[i].real, real) && !L->f[i].named)
                        L->f[i].library = 1;
                free(real);
                free(rel);
            }
        }
        line = end ? end + 1 : NULL;
    }
    free(text);
}

int fx_test_find(FxTestSuite *S, char **paths, int npaths)
{
    FoundList L = {0};
    int rc = 0;
    for (int i = 0; i < npaths; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0) {
            fprintf(stderr, "fx test: cannot read '%s': %s\n", paths[i], strerror(errno));
            rc = -1;
        } else if (S_ISDIR(st.st_mode)) {
            walk(&L, paths[i]);
        } else {
            add(&L, paths[i], 1);
        }
    }
    for (int i = 0; i < L.n; i++)
        mark_imports(&L, L.f[i].path);
    for (int i = 0; i < L.n; i++) {
        if (!L.f[i].library) {
            if (S->n == S->cap)
                S->s = fx_xrealloc(S->s, (size_t)(S->cap = S->cap ? 2 * S->cap : 32) * sizeof *S->s);
            FxTestScript *t = &S->s[S->n++];
            memset(t, 0, sizeof *t);
            t->path = L.f[i].path;
            t->status = -1;
            t->fd[0] = t->fd[1] = -1;
            struct stat st;
            t->size = stat(t->path, &st) == 0 ? (long)st.st_size : 0;
        } else {
            free(L.f[i].path);
        }
        free(L.f[i].real);
    }
    free(L.f);
    return rc;
}
