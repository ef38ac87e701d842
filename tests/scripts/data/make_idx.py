#!/usr/bin/env python3
"""Writes the tiny IDX files the data tests read (run from this folder).
The IDX format: two zero bytes, a type byte (0x08 unsigned bytes), the
number of dimensions, each size as a big-endian u32, then the data, last
index fastest. gzip with mtime 0 and no name, so the bytes never change."""
import gzip, struct

def idx(dims, data):
    return bytes([0, 0, 8, len(dims)]) + struct.pack('>%dI' % len(dims), *dims) + bytes(data)

def gz(name, raw):
    with open(name, 'wb') as f:
        with gzip.GzipFile(filename='', mode='wb', fileobj=f, mtime=0) as g:
            g.write(raw)

images = idx([5, 2, 3], [8 * i for i in range(30)])   # pixel i of all is 8i
labels = idx([5], [0, 1, 2, 1, 0])
gz('tiny-images-idx3-ubyte.gz', images)
gz('tiny-labels-idx1-ubyte.gz', labels)
open('tiny-images-idx3-ubyte', 'wb').write(images)    # plain files work too
open('tiny-labels-idx1-ubyte', 'wb').write(labels)
gz('four-labels-idx1-ubyte.gz', idx([4], [0, 1, 2, 1]))
gz('truncated-images-idx3-ubyte.gz', images[:-10])
gz('not-idx.gz', b'P5 28 28 255\n' + bytes(20))
gz('labels-2d-idx2-ubyte.gz', idx([5, 1], [0, 1, 2, 1, 0]))
gz('float-images-idx3.gz', bytes([0, 0, 0x0d, 3]) + struct.pack('>3I', 1, 1, 1) + bytes(4))
with open('cut-gzip-images.gz', 'wb') as f:             # a gzip stream cut short
    buf = gzip.compress(idx([5, 10, 10], [(i * i * 31 + 7) % 256 for i in range(500)]), mtime=0)
    f.write(buf[:len(buf) // 2])

# A stand-in for Debian's /usr/share/datasets/fashion-mnist: 12 training and
# 6 test images of 28x28 (pixel value = the label's intensity ramp).
import os
os.makedirs('fake-fashion', exist_ok=True)
for part, n in (('train', 12), ('t10k', 6)):
    labs = [(i * 7) % 10 for i in range(n)]
    pix = []
    for i in range(n):
        pix += [(labs[i] * 25 + (j % 28)) % 256 for j in range(28 * 28)]
    gz('fake-fashion/%s-images-idx3-ubyte.gz' % part, idx([n, 28, 28], pix))
    gz('fake-fashion/%s-labels-idx1-ubyte.gz' % part, idx([n], labs))
