/* The pickle subset of PyTorch state dicts (torch.save's data.pkl,
 * protocol 2): a stack machine over the opcodes torch writes for an
 * OrderedDict of tensors, with exactly these globals: collections.
 * OrderedDict, torch._utils._rebuild_tensor_v2 and _rebuild_parameter,
 * and the torch.*Storage classes named in persistent ids. Calling a
 * global only builds a value (a dict, a tensor); nothing is imported or
 * executed. Any other opcode or global is an error at its byte. Objects
 * live in one array owned by the machine; memo and stack hold indices. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "torch_pt.h"

enum { O_NONE, O_BOOL, O_INT, O_STR, O_TUPLE, O_DICT, O_GLOBAL, O_STORAGE, O_TENSOR };
enum { G_ODICT, G_REBUILD, G_PARAM, G_STORAGE };

typedef struct Obj {
    int         kind;
    int64_t     i;            /* int, bool; global kind; tensor: index in out */
    const unsigned char *s;   /* str: into the pickle */
    size_t      len;
    int        *items, n, cap;/* tuple items; dict keys and values in turn */
    int         storage;      /* global or storage: index of its dtype below */
    char        key[32];      /* storage: its file */
    int64_t     numel;
} Obj;

static const struct { const char *cls, *dtype; int elem; } STORAGES[] = {
    {"FloatStorage", "F32", 4}, {"DoubleStorage", "F64", 8}, {"HalfStorage", "F16", 2},
    {"BFloat16Storage", "BF16", 2}, {"LongStorage", "I64", 8}, {"IntStorage", "I32", 4},
    {"ShortStorage", "I16", 2}, {"CharStorage", "I8", 1}, {"ByteStorage", "U8", 1},
    {"BoolStorage", "BOOL", 1}};

typedef struct Vm {
    const unsigned char *b, *p, *end;
    const char *name;
    FxDataError *e;
    Obj *o;
    int no, co;
    int *stack, ns, cs;
    int *marks, nm, cm;
    int *memo, nmemo;
    FxPtTensor *t;
    int nt, ct;
    size_t at;                /* offset of the current opcode */
} Vm;

static int fail(Vm *V, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(Vm *V, const char *fmt, ...)
{
    char m[320];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    fx_data_error(V->e, FX_DATA_AT_PATH, "'%s' is not a PyTorch state dict fx reads: its "
                  "data.pkl, at byte %zu: %s", V->name, V->at, m);
    return -1;
}

static void *grow(void *p, int *cap, int need, size_t size)
{
    if (need <= *cap)
        return p;
    int c = *cap ? *cap : 16;
    while (c < need)
        c *= 2;
    void *q = realloc(p, (size_t)c * size);
    if (!q)
        abort();
    *cap = c;
    return q;
}

static int new_obj(Vm *V, int kind)
{
    V->o = grow(V->o, &V->co, V->no + 1, sizeof *V->o);
    memset(&V->o[V->no], 0, sizeof *V->o);
    V->o[V->no].kind = kind;
    return V->no++;
}

static void push(Vm *V, int k)
{
    V->stack = grow(V->stack, &V->cs, V->ns + 1, sizeof *V->stack);
    V->stack[V->ns++] = k;
}

static int pop(Vm *V, int *k)
{
    int base = V->nm ? V->marks[V->nm - 1] : 0;
    if (V->ns <= base)
        return fail(V, "the stack is empty");
    *k = V->stack[--V->ns];
    return 0;
}

static void add_item(Vm *V, int obj, int item)
{
    Obj *o = &V->o[obj];
    o->items = grow(o->items, &o->cap, o->n + 1, sizeof *o->items);
    o->items[o->n++] = item;
}

static int need(Vm *V, size_t k)
{
    if ((size_t)(V->end - V->p) < k)
        return fail(V, "the pickle ends in the middle of an opcode");
    return 0;
}

static uint64_t le(const unsigned char *p, int k)
{
    uint64_t v = 0;
    for (int i = 0; i < k; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

static int push_int(Vm *V, int64_t v)
{
    int k = new_obj(V, O_INT);
    V->o[k].i = v;
    push(V, k);
    return 0;
}

static int op_int(Vm *V, int k, int sign)
{
    if (need(V, (size_t)k))
        return -1;
    uint64_t v = le(V->p, k);
    if (sign && k < 8 && (v >> (8 * k - 1)) & 1)
        v |= ~((UINT64_C(1) << (8 * k)) - 1);
    V->p += k;
    return push_int(V, (int64_t)v);
}

static int op_long1(Vm *V)
{
    if (need(V, 1))
        return -1;
    int k = *V->p++;
    if (k > 8)
        return fail(V, "an integer of %d bytes is too large", k);
    return k ? op_int(V, k, 1) : push_int(V, 0);
}

static int op_str(Vm *V, int lenbytes)
{
    if (need(V, (size_t)lenbytes))
        return -1;
    uint64_t n = le(V->p, lenbytes);
    V->p += lenbytes;
    if (need(V, n))
        return -1;
    int k = new_obj(V, O_STR);
    V->o[k].s = V->p;
    V->o[k].len = (size_t)n;
    V->p += n;
    push(V, k);
    return 0;
}

static int str_is(const Obj *o, const char *s)
{
    return o->kind == O_STR && o->len == strlen(s) && !memcmp(o->s, s, o->len);
}

/* A global by module and name; only the allowed ones. */
static int make_global(Vm *V, const char *mod, size_t ml, const char *nm, size_t nl)
{
    int k = new_obj(V, O_GLOBAL);
#define IS(a, l, s) ((l) == strlen(s) && !memcmp((a), (s), (l)))
    if (IS(mod, ml, "collections") && IS(nm, nl, "OrderedDict"))
        V->o[k].i = G_ODICT;
    else if (IS(mod, ml, "torch._utils") && IS(nm, nl, "_rebuild_tensor_v2"))
        V->o[k].i = G_REBUILD;
    else if (IS(mod, ml, "torch._utils") && IS(nm, nl, "_rebuild_parameter"))
        V->o[k].i = G_PARAM;
    else {
        V->o[k].i = -1;
        for (int s = 0; IS(mod, ml, "torch") && s < (int)(sizeof STORAGES / sizeof *STORAGES); s++)
            if (IS(nm, nl, STORAGES[s].cls)) {
                V->o[k].i = G_STORAGE;
                V->o[k].storage = s;
            }
    }
#undef IS
    if (V->o[k].i < 0)
        return fail(V, "global '%.*s.%.*s' is not one a state dict uses (fx allows only "
                    "collections.OrderedDict, torch._utils._rebuild_tensor_v2, "
                    "torch._utils._rebuild_parameter and torch's storage classes)",
                    (int)(ml > 80 ? 80 : ml), mod, (int)(nl > 80 ? 80 : nl), nm);
    push(V, k);
    return 0;
}

static int op_global(Vm *V)
{
    const unsigned char *a = V->p, *nl1 = memchr(a, '\n', (size_t)(V->end - a));
    const unsigned char *b = nl1 ? nl1 + 1 : NULL;
    const unsigned char *nl2 = b ? memchr(b, '\n', (size_t)(V->end - b)) : NULL;
    if (!nl2)
        return fail(V, "GLOBAL needs a module and a name, each ending in a newline");
    V->p = nl2 + 1;
    return make_global(V, (const char *)a, (size_t)(nl1 - a), (const char *)b,
                       (size_t)(nl2 - b));
}

static int op_stack_global(Vm *V)
{
    int m, n;
    if (pop(V, &n) || pop(V, &m))
        return -1;
    if (V->o[m].kind != O_STR || V->o[n].kind != O_STR)
        return fail(V, "STACK_GLOBAL needs two strings");
    return make_global(V, (const char *)V->o[m].s, V->o[m].len, (const char *)V->o[n].s,
                       V->o[n].len);
}

/* The items from the last mark to the top, into a new tuple. */
static int op_tuple_mark(Vm *V)
{
    if (V->nm == 0)
        return fail(V, "TUPLE without a MARK");
    int base = V->marks[--V->nm], k = new_obj(V, O_TUPLE);
    for (int i = base; i < V->ns; i++)
        add_item(V, k, V->stack[i]);
    V->ns = base;
    push(V, k);
    return 0;
}

static int op_tuple_n(Vm *V, int n)
{
    int it[3];
    for (int i = n - 1; i >= 0; i--)
        if (pop(V, &it[i]))
            return -1;
    int k = new_obj(V, O_TUPLE);
    for (int i = 0; i < n; i++)
        add_item(V, k, it[i]);
    push(V, k);
    return 0;
}

static int top(Vm *V, int *k)
{
    int base = V->nm ? V->marks[V->nm - 1] : 0;
    if (V->ns <= base)
        return fail(V, "the stack is empty");
    *k = V->stack[V->ns - 1];
    return 0;
}

static int op_setitems(Vm *V, int many)
{
    int base = V->ns - 2;
    if (many) {
        if (V->nm == 0)
            return fail(V, "SETITEMS without a MARK");
        base = V->marks[--V->nm];
    }
    if (base < 1 || (V->ns - base) % 2)
        return fail(V, "SETITEM needs a dict, then keys and values");
    int d = V->stack[base - 1];
    if (V->o[d].kind != O_DICT)
        return fail(V, "SETITEM on something that is not a dict");
    for (int i = base; i < V->ns; i++)
        add_item(V, d, V->stack[i]);
    V->ns = base;
    return 0;
}

static int get_int(Vm *V, int k, int64_t *v, const char *what)
{
    if (V->o[k].kind != O_INT && V->o[k].kind != O_BOOL)
        return fail(V, "%s is not an integer", what);
    *v = V->o[k].i;
    return 0;
}

/* _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata]) */
static int rebuild(Vm *V, const Obj *args, int *out)
{
    if (args->n < 6 || args->n > 7)
        return fail(V, "_rebuild_tensor_v2 takes 6 or 7 arguments, got %d", args->n);
    const Obj *st = &V->o[args->items[0]], *sz = &V->o[args->items[2]],
              *sd = &V->o[args->items[3]];
    if (st->kind != O_STORAGE)
        return fail(V, "_rebuild_tensor_v2's first argument is not a storage");
    if (sz->kind != O_TUPLE || sd->kind != O_TUPLE || sz->n != sd->n)
        return fail(V, "_rebuild_tensor_v2 needs a size and a stride of one length");
    if (sz->n > RT_MAX_DIMS)
        return fail(V, "a tensor of %d dimensions; fx takes at most %d", sz->n, RT_MAX_DIMS);
    V->t = grow(V->t, &V->ct, V->nt + 1, sizeof *V->t);
    FxPtTensor *t = &V->t[V->nt];
    memset(t, 0, sizeof *t);
    snprintf(t->key, sizeof t->key, "%s", st->key);
    snprintf(t->dtype, sizeof t->dtype, "%s", STORAGES[st->storage].dtype);
    t->elem = STORAGES[st->storage].elem;
    t->numel = st->numel;
    t->ndim = sz->n;
    if (get_int(V, args->items[1], &t->offset, "the storage offset"))
        return -1;
    for (int d = 0; d < sz->n; d++)
        if (get_int(V, sz->items[d], &t->dim[d], "a size") ||
            get_int(V, sd->items[d], &t->stride[d], "a stride"))
            return -1;
    int k = new_obj(V, O_TENSOR);
    V->o[k].i = V->nt++;
    *out = k;
    return 0;
}

static int op_reduce(Vm *V)
{
    int a, f, k = -1;
    if (pop(V, &a) || pop(V, &f))
        return -1;
    const Obj *args = &V->o[a], *fn = &V->o[f];
    if (fn->kind != O_GLOBAL || args->kind != O_TUPLE)
        return fail(V, "REDUCE needs a global and a tuple of arguments");
    if (fn->i == G_ODICT) {
        if (args->n != 0)
            return fail(V, "OrderedDict() with arguments");
        k = new_obj(V, O_DICT);
    } else if (fn->i == G_REBUILD) {
        if (rebuild(V, args, &k))
            return -1;
    } else if (fn->i == G_PARAM) {
        if (args->n != 3 || V->o[args->items[0]].kind != O_TENSOR)
            return fail(V, "_rebuild_parameter needs a tensor and two more arguments");
        k = args->items[0];
    } else {
        return fail(V, "a storage class is called; a state dict names it only");
    }
    push(V, k);
    return 0;
}

/* ('storage', torch.XStorage, key, location, numel) */
static int op_persid(Vm *V)
{
    int a;
    if (pop(V, &a))
        return -1;
    const Obj *t = &V->o[a];
    if (t->kind != O_TUPLE || t->n != 5 || !str_is(&V->o[t->items[0]], "storage") ||
        V->o[t->items[1]].kind != O_GLOBAL || V->o[t->items[1]].i != G_STORAGE ||
        V->o[t->items[2]].kind != O_STR || V->o[t->items[2]].len == 0 ||
        V->o[t->items[2]].len >= 32 || V->o[t->items[4]].kind != O_INT)
        return fail(V, "a persistent id is not ('storage', torch.XStorage, key, location, "
                    "numel)");
    const Obj *key = &V->o[t->items[2]];
    for (size_t i = 0; i < key->len; i++)
        if (key->s[i] < '0' || key->s[i] > '9')
            return fail(V, "a storage key is not a number");
    int k = new_obj(V, O_STORAGE);
    t = &V->o[a];
    key = &V->o[t->items[2]];
    V->o[k].storage = V->o[t->items[1]].storage;
    memcpy(V->o[k].key, key->s, key->len);
    V->o[k].numel = V->o[t->items[4]].i;
    push(V, k);
    return 0;
}

static int op_memo(Vm *V, int put, int bytes)
{
    uint64_t i;
    if (bytes) {
        if (need(V, (size_t)bytes))
            return -1;
        i = le(V->p, bytes);
        V->p += bytes;
    } else {
        i = (uint64_t)V->nmemo;  /* MEMOIZE: the next index */
    }
    if (i >= (uint64_t)(V->end - V->b) + 1)
        return fail(V, "memo index %llu is out of range", (unsigned long long)i);
    if (put) {
        int k;
        if (top(V, &k))
            return -1;
        if ((int)i >= V->nmemo) {
            int c = V->nmemo;
            V->memo = grow(V->memo, &c, (int)i + 1, sizeof *V->memo);
            for (int j = V->nmemo; j < c; j++)
                V->memo[j] = -1;
            V->nmemo = c;
        }
        V->memo[i] = k;
        return 0;
    }
    if ((int)i >= V->nmemo || V->memo[i] < 0)
        return fail(V, "memo index %llu was never stored", (unsigned long long)i);
    push(V, V->memo[i]);
    return 0;
}

static int op_build(Vm *V)
{
    int s, d;
    if (pop(V, &s) || top(V, &d))
        return -1;
    if (V->o[d].kind != O_DICT)
        return fail(V, "BUILD on something that is not the state dict");
    return 0;   /* the state dict's _metadata: not needed */
}

static int step(Vm *V, int *stop)
{
    V->at = (size_t)(V->p - V->b);
    int op = *V->p++, k;
    switch (op) {
    case 0x80: /* PROTO */
        if (need(V, 1))
            return -1;
        if (*V->p < 2 || *V->p > 5)
            return fail(V, "pickle protocol %d; torch.save writes 2", *V->p);
        V->p++;
        return 0;
    case 0x95: /* FRAME */
        if (need(V, 8))
            return -1;
        V->p += 8;
        return 0;
    case '.': *stop = 1; return 0;
    case '(':
        V->marks = grow(V->marks, &V->cm, V->nm + 1, sizeof *V->marks);
        V->marks[V->nm++] = V->ns;
        return 0;
    case 'N': push(V, new_obj(V, O_NONE)); return 0;
    case 0x88: case 0x89:
        k = new_obj(V, O_BOOL);
        V->o[k].i = op == 0x88;
        push(V, k);
        return 0;
    case 'K': return op_int(V, 1, 0);
    case 'M': return op_int(V, 2, 0);
    case 'J': return op_int(V, 4, 1);
    case 0x8a: return op_long1(V);
    case 'X': return op_str(V, 4);
    case 0x8c: return op_str(V, 1);
    case ')': push(V, new_obj(V, O_TUPLE)); return 0;
    case '}': push(V, new_obj(V, O_DICT)); return 0;
    case 't': return op_tuple_mark(V);
    case 0x85: return op_tuple_n(V, 1);
    case 0x86: return op_tuple_n(V, 2);
    case 0x87: return op_tuple_n(V, 3);
    case 'c': return op_global(V);
    case 0x93: return op_stack_global(V);
    case 'R': return op_reduce(V);
    case 'Q': return op_persid(V);
    case 'b': return op_build(V);
    case 's': return op_setitems(V, 0);
    case 'u': return op_setitems(V, 1);
    case 'q': return op_memo(V, 1, 1);
    case 'r': return op_memo(V, 1, 4);
    case 0x94: return op_memo(V, 1, 0);
    case 'h': return op_memo(V, 0, 1);
    case 'j': return op_memo(V, 0, 4);
    default:
        return fail(V, "opcode 0x%02x is not one torch.save writes for a state dict", op);
    }
}

/* The result: a dict of string keys and tensors, into *out. */
static int result(Vm *V, FxPtTensor **out, int *count)
{
    int d;
    if (V->ns != 1 || V->nm != 0)
        return fail(V, "STOP leaves %d values on the stack, not one", V->ns);
    d = V->stack[0];
    if (V->o[d].kind != O_DICT)
        return fail(V, "the pickle holds no dict (a state dict is an OrderedDict)");
    const Obj *o = &V->o[d];
    FxPtTensor *t = calloc((size_t)(o->n / 2) + 1, sizeof *t);
    if (!t)
        abort();
    int n = 0;
    for (int i = 0; i + 1 < o->n; i += 2) {
        const Obj *key = &V->o[o->items[i]], *val = &V->o[o->items[i + 1]];
        if (key->kind != O_STR || val->kind != O_TENSOR) {
            fx_pt_tensors_free(t, n);
            return fail(V, "entry %d of the dict is not a name and a tensor", i / 2 + 1);
        }
        t[n] = V->t[val->i];
        t[n].name = malloc(key->len + 1);
        if (!t[n].name)
            abort();
        memcpy(t[n].name, key->s, key->len);
        t[n].name[key->len] = 0;
        n++;
    }
    *out = t;
    *count = n;
    return 0;
}

int fx_pt_unpickle(const unsigned char *b, size_t n, const char *name, FxPtTensor **out,
                   int *count, FxDataError *e)
{
    Vm V = {.b = b, .p = b, .end = b + n, .name = name, .e = e};
    int stop = 0, rc = 0;
    *out = NULL;
    *count = 0;
    while (rc == 0 && !stop) {
        if (V.p >= V.end) {
            V.at = n;
            rc = fail(&V, "the pickle ends without STOP");
        } else {
            rc = step(&V, &stop);
        }
    }
    if (rc == 0) {
        V.at = (size_t)(V.p - V.b) - 1;
        rc = result(&V, out, count);
    }
    for (int i = 0; i < V.no; i++)
        free(V.o[i].items);
    free(V.o);
    free(V.stack);
    free(V.marks);
    free(V.memo);
    free(V.t);
    return rc;
}

void fx_pt_tensors_free(FxPtTensor *t, int count)
{
    for (int i = 0; t && i < count; i++)
        free(t[i].name);
    free(t);
}
