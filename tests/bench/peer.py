# The PyTorch side of `make bench`: the same training as the w*.fx scripts
# (same model, data sizes, batch, optimizer, epochs), timed the same way:
# the training loop with its validation, data made beforehand. Prints the
# seconds per epoch, or for "conv" one line per convolution of W1:
# "NAME FORWARD_S BACKWARD_S" (medians of timed repeats).
# Usage: /usr/bin/python3 peer.py w1|w2|w3|w4|w5|conv EPOCHS THREADS
import gzip, os, statistics, sys, time
import torch
import torch.nn as nn

kind, epochs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(threads)
torch.manual_seed(0)


def cnn(c, h, f1, f2, hidden=0):
    layers = [nn.Conv2d(c, f1, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
              nn.Conv2d(f1, f2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten()]
    flat = f2 * (h // 4) * (h // 4)
    if hidden:
        layers += [nn.Linear(flat, hidden), nn.ReLU(), nn.Dropout(0.5), nn.Linear(hidden, 10)]
    else:
        layers += [nn.Linear(flat, 10)]
    return nn.Sequential(*layers)


def idx(path):
    with gzip.open(path) as f:
        raw = f.read()
    ndim = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return torch.frombuffer(bytearray(raw[4 + 4 * ndim:]), dtype=torch.uint8).reshape(dims)


def fit(model, x, y, loss_fn, batch, lr=0.001, val=None):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y),
                                         batch_size=batch, shuffle=True)
    for _ in range(epochs):
        model.train()
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        if val is not None:
            model.eval()
            with torch.no_grad():
                out = model(val[0])
                loss_fn(out, val[1]).item()
                (out.argmax(1) == val[1]).float().mean().item()


def conv_probe():
    # W1's two convolutions at batch 64: forward, and backward to the
    # weights (and to the input for the second, whose input is a layer's).
    for name, c, h, f, need_dx in (("conv1", 3, 32, 16, False), ("conv2", 16, 16, 32, True)):
        layer = nn.Conv2d(c, f, 3, padding=1)
        x = torch.randn(64, c, h, h, requires_grad=need_dx)
        fwd, bwd = [], []
        for _ in range(30):
            t0 = time.perf_counter()
            out = layer(x)
            t1 = time.perf_counter()
            out.backward(torch.ones_like(out))
            t2 = time.perf_counter()
            fwd.append(t1 - t0)
            bwd.append(t2 - t1)
        print("%s %.9f %.9f" % (name, statistics.median(fwd[5:]), statistics.median(bwd[5:])))


start = time.perf_counter()
if kind == "conv":
    conv_probe()
    sys.exit(0)
if kind == "w1":
    x, y = torch.randn(1000, 3, 32, 32), torch.randint(0, 10, (1000,))
    val = (torch.randn(200, 3, 32, 32), torch.randint(0, 10, (200,)))
    start = time.perf_counter()
    fit(cnn(3, 32, 16, 32), x, y, nn.CrossEntropyLoss(), 64, val=val)
elif kind == "w2":
    x, y = torch.randn(1000, 3, 32, 32), torch.randint(0, 10, (1000,))
    start = time.perf_counter()
    fit(cnn(3, 32, 16, 32, hidden=128), x, y, nn.CrossEntropyLoss(), 32)
elif kind in ("w3", "w4"):
    x, y = torch.rand(1000, 10), torch.randint(0, 2, (1000, 1)).float()
    start = time.perf_counter()
    for lr in ([0.001] if kind == "w3" else [0.1, 0.01, 0.001, 0.0001]):
        model = nn.Sequential(nn.Linear(10, 64), nn.ReLU(), nn.Linear(64, 1), nn.Sigmoid())
        fit(model, x, y, nn.BCELoss(), 32, lr=lr)
elif kind == "w5":
    d = os.environ.get("FX_FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")
    x = idx(os.path.join(d, "train-images-idx3-ubyte.gz")).float().div_(255).unsqueeze(1)
    y = idx(os.path.join(d, "train-labels-idx1-ubyte.gz")).long()
    start = time.perf_counter()
    fit(cnn(1, 28, 8, 16), x, y, nn.CrossEntropyLoss(), 64)
else:
    sys.exit("peer.py: unknown workload " + kind)
print("%.6f" % ((time.perf_counter() - start) / epochs))
