/* The resumable store: with --out DIR, every sweep point that finishes
 * is kept as DIR/points/KEY.fxp, written atomically (temporary file,
 * fsync, rename: rt_out_write_all), so a kill at any moment leaves a
 * point complete or absent, and two processes writing one folder never
 * corrupt it (each point is its own file). KEY hashes what determines
 * the point: its values, the seed (and repeat seeds), the RNG counters it
 * starts from, the text of the sweep's block, the values of the names the
 * block reads (exp_key.c) and fx's version. A file is a header line,
 *   fx-point key=K sweep=S seed=N start=T/D block=H names=a:H,b:H label=L
 * then the RNG counters after the point (two uint64) and the point's
 * result as exp_wire.c encodes it (exact numbers and weights). A rerun
 * loads the points it finds, so tables, plots and asserts see the same
 * values, bit for bit; a record of the same sweep and label under another
 * key means the script changed, and is refused, naming what changed. */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "experiment.h"
#include "exp_store.h"
#include "exp_wire.h"

char *fx_read_file(const char *path, size_t *len);

static void hex(uint64_t h, char out[17]) { snprintf(out, 17, "%016" PRIx64, h); }

/* The header's field `name=` up to the next space (the label: to the end). */
static int field(const char *text, const char *name, char *out, size_t cap)
{
    char pat[32];
    snprintf(pat, sizeof pat, " %s=", name);
    const char *p = strstr(text, pat);
    if (!p)
        return -1;
    p += strlen(pat);
    int to_end = !strcmp(name, "label");
    size_t n = 0;
    while (p[n] && p[n] != '\n' && (to_end || p[n] != ' '))
        n++;
    snprintf(out, cap, "%.*s", (int)n, p);
    return 0;
}

static void read_heads(FxStore *st)
{
    DIR *d = opendir(st->dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len != 20 || strcmp(e->d_name + 16, ".fxp"))
            continue;
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", st->dir, e->d_name);
        FILE *f = fopen(path, "rb");
        char line[8192];
        int ok = f && fgets(line, sizeof line, f) && !strncmp(line, "fx-point ", 9);
        if (f)
            fclose(f);
        if (!ok)
            continue;
        st->heads = fx_xrealloc(st->heads, (size_t)(st->nheads + 1) * sizeof *st->heads);
        FxStoreHead *h = &st->heads[st->nheads++];
        snprintf(h->key, sizeof h->key, "%.16s", e->d_name);
        char s[32] = "0";
        field(line, "sweep", s, sizeof s);
        h->sweep = atoi(s);
        h->text = fx_xstrdup(line);
    }
    if (d)
        closedir(d);
}

void fx_store_open(FxInterp *I, const FxNode *sweep, FxEnv *env, FxStore *st)
{
    memset(st, 0, sizeof *st);
    FxStd *std = fx_std(I);
    st->sweep = ++std->sweeps;
    if (!I->opt.out_dir)
        return;
    size_t n = strlen(I->opt.out_dir) + 16;
    st->dir = fx_xmalloc(n);
    snprintf(st->dir, n, "%s/points", I->opt.out_dir);
    st->seed = std->seed;
    const FxSource *src = I->src;
    const FxNode *b = sweep->body;
    if (src && b && b->span.off + b->span.len <= src->len)
        fx_hash_bytes(&st->block, src->text + b->span.off, b->span.len);
    for (int i = 0; i < sweep->items.count; i++) {   /* its options' text too */
        const FxNode *o = sweep->items.items[i];
        if (o->kind != FX_N_SWEEP_VAR && strcmp(o->name, "jobs") && strcmp(o->name, "store") &&
            src &&
            o->span.off + o->span.len <= src->len)
            fx_hash_bytes(&st->block, src->text + o->span.off, o->span.len);
    }
    fx_hash_bytes(&st->block, FX_VERSION, strlen(FX_VERSION));
    fx_hash_bytes(&st->block, FX_WIRE_FORMAT, strlen(FX_WIRE_FORMAT));
    /* --diagnose changes what a run holds (its per-layer evidence) */
    fx_hash_bytes(&st->block, I->opt.diagnose ? "diagnose" : "plain", I->opt.diagnose ? 8 : 5);
    fx_store_block_names(sweep, env, &st->names);
    read_heads(st);
}

void fx_store_close(FxStore *st)
{
    for (int i = 0; i < st->nheads; i++)
        free(st->heads[i].text);
    free(st->heads);
    free(st->dir);
    memset(st, 0, sizeof *st);
}

static void hash_params(uint64_t *h, FxValue v)
{
    FxRecord *r = v.type == FX_RECORD ? fx_as_record(v) : NULL;
    for (int i = 0; r && i < r->n; i++) {
        fx_hash_bytes(h, r->keys[i], strlen(r->keys[i]) + 1);
        FxValue x = r->vals[i];
        if (x.type == FX_NUM) {
            fx_hash_bytes(h, &x.as.n, sizeof x.as.n);
        } else {
            FxBuf b;
            fx_buf_init(&b);
            fx_value_repr(&b, x);
            fx_hash_bytes(h, b.s ? b.s : "", b.len);
            fx_buf_free(&b);
        }
    }
}

void fx_store_key(const FxStore *st, FxValue params, const uint64_t *seeds, int nseeds,
                  uint64_t train_calls, uint64_t data_calls, char key[17])
{
    uint64_t h = st->block;
    uint64_t c[4] = {st->seed, train_calls, data_calls, (uint64_t)nseeds};
    fx_hash_bytes(&h, c, sizeof c);
    if (nseeds)
        fx_hash_bytes(&h, seeds, (size_t)nseeds * sizeof *seeds);
    for (int i = 0; i < st->names.n; i++) {
        fx_hash_bytes(&h, st->names.name[i], strlen(st->names.name[i]) + 1);
        fx_hash_bytes(&h, &st->names.hash[i], sizeof st->names.hash[i]);
    }
    hash_params(&h, params);
    hex(h, key);
}

/* A decoded run's model points at the source its model statement is in:
 * the model of that name the sweep sees, else the sweep's own source
 * (with no layer locations). */
static void fix_sources(FxInterp *I, FxValue v, int depth)
{
    if (depth > 50)
        return;
    if (v.type == FX_LIST) {
        for (size_t i = 0; i < fx_as_list(v)->n; i++)
            fix_sources(I, fx_as_list(v)->items[i], depth + 1);
        return;
    }
    if (v.type == FX_RECORD) {
        for (int i = 0; i < fx_as_record(v)->n; i++)
            fix_sources(I, fx_as_record(v)->vals[i], depth + 1);
        return;
    }
    FxRun *r = fx_value_run(v);
    FxModel *m = r ? fx_value_model(r->model) : NULL;
    if (!m)
        return;
    FxValue *named = fx_env_find(I->globals, fx_intern_cstr(&I->intern, m->name));
    FxModel *same = named ? fx_value_model(*named) : NULL;
    if (same && same->n == m->n && same->spans) {
        m->src = same->src;
        memcpy(m->spans, same->spans, (size_t)m->n * sizeof *m->spans);
    } else {
        m->src = I->src;
        memset(m->spans, 0, (size_t)m->n * sizeof *m->spans);
    }
}

int fx_store_load(FxInterp *I, const FxStore *st, const char *key, FxValue *out,
                  uint64_t *train_calls, uint64_t *data_calls)
{
    if (!st->dir)
        return 0;
    char path[4200];
    snprintf(path, sizeof path, "%s/%s.fxp", st->dir, key);
    size_t len = 0;
    char *text = fx_read_file(path, &len);
    if (!text)
        return 0;
    char *nl = memchr(text, '\n', len);
    uint64_t c[2];
    int ok = nl && (size_t)(nl + 1 - text) + sizeof c <= len;
    if (ok) {
        memcpy(c, nl + 1, sizeof c);
        const char *at = nl + 1 + sizeof c;
        ok = fx_wire_get(I, at, len - (size_t)(at - text), out) == 0;
    }
    free(text);
    if (!ok) {
        fprintf(stderr, "fx: %s cannot be read back: the point runs again\n", path);
        return 0;
    }
    fix_sources(I, *out, 0);
    *train_calls = c[0];
    *data_calls = c[1];
    return 1;
}

/* What differs between a stored header and this sweep's point. */
static void what_changed(const FxStore *st, const char *head, uint64_t tc, uint64_t dc,
                         FxBuf *b)
{
    char v[8192], now[64];
    snprintf(now, sizeof now, "%" PRIu64, st->seed);
    if (field(head, "seed", v, sizeof v) == 0 && strcmp(v, now))
        fx_buf_printf(b, "%sthe seed (%s now, %s in the store)", b->len ? ", " : "", now, v);
    hex(st->block, now);
    if (field(head, "block", v, sizeof v) == 0 && strcmp(v, now))
        fx_buf_printf(b, "%sthe sweep's block or options", b->len ? ", " : "");
    field(head, "names", v, sizeof v);
    for (int i = 0; i < st->names.n; i++) {
        char pat[100], h[17];
        hex(st->names.hash[i], h);
        snprintf(pat, sizeof pat, "%s:%s", st->names.name[i], h);
        char *p = strstr(v, pat);
        size_t pl = strlen(pat);
        if (!p || !((p == v || p[-1] == ',') && (p[pl] == ',' || p[pl] == 0)))
            fx_buf_printf(b, "%s'%s'", b->len ? ", " : "", st->names.name[i]);
    }
    snprintf(now, sizeof now, "%" PRIu64 "/%" PRIu64, tc, dc);
    if (field(head, "start", v, sizeof v) == 0 && strcmp(v, now))
        fx_buf_printf(b, "%sthe data or runs made before the sweep", b->len ? ", " : "");
    if (!b->len)
        fx_buf_puts(b, "the names the block reads");
}

int fx_store_stale(FxInterp *I, const FxStore *st, const FxNode *at, const char *label,
                   const char *key, uint64_t train_calls, uint64_t data_calls)
{
    for (int i = 0; st->dir && i < st->nheads; i++) {
        const FxStoreHead *h = &st->heads[i];
        char l[200];
        if (h->sweep != st->sweep || field(h->text, "label", l, sizeof l) || strcmp(l, label) ||
            !strcmp(h->key, key))
            continue;
        FxBuf b;
        fx_buf_init(&b);
        what_changed(st, h->text, train_calls, data_calls, &b);
        fx_error_at(I, at, "%s '%s' holds point %s of this sweep from an older version of "
                    "the script: %s changed since", fx_out_what(I), I->opt.out_dir, label, b.s);
        fx_buf_free(&b);
        char hint[160];
        snprintf(hint, sizeof hint, "give %s a new folder, or add --fresh to discard the "
                 "stored points and run them again", fx_out_what(I));
        fx_error_hint(I, "%s", hint);
        return -1;
    }
    return 0;
}

void fx_store_put(FxInterp *I, const FxStore *st, const char *key, const char *label,
                  FxValue result, uint64_t train_calls, uint64_t data_calls,
                  uint64_t start_train, uint64_t start_data)
{
    if (!st->dir)
        return;
    FxBuf b;
    fx_buf_init(&b);
    char blk[17];
    hex(st->block, blk);
    fx_buf_printf(&b, "fx-point key=%s sweep=%d seed=%" PRIu64 " start=%" PRIu64 "/%" PRIu64
                  " block=%s names=", key, st->sweep, st->seed, start_train, start_data, blk);
    for (int i = 0; i < st->names.n; i++) {
        char h[17];
        hex(st->names.hash[i], h);
        fx_buf_printf(&b, "%s%s:%s", i ? "," : "", st->names.name[i], h);
    }
    fx_buf_printf(&b, " label=%s\n", label);
    uint64_t c[2] = {train_calls, data_calls};
    FxBuf w = {0};
    char why[96];
    if (fx_wire_put(&w, result, why, sizeof why)) {
        fx_buf_free(&b);
        free(w.s);
        return;                          /* a result that cannot be kept: it reruns */
    }
    size_t n = b.len + sizeof c + w.len;
    char *all = fx_xmalloc(n + 1);
    memcpy(all, b.s, b.len);
    memcpy(all + b.len, c, sizeof c);
    if (w.len)
        memcpy(all + b.len + sizeof c, w.s, w.len);
    char path[4200];
    snprintf(path, sizeof path, "%s/%s.fxp", st->dir, key);
    RtError e = {0};
    int err = fx_path_make_parents(path);
    if (err || rt_out_write_all(path, all, n, &e))
        fprintf(stderr, "fx: --out: cannot keep point %s: %s\n", label,
                err ? strerror(err) : e.msg);
    free(all);
    free(w.s);
    fx_buf_free(&b);
}
