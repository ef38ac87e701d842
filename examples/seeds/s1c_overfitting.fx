# Seed 001 (001_42de9b3fc324c79e.txt), example 3: model capacity and
# overfitting. y = x^3 + 2x^2 - 5x + 10 + N(0, 10), 200 points with x in
# [0, 10], a 70/30 train/test split; polynomial features of degree 1, 3
# and 10, fitted by least squares; train and test MSE as a grouped bar
# chart.
#
# What it shows: degree 1 underfits (both errors huge); degree 3 matches
# the true curve; degree 10 reaches a lower training error than degree 3
# by fitting the noise, and pays for it on the test set. With 140 training
# points and noise 10 that penalty is small (theory: train MSE about
# 100 (1 - p/140), test about 100 (1 + p/140) for p coefficients), smaller
# than how much one 60-point test set varies, so a single split, as in the
# document, may or may not show it. The second part repeats the whole
# experiment on 200 fresh data sets and compares the average errors,
# where the effect is clear; that is what the asserts check.
seed 42

fn cubic(x) = x^3 + 2*x^2 - 5*x + 10
let data = regression(cubic, 200, range: [0, 10], noise: 10)
let parts = split(data, 0.3)

let fits = sweep degree in [1, 3, 10] {
    model poly { polyfeat(degree) dense(1) }
    train poly on parts.train, validate: parts.test, loss: mse, solver: "lstsq"
}
bars fits.loss, fits.val_loss, labels: ["train MSE", "test MSE"], log: true,
     title: "Training vs test error for different model complexity (one split)"
table fits

# The same experiment on 200 new data sets: average errors per degree.
let degrees = [1, 3, 10]
let train_mse = [0, 0, 0]
let test_mse = [0, 0, 0]
let reps = 200
for rep in range(reps) {
    let d = regression(cubic, 200, range: [0, 10], noise: 10)
    let p = split(d, 0.3)
    for k in range(3) {
        model poly { polyfeat(degrees[k]) dense(1) }
        let r = train poly on p.train, validate: p.test, loss: mse, solver: "lstsq", log: "none"
        train_mse[k] += r.loss[-1] / reps
        test_mse[k] += r.val_loss[-1] / reps
    }
}
bars train_mse[1:], test_mse[1:], groups: ["degree 3", "degree 10"],
     labels: ["train MSE", "test MSE"],
     title: "Average over 200 data sets (degree 1, about 16000, left out)"
print format("degree 3:  train {:.1f}  test {:.1f}", train_mse[1], test_mse[1])
print format("degree 10: train {:.1f}  test {:.1f}", train_mse[2], test_mse[2])

assert train_mse[0] > 10 * test_mse[1], "degree 1 underfits"
assert train_mse[2] < train_mse[1], "degree 10 has a lower training error than degree 3"
assert test_mse[2] > test_mse[1], "degree 10 has a higher test error than degree 3"
