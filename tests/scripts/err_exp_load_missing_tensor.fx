# load_weights where the model has a layer the file lacks.
seed 1
let d = blobs(12, centers: 3)
model a { dense(3) }
model b { dense(3) relu dense(3) }
let r = train a on d, epochs: 1, log: "none"
save r to "../tmp/err_exp_load_missing_tensor.safetensors"
let w = load_weights(b, "../tmp/err_exp_load_missing_tensor.safetensors", input: [2])
