# model NAME(input:, init:) { ... }: an input shape (so summary needs none)
# and the default initialisation for the model's layers; a layer's own
# init: wins. init: "zeros" with lr 0 keeps the outputs at 0; bias: false
# drops the bias from the count.
seed 1
model m(input: [2], init: "glorot_uniform") {
    dense(3, bias: false) relu
    dense(2, init: "zeros")
}
summary m
model z(input: [2]) { dense(2, init: "zeros", bias: false) }
let d = blobs(6, centers: 2)
let r = train z on d, epochs: 1, optimizer: sgd(lr: 0), log: "none"
let p = predict r on take(d, 2)
print p
# Every initialisation name and its aliases (the same draws, thanks to
# train's seed:), and init_std for "normal".
for name in ["torch", "default", "glorot_uniform", "xavier_uniform", "glorot_normal",
             "xavier_normal", "he_normal", "kaiming_normal", "he_uniform",
             "kaiming_uniform", "zeros", "normal"] {
    model one { dense(2, init: name, init_std: 0.01) }
    let q = train one on d, epochs: 1, optimizer: sgd(lr: 0), log: "none", seed: 3
    let out = predict q on take(d, 1)
    print name, format("{:.4f} {:.4f}", out[0][0], out[0][1])
}
