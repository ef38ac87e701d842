# An optimizer or schedule prints every setting that differs from its
# default, so a sweep over beta1 or momentum shows what each point used.
# Today these print as "adam(lr: 0.01)", "rmsprop(lr: 0.01)", ... The
# order and spelling follow the functions' parameters (a guess).
print adam(lr: 0.01, beta1: 0.8, beta2: 0.99, eps: 1e-6, amsgrad: true)
print rmsprop(alpha: 0.9, momentum: 0.5, centered: true)
print adagrad(lr: 0.1, lr_decay: 0.01, initial_accumulator: 0.1)
print sgd(lr: 0.1, momentum: 0.9, dampening: 0.1)
print warmup(3, start_factor: 0.1, then: cosine_lr(20))
print plateau(monitor: "loss", factor: 0.2, patience: 0, threshold: 0.01, cooldown: 1, min_lr: 1e-5)
