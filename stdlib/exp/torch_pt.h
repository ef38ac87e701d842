/* PyTorch state dicts as torch.save writes them (the zip format of
 * PyTorch 1.6 and later): a zip archive of ARCHIVE/data.pkl, a pickle of
 * an OrderedDict of tensors whose storages are persistent ids, and
 * ARCHIVE/data/KEY, each storage's raw little-endian bytes. The pickle is
 * read by a small VM that knows only the opcodes and the globals a state
 * dict uses; it builds values, never calls or imports anything. Knows
 * nothing of calls or values: errors go into an FxDataError. */
#ifndef FX_EXP_TORCH_PT_H
#define FX_EXP_TORCH_PT_H

#include <stddef.h>
#include <stdint.h>
#include "data/data.h"
#include "rt.h"

/* One tensor of the pickle: its storage and view. */
typedef struct FxPtTensor {
    char   *name;               /* the state dict's key (owned) */
    char    key[32];            /* the storage's file: data/KEY */
    char    dtype[8];           /* "F32", "F64", "F16", "BF16", "I64", ... */
    int     elem;               /* bytes per element */
    int64_t numel;              /* of the storage */
    int64_t offset;             /* storage offset, in elements */
    int     ndim;
    int64_t dim[RT_MAX_DIMS], stride[RT_MAX_DIMS];
} FxPtTensor;

/* Runs the pickle b[0..n) (`name` names it in messages): *out gets the
 * state dict's tensors in order (free with fx_pt_tensors_free). An unknown
 * opcode or global, or anything but a dict of tensors, is an error naming
 * the byte of the pickle where it is. */
int  fx_pt_unpickle(const unsigned char *b, size_t n, const char *name, FxPtTensor **out,
                    int *count, FxDataError *e);
void fx_pt_tensors_free(FxPtTensor *t, int count);

/* Every tensor of the state dict in the file at path, as floats (F64,
 * F16 and BF16 converted; integer tensors have data NULL). Free with
 * rt_weights_src_free. */
int  fx_pt_read(const char *path, RtWeightSrc **src, int64_t *n, FxDataError *e);

#endif
