# The same weights evaluate to the same loss however the model was made:
# today a run (built for its training batch, 10) and its weights loaded
# back (built for 64) sum the loss in other batches and differ in the last
# digit (1.7440054107269325 and 1.744005410726933).
seed 3
let d = blobs(40, centers: 3, std: 2)
model m { dense(8, activation: "relu") batchnorm dense(3) }
let r = train m on d, epochs: 2, batch: 10, log: "none"
save r to "../tmp/exp_evaluate_reload.safetensors"
let w = load_weights(m, "../tmp/exp_evaluate_reload.safetensors", input: [2])
let a = evaluate r on d
let b = evaluate w on d
print a == b
