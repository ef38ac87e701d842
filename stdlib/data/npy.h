/* numpy's NPY format (numpy.lib.format, versions 1.0, 2.0 and 3.0) and the
 * zip archives NPZ files are, for load_npy, load_npz and `save d to
 * "x.npy"`: parsing a header from bytes in memory (never trusted: every
 * size is checked against the bytes there are before anything is used),
 * converting the data of any supported dtype and order to C-order floats,
 * writing arrays back, and reading and writing zip members. Knows nothing
 * of calls or values: errors go into an FxDataError. Shared by data_npy.c,
 * npy_format.c, npy_zip.c and their tests and fuzz target. */
#ifndef FX_DATA_NPY_H
#define FX_DATA_NPY_H

#include <stddef.h>
#include <stdint.h>
#include "data.h"

/* The longest header read (numpy's own limit for np.load is 10000 bytes). */
#define FX_NPY_MAX_HEADER (1 << 20)

typedef struct FxNpy {
    int     major, minor;       /* format version */
    char    kind;               /* 'b' bool, 'i' signed, 'u' unsigned, 'f' float */
    int     size;               /* bytes per element: 1, 2, 4 or 8 */
    int     big;                /* big-endian data */
    int     fortran;            /* column-major (Fortran) order */
    int     ndim;               /* 0 to RT_MAX_DIMS */
    int64_t dims[RT_MAX_DIMS];
    int64_t count;              /* elements: the product of dims */
    size_t  data_at;            /* where the data start, from the first byte */
    char    descr[24];          /* as written, e.g. "<f4" */
} FxNpy;

/* Parses the NPY file in b[0..len): magic, version, header and that its
 * data fit in what follows. `name` is how messages name the file; errors
 * go to e at `where`, naming the byte of the header at fault. */
int fx_npy_parse(const unsigned char *b, size_t len, const char *name, FxDataErrWhere where,
                 FxNpy *h, FxDataError *e);

/* The h->count elements at data, in C (row-major) order, as floats or
 * doubles. Fortran-ordered data are transposed. The caller checks values. */
void fx_npy_to_floats(const FxNpy *h, const unsigned char *data, float *out);
void fx_npy_to_doubles(const FxNpy *h, const unsigned char *data, double *out);

/* A version 1.0 header for C-ordered data of descr ("<f4", "<i8") and
 * dims, padded with spaces to a multiple of 64 bytes as numpy pads it. */
void fx_npy_write_header(FxBuf *b, const char *descr, int ndim, const int64_t *dims);

/* ---- zip archives (NPZ) --------------------------------------------------- */

typedef struct FxZipMember {
    char     name[256];         /* cut to fit */
    int      method;            /* 0 stored, 8 deflated */
    uint32_t crc;
    uint64_t csize, usize;      /* compressed and uncompressed sizes */
    uint64_t local;             /* offset of its local header */
} FxZipMember;

/* The members of the zip archive in b[0..len) (its central directory,
 * ZIP64 included); caller frees *out. -1 with e set when it is not one. */
int fx_zip_members(const unsigned char *b, size_t len, const char *name, FxDataErrWhere where,
                   FxZipMember **out, int *n, FxDataError *e);
/* Member m's bytes, stored or inflated, CRC checked (caller frees), or
 * NULL with e set. */
unsigned char *fx_zip_extract(const unsigned char *b, size_t len, const char *name,
                              FxDataErrWhere where, const FxZipMember *m, FxDataError *e);

/* Appends to a zip being built in z: add members, then finish once. */
typedef struct FxZipWriter {
    FxBuf    out;
    FxBuf    dir;               /* the central directory so far */
    int      count;
} FxZipWriter;

void fx_zip_begin(FxZipWriter *z);
/* A stored member; -1 when the archive would pass 4 GiB (no ZIP64 here). */
int  fx_zip_add(FxZipWriter *z, const char *name, const void *data, size_t len);
void fx_zip_finish(FxZipWriter *z);      /* appends the directory; z->out holds the file */
void fx_zip_free(FxZipWriter *z);

#endif
