# A checkpoint that cannot be written: the error comes before training, at
# the file name, with the absolute path (its folder would be a file).
let d = blobs(10, centers: 2, seed: 1)
model m { dense(2) }
let r = train m on d, epochs: 3, checkpoint: "err_exp_checkpoint.fx/w.safetensors"
