# A real run with exploding gradients (the rule's other tests build the
# per-layer rows by hand): inputs left unscaled (std 100) into a deep tanh
# net whose hidden layers start large (normal, std 0.5 on 32 inputs, past
# the edge of chaos), so the backward pass grows through each layer and the
# first layer's gradient, proportional to its inputs, ends 100 to 300 times
# the last one's (explode_ratio is 70), over 3 seeds. The same net with
# the default initialisation on standardised inputs is the control. Only
# verdicts are printed: the digits depend on the BLAS kernel.
seed 11
let raw = random_data(1000, 10, std: 100, classes: 2)
let scaled = random_data(1000, 10, classes: 2)
model chaotic {
    dense(32, init: "normal", init_std: 0.005) tanh
    dense(32, init: "normal", init_std: 0.5) tanh
    dense(32, init: "normal", init_std: 0.5) tanh
    dense(32, init: "normal", init_std: 0.5) tanh
    dense(32, init: "normal", init_std: 0.5) tanh
    dense(32, init: "normal", init_std: 0.5) tanh
    dense(32, init: "normal", init_std: 0.5) tanh
    dense(32, init: "normal", init_std: 0.5) tanh
    dense(32, init: "normal", init_std: 0.5) tanh
    dense(1) sigmoid
}
model control {
    dense(32) tanh
    dense(32) tanh
    dense(32) tanh
    dense(32) tanh
    dense(32) tanh
    dense(32) tanh
    dense(32) tanh
    dense(32) tanh
    dense(32) tanh
    dense(1) sigmoid
}
for s in [1, 2, 3] {
    let r = train chaotic on raw, optimizer: sgd(lr: 0.0001), epochs: 3, batch: 32, log: "none",
                diagnose: true, seed: s
    assert contains(r.diagnosis, "exploding_gradients"), format("seed {}: the gradients explode", s)
    assert r.diagnosis.exploding_gradients.layer == 0, "the first layer is named"
    let c = train control on scaled, optimizer: sgd(lr: 0.0001), epochs: 3, batch: 32, log: "none",
                  diagnose: true, seed: s
    assert not contains(c.diagnosis, "exploding_gradients"), format("seed {}: the control does not explode", s)
    print format("seed {}: exploding {} (layer {}), control exploding {}", s,
                 contains(r.diagnosis, "exploding_gradients"), r.diagnosis.exploding_gradients.layer_name,
                 contains(c.diagnosis, "exploding_gradients"))
}
