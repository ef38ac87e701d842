# split, take, normalize and concat: sizes, disjoint parts, class shares.
let d = random_data(50, 1, seed: 3)
let s = split(d, 0.2)
print s.train
print s.test
# The parts are disjoint and together hold every sample (the features are
# continuous, so no two samples share a value).
let all = sort(s.train.x + s.test.x)
assert all == sort(d.x)
for i in range(1, len(all)) { assert all[i] != all[i - 1] }
# The same seed: gives the same split; shuffle: false takes the tail as is.
assert split(d, 0.2, seed: 9).test.x == split(d, 0.2, seed: 9).test.x
let tail = split(d, 0.2, shuffle: false)
assert tail.test.x == take(d, 40, 50).x and tail.train.x == take(d, 40).x
# A whole number is a count of test samples.
print len(split(d, 7).test), len(split(d, 7, shuffle: false).train)
# Keras keeps int(50 * (1 - 0.25)) = 37 for training, scikit-learn tests ceil(12.5) = 13.
print len(split(d, 0.25, shuffle: false).test), len(split(d, 0.25).test)

# stratify: the test part keeps each class's share.
let b = blobs(100, centers: [[0, 0], [3, 3], [6, 0], [9, 3]])
let st = split(b, 0.3, stratify: true)
print st.test.counts, st.train.counts

# take: the first k, a slice, negative positions from the end.
print take(d, 2).origin, len(take(d, 2)), len(take(d, 10, 20)), len(take(d, -5)), len(take(d, -5, 50))
assert take(d, 3).x == [d.x[0], d.x[1], d.x[2]]

# normalize: mean 0, std 1 per feature; like: uses another set's numbers.
let w = random_data(200, 3, mean: 5, std: 2, seed: 4)
let z = normalize(w)
print z
for j in range(3) {
    let col = map(z.x, fn(row) => row[j])
    assert abs(mean(col)) < 1e-6 and abs(std(col) - 1) < 1e-6
}
let col0 = map(w.x, fn(row) => row[0])
let z2 = normalize(take(w, 2), like: w)
assert abs(z2.x[1][0] - (w.x[1][0] - mean(col0)) / std(col0)) < 1e-6

# concat: a's samples, then b's.
let c = concat(take(d, 2), take(d, 45, 50))
print c
assert c.x == [d.x[0], d.x[1]] + take(d, 45, 50).x

# split() of a string is still the string split: one name, two meanings.
print split("a,b,c", ","), split("x y"), split("1-2", sep: "-")
