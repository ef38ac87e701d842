# Seed 001 (001_42de9b3fc324c79e.txt), example 3: model capacity and
# overfitting. y = x^3 + 2x^2 - 5x + 10 + N(0, 10), 200 points with x in
# [0, 10], a 70/30 train/test split; polynomial features of degree 1, 3
# and 10, fitted by least squares; train and test MSE as a grouped bar
# chart.
#
# What it shows: degree 1 underfits (both errors large); degree 3 matches
# the true curve; degree 10 has the lowest training error but a higher
# test error than degree 3: it fits the noise.
seed 42

let data = regression(fn (x) => x^3 + 2*x^2 - 5*x + 10, 200, range: [0, 10], noise: 10)
let parts = split(data, 0.3)

let fits = sweep degree in [1, 3, 10] {
    model poly { polyfeat(degree) dense(1) }
    train poly on parts.train, validate: parts.test, loss: mse, solver: "lstsq"
}
bars fits.loss, fits.val_loss, labels: ["train MSE", "test MSE"], log: true,
     title "Training vs test error for different model complexity"
table fits

assert fits[0].loss[-1] > 10 * fits[1].loss[-1], "degree 1 underfits"
assert fits[2].loss[-1] < fits[1].loss[-1], "degree 10 has a lower training error than degree 3"
assert fits[2].val_loss[-1] > fits[1].val_loss[-1], "degree 10 has a higher test error than degree 3"
