# The PyTorch side of `make bench`: the same training as cnn.fx / mlp.fx,
# timed the same way (the training loop only, data made beforehand).
# Usage: /usr/bin/python3 peer.py cnn|mlp EPOCHS THREADS
import sys, time
import torch
import torch.nn as nn

kind, epochs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(threads)
torch.manual_seed(0)
if kind == "cnn":
    x, y = torch.randn(1000, 3, 32, 32), torch.randint(0, 10, (1000,))
    model = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(32 * 8 * 8, 10))
    loss_fn, batch = nn.CrossEntropyLoss(), 64
else:
    x, y = torch.rand(1000, 10), torch.randint(0, 2, (1000, 1)).float()
    model = nn.Sequential(nn.Linear(10, 64), nn.ReLU(), nn.Linear(64, 1))
    loss_fn, batch = nn.BCEWithLogitsLoss(), 32
opt = torch.optim.Adam(model.parameters(), lr=0.001)
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y),
                                     batch_size=batch, shuffle=True)
start = time.perf_counter()
for _ in range(epochs):
    model.train()
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
print("%.6f" % ((time.perf_counter() - start) / epochs))
