/* --out DIR: the results folder of one script. DIR/runs.jsonl is its
 * manifest, one JSON object per line, appended as each run finishes (and
 * for each failed sweep point): which invocation and script, fx's version,
 * the seed, the run's label, its swept values (a "params" object, one key
 * per variable), status, epochs, seconds, final and best metrics, and its
 * files DIR/run-N.csv and DIR/run-N.jsonl (the per-epoch history). A later
 * invocation of the same script appends, numbering on; a folder that holds
 * another script's results (or run files without a manifest) is refused,
 * so experiments never mix. One format: a later resumable sweep reads the
 * same lines. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diag/verdict.h"
#include "experiment.h"

char *fx_read_file(const char *path, size_t *len);

/* The script as the manifest names it: a file's absolute path, else the
 * name of the text ("<-e>"). Caller frees. */
static char *script_name(FxInterp *I)
{
    const char *s = I->opt.script ? I->opt.script : "<repl>";
    return s[0] == '<' ? fx_xstrdup(s) : fx_path_absolute(s);
}

/* The JSON string after `"key": "` in line, decoded into out (as this
 * file writes them: \" \\ and \u00XX escapes); 0 when found. */
static int line_string(const char *line, const char *key, char *out, size_t cap)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\": \"", key);
    const char *p = strstr(line, pat);
    if (!p)
        return -1;
    size_t n = 0;
    for (p += strlen(pat); *p && *p != '"' && *p != '\n'; p++) {
        char c = *p;
        if (c == '\\' && p[1] == 'u' && strlen(p) >= 6) {
            c = (char)strtol((char[]){p[4], p[5], 0}, NULL, 16);
            p += 5;
        } else if (c == '\\' && p[1]) {
            c = *++p;
        }
        if (n + 1 < cap)
            out[n++] = c;
    }
    out[n] = '\0';
    return *p == '"' ? 0 : -1;
}

static long long line_number(const char *line, const char *key)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\": ", key);
    const char *p = strstr(line, pat);
    return p ? strtoll(p + strlen(pat), NULL, 10) : 0;
}

/* Run files (run-N.csv, run-N.jsonl) in dir? */
static int has_run_files(const char *dir)
{
    DIR *d = opendir(dir);
    int found = 0;
    for (struct dirent *e; d && !found && (e = readdir(d));)
        found = !strncmp(e->d_name, "run-", 4) && (strstr(e->d_name, ".csv") ||
                                                    strstr(e->d_name, ".jsonl"));
    if (d)
        closedir(d);
    return found;
}

/* Reads DIR/runs.jsonl: refuses another script's folder, and sets the
 * next run number and this invocation's number. */
static int read_manifest(FxInterp *I, const FxNode *at, const char *dir, const char *path,
                         const char *script)
{
    FxStd *std = fx_std(I);
    size_t len = 0;
    char *text = fx_read_file(path, &len);
    if (!text) {
        if (has_run_files(dir)) {
            fx_error_at(I, at, "%s '%s' holds run files but no runs.jsonl (results of an "
                        "older fx or another tool)", fx_out_what(I), I->opt.out_dir);
            fx_error_hint(I, fx_std(I)->out_what ? "give store: another folder: experiments "
                          "are never mixed" : "give --out another folder: experiments are "
                          "never mixed");
            return -1;
        }
        std->invocation = 1;
        return 0;
    }
    long long runs = 0, inv = 0;
    int rc = 0;
    for (char *line = text; *line && rc == 0;) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        char other[4096];
        if (line_string(line, "script", other, sizeof other) == 0 && strcmp(other, script)) {
            fx_error_at(I, at, "%s '%s' holds the results of another script, %s",
                        fx_out_what(I), I->opt.out_dir, other);
            fx_error_hint(I, fx_std(I)->out_what ? "give store: another folder: experiments "
                          "are never mixed" : "give --out another folder: experiments are "
                          "never mixed");
            rc = -1;
        }
        long long r = line_number(line, "run"), k = line_number(line, "invocation");
        runs = r > runs ? r : runs;
        inv = k > inv ? k : inv;
        line = end ? end + 1 : line + strlen(line);
    }
    free(text);
    std->runs = (int)runs;
    std->invocation = (int)inv + 1;
    return rc;
}

/* --fresh: the folder's manifest, run files and stored points go. */
static void discard(const char *dir)
{
    char path[4200];
    for (int pass = 0; pass < 2; pass++) {
        snprintf(path, sizeof path, pass ? "%s/points" : "%s", dir);
        DIR *d = opendir(path);
        for (struct dirent *e; d && (e = readdir(d));) {
            const char *s = e->d_name;
            size_t n = strlen(s);
            int ours = pass ? n > 4 && !strcmp(s + n - 4, ".fxp")
                            : !strcmp(s, "runs.jsonl") || (!strncmp(s, "run-", 4) &&
                              (strstr(s, ".csv") || strstr(s, ".jsonl")));
            char f[4500];
            snprintf(f, sizeof f, "%s/%s", path, s);
            if (ours)
                remove(f);
        }
        if (d)
            closedir(d);
    }
}

int fx_out_begin(FxInterp *I, const FxNode *at)
{
    FxStd *std = fx_std(I);
    const char *dir = I->opt.out_dir;
    if (!dir || std->invocation)
        return 0;
    size_t n = strlen(dir) + 16;
    char *path = fx_xmalloc(n);
    snprintf(path, n, "%s/runs.jsonl", dir);
    int err = fx_path_make_parents(path);
    int rc = 0;
    if (err) {
        fx_error_at(I, at, "%s: cannot make directory '%s': %s", fx_out_what(I), dir,
                    strerror(err));
        fx_error_path_hint(I, dir, 1);
        rc = -1;
    } else {
        char *script = script_name(I);
        if (I->opt.fresh)
            discard(dir);
        rc = read_manifest(I, at, dir, path, script);
        free(script);
    }
    free(path);
    return rc;
}

int fx_out_lists_point(FxInterp *I, const char *key, const char *label)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/runs.jsonl", I->opt.out_dir);
    size_t len = 0;
    char *text = fx_read_file(path, &len);
    int found = 0;
    for (char *line = text; line && *line && !found;) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        char v[4096];
        if (line_string(line, "store_key", v, sizeof v) == 0)
            found = !strcmp(v, key);
        else if (!strstr(line, "\"status\": \"failed\""))   /* no key (an older fx): the label */
            found = line_string(line, "label", v, sizeof v) == 0 && !strcmp(v, label);
        line = end ? end + 1 : line + strlen(line);
    }
    free(text);
    return found;
}

static void metric(FxBuf *b, const char *name, const double *x, int64_t n)
{
    if (!x || n <= 0)
        return;
    fx_buf_printf(b, ", \"%s\": ", name);
    fx_json_number(b, x[n - 1]);
}

/* The manifest line of run number k (0: a failed point, no files: its
 * "run" is null). */
static void manifest_line(FxInterp *I, FxBuf *b, int k, const FxRun *r, FxValue params,
                          const char *label, const char *error)
{
    char *script = script_name(I);
    fx_buf_printf(b, "{\"invocation\": %d, \"run\": ", fx_std(I)->invocation);
    fx_buf_printf(b, k ? "%d" : "null", k);
    fx_buf_puts(b, ", \"script\": ");
    fx_json_string(b, script);
    free(script);
    fx_buf_printf(b, ", \"fx\": \"%s\", \"seed\": %llu, \"label\": ", FX_VERSION,
                  (unsigned long long)fx_std(I)->seed);
    fx_json_string(b, r && r->label[0] ? r->label : label ? label : "");
    if (fx_std(I)->point_key && r)   /* the store's record of the point: DIR/points/KEY.fxp */
        fx_buf_printf(b, ", \"store_key\": \"%s\"", fx_std(I)->point_key);
    fx_buf_puts(b, ", \"params\": {");
    FxRecord *p = params.type == FX_RECORD ? fx_as_record(params) : NULL;
    for (int i = 0; p && i < p->n; i++) {
        fx_buf_puts(b, i ? ", " : "");
        fx_json_string(b, p->keys[i]);
        fx_buf_puts(b, ": ");
        fx_json_value(b, p->vals[i]);
    }
    fx_buf_puts(b, "}, \"status\": ");
    if (!r) {
        fx_json_string(b, "failed");
        fx_buf_puts(b, ", \"error\": ");
        fx_json_string(b, error ? error : "");
        fx_buf_puts(b, "}\n");
        return;
    }
    const RtHistory *h = &r->h;
    fx_json_string(b, r->status);
    fx_buf_printf(b, ", \"epochs\": %lld, \"seconds\": ", (long long)h->epochs);
    fx_json_number(b, h->seconds);
    metric(b, "loss", h->loss, h->epochs);
    if (r->classify)
        metric(b, "accuracy", h->accuracy, h->epochs);
    if (r->has_val) {
        metric(b, "val_loss", h->val_loss, h->epochs);
        if (r->classify)
            metric(b, "val_accuracy", h->val_accuracy, h->epochs);
    }
    /* The best of val_loss (loss without validation), and its epoch. */
    const double *w = r->has_val ? h->val_loss : h->loss;
    int64_t at = -1;
    for (int64_t i = 0; w && i < h->epochs; i++)
        if (!isnan(w[i]) && (at < 0 || w[i] < w[at]))
            at = i;
    if (at >= 0) {
        fx_buf_printf(b, ", \"best_%s\": ", r->has_val ? "val_loss" : "loss");
        fx_json_number(b, w[at]);
        fx_buf_printf(b, ", \"best_epoch\": %lld", (long long)at + 1);
    }
    fx_buf_printf(b, ", \"threads\": %d, \"diagnosis\": ", r->threads);
    FxVerdict v[FX_DK_COUNT];
    char kinds[256];
    fx_diag_kinds_text(v, fx_run_diagnose(r, NULL, v), kinds, sizeof kinds);
    fx_json_string(b, kinds);
    FxModel *m = fx_value_model(r->model);
    if (m && m->weights) {
        FxBuf s;
        fx_buf_init(&s);
        fx_model_summary_text(m, m->weights, &s);
        fx_buf_puts(b, ", \"model\": ");
        fx_json_string(b, s.s ? s.s : "");
        fx_buf_free(&s);
    }
    fx_buf_printf(b, ", \"files\": [\"run-%d.csv\", \"run-%d.jsonl\"]}\n", k, k);
}

/* Appends one line to DIR/runs.jsonl in one write, so a line is whole. */
static int append_line(FxInterp *I, const FxNode *at, const FxBuf *b)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/runs.jsonl", I->opt.out_dir);
    FILE *f = fopen(path, "ab");
    int ok = f && fwrite(b->s, 1, b->len, f) == b->len;
    ok = f && fclose(f) == 0 && ok;
    if (!ok) {
        fx_error_at(I, at, "%s: cannot write '%s': %s", fx_out_what(I), path, strerror(errno));
        fx_error_path_hint(I, path, 1);
        return -1;
    }
    return 0;
}

static int record_locked(FxInterp *I, const FxNode *at, FxRun *r, FxValue params,
                         const char *label, const char *error);

int fx_out_record(FxInterp *I, const FxNode *at, FxValue run, FxValue params, const char *label,
                  const char *error)
{
    FxRun *r = fx_value_run(run);
    if (!I->opt.out_dir || (!r && !error))
        return 0;
    if (fx_out_begin(I, at))
        return -1;
    /* Under a lock on the manifest, so processes sharing the folder (shards)
     * never take one run number twice: the highest number there, plus one. */
    char mpath[4096];
    snprintf(mpath, sizeof mpath, "%s/runs.jsonl", I->opt.out_dir);
    int lock = open(mpath, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (lock >= 0 && flock(lock, LOCK_EX) == 0) {
        size_t len = 0;
        char *text = fx_read_file(mpath, &len);
        for (char *line = text; line && *line;) {
            long long n = line_number(line, "run");
            if (n > fx_std(I)->runs)
                fx_std(I)->runs = (int)n;
            char *end = strchr(line, '\n');
            line = end ? end + 1 : line + strlen(line);
        }
        /* a line a kill cut short is ended, so the next one stands alone */
        if (text && len && text[len - 1] != '\n' ) {
            FILE *f = fopen(mpath, "ab");
            if (f) {
                fputc('\n', f);
                fclose(f);
            }
        }
        free(text);
    }
    int rc = record_locked(I, at, r, params, label, error);
    if (lock >= 0)
        close(lock);                     /* and the lock goes with it */
    return rc;
}

static int record_locked(FxInterp *I, const FxNode *at, FxRun *r, FxValue params,
                         const char *label, const char *error)
{
    int k = r ? ++fx_std(I)->runs : 0;
    for (int json = 0; r && json < 2; json++) {
        FxBuf b;
        fx_buf_init(&b);
        fx_save_history(&b, r, json);
        char path[4096];
        snprintf(path, sizeof path, "%s/run-%d.%s", I->opt.out_dir, k, json ? "jsonl" : "csv");
        int rc = fx_save_write(I, at, path, &b);
        fx_buf_free(&b);
        if (rc)
            return -1;
    }
    FxBuf b;
    fx_buf_init(&b);
    manifest_line(I, &b, k, r, params, label, error);
    int rc = append_line(I, at, &b);
    fx_buf_free(&b);
    return rc;
}
