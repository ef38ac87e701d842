# Records: fields in the order written, read with a dot or a string index.
let r = {loss: 0.5, epoch: 3, name: "base"}
print r
print r.loss, r.epoch, r["name"], {}
r.loss = 0.25
r.note = "new field"
print r
let nested = {a: {b: {c: [1, {d: "deep"}]}}}
print nested.a.b.c[1].d, nested
print {x: 1, y: 2} == {y: 2, x: 1}, {x: 1} == {x: 1, y: 2}, {x: [1]} != {x: [2]}
let multi = {
    lr: 0.1,
    batch: 64,
}
print multi, len(multi), keys(multi)
