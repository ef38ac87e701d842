/* fx report (report.h): reads the manifest (report_manifest.c) and each
 * run's history file (runs_file.c), and writes the page through
 * rt_out_write_all, so it is whole or absent. Charts are the SVG
 * pictures of plot's charts, one per metric with a curve per run. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exp/runs_file.h"
#include "fx.h"
#include "plot.h"
#include "plot_impl.h"
#include "report.h"
#include "report_manifest.h"
#include "rt.h"

static const char usage[] =
    "usage: fx report DIR [-o FILE]\n"
    "\n"
    "Writes one self-contained HTML page (default DIR/report.html) over the\n"
    "folder an `fx --out DIR` run wrote: the environment, every run's curves,\n"
    "the sweep table, diagnoses and the script's source. See fx(1).\n";

static const char style[] =
    "body{font-family:sans-serif;margin:2em;max-width:60em;color:#222}"
    "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px}"
    "td.n{text-align:right}th{background:#f3f3f3;cursor:pointer}"
    "pre{background:#f6f6f6;padding:1em;overflow:auto}"
    "figure{margin:1em 0}.off{opacity:0.15}";

/* Sorting the sweep table by a column (click its header) and hiding or
 * showing a curve (click its legend entry); sets data-fx-report="ready"
 * on the body, which the browser test reads. */
static const char script_js[] =
    "(function(){"
    "document.querySelectorAll('table.sortable th').forEach(function(th,i){"
    "th.addEventListener('click',function(){var tb=th.closest('table').tBodies[0];"
    "var rows=Array.prototype.slice.call(tb.rows);var up=th.dataset.up!=='1';th.dataset.up=up?'1':'0';"
    "rows.sort(function(a,b){var x=a.cells[i].textContent,y=b.cells[i].textContent;"
    "var p=parseFloat(x),q=parseFloat(y);var c=(isNaN(p)||isNaN(q))?x.localeCompare(y):p-q;"
    "return up?c:-c;});rows.forEach(function(r){tb.appendChild(r);});});});"
    "document.querySelectorAll('svg.fx-chart').forEach(function(svg){"
    "var s=svg.querySelectorAll('g.series:not(.faint)'),l=svg.querySelectorAll('g.legend-entry');"
    "l.forEach(function(e,i){e.style.cursor='pointer';e.addEventListener('click',function(){"
    "if(s[i]){s[i].classList.toggle('off');e.classList.toggle('off');}});});});"
    "document.body.setAttribute('data-fx-report','ready');"
    "})();";

static void html(FxPlotBuf *b, const char *s)
{
    fx_plot_put_xml(b, s ? s : "");
}

/* Text for a <pre>: as html() line by line, keeping newlines and tabs
 * (which the sanitiser would show as '?'). */
static void html_pre(FxPlotBuf *b, const char *s)
{
    while (s && *s) {
        size_t n = strcspn(s, "\n\t");
        char *part = fx_xmalloc(n + 1);
        memcpy(part, s, n);
        part[n] = '\0';
        html(b, part);
        free(part);
        if (!s[n])
            break;
        fx_plot_buf_put(b, s + n, 1);
        s += n + 1;
    }
}

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    FxPlotBuf b;
    fx_plot_buf_init(&b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        fx_plot_buf_put(&b, chunk, n);
    fclose(f);
    return b.data ? b.data : fx_xstrdup("");
}

/* A run's history (its .jsonl file); NULL-initialised when it has none. */
static void read_history(const char *dir, const FxManifestRun *r, FxRuns *h)
{
    memset(h, 0, sizeof *h);
    char name[512], err[256];
    for (int i = 0; fx_manifest_item(r, "files", i, name, sizeof name); i++) {
        size_t l = strlen(name);
        if (l < 6 || strcmp(name + l - 6, ".jsonl"))
            continue;
        size_t cap = strlen(dir) + l + 2;
        char *p = fx_xmalloc(cap);
        snprintf(p, cap, "%s/%s", dir, name);
        if (fx_runs_read(h, p, err, sizeof err))
            memset(h, 0, sizeof *h);
        free(p);
        return;
    }
}

static const char *run_label(const FxManifestRun *r, char *buf, size_t n)
{
    const char *l = fx_manifest_get(r, "label");
    if (l && *l)
        return l;
    snprintf(buf, n, "run %s", fx_manifest_get(r, "run") ? fx_manifest_get(r, "run") : "?");
    return buf;
}

/* One chart of `metric`, a curve per run that has it; 0 when none has. */
static int put_metric(FxPlotBuf *b, const FxManifest *m, FxRuns *hist, const char *metric)
{
    FxPlotSeries *s = fx_xcalloc((size_t)m->n + 1, sizeof *s);
    double **ys = fx_xcalloc((size_t)m->n + 1, sizeof *ys), **xs = fx_xcalloc((size_t)m->n + 1, sizeof *xs);
    char (*labels)[64] = fx_xcalloc((size_t)m->n + 1, sizeof *labels);
    int ns = 0;
    for (int i = 0; i < m->n; i++) {
        size_t k = 0;
        ys[ns] = fx_xcalloc(hist[i].n + 1, sizeof **ys);
        xs[ns] = fx_xcalloc(hist[i].n + 1, sizeof **xs);
        for (size_t j = 0; j < hist[i].n; j++)
            if (!strcmp(hist[i].v[j].metric, metric)) {
                xs[ns][k] = hist[i].v[j].x;
                ys[ns][k++] = hist[i].v[j].v;
            }
        if (!k) {
            free(ys[ns]);
            free(xs[ns]);
            continue;
        }
        snprintf(labels[ns], sizeof labels[ns], "%s", run_label(&m->runs[i], labels[ns], 64));
        s[ns] = (FxPlotSeries){labels[ns], ys[ns], xs[ns], k, NULL, NULL, 0};
        ns++;
    }
    if (ns) {
        FxPlotLineOpts o = fx_plot_line_defaults();
        o.title = metric;
        o.xlabel = "epoch";
        fx_plot_buf_printf(b, "<figure class=\"chart\" data-series=\"%d\">\n", ns);
        fx_plot_line_svg(b, s, (size_t)ns, &o);
        fx_plot_buf_puts(b, "</figure>\n");
    }
    for (int i = 0; i < ns; i++) {
        free(ys[i]);
        free(xs[i]);
    }
    free(ys);
    free(xs);
    free(labels);
    free(s);
    return ns > 0;
}

static const char *const table_cols[] = {"run", "label", "status", "epochs", "loss", "val_loss",
                                         "accuracy", "val_accuracy", "best_loss", "best_epoch",
                                         "seconds", "diagnosis", NULL};

static void put_table(FxPlotBuf *b, const FxManifest *m)
{
    int has[16] = {0};
    for (int c = 0; table_cols[c]; c++)
        for (int i = 0; i < m->n; i++)
            has[c] |= fx_manifest_get(&m->runs[i], table_cols[c]) != NULL;
    fx_plot_buf_puts(b, "<table class=\"sortable\" id=\"sweep\"><thead><tr>");
    for (int c = 0; table_cols[c]; c++)
        if (has[c])
            fx_plot_buf_printf(b, "<th>%s</th>", table_cols[c]);
    fx_plot_buf_puts(b, "</tr></thead><tbody>\n");
    for (int i = 0; i < m->n; i++) {
        fx_plot_buf_puts(b, "<tr>");
        for (int c = 0; table_cols[c]; c++) {
            if (!has[c])
                continue;
            const char *t = fx_manifest_get(&m->runs[i], table_cols[c]);
            char *end = NULL;
            double v = t ? strtod(t, &end) : NAN;
            if (t && end && *end == '\0' && end != t) {
                char num[FX_PLOT_NUM_MAX];
                fx_plot_fmt(num, sizeof num, v, 4);
                fx_plot_buf_printf(b, "<td class=\"n\">%s</td>", num);
            } else {
                fx_plot_buf_puts(b, "<td>");
                html(b, t ? t : "-");
                fx_plot_buf_puts(b, "</td>");
            }
        }
        fx_plot_buf_puts(b, "</tr>\n");
    }
    fx_plot_buf_puts(b, "</tbody></table>\n");
}

static void put_env(FxPlotBuf *b, const FxManifest *m)
{
    const FxManifestRun *r = &m->runs[0];
    static const char *const keys[] = {"fx", "seed", "threads", "script", NULL};
    fx_plot_buf_puts(b, "<table id=\"env\">");
    for (int k = 0; keys[k]; k++) {
        const char *v = fx_manifest_get(r, keys[k]);
        fx_plot_buf_printf(b, "<tr><th>%s</th><td>", keys[k]);
        html(b, v ? v : "not recorded");
        fx_plot_buf_puts(b, "</td></tr>");
    }
    fx_plot_buf_printf(b, "<tr><th>runs</th><td>%d</td></tr></table>\n", m->n);
}

/* Every run whose diagnosis names a problem, with its label; or one line
 * saying every run is healthy. */
static void put_diagnoses(FxPlotBuf *b, const FxManifest *m)
{
    int any = 0, seen = 0;
    fx_plot_buf_puts(b, "<h2>Diagnosis</h2>\n<ul id=\"diagnosis\">\n");
    for (int i = 0; i < m->n; i++) {
        const char *d = fx_manifest_get(&m->runs[i], "diagnosis");
        if (!d)
            continue;
        seen = 1;
        if (!strcmp(d, "healthy"))
            continue;
        const char *run = fx_manifest_get(&m->runs[i], "run");
        const char *label = fx_manifest_get(&m->runs[i], "label");
        fx_plot_buf_printf(b, "<li>run %s", run ? run : "?");
        if (label && label[0]) {
            fx_plot_buf_puts(b, " (");
            html(b, label);
            fx_plot_buf_puts(b, ")");
        }
        fx_plot_buf_puts(b, ": ");
        html(b, d);
        fx_plot_buf_puts(b, "</li>\n");
        any = 1;
    }
    if (!any)
        fx_plot_buf_puts(b, seen ? "<li>every run is healthy</li>\n"
                                 : "<li>not recorded (an older fx wrote these runs)</li>\n");
    fx_plot_buf_puts(b, "</ul>\n");
}

/* Each distinct model summary once, with the runs that trained it. */
static void put_models(FxPlotBuf *b, const FxManifest *m)
{
    fx_plot_buf_puts(b, "<h2>Model</h2>\n");
    int shown = 0;
    for (int i = 0; i < m->n; i++) {
        const char *s = fx_manifest_get(&m->runs[i], "model");
        int first = s != NULL;
        for (int j = 0; first && j < i; j++) {
            const char *t = fx_manifest_get(&m->runs[j], "model");
            first = !t || strcmp(s, t);
        }
        if (!first)
            continue;
        fx_plot_buf_puts(b, "<p>runs");
        for (int j = i, n = 0; j < m->n; j++) {
            const char *t = fx_manifest_get(&m->runs[j], "model");
            const char *run = fx_manifest_get(&m->runs[j], "run");
            if (t && !strcmp(s, t))
                fx_plot_buf_printf(b, "%s%s", n++ ? ", " : " ", run ? run : "?");
        }
        fx_plot_buf_puts(b, ":</p>\n<pre class=\"model\">");
        html_pre(b, s);
        fx_plot_buf_puts(b, "</pre>\n");
        shown++;
    }
    if (!shown)
        fx_plot_buf_puts(b, "<p>Not recorded (an older fx wrote these runs).</p>\n");
}

static void put_page(FxPlotBuf *b, const char *dir, const FxManifest *m)
{
    const char *script = fx_manifest_get(&m->runs[0], "script");
    fx_plot_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                        "<title>fx report: ");
    html(b, script ? script : dir);
    fx_plot_buf_printf(b, "</title><style>%s</style></head><body>\n<h1>fx report</h1>\n<p>", style);
    html(b, script ? script : dir);
    fx_plot_buf_puts(b, "</p>\n<h2>Environment</h2>\n");
    put_env(b, m);
    fx_plot_buf_puts(b, "<h2>Curves</h2>\n");
    FxRuns *hist = fx_xcalloc((size_t)m->n, sizeof *hist);
    for (int i = 0; i < m->n; i++)
        read_history(dir, &m->runs[i], &hist[i]);
    static const char *const metrics[] = {"loss", "val_loss", "accuracy", "val_accuracy", NULL};
    int charts = 0;
    for (int k = 0; metrics[k]; k++)
        charts += put_metric(b, m, hist, metrics[k]);
    if (!charts)
        fx_plot_buf_puts(b, "<p>No run has a history file.</p>\n");
    for (int i = 0; i < m->n; i++)
        fx_runs_free(&hist[i]);
    free(hist);
    fx_plot_buf_puts(b, "<h2>Runs</h2>\n");
    put_table(b, m);
    put_diagnoses(b, m);
    put_models(b, m);
    fx_plot_buf_puts(b, "<h2>Script</h2>\n");
    char *src = script ? read_text(script) : NULL;
    fx_plot_buf_puts(b, "<pre id=\"source\">");
    html_pre(b, src ? src : "(the script could not be read)");
    fx_plot_buf_puts(b, "</pre>\n");
    free(src);
    fx_plot_buf_printf(b, "<script>%s</script>\n</body></html>\n", script_js);
}

int fx_report_main(int argc, char **argv)
{
    const char *dir = NULL, *out = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(usage, stdout);
            return 0;
        }
        if (!strcmp(argv[i], "-o") && i + 1 < argc)
            out = argv[++i];
        else if (argv[i][0] != '-' && !dir)
            dir = argv[i];
        else {
            fprintf(stderr, "fx report: unexpected '%s'\n%s", argv[i], usage);
            return 2;
        }
    }
    if (!dir) {
        fputs(usage, stderr);
        return 2;
    }
    size_t cap = strlen(dir) + 32;
    char *manifest = fx_xmalloc(cap), *def = fx_xmalloc(cap);
    snprintf(manifest, cap, "%s/runs.jsonl", dir);
    snprintf(def, cap, "%s/report.html", dir);
    FxManifest m;
    char err[512];
    int rc = 0;
    if (fx_manifest_read(&m, manifest, err, sizeof err)) {
        fprintf(stderr, "fx report: %s\n", err);
        rc = 1;
    } else if (m.n == 0) {
        fprintf(stderr, "fx report: %s has no runs\n", manifest);
        rc = 1;
    } else {
        FxPlotBuf b;
        fx_plot_buf_init(&b);
        put_page(&b, dir, &m);
        RtError e;
        memset(&e, 0, sizeof e);
        if (b.oom || rt_out_write_all(out ? out : def, b.data, b.len, &e)) {
            fprintf(stderr, "fx report: %s\n", b.oom ? "out of memory" : e.msg);
            rc = 1;
        }
        fx_plot_buf_free(&b);
    }
    fx_manifest_free(&m);
    free(manifest);
    free(def);
    return rc;
}
