let xs = [1, 2]
fro x in xs {
    print x
}
