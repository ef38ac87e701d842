# evaluate MODEL on DATA: a record of the loss (the run's own loss) and,
# when it classifies, the accuracy. A run, or its trained model, both work.
seed 3
let d = blobs(40, centers: 2, std: 3)
let s = split(d, 0.25)
model m { dense(4, activation: "relu") dense(2) }
let r = train m on s.train, validate: s.test, epochs: 2, batch: 10, log: "none"
let e = evaluate r on s.test
print keys(e), format("{:.4f} {:.4f}", e.loss, e.accuracy)
print format("{:.4f} {:.4f}", r.val_loss[-1], r.val_accuracy[-1])
let e2 = evaluate r.model on s.test
print e2 == e
# Weights read from a file evaluate with the loss the data calls for.
save r to "../tmp/exp_evaluate.safetensors"
let w = load_weights(m, "../tmp/exp_evaluate.safetensors", input: [2])
let e3 = evaluate w on s.test
print e3 == e
# Regression: no accuracy field.
let g = regression(fn (x) => 2*x, 20, range: [0, 1], noise: 0.1)
model lin { dense(1) }
let q = train lin on g, epochs: 2, batch: 5, log: "none"
let eq = evaluate q on g
print keys(eq)
# evaluate is a statement of its own too (its value is dropped).
evaluate q on g
