# save RUN (or r.model) to "w.safetensors" writes the trained weights;
# load_weights(MODEL, file, input:) gives that model with them, which
# evaluates and predicts exactly as the run did.
seed 3
let d = blobs(40, centers: 3, std: 2)
model m { dense(8, activation: "relu") batchnorm dense(3) }
let r = train m on d, epochs: 2, batch: 10, log: "none"
save r to "../tmp/exp_weights.safetensors"
save r.model to "../tmp/exp_weights2.safetensors"
let w = load_weights(m, "../tmp/exp_weights.safetensors", input: [2])
let w2 = load_weights(m, "../tmp/exp_weights2.safetensors", input: d)
print w
fn show(e) = format("{:.6f} {:.4f}", e.loss, e.accuracy)
let a = evaluate r on d
let b = evaluate w on d
let c = evaluate w2 on d
print show(a), show(b), show(c)
let pr = predict r on take(d, 3)
let pw = predict w on take(d, 3)
print pr == pw
# A trained model knows its input shape, so load_weights needs none.
let w3 = load_weights(r, "../tmp/exp_weights.safetensors")
let e = evaluate w3 on d
print show(e)
