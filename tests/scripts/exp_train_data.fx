# Training on data from a CSV file, from IDX files, from dataset() lists,
# and after normalize.
seed 2
fn f4(xs) = join(map(xs, fn (x) => format("{:.4f}", x)), " ")
let c = load_csv("data/good.csv")
print c
model m { dense(2) }
let r = train m on c, epochs: 2, batch: 2, log: "none"
print f4(r.loss), f4(r.accuracy)
let img = load_idx("data/tiny-images-idx3-ubyte.gz", "data/tiny-labels-idx1-ubyte.gz")
print img
model cnn { conv2d(2, 2) relu flatten dense(img.classes) }
let r2 = train cnn on img, epochs: 2, log: "none"
print f4(r2.loss)
# XOR from lists: needs the hidden layer.
let xor = dataset([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0])
print xor
model mlp { dense(8, activation: "tanh") dense(2) }
let r3 = train mlp on xor, epochs: 200, batch: 4, optimizer: adam(lr: 0.05), log: "none"
print f4([r3.loss[-1]]), r3.accuracy[-1]
# normalize: each feature to mean 0, std 1; like: uses another set's numbers.
let b = blobs(40, centers: 2, std: 3)
let s = split(b, 0.25)
let tr = normalize(s.train)
let te = normalize(s.test, like: s.train)
let r4 = train m on tr, validate: te, epochs: 2, batch: 10, log: "none"
print f4(r4.val_loss)
