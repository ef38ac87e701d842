# predict MODEL on DATA: the model's outputs, one per sample: a number for
# one output, a list for several (logits, before any softmax).
seed 3
let d = blobs(20, centers: 3, std: 1)
model m { dense(3) }
let r = train m on d, epochs: 2, batch: 10, log: "none"
let p = predict r on take(d, 2)
print len(p), len(p[0])
print map(p, fn (row) => map(row, fn (x) => format("{:.3f}", x)))
# argmax of the outputs is the class the accuracy counts.
let all = predict r on d
let hits = 0
let ys = d.y
for i in range(len(all)) { if argmax(all[i]) == ys[i] { hits += 1 } }
let e = evaluate r on d
print hits / len(all), hits / len(all) == e.accuracy
let g = regression(fn (x) => 2*x, 10, range: [0, 1], noise: 0)
model lin { dense(1) }
let q = train lin on g, solver: "lstsq"
let y = predict q on g
print map(y, fn (v) => format("{:.3f}", v))
print map(g.y, fn (v) => format("{:.3f}", v))
