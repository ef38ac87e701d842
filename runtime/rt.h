/* The public header of fx's training runtime: tensors, RNG, layers, losses,
 * optimizers, schedules, least squares, the training loop, weight files.
 * The interpreter includes only this header. Knows nothing of the fx
 * language: usable from a ten-line C program. Prefix rt_, types Rt*. */
#ifndef FX_RT_H
#define FX_RT_H

#include <stddef.h>
#include <stdint.h>

const char *rt_version(void);

/* ---- errors -------------------------------------------------------------
 * Functions that can fail take an RtError * (may be NULL) and return NULL
 * or a negative number; the message is lower case, no trailing period,
 * e.g. "dense(10) expects 2048 inputs, got 1000 from flatten". */
typedef enum RtErrorCode {
    RT_OK = 0,
    RT_ERR_NOMEM,     /* an allocation failed or was refused as too large */
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
} RtError;

void rt_error_set(RtError *e, RtErrorCode code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ==== section: tensors, RNG, layers, losses, models, training (rt-core) == */
/* Conventions: float32 everywhere; tensors are contiguous, row-major, NCHW
 * for images. "Per-sample" shapes leave out the batch dimension. Nothing
 * here keeps global mutable state: every object is created, owned and
 * freed by the caller. */

/* ---- memory --------------------------------------------------------------
 * Every runtime allocation goes through rt_alloc: count * size is checked
 * for overflow and against the machine's physical memory before anything
 * is allocated; a refused or failed request is RT_ERR_NOMEM with a message
 * naming `what`. Memory is zeroed and 64-byte aligned; free with rt_free. */
void   *rt_alloc(int64_t count, size_t size, const char *what, RtError *err);
void    rt_free(void *p);
int64_t rt_physical_memory(void);   /* bytes, from sysconf */

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
 *   RT_STREAM_USER     anything                    scripts' own draws */
typedef enum RtStreamPurpose {
    RT_STREAM_INIT = 1, RT_STREAM_DATA, RT_STREAM_SHUFFLE, RT_STREAM_DROPOUT,
    RT_STREAM_SPLIT, RT_STREAM_SAMPLE, RT_STREAM_USER
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
 * (threshold 0.5 on probabilities, 0 on logits). */
int64_t rt_count_correct(const float *out, const float *target, int64_t n,
                         int64_t dim, float threshold);

/* ---- layer specs ---------------------------------------------------------
 * A model is a sequence of plain layer specs. Fill them with the rt_layer_*
 * constructors (which set the defaults) and then adjust fields. */
typedef enum RtLayerKind {
    RT_LAYER_DENSE, RT_LAYER_CONV2D, RT_LAYER_MAXPOOL2D, RT_LAYER_AVGPOOL2D,
    RT_LAYER_FLATTEN, RT_LAYER_DROPOUT, RT_LAYER_BATCHNORM, RT_LAYER_RELU,
    RT_LAYER_LEAKY_RELU, RT_LAYER_SIGMOID, RT_LAYER_TANH, RT_LAYER_SOFTMAX,
    RT_LAYER_POLYFEAT
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

/* Display name, e.g. "dense(10)", "conv2d(16, 3, stride: 2, pad: 1)",
 * "maxpool2d(2)", "dropout(0.5)", "leaky_relu(0.01)", "polyfeat(3)". */
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
 * also saves num_batches_tracked; this runtime has no such tensor.
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
 * (llm.c style); their state is one allocation sized at creation. Update
 * rules and defaults are PyTorch's (torch.optim). */
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

typedef struct RtOptim RtOptim;

RtOptim *rt_optim_new(const RtOptimConfig *c, size_t nparams, RtError *err);
/* One update of params from grads, with the current learning rate. */
void     rt_optim_step(RtOptim *o, float *params, const float *grads);
void     rt_optim_set_lr(RtOptim *o, double lr);
double   rt_optim_lr(const RtOptim *o);
void     rt_optim_reset(RtOptim *o);   /* zero state, step count 0 */
void     rt_optim_free(RtOptim *o);

/* ==== end of sections ==================================================== */

#endif
