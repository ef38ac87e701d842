# A checkpoint that cannot be written: today training runs its first epoch,
# then fails with the caret under the whole train. Expected: the error
# before training, at the file name.
let d = blobs(10, centers: 2, seed: 1)
model m { dense(2) }
let r = train m on d, epochs: 3, checkpoint: "/nonexistent/dir/w.safetensors"
