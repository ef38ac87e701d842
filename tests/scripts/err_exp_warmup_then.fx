# warmup(then: plateau()): today "needs step_lr, exponential_lr or
# cosine_lr, got a schedule", though plateau() is one. Expected: say that
# plateau cannot follow a warm-up (wording a guess).
let s = warmup(5, then: plateau())
