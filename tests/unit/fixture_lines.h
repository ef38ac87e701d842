/* Reads the committed reference files under tests/fixtures/ (written by
 * generator scripts such as tests/fixtures/gen_rt_optim.py): plain text,
 * one record per line, fields separated by spaces, '#' lines are comments.
 * Each line is split into tokens in place. Knows nothing of fx itself. */
#ifndef FX_TEST_FIXTURE_LINES_H
#define FX_TEST_FIXTURE_LINES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct FixLines {
    FILE   *f;
    char   *line;
    size_t  cap;
    char  **tok;
    int     ntok, tokcap, lineno;
} FixLines;

static inline int fix_open(FixLines *L, const char *path)
{
    memset(L, 0, sizeof *L);
    L->f = fopen(path, "r");
    if (!L->f)
        fprintf(stderr, "cannot open %s (run from the top folder)\n", path);
    return L->f ? 0 : -1;
}

/* The next non-empty, non-comment line: its token count, 0 at the end. */
static inline int fix_next(FixLines *L)
{
    for (;;) {
        if (getline(&L->line, &L->cap, L->f) < 0)
            return 0;
        L->lineno++;
        L->ntok = 0;
        for (char *s = strtok(L->line, " \t\r\n"); s;
             s = strtok(NULL, " \t\r\n")) {
            if (L->ntok == L->tokcap) {
                int cap = L->tokcap ? 2 * L->tokcap : 64;
                char **t = realloc(L->tok, (size_t)cap * sizeof *t);
                if (!t)
                    return 0;
                L->tok = t;
                L->tokcap = cap;
            }
            L->tok[L->ntok++] = s;
        }
        if (L->ntok > 0 && L->tok[0][0] != '#')
            return L->ntok;
    }
}

/* The value of the first "key=value" token, or NULL. */
static inline const char *fix_kv(const FixLines *L, const char *key)
{
    size_t k = strlen(key);
    for (int i = 0; i < L->ntok; i++)
        if (strncmp(L->tok[i], key, k) == 0 && L->tok[i][k] == '=')
            return L->tok[i] + k + 1;
    return NULL;
}

static inline double fix_kvd(const FixLines *L, const char *key)
{
    const char *v = fix_kv(L, key);
    if (!v) {
        fprintf(stderr, "fixture line %d: no %s=\n", L->lineno, key);
        exit(2);
    }
    return strtod(v, NULL);
}

/* Tokens from `first` on, `n` of them, as doubles; exits on a short line. */
static inline void fix_doubles(const FixLines *L, int first, double *out,
                               size_t n)
{
    if (L->ntok - first < (int)n) {
        fprintf(stderr, "fixture line %d: %d numbers, want %zu\n", L->lineno,
                L->ntok - first, n);
        exit(2);
    }
    for (size_t i = 0; i < n; i++)
        out[i] = strtod(L->tok[first + (int)i], NULL);
}

static inline void fix_floats(const FixLines *L, int first, float *out,
                              size_t n)
{
    if (L->ntok - first < (int)n) {
        fprintf(stderr, "fixture line %d: %d numbers, want %zu\n", L->lineno,
                L->ntok - first, n);
        exit(2);
    }
    for (size_t i = 0; i < n; i++)
        out[i] = strtof(L->tok[first + (int)i], NULL);
}

/* Expects the next line to start with `key`; exits otherwise. */
static inline void fix_expect(FixLines *L, const char *key)
{
    if (!fix_next(L) || strcmp(L->tok[0], key) != 0) {
        fprintf(stderr, "fixture line %d: expected '%s'\n", L->lineno, key);
        exit(2);
    }
}

static inline void fix_close(FixLines *L)
{
    if (L->f)
        fclose(L->f);
    free(L->line);
    free(L->tok);
    memset(L, 0, sizeof *L);
}

#endif
