# Learning-rate schedules as values.
print step_lr(10)
print step_lr(5, gamma: 0.5, per_step: true)
print exponential_lr(0.9)
print cosine_lr(20)
print cosine_lr(100, eta_min: 0.0001, per_step: true)
print warmup(5)
print warmup(3, then: cosine_lr(20))
print warmup(100, then: step_lr(10), per_step: true)
print plateau()
print plateau(monitor: "val_accuracy", factor: 0.5, patience: 3)
print type(step_lr(1))
# The loss names are strings.
print cross_entropy, mse, binary_cross_entropy, bce
