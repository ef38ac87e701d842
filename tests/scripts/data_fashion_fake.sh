# fashion_mnist() on a stand-in directory, so the test never needs the package.
FX_FASHION_MNIST_DIR=data/fake-fashion "$FX" data_fashion_fake.fx
