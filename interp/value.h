/* fx values: numbers, bools and none by value; strings, lists, records,
 * functions, environments and foreign objects (datasets, models, runs:
 * defined in stdlib/) on a reference-counted heap. Every heap object is
 * also on its heap's list, so objects kept alive only by a cycle are still
 * freed when the interpreter ends. Knows nothing of the runtime. */
#ifndef FX_VALUE_H
#define FX_VALUE_H

#include <stddef.h>
#include <stdint.h>
#include "ast.h"

/* A growable text buffer (always NUL-terminated once written to). */
typedef struct FxBuf {
    char  *s;
    size_t len, cap;
} FxBuf;

typedef enum FxType {
    FX_NONE, FX_BOOL, FX_NUM, FX_STR, FX_LIST, FX_RECORD, FX_FUNC,
    FX_BUILTIN, FX_FOREIGN
} FxType;

typedef enum FxObjKind {
    FX_O_STR, FX_O_LIST, FX_O_RECORD, FX_O_FUNC, FX_O_ENV, FX_O_FOREIGN
} FxObjKind;

typedef struct FxHeap FxHeap;
typedef struct FxObj FxObj;
typedef struct FxBuiltin FxBuiltin;

struct FxObj {
    FxObjKind kind;
    int       refs;
    FxObj    *prev, *next;   /* the heap's list of every live object */
    FxHeap   *heap;
};

struct FxHeap {
    FxObj  *all;
    size_t  live;
    size_t  bytes;   /* held by strings' text and lists' item arrays: what
                        the memory budget counts as in use */
};

typedef struct FxValue {
    FxType type;
    union {
        int              b;
        double           n;
        FxObj           *o;
        const FxBuiltin *bi;
    } as;
} FxValue;

typedef struct FxStr {
    FxObj  h;
    size_t len;
    char   s[];              /* NUL-terminated as well */
} FxStr;

typedef struct FxList {
    FxObj    h;
    FxValue *items;
    size_t   n, cap;
} FxList;

/* Fields keep the order they were added in; keys are interned. */
typedef struct FxRecord {
    FxObj        h;
    const char **keys;
    FxValue     *vals;
    int          n, cap;
} FxRecord;

typedef struct FxEnv FxEnv;
struct FxEnv {
    FxObj        h;
    FxEnv       *parent;
    const char **names;      /* interned */
    FxValue     *vals;
    int          n, cap;
    int         *index;      /* open-addressing slots into names, or NULL */
    int          index_cap;
};

typedef struct FxFunc {
    FxObj           h;
    const FxNode   *decl;    /* FX_N_FN or FX_N_LAMBDA */
    FxEnv          *env;     /* captured */
    const FxSource *src;     /* where decl lives, for errors */
    const char     *name;    /* interned; "<fn>" for lambdas */
} FxFunc;

/* A value the language core treats as opaque: a dataset, a model, a run.
 * Its type says how to print it, read a field of it, and free it. */
struct FxInterp;
typedef struct FxForeignType {
    const char *name;                                  /* "dataset" */
    const char *phrase;                                /* "a dataset" */
    /* Drops the object's references to other values (called when it is
     * released normally, not in the final sweep). May be NULL. */
    void (*release)(void *data);
    void (*free)(void *data);
    /* Appends a one-line description (print shows it). */
    void (*describe)(const void *data, FxBuf *out);
    /* Field `name` of the object: 0 and *out set, 1 when there is no such
     * field (the caller reports it with `fields` as suggestions), -1 when
     * an error was raised (one raised with an empty span, (FxSpan){0, 0},
     * is placed at the field's name). May be NULL. */
    int  (*field)(struct FxInterp *I, void *data, const char *name, FxValue *out);
    const char *const *fields;                         /* NULL-terminated */
    /* What len() says (samples of a dataset, points of a sweep); -1 when
     * len() does not apply. May be NULL. */
    long long (*length)(const void *data);
    /* obj[idx] for a number idx (a sweep's points, a curve set's curves):
     * 0 and *out set, or -1 with an error raised. May be NULL. */
    int  (*index)(struct FxInterp *I, void *data, FxValue idx, FxSpan at, FxValue *out);
} FxForeignType;

typedef struct FxForeign {
    FxObj                h;
    const FxForeignType *type;
    void                *data;
} FxForeign;

/* ---- constructors (new references) ------------------------------------ */

static inline FxValue fx_none(void) { FxValue v = {FX_NONE, {0}}; return v; }
static inline FxValue fx_bool(int b) { FxValue v = {FX_BOOL, {.b = !!b}}; return v; }
static inline FxValue fx_num(double n) { FxValue v = {FX_NUM, {.n = n}}; return v; }

FxValue   fx_str_new(FxHeap *h, const char *s, size_t len);
FxValue   fx_str_cstr(FxHeap *h, const char *s);
FxValue   fx_list_new(FxHeap *h, size_t cap);
FxValue   fx_record_new(FxHeap *h);
FxValue   fx_foreign_new(FxHeap *h, const FxForeignType *t, void *data);
FxEnv    *fx_env_new(FxHeap *h, FxEnv *parent);
FxValue   fx_func_new(FxHeap *h, const FxNode *decl, FxEnv *env, const FxSource *src,
                      const char *name);

/* ---- reference counting ------------------------------------------------ */

static inline FxValue fx_ref(FxValue v)
{
    if (v.type >= FX_STR && v.type != FX_BUILTIN)
        v.as.o->refs++;
    return v;
}
void fx_obj_release(FxObj *o);
static inline void fx_unref(FxValue v)
{
    if (v.type >= FX_STR && v.type != FX_BUILTIN && --v.as.o->refs == 0)
        fx_obj_release(v.as.o);
}
static inline void fx_env_ref(FxEnv *e) { if (e) e->h.refs++; }
static inline void fx_env_unref(FxEnv *e)
{
    if (e && --e->h.refs == 0)
        fx_obj_release(&e->h);
}

/* Frees every object still on the heap, cycles included. */
void fx_heap_free_all(FxHeap *h);

/* ---- accessors --------------------------------------------------------- */

static inline FxStr     *fx_as_str(FxValue v) { return (FxStr *)v.as.o; }
static inline FxList    *fx_as_list(FxValue v) { return (FxList *)v.as.o; }
static inline FxRecord  *fx_as_record(FxValue v) { return (FxRecord *)v.as.o; }
static inline FxFunc    *fx_as_func(FxValue v) { return (FxFunc *)v.as.o; }
static inline FxForeign *fx_as_foreign(FxValue v) { return (FxForeign *)v.as.o; }

/* Appends, taking over the reference to v. */
void fx_list_push_value(FxValue list, FxValue v);
/* Sets field `key` (interned), taking over the reference to v. */
void fx_record_set(FxValue rec, const char *key, FxValue v);
/* Borrowed pointer to the field, or NULL. Keys compare by pointer. */
FxValue *fx_record_get(FxValue rec, const char *key);

/* Environments: names are interned, so lookups compare pointers. */
void     fx_env_define(FxEnv *e, const char *name, FxValue v);  /* takes v */
FxValue *fx_env_find_here(FxEnv *e, const char *name);
FxValue *fx_env_find(FxEnv *e, const char *name);

/* ---- inspection -------------------------------------------------------- */

/* "number", "string", "list", ... or the foreign type's name. */
const char *fx_type_name(FxValue v);
/* "a number", "a list", "an optimizer", ... for messages. */
const char *fx_type_phrase(FxValue v);
int  fx_value_equal(FxValue a, FxValue b);

/* ---- text -------------------------------------------------------------- */

void fx_buf_init(FxBuf *b);
void fx_buf_put(FxBuf *b, const char *s, size_t n);
void fx_buf_puts(FxBuf *b, const char *s);
void fx_buf_printf(FxBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void fx_buf_free(FxBuf *b);

/* The shortest text that reads back as the same double: 0.001, 3, 1e-05,
 * nan, inf. `buf` holds at least 32 bytes. */
const char *fx_num_text(double x, char *buf);
/* How print shows a value: strings bare at the top level, quoted inside
 * lists and records. */
void fx_value_show(FxBuf *b, FxValue v);
/* Always quoted strings (what the REPL echoes). */
void fx_value_repr(FxBuf *b, FxValue v);

#endif
