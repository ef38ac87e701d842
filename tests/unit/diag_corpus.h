/* Reads the diagnosis corpus (tests/diag/ *.runs): run histories, each
 * with the verdicts it must get (expect:) and those it may get without
 * being wrong (allow:). The format is in tests/diag/README. Knows the
 * diagnosis's input (diag/verdict.h) and nothing else of fx. */
#ifndef FX_TEST_DIAG_CORPUS_H
#define FX_TEST_DIAG_CORPUS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diag/verdict.h"

enum { CORPUS_CURVES = 5 };

typedef struct CorpusRun {
    char     name[96], source[200];
    int      expect[FX_DK_COUNT], allow[FX_DK_COUNT];   /* by kind: 1 when listed */
    int      classes;
    int64_t  val_n;
    double  *curve[CORPUS_CURVES];                      /* loss, accuracy, val_loss, val_accuracy, batch_loss */
    int64_t  len[CORPUS_CURVES];
} CorpusRun;

static const char *const corpus_curve_names[CORPUS_CURVES] = {
    "loss", "accuracy", "val_loss", "val_accuracy", "batch_loss"};

static inline void corpus_run_free(CorpusRun *r)
{
    for (int i = 0; i < CORPUS_CURVES; i++)
        free(r->curve[i]);
    memset(r, 0, sizeof *r);
}

/* "a b c" of kind names into flags; 0, or -1 naming an unknown kind. */
static inline int corpus_kinds(char *s, int *flags)
{
    for (char *w = strtok(s, " \t"); w; w = strtok(NULL, " \t")) {
        int k = 0;
        while (k < FX_DK_COUNT && strcmp(w, fx_diag_kind_name((FxDiagKind)k)))
            k++;
        if (k == FX_DK_COUNT) {
            fprintf(stderr, "corpus: unknown verdict '%s'\n", w);
            return -1;
        }
        flags[k] = 1;
    }
    return 0;
}

static inline int corpus_numbers(char *s, double **out, int64_t *n)
{
    size_t cap = 64, k = 0;
    double *x = malloc(cap * sizeof *x);
    if (!x)
        return -1;
    for (char *w = strtok(s, " \t"); w; w = strtok(NULL, " \t")) {
        if (k == cap) {
            double *y = realloc(x, (cap *= 2) * sizeof *x);
            if (!y) {
                free(x);
                return -1;
            }
            x = y;
        }
        x[k++] = strtod(w, NULL);   /* "nan" and "inf" too */
    }
    free(*out);
    *out = x;
    *n = (int64_t)k;
    return 0;
}

/* One "key: value" line into r; -1 on a key it does not know. */
static inline int corpus_field(CorpusRun *r, const char *key, char *val)
{
    if (!strcmp(key, "source"))
        snprintf(r->source, sizeof r->source, "%.199s", val);
    else if (!strcmp(key, "expect"))
        return corpus_kinds(val, r->expect);
    else if (!strcmp(key, "allow"))
        return corpus_kinds(val, r->allow);
    else if (!strcmp(key, "classes"))
        r->classes = atoi(val);
    else if (!strcmp(key, "val_n"))
        r->val_n = atoll(val);
    else {
        for (int i = 0; i < CORPUS_CURVES; i++)
            if (!strcmp(key, corpus_curve_names[i]))
                return corpus_numbers(val, &r->curve[i], &r->len[i]);
        fprintf(stderr, "corpus: unknown field '%s'\n", key);
        return -1;
    }
    return 0;
}

/* The next run of f into r: 1, 0 at the end, -1 on a bad entry. */
static inline int corpus_next(FILE *f, CorpusRun *r)
{
    char line[65536];
    int in = 0;
    memset(r, 0, sizeof *r);
    while (fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "\r\n");
        if (!line[n] && !feof(f))
            return -1;                     /* longer than the buffer */
        line[n] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        if (!in && !strncmp(line, "run ", 4)) {
            snprintf(r->name, sizeof r->name, "%.95s", line + 4);
            in = 1;
        } else if (in && !strcmp(line, "end")) {
            return r->curve[0] ? 1 : -1;
        } else {
            char *colon = strchr(line, ':');
            if (!in || !colon)
                return -1;
            *colon = 0;
            if (corpus_field(r, line, colon + 1 + (colon[1] == ' ')))
                return -1;
        }
    }
    return in ? -1 : 0;
}

/* r as the rules' input (no lr history: recorded runs keep a fixed one). */
static inline FxDiagInput corpus_input(const CorpusRun *r)
{
    return (FxDiagInput){
        .epochs = r->len[0], .loss = r->curve[0], .accuracy = r->curve[1],
        .val_loss = r->curve[2], .val_accuracy = r->curve[3],
        .steps = r->len[4], .batch_loss = r->curve[4],
        .classes = r->classes, .val_n = r->val_n};
}

#endif
