# PyTorch's digits CNN (tests/fixtures/gen_torch_digits.py): fx loads its
# initial state_dict as torch.save wrote it, the data as a flat CSV and as
# NPY, trains 10 epochs of Adam without shuffling, and matches torch's
# loss to 1e-5 and accuracy exactly, epoch by epoch, both ways.
import "data/torch/expected.fx"
model cnn(input: [1, 8, 8]) {
    conv2d(8, 3, pad: 1) relu maxpool(2)
    conv2d(16, 3, pad: 1) relu maxpool(2)
    flatten dense(10)
}
let w = load_weights(cnn, "data/torch/digits_init.pt")
let csv = load_csv("data/torch/digits.csv", label: "label", shape: [1, 8, 8])
let npy = load_npy("data/torch/digits_x.npy", "data/torch/digits_y.npy")
for d in [csv, npy] {
    let r = train w on d, optimizer: adam(lr: 0.01), loss: cross_entropy, epochs: 10,
                batch: 32, shuffle: false, continue: true, log: "none"
    for i in range(10) {
        assert abs(r.loss[i] - want.loss[i]) < 1e-5, "loss of epoch " + format("{}", i + 1)
        assert r.accuracy[i] == want.accuracy[i], "accuracy of epoch " + format("{}", i + 1)
    }
    print format("{} samples: 10 epochs match torch; final loss {:.4f}, accuracy {}",
                 d.n, r.loss[-1], r.accuracy[-1])
}
