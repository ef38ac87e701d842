let d = fashion_mnist("tests")
