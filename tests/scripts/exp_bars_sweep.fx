# bars of a sweep's fields: the groups are the points (seed 001's train and
# test MSE by polynomial degree).
seed 1
fn f(x) = x^3 + 2*x^2 - 5*x + 10
let d = regression(f, 40, range: [-3, 3], noise: 1)
let s = split(d, 0.3)
let runs = sweep degree in [1, 3, 6] {
    model poly { polyfeat(degree) dense(1) }
    train poly on s.train, validate: s.test, solver: "lstsq"
}
bars runs.loss, runs.val_loss, width: 60 title "mse by degree"
bars runs.loss, runs.val_loss, labels: ["train", "test"], groups: ["d1", "d3", "d6"], width: 60
let v = sweep k in [1, 2] { {a: k, b: k * k} }
bars v.a, v.b, width: 40
