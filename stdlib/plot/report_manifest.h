/* The manifest --out writes (DIR/runs.jsonl, exp_out.c) read back for
 * `fx report`: each line's top-level fields as text, strings unescaped,
 * numbers, objects and arrays as written. Plain C over text. */
#ifndef FX_REPORT_MANIFEST_H
#define FX_REPORT_MANIFEST_H

#include <stddef.h>

typedef struct FxManifestField {
    char *key, *text;   /* owned */
    int   str;          /* text was a JSON string */
} FxManifestField;

typedef struct FxManifestRun {
    FxManifestField *f;
    int              n;
} FxManifestRun;

typedef struct FxManifest {
    FxManifestRun *runs;
    int            n;
} FxManifest;

/* Reads path; -1 with a message in err (the file, or line N it cannot
 * read). */
int  fx_manifest_read(FxManifest *m, const char *path, char *err, size_t errn);
void fx_manifest_free(FxManifest *m);
/* The field's text, or NULL. */
const char *fx_manifest_get(const FxManifestRun *r, const char *key);
/* The strings of an array field ("files": ["a", "b"]), i-th; NULL past the end.
 * Written into buf. */
const char *fx_manifest_item(const FxManifestRun *r, const char *key, int i, char *buf,
                             size_t n);

#endif
