# Verdicts from the per-layer evidence of runs trained with diagnosis on
# (r.layers), each made to have its problem, and healthy runs without a
# layer verdict. Only what is asserted is printed (diagnose_layers.sh
# keeps the "layers:" lines): the digits depend on the BLAS kernel.
seed 11
let kinds = ["vanishing_gradients", "exploding_gradients", "dead_relu", "saturation", "step_size"]
fn layer_verdicts(r) {
    let out = []
    for k in kinds {
        if contains(r.diagnosis, k) { out = out + [k] }
    }
    return out
}
let d = random_data(1000, 10, dist: "uniform", classes: 2)

# r.layers: one record per layer, as summary numbers them; none without diagnosis
model mlp { dense(64) relu dense(1) sigmoid }
let plain = train mlp on d, optimizer: adam(lr: 0.001), epochs: 2, batch: 32, log: "none"
assert plain.layers == none, "no evidence without diagnosis"
let r = train mlp on d, optimizer: adam(lr: 0.001), epochs: 3, batch: 32, log: "none", diagnose: true
assert len(r.layers) == 4 and r.layers[2].name == "dense(1)", "a record per layer"
assert len(r.layers[0].grad_norm) == 3 and len(r.layers[0].step) == 3, "per-epoch lists"
assert r.layers[0].dead == none and r.layers[1].grad_norm == none, "none where it does not apply"
assert r.layers[1].dead[-1] >= 0 and r.layers[1].dead[-1] <= 1, "a share"
assert r.layers[3].saturated[-1] >= 0, "the output sigmoid is measured"
print "layers: fields", layer_verdicts(r)

# dead ReLUs: all-zero weights give relu inputs of exactly 0, whose
# gradient is 0, so the layer never wakes up
model zeros { dense(64, init: "zeros") relu dense(1) sigmoid }
r = train zeros on d, optimizer: adam(lr: 0.001), epochs: 3, batch: 32, log: "none", diagnose: true
assert r.layers[1].dead == [1, 1, 1], "every unit dead"
assert r.diagnosis.dead_relu.layer == 1, "the relu layer is named"
print "layers: zeros init", layer_verdicts(r), r.diagnosis.dead_relu.layer_name
# the same evidence diagnosed again from a record of curves
let back = diagnose({loss: r.loss, layers: r.layers})
assert contains(back, "dead_relu") and back.dead_relu.layer == 1, "r.layers read back"
let small = diagnose({loss: r.loss, layers: r.layers, layer_batch: 4})
assert not contains(small, "dead_relu"), "a batch of 4 is too few to call units dead"
print "layers: from a record", contains(back, "dead_relu"), contains(small, "dead_relu")
# ... and a huge learning rate pushes them below 0 for good
for s in [1, 2, 3] {
    r = train mlp on d, optimizer: sgd(lr: 10), epochs: 5, batch: 32, log: "none", diagnose: true, seed: s
    assert contains(r.diagnosis, "dead_relu"), "sgd lr 10, seed {s}: dead ReLUs"
}
print "layers: sgd lr 10", contains(r.diagnosis, "dead_relu")

# saturated sigmoids: weights N(0, 5) on 10 inputs in [0, 1]
model wide { dense(64, init: "normal", init_std: 5) sigmoid dense(1) sigmoid }
for s in [1, 2, 3] {
    r = train wide on d, optimizer: adam(lr: 0.001), epochs: 3, batch: 32, log: "none", diagnose: true, seed: s
    assert contains(r.diagnosis, "saturation"), "normal(5) init, seed {s}: saturated"
}
print "layers: wide init", r.diagnosis.saturation.layer_name

# vanishing gradients: nine sigmoid layers, each shrinking the gradient
model deep {
    dense(32) sigmoid dense(32) sigmoid dense(32) sigmoid dense(32) sigmoid dense(32) sigmoid
    dense(32) sigmoid dense(32) sigmoid dense(32) sigmoid dense(32) sigmoid dense(1) sigmoid
}
r = train deep on d, optimizer: sgd(lr: 0.01), epochs: 3, batch: 32, log: "none", diagnose: true
assert contains(r.diagnosis, "vanishing_gradients"), "a deep sigmoid MLP"
assert r.diagnosis.vanishing_gradients.layer == 0, "the first layer is named"
print "layers: deep sigmoid", r.diagnosis.vanishing_gradients.layer_name,
      contains(r.diagnosis, "vanishing_gradients")
print "layers: remedy", r.diagnosis.vanishing_gradients.remedy

# a learning rate far too low: the steps are below 1e-5
r = train mlp on d, optimizer: adam(lr: 0.0000001), epochs: 3, batch: 32, log: "none", diagnose: true
assert contains(r.diagnosis, "step_size") and r.diagnosis.step_size.numbers[0].op == "<", "lr 1e-7"
print "layers: lr 1e-7", r.diagnosis.step_size.layer_name, r.diagnosis.step_size.numbers[0].op

# healthy runs: no layer verdict
let m = moons(1000, noise: 0.2)
model relus { dense(32) relu dense(32) relu dense(2) }
model tanhs { dense(32) tanh dense(32) tanh dense(2) }
let h1 = train relus on m, optimizer: adam(lr: 0.01), epochs: 20, batch: 32, log: "none", diagnose: true
let h2 = train relus on m, optimizer: sgd(lr: 0.1, momentum: 0.9), epochs: 20, batch: 64, log: "none", diagnose: true
let h3 = train tanhs on m, optimizer: adam(lr: 0.01), epochs: 20, batch: 32, log: "none", diagnose: true
let ims = random_images(200, [3, 16, 16], classes: 10)
model cnn { conv2d(16, 3, pad: 1) relu maxpool(2) conv2d(32, 3, pad: 1) relu maxpool(2) flatten dense(10) }
let h4 = train cnn on ims, optimizer: adam(lr: 0.001), epochs: 3, batch: 64, log: "none", diagnose: true
for h in [h1, h2, h3, h4] { assert layer_verdicts(h) == [], "healthy: no layer verdict" }
print "layers: healthy", layer_verdicts(h1), layer_verdicts(h2), layer_verdicts(h3), layer_verdicts(h4)
