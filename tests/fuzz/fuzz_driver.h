/* The driver every fuzz target but fuzz_npy includes: the target defines
 * FUZZ_NAME, FUZZ_COUNT (inputs of the deterministic loop), FUZZ_HOT (bytes
 * worth inserting), fuzz_one (one input: 1 when it parsed, 0 when it was
 * refused with a message; it aborts on a refusal without one) and
 * fuzz_seeds (valid inputs to mutate). Then:
 *
 *   fuzz_X                  a deterministic random-mutation loop over the
 *                           seeds (make test runs it in both builds)
 *   fuzz_X -n N [-s SEED]   N inputs from another seed
 *   fuzz_X FILE...          each file once (crash reproduction, AFL++)
 *   fuzz_X -seeds DIR       writes the seeds into DIR (a libFuzzer corpus)
 *
 * Built with -DFX_LIBFUZZER (make fuzz) it is a libFuzzer target instead. */
#ifndef FX_FUZZ_DRIVER_H
#define FX_FUZZ_DRIVER_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fx.h"

static int fuzz_one(const unsigned char *b, size_t n);

/* The input as a temporary file, for readers that take a path: path is a
 * mkstemp template, filled in. 0, or -1 with no file left behind. */
static inline int fuzz_temp_file(char *path, const void *b, size_t n)
{
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    int ok = write(fd, b, n) == (ssize_t)n;
    close(fd);
    if (!ok)
        unlink(path);
    return ok ? 0 : -1;
}
static int fuzz_seeds(FxBuf *sd, int max) __attribute__((unused));

#ifdef FX_LIBFUZZER
int LLVMFuzzerTestOneInput(const unsigned char *b, size_t n);
int LLVMFuzzerTestOneInput(const unsigned char *b, size_t n)
{
    fuzz_one(b, n);
    return 0;
}
#else

static uint64_t fuzz_rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* One to eight edits: bit flips, hot bytes, random bytes, insertions,
 * deletions, truncation. */
static size_t fuzz_mutate(const FxBuf *src, unsigned char *out, size_t cap, uint64_t *s)
{
    static const unsigned char hot[] = FUZZ_HOT;
    size_t n = src->len < cap ? src->len : cap;
    memcpy(out, src->s, n);
    int edits = 1 + (int)(fuzz_rnd(s) % 8);
    for (int k = 0; k < edits && n > 0; k++) {
        size_t at = (size_t)(fuzz_rnd(s) % n);
        switch (fuzz_rnd(s) % 6) {
        case 0: out[at] ^= (unsigned char)(1u << (fuzz_rnd(s) % 8)); break;
        case 1: out[at] = hot[fuzz_rnd(s) % sizeof hot]; break;
        case 2: out[at] = (unsigned char)fuzz_rnd(s); break;
        case 3:
            if (n < cap) {
                memmove(out + at + 1, out + at, n - at);
                out[at] = hot[fuzz_rnd(s) % sizeof hot];
                n++;
            }
            break;
        case 4: memmove(out + at, out + at + 1, n - at - 1); n--; break;
        default: n = at; break;
        }
    }
    return n;
}

static int fuzz_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: cannot read %s\n", FUZZ_NAME, path);
        return 1;
    }
    unsigned char *b = malloc(1 << 24);
    size_t n = fread(b, 1, 1 << 24, f);
    fclose(f);
    fuzz_one(b, n);
    free(b);
    return 0;
}

static int fuzz_write_seeds(const FxBuf *sd, int ns, const char *dir)
{
    for (int i = 0; i < ns; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/seed-%03d", dir, i);
        FILE *f = fopen(path, "wb");
        if (!f || fwrite(sd[i].s, 1, sd[i].len, f) != sd[i].len || fclose(f) != 0) {
            fprintf(stderr, "%s: cannot write %s\n", FUZZ_NAME, path);
            return 1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    long count = FUZZ_COUNT;
    uint64_t seed = 0x9e3779b97f4a7c15u;
    int files = 0;
    FxBuf sd[64];
    int ns = fuzz_seeds(sd, 64);
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-n") && i + 1 < argc)
            count = atol(argv[++i]);
        else if (!strcmp(argv[i], "-s") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 0) | 1;
        else if (!strcmp(argv[i], "-seeds") && i + 1 < argc)
            return fuzz_write_seeds(sd, ns, argv[++i]);
        else if (fuzz_file(argv[i]) == 0)
            files++;
        else
            return 1;
    }
    int rc = 0;
    if (!files) {
        for (int i = 0; i < ns && !rc; i++)
            if (!fuzz_one((const unsigned char *)sd[i].s, sd[i].len)) {
                printf("not ok 1 - %s: seed %d is refused\n", FUZZ_NAME, i);
                rc = 1;
            }
        unsigned char *buf = malloc(1 << 16);
        long parsed = 0;
        for (long i = 0; i < count && !rc; i++) {
            size_t n = fuzz_mutate(&sd[fuzz_rnd(&seed) % (uint64_t)ns], buf, 1 << 16, &seed);
            parsed += fuzz_one(buf, n);
        }
        free(buf);
        if (!rc)
            printf("ok 1 - %s: %d seeds and %ld mutated inputs (%ld still parse), no crash\n",
                   FUZZ_NAME, ns, count, parsed);
    }
    for (int i = 0; i < ns; i++)
        fx_buf_free(&sd[i]);
    return rc;
}
#endif
#endif
