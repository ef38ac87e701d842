# Without the package (here: a directory that does not exist), a clear
# error naming the apt-get line.
FX_FASHION_MNIST_DIR=data/no-such-dir "$FX" -e 'let d = fashion_mnist(limit: 10)'
