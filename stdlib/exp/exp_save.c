/* `save X to "file"` and `--out DIR`: runs and sweeps as CSV (one row per
 * epoch, a sweep's values as leading columns) or JSON lines (one object
 * per epoch; nan is written as null), lists and curve sets as CSV or JSON
 * lines, models' weights as safetensors; the history files of --out
 * (exp_out.c). Also load_weights(). A file that
 * cannot be written is a located error; nothing is left half-written
 * silently (the file is written whole, then renamed into place). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "data/data.h"
#include "experiment.h"
#include "torch_pt.h"

const FxOptionDef fx_save_options[] = {{"steps", 0, 0}, {"labels", 0, 0}, {"names", 0, 0}, {0}};

int fx_shape_arg(FxInterp *I, FxValue v, FxSpan at, RtShape *out);

static const char *ext(const char *path)
{
    const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
    return dot && (!slash || dot > slash) ? dot + 1 : "";
}

static void num_csv(FxBuf *b, double x)
{
    char t[32];
    fx_buf_puts(b, isnan(x) ? "nan" : fx_num_text(x, t));
}

static void num_json(FxBuf *b, double x)
{
    char t[32];
    fx_buf_puts(b, isfinite(x) ? fx_num_text(x, t) : "null");
}

static void json_string(FxBuf *b, const char *s)
{
    fx_buf_puts(b, "\"");
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fx_buf_printf(b, "\\%c", *s);
        else if ((unsigned char)*s < 32)
            fx_buf_printf(b, "\\u%04x", (unsigned char)*s);
        else
            fx_buf_put(b, s, 1);
    }
    fx_buf_puts(b, "\"");
}

/* CSV text of a value in a cell: numbers plain, the rest quoted. */
static void cell_csv(FxBuf *b, FxValue v)
{
    if (v.type == FX_NUM) {
        num_csv(b, v.as.n);
        return;
    }
    FxBuf t;
    fx_buf_init(&t);
    fx_value_show(&t, v);
    fx_buf_puts(b, "\"");
    for (size_t i = 0; i < t.len; i++)
        fx_buf_put(b, t.s[i] == '"' ? "\"\"" : t.s + i, t.s[i] == '"' ? 2 : 1);
    fx_buf_puts(b, "\"");
    fx_buf_free(&t);
}

static void cell_json(FxBuf *b, FxValue v)
{
    if (v.type == FX_NUM) {
        num_json(b, v.as.n);
        return;
    }
    FxBuf t;
    fx_buf_init(&t);
    fx_value_show(&t, v);
    json_string(b, t.s ? t.s : "");
    fx_buf_free(&t);
}

/* ---- runs ---------------------------------------------------------------------- */

typedef struct Metric {
    const char *name;
    const double *x;
} Metric;

/* A sweep may be over a name a history column also has (lr): the swept
 * value keeps the name, the history's column becomes "epoch_lr". */
static const char *metric_name(const char *name, const FxRecord *params, char *buf, size_t n)
{
    for (int i = 0; params && i < params->n; i++)
        if (!strcmp(params->keys[i], name)) {
            snprintf(buf, n, "epoch_%s", name);
            return buf;
        }
    return name;
}

static int run_metrics(const FxRun *r, int steps, Metric *m, int64_t *rows)
{
    const RtHistory *h = &r->h;
    int k = 0;
    *rows = steps ? h->steps : h->epochs;
    if (steps) {
        m[k++] = (Metric){"loss", h->batch_loss};
        if (r->classify)
            m[k++] = (Metric){"accuracy", h->batch_accuracy};
        if (h->step_loss)
            m[k++] = (Metric){"full_loss", h->step_loss};
        return k;
    }
    m[k++] = (Metric){"loss", h->loss};
    if (r->classify)
        m[k++] = (Metric){"accuracy", h->accuracy};
    if (r->has_val) {
        m[k++] = (Metric){"val_loss", h->val_loss};
        if (r->classify)
            m[k++] = (Metric){"val_accuracy", h->val_accuracy};
    }
    m[k++] = (Metric){"lr", h->lr};
    return k;
}

/* Rows of one run, after `params` columns (a sweep point's values). */
static void run_rows(FxBuf *b, const FxRun *r, const FxRecord *params, int steps, int json,
                     int header)
{
    Metric m[8];
    int64_t rows;
    int k = run_metrics(r, steps, m, &rows);
    const char *unit = steps ? "step" : "epoch";
    if (header && !json) {
        for (int i = 0; params && i < params->n; i++)
            fx_buf_printf(b, "%s,", params->keys[i]);
        fx_buf_puts(b, unit);
        char nb[64];
        for (int i = 0; i < k; i++)
            fx_buf_printf(b, ",%s", metric_name(m[i].name, params, nb, sizeof nb));
        fx_buf_puts(b, "\n");
    }
    for (int64_t row = 0; row < rows; row++) {
        if (json) {
            fx_buf_puts(b, "{");
            for (int i = 0; params && i < params->n; i++) {
                json_string(b, params->keys[i]);
                fx_buf_puts(b, ": ");
                cell_json(b, params->vals[i]);
                fx_buf_puts(b, ", ");
            }
            if (r->label[0] && !params) {
                fx_buf_puts(b, "\"run\": ");
                json_string(b, r->label);
                fx_buf_puts(b, ", ");
            }
            fx_buf_printf(b, "\"%s\": %lld", unit, (long long)row + 1);
            char nb[64];
            for (int i = 0; i < k; i++) {
                fx_buf_printf(b, ", \"%s\": ", metric_name(m[i].name, params, nb, sizeof nb));
                num_json(b, m[i].x ? m[i].x[row] : NAN);
            }
            fx_buf_puts(b, "}\n");
            continue;
        }
        for (int i = 0; params && i < params->n; i++) {
            cell_csv(b, params->vals[i]);
            fx_buf_puts(b, ",");
        }
        fx_buf_printf(b, "%lld", (long long)row + 1);
        for (int i = 0; i < k; i++) {
            fx_buf_puts(b, ",");
            num_csv(b, m[i].x ? m[i].x[row] : NAN);
        }
        fx_buf_puts(b, "\n");
    }
}

/* ---- the rest ------------------------------------------------------------------- */

static int list_rows(FxInterp *I, FxBuf *b, FxValue v, int json, const FxNode *at)
{
    FxList *l = fx_as_list(v);
    if (!json)
        fx_buf_puts(b, "index,value\n");
    for (size_t i = 0; i < l->n; i++) {
        if (l->items[i].type == FX_LIST || l->items[i].type == FX_FOREIGN)
            return fx_error_at(I, at, "save writes a list of numbers or strings; item %zu is %s",
                               i, fx_type_phrase(l->items[i]));
        fx_buf_printf(b, json ? "{\"index\": %zu, \"value\": " : "%zu,", i);
        json ? cell_json(b, l->items[i]) : cell_csv(b, l->items[i]);
        fx_buf_puts(b, json ? "}\n" : "\n");
    }
    return 0;
}

static int sweep_rows(FxInterp *I, FxBuf *b, FxSweep *s, int steps, int json, const FxNode *at)
{
    int header = 1;
    for (int i = 0; i < s->n; i++) {
        FxRun *r = fx_value_run(s->pts[i].result);
        if (s->pts[i].error)
            continue;
        if (!r)
            return fx_error_at(I, at, "save writes sweeps of runs; point %d (%s) is %s", i + 1,
                               s->pts[i].label, fx_type_phrase(s->pts[i].result));
        run_rows(b, r, fx_as_record(s->pts[i].params), steps, json, header);
        header = 0;
    }
    return 0;
}

/* An error writing `file` (resolved) as the user wrote it: the runtime's
 * "cannot write 'PATH': why" with the written name, and the absolute path
 * as a hint. */
static int write_error(FxInterp *I, const FxNode *at, const char *written, const char *file,
                       const RtError *e)
{
    const char *why = strstr(e->msg, "': ");
    if (e->code == RT_ERR_IO && strncmp(e->msg, "cannot write '", 14) == 0 && why)
        fx_error_at(I, at, "cannot write '%s': %s", written, why + 3);
    else
        fx_error_at(I, at, "%s", e->msg);
    fx_error_path_hint(I, file, 0);
    return -1;
}

/* Writes b to `file` (resolved), making its missing parent folders;
 * complete or absent (rt_out_write_all): never half a file under it.
 * Errors name the path as written and hint at the absolute one. */
static int write_whole(FxInterp *I, const FxNode *at, const char *written, const char *file,
                       const FxBuf *b)
{
    int err = fx_path_make_parents(file);
    if (err) {
        fx_error_at(I, at, "cannot write '%s': %s", written, strerror(err));
        fx_error_path_hint(I, file, 0);
        return -1;
    }
    RtError e = fx_std_rt_err(I);
    if (rt_out_write_all(file, b->s, b->len, &e))
        return write_error(I, at, written, file, &e);
    return 0;
}

/* names: "torch" names the tensors as PyTorch names an nn.Sequential of
 * the same layers ("0.weight"), num_batches_tracked included (each
 * batchnorm's count of train-mode batches, carried over by load_weights
 * and continue: true), so load_state_dict(strict=True) takes the file. */
static int save_weights(FxInterp *I, const FxNode *n, FxValue v, const char *written,
                        const char *path, FxEnv *env)
{
    FxRun *r = fx_value_run(v);
    FxModel *m = r ? fx_value_model(r->model) : fx_value_model(v);
    FxValue nv;
    int given;
    if (!m || !m->weights)
        return fx_error_at(I, n->a, "a .safetensors file holds trained weights: save a run or "
                           "r.model, not %s", m ? "an untrained model" : fx_type_phrase(v));
    if (fx_eval_option(I, n, "names", env, &nv, &given))
        return -1;
    int torch = given && nv.type == FX_STR && !strcmp(fx_as_str(nv)->s, "torch");
    int plain = given && nv.type == FX_STR && !strcmp(fx_as_str(nv)->s, "fx");
    fx_unref(nv);
    if (given && !torch && !plain)
        return fx_error_at(I, fx_option(n, "names")->a, "names: is \"torch\" (PyTorch's "
                           "nn.Sequential names, 0.weight) or \"fx\" (layers.0.weight)");
    RtError e = fx_std_rt_err(I);
    int err = fx_path_make_parents(path);
    if (err) {
        fx_error_at(I, n->b, "cannot write '%s': %s", written, strerror(err));
        fx_error_path_hint(I, path, 0);
        return -1;
    }
    if (torch ? rt_weights_save_torch(m->weights, path, &e)
              : rt_weights_save(m->weights, path, &e)) {
        fx_rt_error(I, n->b->span, &e);
        fx_error_path_hint(I, path, 0);
        return -1;
    }
    return 0;
}

/* A dataset as numpy files: "x.npy" its samples (and labels: "y.npy" its
 * targets), "d.npz" both, as the arrays x and y. */
static int save_dataset(FxInterp *I, const FxNode *n, FxValue v, const char *written,
                        const char *path, int npz, FxEnv *env)
{
    FxDataset *d = fx_value_dataset(v);
    FxValue lv;
    int given;
    if (!d)
        return fx_error_at(I, n->a, "a .%s file holds a dataset, not %s", npz ? "npz" : "npy",
                           fx_type_phrase(v));
    if (fx_eval_option(I, n, "labels", env, &lv, &given))
        return -1;
    const FxNode *lat = given ? fx_option(n, "labels")->a : NULL;
    int rc = 0;
    if (given && (npz || lv.type != FX_STR || fx_as_str(lv)->len == 0))
        rc = fx_error_at(I, lat, npz ? "an .npz file holds the labels already (as its array y); "
                         "labels: is for .npy files" : "labels: needs a file name, as in labels: "
                         "\"y.npy\"");
    FxBuf b;
    fx_buf_init(&b);
    if (rc == 0 && npz && fx_npz_dataset(d, &b))
        rc = fx_error_at(I, n->a, "a dataset of %lld samples is too large for an .npz file "
                         "(4 GiB at most); save it as .npy files", (long long)d->n);
    else if (rc == 0 && !npz)
        fx_npy_samples(d, &b);
    if (rc == 0)
        rc = write_whole(I, n->b, written, path, &b);
    if (rc == 0 && given) {
        b.len = 0;
        fx_npy_targets(d, &b);
        char *lp = fx_path_script(I, fx_as_str(lv)->s);
        rc = write_whole(I, lat, fx_as_str(lv)->s, lp, &b);
        free(lp);
    }
    fx_buf_free(&b);
    fx_unref(lv);
    return rc;
}

static int render(FxInterp *I, const FxNode *at, FxValue v, int json, int steps, FxBuf *b)
{
    FxRun *r = fx_value_run(v);
    FxSweep *s = fx_value_sweep(v);
    FxCurves *cs = fx_value_curves(v);
    if (r) {
        run_rows(b, r, NULL, steps, json, 1);
        return 0;
    }
    if (s)
        return sweep_rows(I, b, s, steps, json, at);
    if (cs) {
        for (int i = 0; i < cs->n; i++) {
            FxValue row = cs->vals[i];
            if (json) {
                fx_buf_puts(b, "{\"point\": ");
                json_string(b, cs->labels[i]);
                fx_buf_printf(b, ", \"%s\": ", cs->what);
                if (row.type == FX_NONE || row.type == FX_NUM) {
                    row.type == FX_NONE ? fx_buf_puts(b, "null") : num_json(b, row.as.n);
                } else if (row.type == FX_LIST) {
                    FxList *l = fx_as_list(row);
                    fx_buf_puts(b, "[");
                    for (size_t k = 0; k < l->n; k++) {
                        fx_buf_puts(b, k ? ", " : "");
                        cell_json(b, l->items[k]);
                    }
                    fx_buf_puts(b, "]");
                } else {
                    cell_json(b, row);
                }
                fx_buf_puts(b, "}\n");
            }
        }
        if (json)
            return 0;
        return fx_error_at(I, at, "save a set of curves as .jsonl, or save the sweep itself "
                           "as .csv");
    }
    if (v.type == FX_LIST)
        return list_rows(I, b, v, json, at);
    return fx_error_at(I, at, "save writes runs, sweeps and lists (.csv, .jsonl) or a "
                       "model's weights (.safetensors), not %s", fx_type_phrase(v));
}

int fx_exec_save(FxInterp *I, const FxNode *n, FxEnv *env)
{
    FxValue v, p, st;
    int given;
    if (fx_eval(I, n->a, env, &v))
        return -1;
    if (fx_eval(I, n->b, env, &p)) {
        fx_unref(v);
        return -1;
    }
    int rc = -1;
    if (p.type != FX_STR || fx_as_str(p)->len == 0) {
        fx_error_at(I, n->b, "save ... to needs a file name");
    } else if (!fx_eval_option(I, n, "steps", env, &st, &given)) {
        const char *written = fx_as_str(p)->s, *e = ext(written);
        char *path = fx_path_script(I, written);
        int steps = given && st.type == FX_BOOL && st.as.b;
        FxBuf b;
        fx_buf_init(&b);
        int data = !strcmp(e, "npy") || !strcmp(e, "npz");
        int lgiven = !data && fx_option(n, "labels") != NULL;
        if (!strcmp(e, "safetensors") && !lgiven)
            rc = save_weights(I, n, v, written, path, env);
        else if (fx_option(n, "names"))
            rc = fx_error_at(I, fx_option(n, "names")->a, "names: is for weights saved as "
                             ".safetensors, not a .%s file", e);
        else if (data)
            rc = save_dataset(I, n, v, written, path, !strcmp(e, "npz"), env);
        else if (lgiven)
            rc = fx_error_at(I, fx_option(n, "labels")->a, "labels: is for a dataset saved as "
                             ".npy, not a .%s file", e);
        else if (!*e)
            rc = fx_error_at(I, n->b, "save writes .csv, .jsonl, .safetensors, .npy or .npz "
                             "files, and '%s' has no extension", path);
        else if (strcmp(e, "csv") && strcmp(e, "jsonl"))
            rc = fx_error_at(I, n->b, "save writes .csv, .jsonl, .safetensors, .npy or .npz "
                             "files, not '.%s'", e);
        else if (!render(I, n->a, v, strcmp(e, "csv") != 0, steps, &b))
            rc = write_whole(I, n->b, written, path, &b);
        fx_buf_free(&b);
        free(path);
        fx_unref(st);
    }
    fx_unref(v);
    fx_unref(p);
    return rc;
}

/* What `save v to "x.jsonl"` (json) or "x.csv" writes, into b; for
 * assert_close's baselines. */
int fx_save_render(FxInterp *I, const FxNode *at, FxValue v, int json, FxBuf *b)
{
    return render(I, at, v, json, 0, b);
}

/* ---- for --out (exp_out.c) ------------------------------------------------------ */

void fx_json_number(FxBuf *b, double x) { num_json(b, x); }
void fx_json_string(FxBuf *b, const char *s) { json_string(b, s); }
void fx_json_value(FxBuf *b, FxValue v) { cell_json(b, v); }

void fx_save_history(FxBuf *b, const FxRun *r, int json)
{
    run_rows(b, r, NULL, 0, json, 1);
}

int fx_save_write(FxInterp *I, const FxNode *at, const char *path, const FxBuf *b)
{
    return write_whole(I, at, path, path, b);
}

static void print_row(FxInterp *I, RtModel *rm, const RtWeightSrc *w, int to)
{
    char a[RT_SHAPE_STR_SIZE];
    RtNamedTensor t;
    if (to <= -2)
        fprintf(I->out, "  %-24s %-14s -> layers.%d.num_batches_tracked (%s) = %lld\n", w->name,
                rt_shape_str(&w->shape, a, sizeof a), -2 - to, rt_model_layer_name(rm, -2 - to),
                (long long)w->ivalue);
    else if (to >= 0 && rt_model_tensor(rm, to, &t) == 0)
        fprintf(I->out, "  %-24s %-14s -> %s (%s)\n", w->name,
                rt_shape_str(&w->shape, a, sizeof a), t.name, rt_model_layer_name(rm, t.layer));
    else
        fprintf(I->out, "  %-24s %-14s    not used\n", w->name,
                rt_shape_str(&w->shape, a, sizeof a));
}

/* Says which file tensor went where, when it was by position (in the
 * file's order) or by the names given (in the model's order, then the
 * file tensors the names left out, as not used). */
static void print_map(FxInterp *I, RtModel *rm, const char *path, const RtWeightSrc *src,
                      int64_t n, const int *map, int given)
{
    fprintf(I->out, given ? "load_weights: '%s' maps by the names given:\n"
                          : "load_weights: '%s' maps by position (its names are not the model's):\n",
            path);
    if (!given) {
        for (int64_t i = 0; i < n; i++)
            if (map[i] != -1)
                print_row(I, rm, &src[i], map[i]);
        return;
    }
    int nt = rt_model_tensor_count(rm);
    int *order = fx_xmalloc((size_t)(nt + 1) * sizeof *order);
    rt_weights_torch_order(rm, order);
    for (int k = 0; k < nt; k++)
        for (int64_t i = 0; i < n; i++) {
            RtNamedTensor t;
            if (map[i] != order[k])
                continue;
            print_row(I, rm, &src[i], map[i]);
            rt_model_tensor(rm, order[k], &t);
            for (int64_t j = 0; j < n; j++)
                if (map[j] == -2 - t.layer && strstr(t.name, "running_var"))
                    print_row(I, rm, &src[j], map[j]);
        }
    for (int64_t i = 0; i < n; i++)
        if (map[i] == -1)
            print_row(I, rm, &src[i], -1);
    free(order);
}

/* Where item k of the names: list is written: the item, when the list is
 * written out, else the whole argument. */
static FxSpan name_span(FxCall *c, int k, int count)
{
    const FxNode *at = c->at[3];
    if (k >= 0 && at && at->kind == FX_N_LIST && at->items.count == count)
        return at->items.items[k]->span;
    return fx_arg_span(c, 3);
}

/* names: of load_weights, a list of the file's tensor names (non-empty
 * strings) into names[]; *count -1 when not given. */
static int given_names(FxCall *c, const char ***names, int *count)
{
    *names = NULL;
    *count = -1;
    if (!c->given[3])
        return 0;
    FxValue v = c->args[3];
    FxList *l = v.type == FX_LIST ? fx_as_list(v) : NULL;
    if (l && l->n > 1000000)
        return fx_error(c->I, fx_arg_span(c, 3), "names: lists %zu names; no model has that "
                        "many tensors", l->n);
    if (!l)
        return fx_error(c->I, fx_arg_span(c, 3), "names: lists the file's tensor names in the "
                        "model's order, as in names: [\"features.0.weight\", "
                        "\"features.0.bias\", ...]; got %s", fx_type_phrase(v));
    *names = fx_xmalloc((l->n + 1) * sizeof **names);
    for (size_t k = 0; k < l->n; k++) {
        FxValue it = l->items[k];
        if (it.type != FX_STR || fx_as_str(it)->len == 0) {
            free(*names);
            *names = NULL;
            return fx_error(c->I, name_span(c, (int)k, (int)l->n), "names: item %zu is %s; each is a tensor "
                            "name in the file, as \"0.weight\"", k,
                            it.type == FX_STR ? "an empty string" : fx_type_phrase(it));
        }
        (*names)[k] = fx_as_str(it)->s;
    }
    *count = (int)l->n;
    return 0;
}

/* The error of rt_weights_map_given at item k, with the file's closest
 * name as a hint when the name is not in the file. */
static void given_error(FxCall *c, const RtError *e, const char *const *names, int count, int k,
                        const RtWeightSrc *src, int64_t n)
{
    fx_rt_error(c->I, name_span(c, k, count), e);
    if (k < 0 || k >= count || !strstr(e->msg, " has no tensor '"))
        return;
    const char **cands = fx_xmalloc((size_t)(n + 1) * sizeof *cands);
    for (int64_t i = 0; i < n; i++)
        cands[i] = src[i].name;
    const char *s = fx_diag_suggest(names[k], cands, (int)n);
    if (s)
        fx_error_hint(c->I, "did you mean '%s'?", s);
    else if (n > 0)
        fx_error_hint(c->I, "its %lld tensors are '%s'%s%s%s", (long long)n, src[0].name,
                      n > 1 ? ", '" : "", n > 1 ? src[1].name : "",
                      n > 2 ? "', ..." : n > 1 ? "'" : "");
    free(cands);
}

/* The weights of a safetensors file or a PyTorch state dict (torch.save's
 * zip format, told by its first bytes). */
static int read_weights(FxCall *c, const char *path, RtWeightSrc **src, int64_t *n)
{
    RtError e = fx_std_rt_err(c->I);
    FxDataError de = {.max_bytes = c->I->opt.max_memory};
    unsigned char head[4] = {0};
    FILE *f = fopen(path, "rb");
    size_t got = f ? fread(head, 1, 4, f) : 0;
    if (f)
        fclose(f);
    if (got == 4 && !memcmp(head, "\x80\x02\x8a\x0a", 4)) {
        fx_error(c->I, fx_arg_span(c, 1), "'%s' is in torch.save's format from before "
                 "PyTorch 1.6 (a bare pickle); fx reads the zip format torch.save writes "
                 "by default", path);
        fx_error_hint(c->I, "load it in PyTorch and save it again with torch.save(sd, f)");
        return -1;
    }
    if (got == 4 && !memcmp(head, "PK\3\4", 4)) {
        if (fx_pt_read(path, src, n, &de)) {
            fx_error(c->I, fx_arg_span(c, 1), "%s", de.msg);
            if (de.hint[0])
                fx_error_hint(c->I, "%s", de.hint);
            return -1;
        }
    } else if (rt_weights_read_st(path, src, n, &e)) {
        fx_rt_error(c->I, fx_arg_span(c, 1), &e);
        if (e.code == RT_ERR_IO)
            fx_error_path_hint(c->I, path, 0);
        return -1;
    }
    return 0;
}

/* After a positional mapping failed: names: exists, and the order its
 * names follow (the model's tensors, the first 8 of them). */
static void order_hint(FxCall *c, RtModel *rm)
{
    int nt = rt_model_tensor_count(rm);
    int *order = fx_xmalloc((size_t)(nt + 1) * sizeof *order);
    rt_weights_torch_order(rm, order);
    FxBuf b;
    fx_buf_init(&b);
    for (int k = 0; k < nt && k < 8; k++) {
        RtNamedTensor t;
        rt_model_tensor(rm, order[k], &t);
        fx_buf_printf(&b, "%s%s", k ? ", " : "", t.name);
    }
    fx_error_hint(c->I, "give the file's tensor names with names: [\"...\", ...], one for each "
                  "of the model's %d tensors in its order: %s%s", nt, b.s ? b.s : "",
                  nt > 8 ? ", ..." : "");
    fx_buf_free(&b);
    free(order);
}

/* The file's weights into rm: by the names: given, else by name or
 * position; the mapping printed unless it was by the model's own names. */
static int put_weights(FxCall *c, RtModel *rm, const char *path)
{
    RtWeightSrc *src = NULL;
    int64_t n = 0;
    const char **names;
    int count, item = -1;
    if (given_names(c, &names, &count))
        return -1;
    if (read_weights(c, path, &src, &n)) {
        free(names);
        return -1;
    }
    RtError e = fx_std_rt_err(c->I);
    int *map = fx_xmalloc((size_t)(n + 1) * sizeof *map);
    int positional = 0, rc;
    if (names)
        rc = rt_weights_map_given(rm, src, n, names, count, path, map, &item, &e);
    else
        rc = rt_weights_map(rm, src, n, path, map, &positional, &e);
    if (rc == 0) {
        rt_weights_apply(rm, src, n, map);
        if ((positional || names) && !c->I->opt.quiet)
            print_map(c->I, rm, path, src, n, map, names != NULL);
    } else if (names) {
        given_error(c, &e, names, count, item, src, n);
    } else {
        fx_rt_error(c->I, fx_arg_span(c, 1), &e);
        if (positional && e.code == RT_ERR_SHAPE)
            order_hint(c, rm);
    }
    free(map);
    free(names);
    rt_weights_src_free(src, n);
    return rc;
}

/* load_weights(model, file, input:, names:): the model with weights from
 * a safetensors or .pt file; every tensor's shape must match. */
static int b_load_weights(FxCall *c, FxValue *out)
{
    FxModel *m = fx_value_model(c->args[0]);
    FxRun *r = fx_value_run(c->args[0]);
    if (r)
        m = fx_value_model(r->model);
    FxStr *path;
    if (!m)
        return fx_error(c->I, fx_arg_span(c, 0), "load_weights() needs a model, got %s",
                        fx_type_phrase(c->args[0]));
    if (fx_arg_str(c, 1, &path))
        return -1;
    RtShape in = m->weights ? rt_model_input_shape(m->weights) : m->input;
    if (c->given[2] && fx_shape_arg(c->I, c->args[2], fx_arg_span(c, 2), &in))
        return -1;
    if (in.ndim == 0)
        return fx_error(c->I, c->node->span, "load_weights() needs the input shape of model %s: "
                        "add input: [features] (or a dataset)", m->name);
    RtModel *rm = fx_model_build(c->I, m, &in, 64, c->node->span);
    if (!rm)
        return -1;
    char *file = fx_path_script(c->I, path->s);
    if (put_weights(c, rm, file)) {
        rt_model_free(rm);
        free(file);
        return -1;
    }
    free(file);
    FxModel *copy = fx_model_copy(m);
    copy->weights = rm;
    copy->input = in;
    *out = fx_model_value(c->I, copy);
    return 0;
}

static const FxBuiltin save_builtins[] = {
    {"load_weights", "model, path, input=, names=", b_load_weights,
     "a model with weights from a .safetensors or torch.save .pt file (by name, by position, "
     "or by a names: list of the file's tensors in the model's order)"},
};

void fx_exp_save_init(FxInterp *I)
{
    fx_define_builtins(I, save_builtins, 1);
}
