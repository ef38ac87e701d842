# solver: "lstsq" fits dense(1), or polyfeat(d) then dense(1), in closed
# form (as scikit-learn's LinearRegression): a run of one "epoch" whose loss
# is the training MSE and val_loss the validation MSE.
seed 1
fn f(x) = x^3 + 2*x^2 - 5*x + 10
let d = regression(f, 40, range: [-3, 3], noise: 1)
let s = split(d, 0.3)
model cubic { polyfeat(3) dense(1) }
let r = train cubic on s.train, validate: s.test, solver: "lstsq"
print r.epochs, format("{:.4f} {:.4f}", r.loss[0], r.val_loss[0]), r.status
# The fitted model predicts and evaluates like a trained one.
let e = evaluate r on s.test
print format("{:.4f}", e.loss)
let p = predict r on dataset([0, 1], [0, 0], classes: 0)
print map(p, fn (y) => format("{:.2f}", y))
# A plain linear model on two features; no validation, no val_loss.
let two = random_data(30, 2, targets: 1, seed: 2)
model lin { dense(1) }
let r2 = train lin on two, solver: "lstsq", label: "ols"
print r2.label, format("{:.4f}", r2.loss[0])
# solver: "gradient" is the default.
let r3 = train lin on two, solver: "gradient", epochs: 1, log: "none"
print r3.epochs
