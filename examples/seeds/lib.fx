# Measures the seed examples use in their asserts (imported by them).

# How much a curve goes up and down beyond its overall trend: the total
# variation minus the net change, per step. A curve that only falls (or
# only rises) scores 0; one that zigzags scores the size of its zigzags.
fn oscillation(xs) = (sum(map(diff(xs), fn (d) => abs(d))) - abs(xs[-1] - xs[0])) / (len(xs) - 1)

# The spread of step-to-step changes: how noisy a per-batch curve is.
fn noise(xs) = std(diff(xs))
