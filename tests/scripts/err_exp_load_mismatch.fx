# load_weights from a file of another model: the tensor and both shapes.
seed 1
let d = blobs(12, centers: 3)
model a { dense(3) }
model b { dense(4) dense(3) }
let r = train a on d, epochs: 1, log: "none"
save r to "../tmp/err_exp_load_mismatch.safetensors"
let w = load_weights(b, "../tmp/err_exp_load_mismatch.safetensors", input: [2])
