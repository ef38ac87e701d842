/* Loads the reference files written by tests/fixtures/gen_rt_core.py (see
 * its docstring for the format: "tensor NAME NDIM DIMS..." then the values)
 * for the C tests. Whole files are small; everything is kept in memory. */
#ifndef FX_TEST_FIXTURE_H
#define FX_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char    name[64];
    int     ndim;
    long    dim[6];
    long    count;
    float  *v;
} FixTensor;

typedef struct {
    int        n;
    FixTensor *t;
} Fixture;

static void fix_free(Fixture *f)
{
    for (int i = 0; f && i < f->n; i++)
        free(f->t[i].v);
    if (f)
        free(f->t);
    free(f);
}

static int fix_read_tensor(FILE *fp, FixTensor *t)
{
    if (fscanf(fp, "%63s %d", t->name, &t->ndim) != 2 || t->ndim < 0 ||
        t->ndim > 6)
        return -1;
    t->count = 1;
    for (int d = 0; d < t->ndim; d++) {
        if (fscanf(fp, "%ld", &t->dim[d]) != 1 || t->dim[d] < 0)
            return -1;
        t->count *= t->dim[d];
    }
    t->v = malloc((size_t)(t->count ? t->count : 1) * sizeof *t->v);
    for (long i = 0; i < t->count; i++)
        if (fscanf(fp, "%f", &t->v[i]) != 1)
            return -1;
    return 0;
}

/* NULL (with a message on stderr) when the file is missing or malformed. */
static Fixture *fix_load(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        fprintf(stderr, "cannot open fixture %s\n", path);
        return NULL;
    }
    Fixture *f = calloc(1, sizeof *f);
    char word[64];
    int cap = 0;
    while (fscanf(fp, "%63s", word) == 1) {
        if (word[0] == '#') {
            int ch;
            while ((ch = fgetc(fp)) != EOF && ch != '\n')
                ;
            continue;
        }
        if (strcmp(word, "tensor") != 0)
            goto bad;
        if (f->n == cap) {
            cap = cap ? 2 * cap : 16;
            f->t = realloc(f->t, (size_t)cap * sizeof *f->t);
        }
        memset(&f->t[f->n], 0, sizeof *f->t);
        if (fix_read_tensor(fp, &f->t[f->n++]) < 0)
            goto bad;
    }
    fclose(fp);
    return f;
bad:
    fprintf(stderr, "malformed fixture %s\n", path);
    fclose(fp);
    fix_free(f);
    return NULL;
}

/* The tensor's values, or NULL (with a message) when it is not there. */
static const FixTensor *fix_get(const Fixture *f, const char *name)
{
    for (int i = 0; f && i < f->n; i++)
        if (strcmp(f->t[i].name, name) == 0)
            return &f->t[i];
    fprintf(stderr, "fixture tensor %s missing\n", name);
    return NULL;
}

#endif
