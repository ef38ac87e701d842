/* The resumable store of --out DIR (exp_store.c): one file per finished
 * sweep point, DIR/points/KEY.fxp, keyed by a hash of what determines the
 * point (exp_key.c). */
#ifndef FX_EXP_STORE_H
#define FX_EXP_STORE_H

#include "experiment.h"

enum { FX_STORE_MAX_NAMES = 64 };

/* The names a sweep's block reads from outside it, with their values'
 * hashes. */
typedef struct FxStoreNames {
    int      n;
    char     name[FX_STORE_MAX_NAMES][64];
    uint64_t hash[FX_STORE_MAX_NAMES];
} FxStoreNames;

void fx_hash_bytes(uint64_t *h, const void *p, size_t n);
void fx_store_block_names(const FxNode *sweep, FxEnv *env, FxStoreNames *out);

typedef struct FxStoreHead {
    char  key[17];
    int   sweep;
    char *text;          /* the header line, owned */
} FxStoreHead;

typedef struct FxStore {
    char        *dir;        /* DIR/points, owned; NULL: no store */
    int          sweep;      /* the sweep's number in the script's run */
    uint64_t     block, seed;
    FxStoreNames names;
    FxStoreHead *heads;      /* the records already there */
    int          nheads;
} FxStore;

/* Opens the store for a sweep when --out is given (st->dir NULL when not). */
void fx_store_open(FxInterp *I, const FxNode *sweep, FxEnv *env, FxStore *st);
void fx_store_close(FxStore *st);
/* The point's key from its values, its seeds and the RNG counters it
 * starts from (16 hex digits). */
void fx_store_key(const FxStore *st, FxValue params, const uint64_t *seeds, int nseeds,
                  uint64_t train_calls, uint64_t data_calls, char key[17]);
/* 1 and *out (the point's result) and the counters after it when the
 * point is in the store; 0 when not. */
int  fx_store_load(FxInterp *I, const FxStore *st, const char *key, FxValue *out,
                   uint64_t *train_calls, uint64_t *data_calls);
/* -1 (a located error at the sweep) when a record of this sweep's point
 * `label` is there under another key: the script changed. */
int  fx_store_stale(FxInterp *I, const FxStore *st, const FxNode *at, const char *label,
                    const char *key, uint64_t train_calls, uint64_t data_calls);
/* Writes a finished point's record, atomically. */
void fx_store_put(FxInterp *I, const FxStore *st, const char *key, const char *label,
                  FxValue result, uint64_t train_calls, uint64_t data_calls,
                  uint64_t start_train, uint64_t start_data);

#endif
