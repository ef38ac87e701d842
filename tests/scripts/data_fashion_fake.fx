# fashion_mnist() reads the directory FX_FASHION_MNIST_DIR names, here a
# stand-in with 12 training and 6 test images (data/make_idx.py).
let tr = fashion_mnist()
let te = fashion_mnist("test")
print tr
print te
print fashion_mnist(part: "train", limit: 5)
print tr.y, te.y
print tr.x[0][0][0][0], tr.x[0][0][0][27], tr.x[1][0][5][3]
