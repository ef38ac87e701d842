# The experiment words (model, train, plot, ...) are keywords only where
# their statements start; anywhere else they are ordinary names.
let train = 5
let model = {table: 1, plot: 2, summary: 3}
let seed = 42
print train, model.table, model.plot, model.summary, seed
fn sweep(on, to = 1) = on + to
print sweep(1, to: 2), sweep(on: 5)
let title = "t"; let from = 1; let save = 2; let evaluate = 4
let predict = 5; let bars = 6; let minimize = 7; let optimizer = 8
print title, from, save, evaluate, predict, bars, minimize, optimizer
for on in [1, 2] { print on }
train = train + 1
print train, record(model: 1, train: 2)
