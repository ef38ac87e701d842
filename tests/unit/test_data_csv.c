/* Unit tests of the CSV reader behind load_csv: quoting, line endings,
 * blank lines, label detection, every error with its file position, and
 * a small fuzz run (random and mutated texts must give a data set or an
 * error, never a crash; the sanitizer build checks memory). */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "data/data.h"

static FxCsvOptions opts(void)
{
    FxCsvOptions o = {NULL, FX_CSV_LAST, 1, ',', 0, 0};
    return o;
}

static FxDataset *parse(const char *text, const FxCsvOptions *o, FxDataError *e)
{
    memset(e, 0, sizeof *e);
    return fx_csv_parse(text, strlen(text), "t.csv", o, e);
}

static void test_good(Checks *c)
{
    FxCsvOptions o = opts();
    FxDataError e = {0};
    FxDataset *d = parse("a,b,y\n1,2,0\n3,4,1\n", &o, &e);
    CHECK(c, d && d->n == 2 && d->shape.dim[0] == 2 && d->classes == 2 && d->x[3] == 4 &&
          d->y[1] == 1, "plain file: 2 rows, 2 features, 2 classes");
    fx_dataset_free(d);

    d = parse("\xEF\xBB\xBF\"a\",\"b,c\",y\r\n\r\n \"1\" ,2,\"x\"\"y\"\r\n3,4,\"z\nw\"", &o, &e);
    CHECK(c, d && d->n == 2 && d->x[0] == 1 && d->x[3] == 4 && d->classes == 2 &&
          d->y[0] == 0 && d->y[1] == 1, "BOM, quotes, CRLF, blank line, no final newline, "
          "text labels in sorted order (%s)", e.msg);
    fx_dataset_free(d);

    d = parse("x,y\n1,0.5\n2,7\n", &o, &e);
    CHECK(c, d && d->classes == 0 && d->y[0] == 0.5f, "a fractional label: regression");
    fx_dataset_free(d);
    d = parse("x,y\n1,5\n2,1000\n", &o, &e);
    CHECK(c, d && d->classes == 0, "a label of 1000 or more: regression");
    fx_dataset_free(d);
    d = parse("x,y\n1,5\n2,0\n", &o, &e);
    CHECK(c, d && d->classes == 6, "whole labels 0..5: 6 classes");
    fx_dataset_free(d);
    d = parse("x,y\n1,0\n2,0\n", &o, &e);
    CHECK(c, d && d->classes == 2, "one class seen: still 2 classes");
    fx_dataset_free(d);

    o.label = "a";
    d = parse("a,b,c\n1,2,3\n", &o, &e);
    CHECK(c, d && d->x[0] == 2 && d->x[1] == 3 && d->y[0] == 1, "label by name, features "
          "keep their order");
    fx_dataset_free(d);
    o = opts();
    o.header = 0;
    o.label_index = 0;
    o.sep = ';';
    d = parse("1;2;3\n4;5;6\n", &o, &e);
    CHECK(c, d && d->n == 2 && d->x[0] == 2 && d->y[1] == 4, "no header, label 0, sep ';'");
    fx_dataset_free(d);
    o.label_index = -2;
    d = parse("1;2;3\n", &o, &e);
    CHECK(c, d && d->y[0] == 2, "label -2 counts from the end");
    fx_dataset_free(d);
    o = opts();
    o.sep = '\t';
    d = parse("a\tb\n 1 \t 2 \n", &o, &e);
    CHECK(c, d && d->x[0] == 1 && d->y[0] == 2, "tab separator, spaces trimmed");
    fx_dataset_free(d);
}

/* Each bad text gives exactly this message. */
static void expect_error(Checks *c, const char *text, const FxCsvOptions *o, const char *msg)
{
    FxDataError e = {0};
    FxDataset *d = parse(text, o, &e);
    CHECK(c, !d && strcmp(e.msg, msg) == 0, "error \"%s\" (got \"%s\")", msg, e.msg);
    fx_dataset_free(d);
}

static void test_errors(Checks *c)
{
    FxCsvOptions o = opts();
    expect_error(c, "", &o, "t.csv: the file is empty");
    expect_error(c, "\n\r\n  \n", &o, "t.csv: the file is empty");
    expect_error(c, "a,y\n", &o, "t.csv: a header but no rows of data");
    expect_error(c, "a,b,y\n1,x2,0\n", &o, "t.csv:2:3: 'x2' is not a number (column 'b')");
    expect_error(c, "a,b,y\n1,,0\n", &o, "t.csv:2:3: empty cell (column 'b')");
    expect_error(c, "a,b,y\n1,nan,0\n", &o, "t.csv:2:3: 'nan' is not a finite number (column 'b')");
    expect_error(c, "a,b,y\n1,1e39,0\n", &o, "t.csv:2:3: '1e39' is not a finite number (column 'b')");
    expect_error(c, "a,b,y\n1,2\n", &o, "t.csv:2:4: this row has 2 fields, the header has 3");
    expect_error(c, "a,b,y\n1,2,3,4\n", &o, "t.csv:2:7: this row has 4 fields, the header has 3");
    expect_error(c, "a,b,y\n1,\"2,0\n", &o, "t.csv:2:3: a quoted field is not closed");
    expect_error(c, "a,b,y\n1,\"2\"x,0\n", &o, "t.csv:2:6: text after the closing quote of a field");
    expect_error(c, "ab\n1\n", &o, "t.csv:1: one column only; a data set needs features and a label");
    o.label = "z";
    expect_error(c, "a,y\n1,2\n", &o, "t.csv has no column 'z'");
    o = opts();
    o.label_index = 5;
    expect_error(c, "a,y\n1,2\n", &o, "label column 5 is out of range: t.csv has 2 columns (0 to 1)");
    o = opts();
    o.classes = 3;
    expect_error(c, "a,y\n1,3\n", &o, "t.csv:2:3: label '3' is not a class index below classes: 3 "
                 "(column 'y')");
    o = opts();
    o.regression = 1;
    expect_error(c, "a,y\n1,cat\n", &o, "t.csv:2:3: label 'cat' is not a number, and regression: "
                 "true needs numbers (column 'y')");
    o = opts();
    o.classes = 2;
    expect_error(c, "a,y\n1,p\n2,q\n3,r\n", &o, "t.csv: the label column holds 3 different "
                 "texts, more than 2 classes");

    FxDataError e = {0};
    memset(&e, 0, sizeof e);
    static const char nul[] = "a,b,y\n1,2\0,0\n";
    FxDataset *d = fx_csv_parse(nul, sizeof nul - 1, "t.csv", &o, &e);
    CHECK(c, !d && strcmp(e.msg, "t.csv:2:4: a NUL byte: this is not a text file") == 0,
          "a NUL byte: %s", e.msg);
    d = fx_csv_load("tests/scripts/data/no-such.csv", "no-such.csv", &o, &e);
    CHECK(c, !d && e.where == FX_DATA_AT_PATH && strstr(e.msg, "cannot read 'no-such.csv'"),
          "a missing file: %s", e.msg);
    d = fx_csv_load("tests/scripts/data", "data", &o, &e);
    CHECK(c, !d && strstr(e.msg, "cannot read 'data'"), "a directory: %s", e.msg);
}

/* A tiny deterministic generator for the fuzz texts (not the runtime's, so
 * this test stands alone). */
static unsigned next(unsigned *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 16;
}

static void test_fuzz(Checks *c)
{
    static const char alphabet[] = "0123456789.,-\"\n\r ;e+xa\t";
    static const char *const seeds[] = {
        "a,b,y\n1,2,0\n3,4,1\n", "\"a\",\"b\"\r\n\"1,5\",\"x\"\"y\"\r\n", "x;y\n1;2\n",
    };
    int survived = 0, made = 0;
    unsigned s = 12345;
    char buf[200];
    for (int it = 0; it < 20000; it++) {
        size_t len;
        if (it % 2) {           /* random text over a CSV-ish alphabet */
            len = next(&s) % sizeof buf;
            for (size_t i = 0; i < len; i++)
                buf[i] = alphabet[next(&s) % (sizeof alphabet - 1)];
        } else {                /* a good file with a few bytes changed */
            const char *src = seeds[next(&s) % 3];
            len = strlen(src);
            memcpy(buf, src, len);
            for (int k = next(&s) % 4; k >= 0; k--)
                buf[next(&s) % len] = (char)(next(&s) & 0xff);
        }
        FxCsvOptions o = opts();
        o.header = it % 3 != 0;
        o.sep = it % 5 == 0 ? ';' : ',';
        FxDataError e = {0};
        memset(&e, 0, sizeof e);
        FxDataset *d = fx_csv_parse(buf, len, "f.csv", &o, &e);
        survived += d != NULL || e.msg[0] != '\0';
        made += d != NULL;
        fx_dataset_free(d);
    }
    CHECK(c, survived == 20000, "20000 fuzzed texts: each a data set (%d) or an error", made);
}

int main(void)
{
    Checks c = {0};
    test_good(&c);
    test_errors(&c);
    test_fuzz(&c);
    return checks_done(&c);
}
