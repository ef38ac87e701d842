/* The text of train's progress: durations as Keras writes them ("850ms",
 * "2.3s", "1m05s"; per step "10ms/step") and the progress bar a terminal
 * shows during an epoch. Pure formatting into caller buffers: no clock,
 * no terminal, no allocation, so tests pin the text with fixed numbers. */
#ifndef FX_EXP_PROGRESS_H
#define FX_EXP_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

/* A duration: under 1 s in whole ms, under 10 s with one decimal, under a
 * minute in whole seconds, then minutes and seconds ("12m05s"). */
void fx_fmt_duration(char *out, size_t cap, double seconds);

/* Time per step: "850us/step", "10ms/step", "1.2s/step". */
void fx_fmt_per_step(char *out, size_t cap, double seconds);

typedef struct FxProgress {
    int64_t epoch, epochs;    /* 1-based */
    int64_t batch, batches;   /* batches done in this epoch, of */
    double  loss;             /* the epoch's running mean loss so far */
    double  elapsed;          /* seconds since the epoch began */
} FxProgress;

/* "  epoch 3/20 [=========>...........] 12/32  loss: 0.1234 - 2.1s
 * 10ms/step - ETA 5s", as Keras's bar: running loss, elapsed time, time
 * per step, and the time left. */
void fx_progress_text(char *out, size_t cap, const FxProgress *p);

#endif
