# An unknown layer name, found before anything runs.
model m {
    dense(4) relux
    dense(2)
}
