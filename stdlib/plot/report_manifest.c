/* Reading --out's manifest (report_manifest.h): one JSON object a line,
 * its top-level fields kept as text; nested objects and arrays are
 * skipped over (strings inside them included) and kept as written. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fx.h"
#include "report_manifest.h"

static const char *ws(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\r')
        p++;
    return p;
}

/* The character of \uXXXX at p (p at 'u'): an ASCII one as itself (fx
 * writes control characters, newlines in a model summary, this way),
 * anything else as '?'. */
static char unicode_escape(const char *p)
{
    char hex[5] = {0};
    for (int k = 0; k < 4 && p[k + 1] && p[k + 1] != '"'; k++)
        hex[k] = p[k + 1];
    char *end;
    long v = strtol(hex, &end, 16);
    return end == hex + 4 && v > 0 && v < 0x80 ? (char)v : '?';
}

/* Past the JSON string at p (p at '"'); NULL when it does not end. With
 * out, its unescaped text (\uXXXX decoded as unicode_escape says). */
static const char *string_end(const char *p, char **out)
{
    FxBuf b;
    fx_buf_init(&b);
    for (p++; *p && *p != '"' && *p != '\n'; p++) {
        char c = *p;
        if (c == '\\' && p[1]) {
            c = *++p == 'n' ? '\n' : *p == 't' ? '\t' : *p == 'u' ? unicode_escape(p) : *p;
            for (int k = 0, u = *p == 'u'; u && k < 4 && p[1] && p[1] != '"'; k++)
                p++;
        }
        if (out)
            fx_buf_printf(&b, "%c", c);
    }
    if (*p != '"') {
        free(b.s);
        return NULL;
    }
    if (out)
        *out = b.s ? b.s : fx_xstrdup("");
    else
        free(b.s);
    return p + 1;
}

/* Past one value that is not a string (objects and arrays to their
 * matching end); NULL when it cannot be read. */
static const char *value_end(const char *p)
{
    if (*p != '{' && *p != '[') {
        const char *q = p;
        while (*q && *q != ',' && *q != '}' && *q != ' ' && *q != '\n' && *q != '\r')
            q++;
        return q > p ? q : NULL;
    }
    int depth = 0;
    while (*p && *p != '\n') {
        if (*p == '"') {
            if (!(p = string_end(p, NULL)))
                return NULL;
            continue;
        }
        depth += (*p == '{' || *p == '[') - (*p == '}' || *p == ']');
        p++;
        if (depth == 0)
            return p;
    }
    return NULL;
}

static void add_field(FxManifestRun *r, char *key, char *text, int str)
{
    r->f = fx_xrealloc(r->f, (size_t)(r->n + 1) * sizeof *r->f);
    r->f[r->n++] = (FxManifestField){key, text, str};
}

/* One line; 0, or -1 at what it cannot read. */
static int parse_line(FxManifestRun *r, const char *p)
{
    p = ws(p);
    if (*p++ != '{')
        return -1;
    for (p = ws(p); *p != '}';) {
        char *key = NULL, *text = NULL;
        if (*p != '"' || !(p = string_end(p, &key)))
            return -1;
        p = ws(p);
        if (*p++ != ':') {
            free(key);
            return -1;
        }
        p = ws(p);
        int str = *p == '"';
        const char *e = str ? string_end(p, &text) : value_end(p);
        if (!e) {
            free(key);
            return -1;
        }
        if (!str)
            text = fx_xstrndup(p, (size_t)(e - p));
        add_field(r, key, text, str);
        p = ws(e);
        if (*p == ',')
            p = ws(p + 1);
        else if (*p != '}')
            return -1;
    }
    return 0;
}

int fx_manifest_read(FxManifest *m, const char *path, char *err, size_t errn)
{
    memset(m, 0, sizeof *m);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errn, "cannot read '%s': %s", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    int lineno = 0, rc = 0;
    while (getline(&line, &cap, f) > 0) {
        lineno++;
        if (*ws(line) == '\n' || *ws(line) == '\0')
            continue;
        m->runs = fx_xrealloc(m->runs, (size_t)(m->n + 1) * sizeof *m->runs);
        FxManifestRun *r = &m->runs[m->n++];
        memset(r, 0, sizeof *r);
        if (parse_line(r, line)) {
            snprintf(err, errn, "%s:%d: not a JSON object of the manifest", path, lineno);
            rc = -1;
            break;
        }
    }
    free(line);
    fclose(f);
    if (rc)
        fx_manifest_free(m);
    return rc;
}

void fx_manifest_free(FxManifest *m)
{
    for (int i = 0; i < m->n; i++) {
        for (int k = 0; k < m->runs[i].n; k++) {
            free(m->runs[i].f[k].key);
            free(m->runs[i].f[k].text);
        }
        free(m->runs[i].f);
    }
    free(m->runs);
    memset(m, 0, sizeof *m);
}

const char *fx_manifest_get(const FxManifestRun *r, const char *key)
{
    for (int k = 0; k < r->n; k++)
        if (!strcmp(r->f[k].key, key))
            return r->f[k].text;
    return NULL;
}

const char *fx_manifest_item(const FxManifestRun *r, const char *key, int i, char *buf, size_t n)
{
    const char *p = fx_manifest_get(r, key);
    if (!p || *p != '[')
        return NULL;
    for (int k = 0; *p; p++) {
        if (*p != '"')
            continue;
        char *s = NULL;
        const char *e = string_end(p, &s);
        if (!e)
            return NULL;
        if (k++ == i) {
            snprintf(buf, n, "%s", s);
            free(s);
            return buf;
        }
        free(s);
        p = e - 1;
    }
    return NULL;
}
