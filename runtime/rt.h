/* The public header of fx's training runtime: tensors, RNG, layers, losses,
 * optimizers, schedules, least squares, the training loop, weight files.
 * The interpreter includes only this header. Knows nothing of the fx
 * language: usable from a ten-line C program. Prefix rt_, types Rt*. */
#ifndef FX_RT_H
#define FX_RT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

const char *rt_version(void);

/* ---- errors -------------------------------------------------------------
 * Functions that can fail take an RtError * (may be NULL) and return NULL
 * or a negative number; the message is lower case, no trailing period,
 * e.g. "dense(10) expects 2048 inputs, got 1000 from flatten". */
typedef enum RtErrorCode {
    RT_OK = 0,
    RT_ERR_NOMEM,     /* an allocation failed or was refused as too large */
    RT_ERR_BUDGET,    /* an allocation was refused: more than the memory budget */
    RT_ERR_SHAPE,     /* shapes do not fit */
    RT_ERR_ARG,       /* a bad argument value */
    RT_ERR_IO,        /* a file could not be read or written */
    RT_ERR_FORMAT,    /* a file is not what it should be */
    RT_ERR_DIVERGED,  /* loss became NaN or inf */
    RT_ERR_INTERRUPTED
} RtErrorCode;

typedef struct RtError {
    RtErrorCode code;
    char        msg[512];
    /* In, set by the caller: the memory budget, the most bytes one request
     * (a model's slabs together) may take; 0 means the machine's physical
     * memory. rt_error_set and rt_error_copy keep it. */
    int64_t     max_bytes;
} RtError;

void rt_error_set(RtError *e, RtErrorCode code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Copies the code and message of `from` into e (e's budget stays). */
void rt_error_copy(RtError *e, const RtError *from);
/* A request of `bytes` for `what`, checked against e's budget (or physical
 * memory) without allocating: 0, or -1 with RT_ERR_BUDGET / RT_ERR_NOMEM. */
int  rt_budget_check(int64_t bytes, const char *what, RtError *e);
/* bytes as text in powers of 1024: "512 bytes", "1.5 KiB", "18.6 GiB". */
const char *rt_bytes_text(int64_t bytes, char buf[32]);

/* ==== section: tensors, RNG, layers, losses, models, training (rt-core) == */
/* Conventions: float32 everywhere; tensors are contiguous, row-major, NCHW
 * for images. "Per-sample" shapes leave out the batch dimension. Nothing
 * here keeps global mutable state: every object is created, owned and
 * freed by the caller. */

/* ---- memory --------------------------------------------------------------
 * Every runtime allocation goes through rt_alloc: count * size is checked
 * for overflow, against the memory budget in err (err->max_bytes) and
 * against the machine's physical memory before anything is allocated; a
 * request over the budget is RT_ERR_BUDGET, one refused otherwise or failed
 * is RT_ERR_NOMEM, with a message naming `what`. Memory is zeroed and 64-byte aligned; free with rt_free. */
void   *rt_alloc(int64_t count, size_t size, const char *what, RtError *err);
void    rt_free(void *p);
int64_t rt_physical_memory(void);   /* bytes, from sysconf */

/* ---- files that are complete or absent (outfile.c) ----------------------
 * rt_out_open opens a temporary file beside path (PATH.PID.tmp; a path
 * that is a device or a pipe is written in place); write to o->f, then
 * rt_out_close with ok 1 flushes, fsyncs and renames it over path (ok 0,
 * or any failure: the temporary file is removed and path is untouched).
 * Errors are RT_ERR_IO "cannot write 'PATH': REASON". */
typedef struct RtOutFile {
    FILE       *f;
    char       *tmp;     /* NULL when writing in place */
    const char *path;
} RtOutFile;

int rt_out_open(RtOutFile *o, const char *path, RtError *err);
int rt_out_close(RtOutFile *o, int ok, RtError *err);
/* The whole of data[0..len) as the file at path, the same way. */
int rt_out_write_all(const char *path, const void *data, size_t len, RtError *err);

/* ---- shapes and tensors ------------------------------------------------ */
#define RT_MAX_DIMS 6
#define RT_SHAPE_STR_SIZE 160       /* enough for any shape's text */

typedef struct RtShape {
    int     ndim;                   /* 0..RT_MAX_DIMS; 0 is a scalar */
    int64_t dim[RT_MAX_DIMS];
} RtShape;

RtShape rt_shape(int ndim, const int64_t *dims);  /* ndim clamped to 0..6 */
RtShape rt_shape1(int64_t a);
RtShape rt_shape2(int64_t a, int64_t b);
RtShape rt_shape3(int64_t a, int64_t b, int64_t c);
RtShape rt_shape4(int64_t a, int64_t b, int64_t c, int64_t d);
/* Product of the dims; -1 when a dim is negative or the product overflows. */
int64_t rt_shape_numel(const RtShape *s);
int     rt_shape_equal(const RtShape *a, const RtShape *b);
/* "[64, 32, 8, 8]" ("[]" for a scalar) into buf; returns buf. */
char   *rt_shape_str(const RtShape *s, char *buf, size_t size);
/* The shape `target` gives to numel numbers in row-major order (numpy's
 * reshape): 1 to RT_MAX_DIMS - 1 sizes of at least 1, one of which may be
 * -1 (inferred). RT_ERR_SHAPE when the sizes do not hold exactly numel
 * numbers, with a message naming both counts ("[1, 8, 9] holds 72
 * numbers, not 64"). */
int     rt_shape_reshape(const RtShape *target, int64_t numel, RtShape *out,
                         RtError *err);

typedef struct RtTensor {
    RtShape shape;
    float  *data;                   /* rt_shape_numel(&shape) floats */
} RtTensor;

/* A zero-filled tensor, or NULL with RT_ERR_NOMEM / RT_ERR_SHAPE. */
RtTensor *rt_tensor_new(const RtShape *shape, RtError *err);
void      rt_tensor_free(RtTensor *t);
int64_t   rt_tensor_numel(const RtTensor *t);

/* ---- random numbers ------------------------------------------------------
 * One generator: Philox4x32-10 (Salmon et al., SC'11), counter-based. The
 * u32 number i of stream s under seed k is a pure function of (k, s, i):
 * block i/4 is Philox with counter {lo(i/4), hi(i/4), lo(s), hi(s)} and key
 * {lo(k), hi(k)}, and lane i%4 of the result is the number. Results never
 * depend on the thread count or on what other streams were drawn.
 *
 * Streams: rt_stream(purpose, sub) = purpose << 56 | sub (sub < 2^56).
 *   RT_STREAM_INIT     sub = layer index          weight initialisation
 *   RT_STREAM_DATA     sub = chosen by the caller  generated data sets
 *   RT_STREAM_SHUFFLE  sub = epoch                 per-epoch permutations
 *   RT_STREAM_DROPOUT  sub = layer << 40 | step    dropout masks: element
 *                      b * features + j is kept when (u32 >> 8) / 2^24 >=
 *                      rate for the u32 of that index (step < 2^40)
 *   RT_STREAM_SPLIT    sub = 0                     validation splits
 *   RT_STREAM_SAMPLE   sub = step                  batches drawn without
 *                                                  replacement per step
 *   RT_STREAM_USER     anything                    scripts' own draws
 *   RT_STREAM_SEARCH   sub = point                 a random search's points */
typedef enum RtStreamPurpose {
    RT_STREAM_INIT = 1, RT_STREAM_DATA, RT_STREAM_SHUFFLE, RT_STREAM_DROPOUT,
    RT_STREAM_SPLIT, RT_STREAM_SAMPLE, RT_STREAM_USER, RT_STREAM_SEARCH
} RtStreamPurpose;

uint64_t rt_stream(RtStreamPurpose purpose, uint64_t sub);

/* The raw bijection, exposed for the known-answer test. */
void     rt_philox4x32_10(const uint32_t ctr[4], const uint32_t key[2],
                          uint32_t out[4]);
/* u32 number i of (seed, stream). */
uint32_t rt_rng_at(uint64_t seed, uint64_t stream, uint64_t i);

/* A cursor over one stream; `pos` is the index of the next u32. Each call
 * below consumes a documented number of u32s, so a sequence of calls is
 * reproducible from (seed, stream, starting pos). */
typedef struct RtRng {
    uint64_t seed, stream, pos;
} RtRng;

RtRng    rt_rng(uint64_t seed, uint64_t stream);
uint32_t rt_rng_u32(RtRng *r);                  /* 1 u32 */
double   rt_rng_uniform(RtRng *r);              /* [0,1), 53 bits, 2 u32s */
/* Standard normal by Box-Muller from one 4-u32 block (uses the cosine). */
double   rt_rng_normal(RtRng *r);
/* Uniform integer in [0, n), n >= 1, without modulo bias (rejection; 1 u32
 * per try for n <= 2^32, else 2). */
uint64_t rt_rng_below(RtRng *r, uint64_t n);
/* Element j is U[lo, hi) from u32 pos+j (24 bits); consumes n u32s. */
void     rt_rng_fill_uniform(RtRng *r, float *x, int64_t n, float lo, float hi);
/* Elements 2p and 2p+1 are the Box-Muller pair from the block of u32s
 * pos+4p .. pos+4p+3; consumes 4 * ceil(n/2) u32s. */
void     rt_rng_fill_normal(RtRng *r, float *x, int64_t n, float mean,
                            float std);
/* Normal(mean, std) truncated at 2 std by redrawing (Keras's
 * TruncatedNormal); sequential, consumes a data-dependent count. */
void     rt_rng_fill_truncated_normal(RtRng *r, float *x, int64_t n,
                                      float mean, float std);
/* perm = a uniformly random permutation of 0..n-1 (Fisher-Yates). */
void     rt_rng_permutation(RtRng *r, int64_t *perm, int64_t n);
/* Shuffles a[0..n) in place (Fisher-Yates, i from n-1 down to 1). */
void     rt_rng_shuffle(RtRng *r, int64_t *a, int64_t n);
/* Rounds i = from, from - 1, ..., to + 1 of rt_rng_shuffle's Fisher-Yates
 * loop (which is rounds(a, n - 1, 0)): a long shuffle done in parts, with
 * the same draws and result as one call. */
void     rt_rng_shuffle_rounds(RtRng *r, int64_t *a, int64_t from, int64_t to);
/* k of 0..n-1 without replacement, in random order: idx must hold n
 * entries; on return idx[0..k) is the sample (partial Fisher-Yates). */
void     rt_rng_sample(RtRng *r, int64_t *idx, int64_t n, int64_t k);

/* ---- threads -------------------------------------------------------------
 * A persistent pool of pthreads that sleep on a condition variable between
 * jobs (no spinning). rt_threads_run calls fn(ctx, t) for t in [0, ntasks)
 * across the pool and the calling thread, and returns when all are done.
 *
 * Design: the pool does all parallel work and OpenBLAS runs single-threaded
 * inside it (rt_threads_new sets openblas_set_num_threads(1)), so the two
 * never oversubscribe the cores. Work is always cut into tasks whose
 * boundaries depend only on the problem's shape (per sample, per channel,
 * per fixed-width GEMM panel), never on the thread count, and every
 * reduction runs in a fixed order inside one task: results are bit for bit
 * the same for any number of threads. One pool serves one caller thread at
 * a time; a task that calls rt_threads_run runs the inner job inline. */
typedef struct RtThreads RtThreads;
typedef void (*RtTaskFn)(void *ctx, int64_t task);

/* nthreads >= 1 counts the calling thread: 1 means no extra threads. */
RtThreads *rt_threads_new(int nthreads, RtError *err);
void       rt_threads_free(RtThreads *th);
int        rt_threads_count(const RtThreads *th);  /* 1 for NULL */
/* th may be NULL: runs the tasks in order on the calling thread. */
void       rt_threads_run(RtThreads *th, int64_t ntasks, RtTaskFn fn,
                          void *ctx);
/* OpenBLAS's own thread count. Keep it 1 while a pool of more than one
 * thread is in use; a caller with no pool may give BLAS the cores instead. */
void       rt_blas_set_threads(int n);
int        rt_blas_threads(void);
/* The OpenBLAS kernel in use ("SkylakeX", "Haswell", "Prescott", ...). */
const char *rt_blas_core(void);
/* The OPENBLAS_CORETYPE value to run with when OpenBLAS fell back to an
 * older kernel than the CPU supports (it does for CPU models newer than the
 * library), or NULL when its pick stands. OpenBLAS reads the variable only
 * when it loads, so a program acts on this by setting it and re-executing
 * itself. */
const char *rt_blas_better_core(void);

/* ---- losses and metrics --------------------------------------------------
 * `out` and `target` are [n, dim] row-major (cross_entropy: target holds n
 * class indices stored as floats, dim is the number of classes). Each
 * returns the batch-mean loss and, when grad is not NULL, overwrites
 * grad[n * dim] with d(loss)/d(out). A bad target (a class index that is
 * not an integer in [0, dim)) gives NaN and RT_ERR_ARG.
 *   mse                 mean over all n*dim elements (torch MSELoss)
 *   cross_entropy       from logits, fused log-softmax, stable for |z|~1e4
 *   bce_logits          from logits: max(z,0) - z*y + log1p(exp(-|z|))
 *   bce                 on probabilities, each log clamped at -100 and the
 *                       gradient (p-y)/max(p(1-p), 1e-12) as PyTorch */
typedef enum RtLossKind {
    RT_LOSS_MSE, RT_LOSS_CROSS_ENTROPY, RT_LOSS_BCE, RT_LOSS_BCE_LOGITS
} RtLossKind;

const char *rt_loss_name(RtLossKind kind);   /* "mse", "cross_entropy", ... */
double rt_loss(RtLossKind kind, const float *out, const float *target,
               int64_t n, int64_t dim, float *grad, RtError *err);
double rt_loss_mse(const float *out, const float *target, int64_t n,
                   int64_t dim, float *grad, RtError *err);
double rt_loss_cross_entropy(const float *logits, const float *target,
                             int64_t n, int64_t dim, float *grad,
                             RtError *err);
double rt_loss_bce(const float *p, const float *target, int64_t n,
                   int64_t dim, float *grad, RtError *err);
double rt_loss_bce_logits(const float *z, const float *target, int64_t n,
                          int64_t dim, float *grad, RtError *err);
/* Correct predictions among n: argmax (first maximum) against the class
 * index when dim > 1; when dim == 1, out > threshold against target > 0.5
 * (threshold 0.5 on probabilities, 0 on logits). A sample with a NaN
 * output is never correct, so accuracy stays a number after divergence. */
int64_t rt_count_correct(const float *out, const float *target, int64_t n,
                         int64_t dim, float threshold);

/* ---- layer specs ---------------------------------------------------------
 * A model is a sequence of plain layer specs. Fill them with the rt_layer_*
 * constructors (which set the defaults) and then adjust fields. */
typedef enum RtLayerKind {
    RT_LAYER_DENSE, RT_LAYER_CONV2D, RT_LAYER_MAXPOOL2D, RT_LAYER_AVGPOOL2D,
    RT_LAYER_FLATTEN, RT_LAYER_DROPOUT, RT_LAYER_BATCHNORM, RT_LAYER_RELU,
    RT_LAYER_LEAKY_RELU, RT_LAYER_SIGMOID, RT_LAYER_TANH, RT_LAYER_SOFTMAX,
    RT_LAYER_POLYFEAT, RT_LAYER_RESHAPE
} RtLayerKind;

/* Initialisation of dense and conv2d parameters. fan_in = inputs (dense)
 * or C*k*k (conv2d); fan_out = units or filters*k*k.
 *   RT_INIT_DEFAULT         the model's default (in a layer spec only)
 *   RT_INIT_TORCH           PyTorch's default: W and b ~ U(-1/sqrt(fan_in),
 *                           1/sqrt(fan_in)) (kaiming_uniform, a = sqrt(5))
 *   RT_INIT_GLOROT_UNIFORM  W ~ U(+-sqrt(6/(fan_in+fan_out))), b = 0 (Keras)
 *   RT_INIT_GLOROT_NORMAL   W ~ truncated normal, std sqrt(2/(fan_in+
 *                           fan_out))/0.8796, b = 0 (Keras)
 *   RT_INIT_HE_NORMAL       W ~ truncated normal, std sqrt(2/fan_in)/0.8796,
 *                           b = 0 (Keras)
 *   RT_INIT_HE_UNIFORM      W ~ U(+-sqrt(6/fan_in)), b = 0 (Keras)
 *   RT_INIT_ZEROS           W = b = 0
 *   RT_INIT_NORMAL          W and b ~ N(0, std)
 * batchnorm always starts at gamma 1, beta 0, running mean 0, var 1. */
typedef enum RtInitKind {
    RT_INIT_DEFAULT, RT_INIT_TORCH, RT_INIT_GLOROT_UNIFORM,
    RT_INIT_GLOROT_NORMAL, RT_INIT_HE_NORMAL, RT_INIT_HE_UNIFORM,
    RT_INIT_ZEROS, RT_INIT_NORMAL
} RtInitKind;

typedef struct RtInit {
    RtInitKind kind;
    double     std;                 /* RT_INIT_NORMAL */
} RtInit;

const char *rt_init_name(RtInitKind kind);   /* "torch", "glorot_uniform" */

typedef struct RtLayerSpec {
    RtLayerKind kind;
    int64_t units;      /* dense: outputs */
    int64_t filters;    /* conv2d: output channels */
    int64_t inputs;     /* dense: in features, conv2d: in channels,
                           batchnorm: features; 0 = inferred from the input */
    int     kernel;     /* conv2d, pools: square kernel size */
    int     stride;     /* conv2d (default 1), pools (0 = kernel) */
    int     padding;    /* conv2d, pools: zeros (pools: -inf / counted) */
    int     no_bias;    /* dense, conv2d: 1 leaves the bias out */
    double  rate;       /* dropout: probability of dropping, [0, 1) */
    double  slope;      /* leaky_relu: negative slope (default 0.01) */
    double  momentum;   /* batchnorm: 0.1 as PyTorch */
    double  eps;        /* batchnorm: 1e-5 as PyTorch */
    int     degree;     /* polyfeat: x, x^2, ..., x^degree */
    int     poly_bias;  /* polyfeat: 1 puts a column of ones first */
    RtInit  init;       /* dense, conv2d: overrides the model's default */
    double  l2;         /* dense, conv2d: Keras kernel_regularizer l2(l2):
                           adds l2 * sum(W^2) to the loss, weights only */
    RtShape shape;      /* reshape: the per-sample output shape, as
                           rt_shape_reshape takes it (one size may be -1) */
} RtLayerSpec;

RtLayerSpec rt_layer_dense(int64_t units);
RtLayerSpec rt_layer_conv2d(int64_t filters, int kernel, int stride,
                            int padding);
RtLayerSpec rt_layer_maxpool2d(int kernel, int stride, int padding);
RtLayerSpec rt_layer_avgpool2d(int kernel, int stride, int padding);
RtLayerSpec rt_layer_flatten(void);
RtLayerSpec rt_layer_dropout(double rate);
RtLayerSpec rt_layer_batchnorm(void);
RtLayerSpec rt_layer_relu(void);
RtLayerSpec rt_layer_leaky_relu(double slope);
RtLayerSpec rt_layer_sigmoid(void);
RtLayerSpec rt_layer_tanh(void);
RtLayerSpec rt_layer_softmax(void);
RtLayerSpec rt_layer_polyfeat(int degree, int bias);
/* The same numbers per sample in another shape, row-major (C, H, W) order:
 * PyTorch's nn.Unflatten (or flatten, given one size). */
RtLayerSpec rt_layer_reshape(const RtShape *shape);

/* Display name, e.g. "dense(10)", "conv2d(16, 3, stride: 2, pad: 1)",
 * "maxpool2d(2)", "dropout(0.5)", "leaky_relu(0.01)", "polyfeat(3)",
 * "reshape([1, 8, 8])". */
char *rt_layer_name(const RtLayerSpec *s, char *buf, size_t size);

/* Polynomial features of one column (scikit-learn's PolynomialFeatures on
 * one input): out[i] = [1 if bias,] x, x^2, ..., x^degree; n rows. */
void rt_polyfeat_forward(float *out, const float *x, int64_t n, int degree,
                         int bias);

/* ---- models --------------------------------------------------------------
 * A sequential model with its memory laid out once at build, llm.c style:
 *   params   one float array: per layer, weight then bias, PyTorch layouts
 *            (dense [units, inputs], conv2d [F, C, k, k], batchnorm gamma,
 *            beta); an optimizer is one loop over it
 *   grads    one float array, same layout
 *   buffers  one float array: batchnorm running mean and var (saved with
 *            the weights, never trained)
 *   work     one allocation: every layer's output and output gradient for
 *            max_batch samples, plus all scratch (im2col columns, dropout
 *            masks, batch statistics). Forward and backward allocate
 *            nothing; any batch from 1 to max_batch may be used.
 *
 * Named tensors, for weight files: "layers.<i>.weight", "layers.<i>.bias",
 * "layers.<i>.running_mean", "layers.<i>.running_var", where i is the
 * layer's index in the spec array (as in a PyTorch nn.Sequential named
 * `layers`; parameterless layers keep their index). PyTorch's BatchNorm
 * also saves num_batches_tracked: here an integer per batchnorm layer,
 * not a tensor (rt_model_batches_tracked), counting its train-mode
 * forwards as PyTorch does; copied with the weights, reset by init.
 *
 * The loss and the last layer: when the last layer is sigmoid and the loss
 * is RT_LOSS_BCE, or the last layer is softmax and the loss is
 * RT_LOSS_CROSS_ENTROPY, the pair is fused: rt_model_loss computes the loss
 * from the pre-activation (bce_logits / cross_entropy on the logits) and
 * backward starts below the activation. rt_model_fused says whether that
 * happens and rt_model_loss_layer which layer's output the loss reads.
 * Otherwise the loss reads the model's output (cross_entropy treats it as
 * logits, bce as probabilities, bce_logits as logits). rt_model_output is
 * always the last layer's output (probabilities after a final sigmoid or
 * softmax); rt_model_loss_input gives what the loss read.
 *
 * A training step, for the loop written on top of this:
 *     rt_model_forward(m, x, n, RT_TRAIN, step, &err);
 *     loss = rt_model_loss(m, kind, y, &err) + rt_model_l2_penalty(m);
 *     rt_model_zero_grads(m);
 *     rt_model_backward_loss(m);
 *     rt_model_l2_grad(m);
 *     rt_optim_step(opt, rt_model_params(m, NULL), rt_model_grads(m, NULL));
 * and rt_model_nonfinite(m, ...) names the layer when loss is NaN or inf. */
typedef enum RtMode { RT_EVAL = 0, RT_TRAIN = 1 } RtMode;

typedef struct RtModel RtModel;

/* Builds the model for per-sample `input` shape and up to max_batch
 * samples. Errors: RT_ERR_SHAPE for a layer that does not fit its input
 * ("dense(10) expects 2048 inputs, got 1000 from flatten"), RT_ERR_ARG for
 * a bad hyperparameter, RT_ERR_NOMEM (a model larger than the machine's
 * memory is refused before allocating). default_init.kind RT_INIT_DEFAULT
 * means RT_INIT_TORCH. Parameters start at zero (batchnorm at gamma 1,
 * beta 0, running mean 0, var 1) until rt_model_init. */
RtModel *rt_model_new(const RtLayerSpec *layers, int nlayers,
                      const RtShape *input, int64_t max_batch,
                      RtInit default_init, RtError *err);
/* Same layers and input shape, another max_batch, weights and buffers
 * copied; the threads pointer and dropout seed are copied too. */
RtModel *rt_model_clone(const RtModel *src, int64_t max_batch, RtError *err);
void     rt_model_free(RtModel *m);
/* Borrowed; NULL (the default) runs everything on the calling thread. */
void     rt_model_set_threads(RtModel *m, RtThreads *th);

/* Structure, for summaries. Layer indices run 0..rt_model_layers()-1. */
int         rt_model_layers(const RtModel *m);
const RtLayerSpec *rt_model_layer_spec(const RtModel *m, int i);
const char *rt_model_layer_name(const RtModel *m, int i);
RtShape     rt_model_layer_shape(const RtModel *m, int i); /* per sample */
int64_t     rt_model_layer_params(const RtModel *m, int i);
RtShape     rt_model_input_shape(const RtModel *m);
RtShape     rt_model_output_shape(const RtModel *m);
int64_t     rt_model_max_batch(const RtModel *m);

/* The flat arrays; *count (if not NULL) gets their length. */
float  *rt_model_params(RtModel *m, int64_t *count);
float  *rt_model_grads(RtModel *m, int64_t *count);
float  *rt_model_buffers(RtModel *m, int64_t *count);
int64_t rt_model_param_count(const RtModel *m);
/* Batchnorm layer i's num_batches_tracked (0 for any other layer); set
 * only on a batchnorm layer. */
int64_t rt_model_batches_tracked(const RtModel *m, int layer);
void    rt_model_set_batches_tracked(RtModel *m, int layer, int64_t n);

typedef struct RtNamedTensor {
    char    name[48];       /* "layers.0.weight" */
    RtShape shape;          /* PyTorch's layout */
    float  *data;           /* a view into params or buffers */
    int64_t count;
    int     layer;
    int     trainable;      /* 1 for params, 0 for buffers */
} RtNamedTensor;

int rt_model_tensor_count(const RtModel *m);
/* Fills *t for tensor i (params in layout order, then buffers); returns 0,
 * or -1 when i is out of range. */
int rt_model_tensor(RtModel *m, int i, RtNamedTensor *t);
/* By name; -1 when there is no such tensor. */
int rt_model_find_tensor(RtModel *m, const char *name, RtNamedTensor *t);

/* Initialises every parameter from `seed` (stream RT_STREAM_INIT, layer
 * index), resets running statistics, and sets the dropout seed to `seed`. */
void rt_model_init(RtModel *m, uint64_t seed);
void rt_model_set_dropout_seed(RtModel *m, uint64_t seed);
/* Copies params and buffers from a model with the same layer kinds and
 * tensor shapes (any max_batch); RT_ERR_SHAPE naming the first mismatch. */
int  rt_model_copy_weights(RtModel *dst, const RtModel *src, RtError *err);

/* Runs x [batch, input...] through the model; returns the output
 * [batch, output...] (valid until the next forward) or NULL with an error
 * for a batch outside 1..max_batch or a batchnorm in train mode with one
 * value per channel. x is read again by backward: keep it alive. In train
 * mode dropout draws its mask from (dropout seed, layer, step, element). */
const float *rt_model_forward(RtModel *m, const float *x, int64_t batch,
                              RtMode mode, uint64_t step, RtError *err);
const float *rt_model_output(const RtModel *m);
const float *rt_model_layer_output(const RtModel *m, int i);
int64_t      rt_model_batch(const RtModel *m);  /* of the last forward */

int    rt_model_fused(const RtModel *m, RtLossKind kind);
/* The layer whose output the loss reads (-1: the model's input), and that
 * output for the last forward: the logits when fused, else the output. */
int    rt_model_loss_layer(const RtModel *m, RtLossKind kind);
const float *rt_model_loss_input(const RtModel *m, RtLossKind kind);
/* Batch-mean loss of the last forward against target (see "The loss and
 * the last layer"); keeps d(loss)/d(loss input) for rt_model_backward_loss.
 * The L2 penalty is not included. NaN and an error for a bad target. */
double rt_model_loss(RtModel *m, RtLossKind kind, const float *target,
                     RtError *err);
/* Backward from the gradient kept by the last rt_model_loss. */
void   rt_model_backward_loss(RtModel *m);
/* Backward from d(something)/d(output) [batch, output...] of the last
 * forward, with no fusion. Both backward calls accumulate into grads and
 * consume the forward's saved state: one backward per forward. */
void   rt_model_backward(RtModel *m, const float *d_output);
void   rt_model_zero_grads(RtModel *m);
/* Correct predictions of the last forward (see rt_count_correct; the
 * threshold is 0 for RT_LOSS_BCE_LOGITS and 0.5 otherwise). */
int64_t rt_model_correct(const RtModel *m, RtLossKind kind,
                         const float *target);

/* Keras kernel_regularizer semantics: sum over layers of l2 * sum(W^2),
 * dense and conv2d weights only, never biases. */
double rt_model_l2_penalty(const RtModel *m);
/* Adds 2 * l2 * W into the weight gradients. */
void   rt_model_l2_grad(RtModel *m);

/* The first layer (in order) holding a NaN or inf in what `what` selects,
 * or -1 when everything is finite. The activations are the last forward's. */
enum { RT_CHECK_PARAMS = 1, RT_CHECK_GRADS = 2, RT_CHECK_ACTS = 4 };
int rt_model_nonfinite(const RtModel *m, unsigned what);

/* Feeds an explicit keep-mask to dropout layer i (for comparing with
 * another framework): keep[b * features + j] is 0 or 1, count values (at
 * most max_batch * features; elements past count are kept); train-mode
 * forwards use it, scaled by 1/(1-rate), instead of drawing, until called
 * with keep == NULL. */
int rt_model_set_dropout_mask(RtModel *m, int i, const float *keep,
                              int64_t count, RtError *err);


/* ==== section: optimizers, schedules, clipping, least squares (rt-optim) =
 * Optimizers work on one flat parameter array and its flat gradient array
 * (llm.c style); their state is one allocation sized at creation and a step
 * allocates nothing. Update rules and defaults are PyTorch's (torch.optim,
 * the single-tensor code path, checked against torch 1.13), one parameter
 * group, weight decay applied to every parameter:
 *
 *   sgd      g += wd*p; with momentum mu: b = g on the first step, else
 *            b = mu*b + (1-dampening)*g; g = nesterov ? g + mu*b : b;
 *            p -= lr*g
 *   adam     g += wd*p; m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g*g;
 *            amsgrad: vmax = max(vmax, v), used in place of v (the max of
 *            the raw v, as PyTorch's code does; its documentation's
 *            pseudocode takes the max of the bias-corrected v);
 *            p -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps)
 *   adamw    as adam without the L2 term, after p *= 1 - lr*wd (decoupled)
 *   rmsprop  g += wd*p; v = alpha*v + (1-alpha)*g*g; centered:
 *            a = alpha*a + (1-alpha)*g, v~ = v - a*a, else v~ = v;
 *            d = sqrt(v~) + eps; momentum mu > 0: b = mu*b + g/d, p -= lr*b;
 *            else p -= lr*g/d
 *   adagrad  g += wd*p; s += g*g (s starts at initial_accumulator);
 *            p -= lr/(1 + (t-1)*lr_decay) * g / (sqrt(s) + eps)
 *
 * The arithmetic is float32 in PyTorch's order with double coefficients
 * rounded to float, as PyTorch's scalars are; PyTorch's SIMD kernels fuse
 * some multiply-adds, so results differ from it by a few ulps (tested to
 * 1e-6 relative).
 *
 * Defaults (rt_optim_defaults), PyTorch's:
 *   sgd      lr 1e-3, momentum 0, dampening 0, nesterov off, wd 0
 *            (torch 1.13 has no default lr for SGD; 2.x uses 1e-3)
 *   adam     lr 1e-3, betas 0.9/0.999, eps 1e-8, wd 0, amsgrad off
 *   adamw    as adam but wd 1e-2
 *   rmsprop  lr 1e-2, alpha 0.99, eps 1e-8, momentum 0, centered off, wd 0
 *   adagrad  lr 1e-2, lr_decay 0, initial_accumulator 0, eps 1e-10, wd 0
 *
 * Where Keras (tf.keras 2.x, Keras 3) differs, so a Keras recipe can be
 * translated by hand:
 *   - Adam/AdamW: epsilon 1e-7, and it is "epsilon hat": Keras divides by
 *     sqrt(v) + eps with v not bias-corrected, i.e. PyTorch's eps equals
 *     Keras's eps / sqrt(1 - b2^t), a little larger early in training.
 *     Keras AdamW's default weight_decay is 0.004 (PyTorch 0.01); Keras 3
 *     Adam(weight_decay=...) decays decoupled, like adamw here, not as L2.
 *   - RMSprop: rho 0.9 (alpha here, 0.99), lr 1e-3 (1e-2), epsilon 1e-7
 *     added inside the square root, and its momentum buffer accumulates
 *     lr*g/sqrt(v + eps) (lr inside the buffer).
 *   - SGD: lr 0.01; momentum as v = mu*v - lr*g, p += v (lr inside the
 *     buffer: the same as PyTorch while lr is constant, not after a
 *     schedule changes it); no dampening.
 *   - Adagrad: lr 1e-3, initial_accumulator 0.1, epsilon 1e-7.
 *   - Keras's kernel_regularizer L2(l) adds l*sum(w^2) to the loss: its
 *     gradient is 2*l*w, so it equals weight_decay 2*l here, restricted to
 *     the kernels (not biases); the runtime models it as a per-layer penalty,
 *     not through these optimizers. */
typedef enum RtOptimKind {
    RT_OPT_SGD, RT_OPT_ADAM, RT_OPT_ADAMW, RT_OPT_RMSPROP, RT_OPT_ADAGRAD
} RtOptimKind;

typedef struct RtOptimConfig {
    RtOptimKind kind;
    double lr;
    double weight_decay;          /* PyTorch semantics: L2 into the gradient
                                     (decoupled for adamw) */
    double momentum, dampening;   /* sgd; momentum also for rmsprop */
    int    nesterov;              /* sgd */
    double beta1, beta2, eps;     /* adam, adamw; eps also rmsprop, adagrad */
    int    amsgrad;               /* adam, adamw */
    double alpha;                 /* rmsprop smoothing constant */
    int    centered;              /* rmsprop */
    double lr_decay;              /* adagrad */
    double initial_accumulator;   /* adagrad */
} RtOptimConfig;

/* Fills `c` with PyTorch's defaults for `kind` (lr included). */
void rt_optim_defaults(RtOptimConfig *c, RtOptimKind kind);
/* "sgd", "adam", "adamw", "rmsprop", "adagrad"; "?" for anything else. */
const char *rt_optim_name(RtOptimKind kind);

typedef struct RtOptim RtOptim;

/* Checks the configuration as PyTorch does (lr, eps, weight_decay,
 * momentum, alpha, lr_decay, initial_accumulator >= 0; betas in [0, 1);
 * nesterov needs momentum > 0 and dampening 0) and allocates the state for
 * `nparams` parameters; NULL with `err` set on a bad value or no memory. */
RtOptim *rt_optim_new(const RtOptimConfig *c, size_t nparams, RtError *err);
/* One update of params from grads (both nparams long), with the current
 * learning rate. NaN or inf in grads propagates into params, as in
 * PyTorch; the caller checks its loss. */
void     rt_optim_step(RtOptim *o, float *params, const float *grads);
void     rt_optim_set_lr(RtOptim *o, double lr);
double   rt_optim_lr(const RtOptim *o);
int64_t  rt_optim_steps(const RtOptim *o);  /* steps taken since reset */
const RtOptimConfig *rt_optim_config(const RtOptim *o);  /* lr: the initial */
/* The state as one flat array (moments, buffers; `*count` floats, possibly
 * 0) for saving and restoring alongside rt_optim_steps; layout per kind:
 * sgd [buf], adam/adamw [m v (vmax)], rmsprop [v (buf) (grad_avg)],
 * adagrad [sum], each nparams long. */
float   *rt_optim_state(RtOptim *o, size_t *count);
void     rt_optim_set_steps(RtOptim *o, int64_t steps);  /* after a restore */
void     rt_optim_reset(RtOptim *o);   /* zero state, step count 0 */
void     rt_optim_free(RtOptim *o);

/* ---- gradient clipping, over one flat gradient array ----
 * rt_clip_grad_norm is torch.nn.utils.clip_grad_norm_: the norm of order
 * norm_type (> 0, or INFINITY for max |g|) of the whole array; when
 * max_norm / (norm + 1e-6) < 1 every element is scaled by that factor.
 * Returns the norm before clipping (NaN, gradients untouched, when
 * norm_type is not > 0). A NaN or inf norm is returned as is and scales the
 * gradients by the same factor PyTorch would (its default
 * error_if_nonfinite=False): the caller decides whether to stop.
 * rt_clip_grad_value is clip_grad_value_: clamps each element to
 * [-clip_value, clip_value]. */
double rt_clip_grad_norm(float *grads, size_t n, double max_norm,
                         double norm_type);
void   rt_clip_grad_value(float *grads, size_t n, double clip_value);

/* ---- learning-rate schedules ----
 * A schedule maps the number of scheduler steps taken, t = 0, 1, 2, ...
 * (PyTorch's last_epoch: epochs for a per-epoch schedule, optimizer steps
 * for a per-step one), to a learning rate, in closed form:
 *   constant     base_lr
 *   step         base_lr * gamma^floor(t / step_size)          (StepLR)
 *   exponential  base_lr * gamma^t                             (ExponentialLR)
 *   cosine       eta_min + (base_lr - eta_min)(1 + cos(pi t / t_max)) / 2
 *                (CosineAnnealingLR; past t_max it rises again, as PyTorch's)
 * With warmup W > 0 the schedule is first a linear warm-up from
 * start_factor*base_lr to base_lr over W steps, then the schedule above
 * restarted at W: t < W gives base_lr*(start_factor + (1-start_factor)*t/W),
 * t >= W gives kind(t - W). That is PyTorch's SequentialLR([LinearLR(
 * start_factor, end_factor=1, total_iters=W), kind], milestones=[W]).
 * PyTorch computes these recursively (lr *= ...); the closed forms agree to
 * rounding (checked within 1e-9 relative over 30 steps). Differences: the
 * closed form ignores any other change to the lr (PyTorch's recursive form
 * would carry a manual or plateau change forward); the warm-up always ends
 * at 1 (LinearLR's end_factor), and start_factor 0, which torch 1.13
 * accepts and then divides by, is refused. */
typedef enum RtSchedKind {
    RT_SCHED_CONSTANT, RT_SCHED_STEP, RT_SCHED_EXPONENTIAL, RT_SCHED_COSINE
} RtSchedKind;

typedef struct RtSchedule {
    RtSchedKind kind;
    int64_t step_size;      /* step: decay every step_size steps (>= 1) */
    double  gamma;          /* step, exponential: decay factor */
    int64_t t_max;          /* cosine: half period (>= 1) */
    double  eta_min;        /* cosine: lowest lr */
    int64_t warmup;         /* linear warm-up steps, 0 = none */
    double  start_factor;   /* warm-up starts at start_factor*base_lr */
} RtSchedule;

/* Fills `s` with `kind` and PyTorch's defaults: gamma 0.1, step_size 1,
 * t_max 1, eta_min 0, no warm-up, start_factor 1/3 (LinearLR's). */
void   rt_sched_init(RtSchedule *s, RtSchedKind kind);
/* 0, or -1 with `err` set when a field is out of range. */
int    rt_sched_check(const RtSchedule *s, RtError *err);
double rt_sched_lr(const RtSchedule *s, double base_lr, int64_t t);

/* Reduce-on-plateau (ReduceLROnPlateau): fed the monitored metric once per
 * epoch; after more than `patience` epochs without an improvement (rel:
 * better than best*(1 -/+ threshold); abs: best -/+ threshold) the lr is
 * multiplied by factor, not below min_lr, and only if it changes by more
 * than eps; then `cooldown` epochs pass in which bad epochs do not count.
 * A NaN metric never improves. */
typedef struct RtPlateau {
    int     mode_max;       /* 0: the metric should fall (min), 1: rise */
    int     threshold_abs;  /* 0: relative threshold, 1: absolute */
    double  factor;         /* 0.1, in [0, 1) */
    int64_t patience;       /* 10 */
    double  threshold;      /* 1e-4 */
    int64_t cooldown;       /* 0 */
    double  min_lr;         /* 0 */
    double  eps;            /* 1e-8 */
    /* state, set by rt_plateau_init / rt_plateau_reset */
    double  best;
    int64_t num_bad_epochs, cooldown_counter, epochs;
} RtPlateau;

void   rt_plateau_init(RtPlateau *p);   /* PyTorch's defaults, fresh state */
int    rt_plateau_check(const RtPlateau *p, RtError *err);
void   rt_plateau_reset(RtPlateau *p);  /* state only; settings kept */
/* Takes this epoch's metric and the current lr; returns the lr to use. */
double rt_plateau_step(RtPlateau *p, double metric, double lr);

/* ---- closed-form least squares ----
 * Fits y ~ X w (+ b) by least squares in double precision, as
 * scikit-learn's LinearRegression does, and more accurately: with an
 * intercept the columns of X and y are centred; every column is then scaled
 * to unit norm (a column that centring leaves constant to within rounding,
 * e.g. a bias column, is set to zero and gets coefficient 0, the intercept
 * carrying it), and LAPACK's SVD-based dgelsd
 * solves the result, treating singular values below eps*max(n, d) times the
 * largest as zero (numpy's rcond), so a rank-deficient X (a constant column
 * beside the intercept, more columns than rows) gets the minimum-norm
 * solution. The scaling is what keeps degree-10 polynomial features of x in
 * [0, 10] accurate (predictions within ~1e-10 of the exact fit; unscaled, as
 * sklearn does it, ~1e-5). X is n rows of d values, row-major. */
typedef struct RtLstsq {
    size_t  nfeat;       /* d, the number of columns of X */
    double *coef;        /* d coefficients, owned; NULL before a fit */
    double  intercept;   /* 0 when fitted without one */
    int     rank;        /* effective rank of the (centred, scaled) X */
} RtLstsq;

/* Each returns 0, or -1 with `err` set (sizes, NaN or inf in the data, no
 * memory, LAPACK failure); `fit` is overwritten (free an earlier fit
 * first) and must be freed with rt_lstsq_free after a success. */
int    rt_lstsq_fit(RtLstsq *fit, const double *X, const double *y,
                    size_t n, size_t d, int with_intercept, RtError *err);
int    rt_lstsq_fit_f32(RtLstsq *fit, const float *X, const float *y,
                        size_t n, size_t d, int with_intercept, RtError *err);
/* out[i] = X[i] . coef + intercept, in double. */
void   rt_lstsq_predict(const RtLstsq *fit, const double *X, size_t n,
                        double *out);
void   rt_lstsq_predict_f32(const RtLstsq *fit, const float *X, size_t n,
                            float *out);
void   rt_lstsq_free(RtLstsq *fit);
/* Mean of (pred - y)^2; 0 for n == 0. */
double rt_lstsq_mse(const double *pred, const double *y, size_t n);

/* ==== section: training loop, evaluation, weight files (rt-train) ======
 * The loop the interpreter's `train` runs, usable from C on its own. It
 * owns nothing it is given: the model (built and initialised by the
 * caller), the data and the history arrays' owner is the caller (free the
 * history with rt_history_free). Everything a run needs (batch buffers,
 * orders, optimizer state, the best-weights copy, the history) is
 * allocated once when rt_train starts; nothing is allocated per step.
 *
 * One step, as PyTorch's loop and Keras's fit do it: forward in train mode
 * (dropout masks from (config.seed, layer, step), step counted from 0 in
 * this call), the loss plus the model's L2 penalty (Keras reports the loss
 * with its regularisation, and so does every loss here: batch, epoch,
 * validation, full-data and rt_evaluate), backward with the penalty's
 * gradient, clipping (norm first, then value, as Keras), the optimizer
 * update, then the full-data loss when asked for, then on_batch. Batches:
 * in order, or permuted each epoch with rt_rng_permutation on stream
 * RT_STREAM_SHUFFLE / epoch (0-based) under config.seed; the last batch of
 * an epoch is partial (DataLoader's drop_last=False). With sample_per_step,
 * step s draws `batch` samples without replacement with rt_rng_sample on
 * RT_STREAM_SAMPLE / s. An epoch is ceil(n / batch) steps in every mode.
 * Accuracy and losses of an epoch are means over its samples, each batch
 * weighted by its size. Validation and the full-data loss run in eval mode
 * in batches of the model's max batch. */

/* Samples and targets as flat arrays: x holds n samples of `shape` (per
 * sample, no batch dimension), y holds n targets of ydim floats each
 * (cross_entropy: ydim 1 holding the class index as a float). */
typedef struct RtData {
    const float *x;
    const float *y;
    int64_t      n;
    RtShape      shape;
    int64_t      ydim;
} RtData;

typedef enum RtMetric {
    RT_METRIC_LOSS, RT_METRIC_ACCURACY, RT_METRIC_VAL_LOSS, RT_METRIC_VAL_ACCURACY
} RtMetric;

const char *rt_metric_name(RtMetric m);      /* "loss", "val_accuracy", ... */

/* Keras's EarlyStopping: watch `monitor` after each epoch; an epoch
 * improves when it beats the best so far by more than min_delta (falls for
 * losses, rises for accuracies; NaN never improves); after an epoch that
 * does not improve, stop when `patience` epochs have passed since the last
 * one that did (never after the first epoch; patience 0 stops at the first
 * epoch that does not improve). restore_best keeps a copy of the weights
 * and batchnorm statistics of the best epoch (of the first epoch until one
 * improves, as Keras) and puts it back at the end of training, whether it
 * stopped early or not (Keras >= 2.11), also after a divergence, but not
 * after an interrupt (the caller asked to stop: the weights stay). */
typedef struct RtEarlyStop {
    int      enabled;
    RtMetric monitor;
    int64_t  patience;
    double   min_delta;
    int      restore_best;
} RtEarlyStop;

typedef struct RtBatchInfo {
    int64_t epoch, epochs;      /* 1-based epoch; epochs 0 when training by steps */
    int64_t batch, batches;     /* 1-based batch within the epoch, batches per epoch */
    int64_t step, steps;        /* 1-based global step; steps = total planned */
    int64_t size;               /* samples in this batch */
    double  loss, accuracy;     /* of this batch (accuracy NaN if not classifying) */
    double  lr;
    double  full_loss;          /* loss on all training data after the step, or NaN */
} RtBatchInfo;

typedef struct RtEpochInfo {
    int64_t epoch, epochs;          /* as RtBatchInfo */
    double  loss, accuracy;         /* sample-weighted means over the epoch */
    double  val_loss, val_accuracy; /* NaN without validation */
    double  lr;
    int     improved;               /* the monitor (early stopping's, or the
                                       checkpoint's) improved */
    double  seconds;                /* since training started */
    double  next_lr;                /* the next epoch's lr: below lr when
                                       reduce-on-plateau just cut it */
} RtEpochInfo;

typedef struct RtTrainConfig {
    RtLossKind    loss;
    RtOptimConfig optim;
    RtSchedule    schedule;        /* RT_SCHED_CONSTANT for none; the base
                                      lr is optim.lr */
    int           schedule_per_step; /* 0: t counts epochs, 1: steps */
    int           plateau_enabled; /* reduce-on-plateau, stepped each epoch;
                                      not with a schedule (an error) */
    RtPlateau     plateau;         /* settings (mode_max used as given: set
                                      it for an accuracy); state is reset */
    RtMetric      plateau_monitor;
    int64_t       epochs;          /* train for epochs ... */
    int64_t       steps;           /* ... or, when > 0, for this many steps
                                      (epochs of ceil(n/batch) steps, the
                                      last one partial) */
    int64_t       batch;           /* samples per step; 0 or more than the
                                      data = all of them; at most the
                                      model's max batch */
    int           shuffle;         /* a new permutation every epoch */
    int           sample_per_step; /* each step draws `batch` samples without
                                      replacement from all the data
                                      (seed 001, example 2) */
    double        val_split;       /* no validation set given: hold out this
                                      fraction, the last samples (Keras:
                                      floor(n * (1 - val_split)) train) ... */
    int           val_split_shuffle; /* ... or a shuffled one (stream
                                      RT_STREAM_SPLIT / 0), stratified by
                                      class for the classification losses
                                      (largest remainders); both parts keep
                                      the data's order */
    RtEarlyStop   early;
    const char   *checkpoint;      /* save the best weights here (safetensors,
                                      written to PATH.tmp and renamed)
                                      whenever the monitor improves; without
                                      early stopping the monitor is val_loss
                                      (loss without validation) */
    int           full_loss;       /* loss on all training data after every
                                      step (history.step_loss) */
    int           layer_stats;     /* per-layer evidence once an epoch
                                      (history.layer; see RtLayerStats);
                                      0 does no extra work at all */
    double        clip_norm;       /* > 0: clip gradients to this L2 norm */
    double        clip_value;      /* > 0: clip each gradient to +-this */
    uint64_t      seed;            /* shuffles, sampling, dropout, splits */
    RtThreads    *threads;         /* borrowed; the model uses it while
                                      training, then gets its own back;
                                      NULL leaves the model's own */
    /* Called after each batch / epoch; a nonzero return stops training
     * cleanly after that batch (Ctrl-C), with history.interrupted set: an
     * epoch cut short is recorded with the means of its steps and NaN
     * validation values, and no epoch callback. Neither is called for a
     * step whose loss is NaN or inf. */
    int         (*on_batch)(void *ctx, const RtBatchInfo *b);
    int         (*on_epoch)(void *ctx, const RtEpochInfo *e);
    void         *ctx;
} RtTrainConfig;

/* Sets the defaults: cross_entropy, adam (PyTorch defaults), no schedule,
 * PyTorch's plateau settings (off), 1 epoch, batch 32, shuffle on, no
 * validation, no early stopping (monitor val_loss, patience 0, as Keras),
 * seed 0, no threads, no callbacks. */
void rt_train_defaults(RtTrainConfig *c);

/* Per-layer evidence for diagnosis, gathered when layer_stats is on from
 * one training step an epoch: the epoch's last step, or the one before
 * when the last is a smaller remainder batch (a batch of 1 says little
 * about dead units). No extra forward or backward: the step's own
 * activations and gradients are read, and one copy of the parameters is
 * kept from before its update. Each array holds epochs x layers values,
 * epoch-major (epoch e, layer i at [e * layers + i]); NaN where a number
 * does not apply to the layer or the epoch ended before its step ran.
 *   grad_norm  ||dL/dW, dL/db|| of the step (with the L2 term, before
 *              clipping), layers with parameters
 *   step       ||w_after - w_before|| / ||w_before|| over weight and bias
 *              (inf when w_before is all zeros), layers with parameters
 *   dead       relu: the fraction of its units (per-sample outputs: a
 *              feature at one position for a convolution) that are 0 for
 *              every sample of the step's batch
 *   saturated  sigmoid: the fraction of the batch's outputs below 0.01 or
 *              above 0.99; tanh: of those with |y| > 0.99 */
typedef struct RtLayerStats {
    int     layers;            /* the model's layers; 0: not collected */
    int64_t batch;             /* samples of the last step measured */
    double *grad_norm, *step, *dead, *saturated;
} RtLayerStats;

/* What happened, epoch by epoch and step by step. Arrays hold `epochs`
 * (or `steps`) values (they are allocated for the planned counts; these
 * two say how many ran); val_* are NaN when there was no validation and
 * accuracy NaN when the loss is not a classification loss. A step whose
 * loss is NaN or inf is recorded, and counted in `steps`. */
typedef struct RtHistory {
    int64_t epochs;
    double *loss, *accuracy, *val_loss, *val_accuracy, *lr;
    int64_t steps;
    double *batch_loss, *batch_accuracy, *step_loss;  /* step_loss: NULL
                                                         unless full_loss */
    int64_t best_epoch;        /* 0-based epoch of the best monitored value, -1 */
    int     stopped_early;
    int     restored_best;     /* the weights are those of best_epoch */
    int     interrupted;       /* a callback asked to stop */
    int     diverged;          /* the loss became NaN or inf ... */
    int64_t diverged_step;     /* ... at this 1-based step ... */
    char    diverged_what[160];/* ... "loss is nan; first non-finite
                                  activations in layer 3 (dense(64))" */
    double  seconds;
    int64_t val_n;             /* validation samples used (split or given) */
    double *batch_lr;          /* the learning rate of each step */
    RtLayerStats layer;        /* per-layer evidence (layer_stats) */
} RtHistory;

/* Frees the arrays and resets h (best_epoch -1); safe on a reset h. */
void rt_history_free(RtHistory *h);

/* Trains m from its current weights. Returns 0 when training ended
 * (completed, stopped early, interrupted or diverged: h says which; the
 * weights are kept as they are then, or restored to the best epoch), -1
 * on an error (shapes or targets that do not fit the model, a bad
 * setting, a file that cannot be written, no memory) with err set; h is
 * overwritten (free an earlier one first), valid either way and holds
 * what ran. Targets are checked before training: class indices in range
 * for cross_entropy, values in [0, 1] for the binary losses, finite for
 * mse. A validation set given overrides val_split. A diverging step does
 * not update the weights. */
int rt_train(RtModel *m, const RtData *train, const RtData *val,
             const RtTrainConfig *c, RtHistory *h, RtError *err);

/* Loss and accuracy (NaN when not classifying) of m on d in eval mode, in
 * batches of `batch` (0: the model's max batch; more is an error). The
 * loss is the sample-weighted mean plus the model's L2 penalty (as Keras's
 * evaluate). Binary losses count each output's 0/1 decision (threshold 0
 * for bce_logits, 0.5 otherwise), averaged per sample. */
int rt_evaluate(RtModel *m, const RtData *d, RtLossKind loss, int64_t batch,
                double *loss_out, double *accuracy_out, RtError *err);
/* The model's outputs for n samples of x (out holds n * numel(output)). */
int rt_predict(RtModel *m, const float *x, int64_t n, int64_t batch,
               float *out, RtError *err);

/* Weights to a safetensors file (PyTorch-readable: F32 tensors named as
 * rt_model_tensor names them, then each batchnorm's I64
 * "layers.<i>.num_batches_tracked", with a __metadata__ entry {"format":
 * "pt", "producer": "fx VERSION"}) and back. Saving writes PATH.tmp and
 * renames it. Loading checks the whole file first (RT_ERR_FORMAT with the
 * byte offset for a malformed or truncated file, never a crash), then
 * every name (RT_ERR_SHAPE for a tensor the model lacks or the file
 * lacks; a num_batches_tracked sets the batchnorm's count), shape (RT_ERR_SHAPE) and
 * dtype (RT_ERR_FORMAT), naming the tensor; the model changes only when
 * everything loads. The optimizer's state is not saved. */
int rt_weights_save(RtModel *m, const char *path, RtError *err);
int rt_weights_load(RtModel *m, const char *path, RtError *err);

/* Tensors read from a weight file, as floats, for rt_weights_map. A tensor
 * that is not floating-point in the file has data NULL (any but a
 * PyTorch "*.num_batches_tracked" is an error); a one-element I64 tensor
 * (num_batches_tracked) has its value in ivalue, has_ivalue set. */
typedef struct RtWeightSrc {
    const char  *name;      /* as the file names it */
    const char  *dtype;     /* as the file has it: "F32", "BF16", "I64" */
    RtShape      shape;
    const float *data;      /* numel(shape) floats, or NULL */
    int64_t      ivalue;
    int          has_ivalue;
} RtWeightSrc;

/* Which model tensor each of src[0..n) goes to: map[i] (-1: not used;
 * -2 - L: the num_batches_tracked of batchnorm layer L).
 * By name when every file name (but num_batches_tracked) is the model's;
 * else by position in PyTorch's order (layer by layer: weight, bias,
 * running_mean, running_var, num_batches_tracked), *positional set. A
 * num_batches_tracked goes to the batchnorm whose running_var is the
 * same module's (the same name up to the last dot); a file without one
 * leaves the count at 0. Every shape is checked: RT_ERR_SHAPE naming both
 * shapes, or a tensor missing or left over; RT_ERR_FORMAT for a tensor
 * that is not floats. `path` names the file. */
int  rt_weights_map(RtModel *m, const RtWeightSrc *src, int64_t n,
                    const char *path, int *map, int *positional, RtError *err);
/* The same, with the file's tensor names given: names[k] for the model's
 * k-th tensor in PyTorch's order (as rt_weights_map by position takes
 * them); file tensors not named are not used, and a batchnorm's
 * num_batches_tracked goes with its running_var as above (it is not
 * named). Errors (RT_ERR_SHAPE) set *item to the index of the name at
 * fault, or -1 for a count that does not match: a name not in the file,
 * a name given twice, a num_batches_tracked named, a shape mismatch
 * naming both shapes. */
int  rt_weights_map_given(RtModel *m, const RtWeightSrc *src, int64_t n,
                          const char *const *names, int count,
                          const char *path, int *map, int *item,
                          RtError *err);
/* The model's tensor indices in PyTorch's order, into order[count]. */
void rt_weights_torch_order(RtModel *m, int *order);
/* Copies the mapped tensors (and counts) into the model. */
void rt_weights_apply(RtModel *m, const RtWeightSrc *src, int64_t n,
                      const int *map);
/* Every tensor of a safetensors file as floats (F64, F16 and BF16
 * converted exactly or, for F64, rounded to nearest); integer tensors have
 * data NULL. Free with rt_weights_src_free. */
int  rt_weights_read_st(const char *path, RtWeightSrc **src, int64_t *n,
                        RtError *err);
void rt_weights_src_free(RtWeightSrc *src, int64_t n);
/* Weights to a safetensors file named as PyTorch names an nn.Sequential
 * of the same layers ("0.weight", "3.running_var"; fx's layer index is the
 * module's index), with each batchnorm's "num_batches_tracked" (I64,
 * rt_model_batches_tracked), so load_state_dict(strict=True) takes it. */
int  rt_weights_save_torch(RtModel *m, const char *path, RtError *err);
/* "3.weight" for the model's tensor i, layers.3.weight. */
void rt_weights_torch_name(RtModel *m, int i, char *out, size_t cap);
/* Sorts tensors into the order PyTorch's state_dict gives them, from
 * their names alone (a safetensors file's order carries no meaning:
 * safetensors.torch.save_file sorts by dtype and name). */
void rt_weights_sort_torch(RtWeightSrc *src, int64_t n);
/* PyTorch's name ends in "num_batches_tracked". */
int  rt_weights_skipped(const char *name);
/* IEEE binary16 and bfloat16 bit patterns to float, exactly. */
float rt_f16_to_f32(uint16_t h);
float rt_bf16_to_f32(uint16_t h);

/* ==== end of sections ==================================================== */

#endif
