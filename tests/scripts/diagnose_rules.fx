# diagnose(): each rule fires on a history made to show it, and a healthy
# history gets "healthy". Histories are records of per-epoch curves.
let healthy = {loss: [1, 0.6, 0.4, 0.3, 0.25, 0.23, 0.225, 0.224],
               val_loss: [1.05, 0.65, 0.45, 0.35, 0.3, 0.28, 0.27, 0.27]}
let over = {loss: [1, 0.6, 0.4, 0.3, 0.2, 0.1, 0.05, 0.02],
            val_loss: [1, 0.7, 0.6, 0.65, 0.7, 0.8, 0.9, 1.0]}
let nan_run = {loss: [1, 0.8, nan]}
let osc = {loss: [1, 0.7, 0.8, 0.6, 0.75, 0.55, 0.7, 0.5]}
let flat = {loss: [1, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99], val_loss: [1, 1, 1, 1, 1, 1, 1, 1]}
let memo = {loss: [2.3, 1.5, 0.8, 0.3, 0.1, 0.05], val_loss: [2.3, 2.3, 2.4, 2.5, 2.6, 2.8],
            accuracy: [0.1, 0.4, 0.7, 0.9, 0.98, 0.99], val_accuracy: [0.1, 0.11, 0.09, 0.1, 0.1, 0.11],
            classes: 10, val_n: 200}
let d = diagnose(healthy)
assert keys(d) == ["healthy"], "a healthy run is said to be healthy"
d = diagnose(over)
assert contains(d, "overfitting") and d.overfitting.epoch == 3, "overfitting from the val minimum"
d = diagnose(over, overfit_epochs: 6)
assert not contains(d, "overfitting"), "a threshold can be overridden"
d = diagnose(nan_run)
assert keys(d) == ["divergence"] and d.divergence.epoch == 3, "NaN is divergence"
assert contains(diagnose(osc), "oscillation"), "rises and falls"
assert contains(diagnose(flat), "underfitting"), "high and flat"
d = diagnose(memo)
assert contains(d, "memorisation") and contains(d, "overfitting"), "random labels memorised"
print d.memorisation.numbers[0]
