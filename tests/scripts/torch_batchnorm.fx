# Batchnorm's running statistics and num_batches_tracked from PyTorch
# (tests/fixtures/gen_torch_digits.py): a CNN with BatchNorm2d and an MLP
# with BatchNorm1d, each trained 5 steps in train mode by torch, then
# saved by torch.save (.pt) and in safetensors.torch.save_file's layout.
# fx loads each (the mapping shows num_batches_tracked = 5 read) and its
# eval-mode outputs on 8 samples are torch's to 1e-6 (relative to the
# largest output): the running mean and var are used, not batch ones.
import "data/torch/expected_bn.fx"
model cnn(input: [1, 8, 8]) { conv2d(8, 3, pad: 1) batchnorm relu maxpool(2) flatten dense(10) }
model mlp(input: [1, 8, 8]) { flatten dense(16) batchnorm relu dense(10) }
let d = take(load_npy("data/torch/digits_x.npy", "data/torch/digits_y.npy"), 8)
fn worst(p, want) {
    let big = 1
    let err = 0
    for i in range(len(want)) {
        for j in range(len(want[i])) {
            big = max(big, abs(want[i][j]))
            err = max(err, abs(p[i][j] - want[i][j]))
        }
    }
    return err / big
}
for net in [{m: cnn, name: "cnn", want: want_bn.cnn}, {m: mlp, name: "mlp", want: want_bn.mlp}] {
    for ext in [".pt", ".safetensors"] {
        let w = load_weights(net.m, "data/torch/digits_bn_" + net.name + ext)
        let p = predict w on d
        let e = worst(p, net.want)
        assert e < 1e-6, net.name + ext + format(": eval outputs differ from torch's by {}", e)
        print net.name + ext + ": eval outputs match torch's to 1e-6"
    }
}
