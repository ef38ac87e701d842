# Seed 001 (001_42de9b3fc324c79e.txt), example 1: gradient descent on
# f(x) = x^2 - 4x + 3 from x = 0 with learning rates 0.01, 0.1, 0.2, 0.5,
# 100 iterations each, f after every iteration, one curve per rate.
#
# What it shows: a small rate (0.01) makes slow, steady progress; larger
# rates converge faster. The document also says 0.2 and 0.5 oscillate and
# that 0.5 first increases f: on this f they do not. Each step multiplies
# the distance to the minimum x = 2 by (1 - 2 lr): 0.6 for lr 0.2 and 0
# for lr 0.5 (one step lands on the minimum). Oscillation needs
# 1 - 2 lr < 0, that is lr > 0.5, so the sweep adds lr 0.9 (factor -0.8:
# x jumps from side to side) and lr 1.05 (factor -1.1: it diverges).
fn f(x) = x^2 - 4*x + 3

let runs = sweep lr in [0.01, 0.1, 0.2, 0.5, 0.9, 1.05] {
    minimize f from 0, lr: lr, steps: 100
}
let seed_rates = sweep lr in [0.01, 0.1, 0.2, 0.5] { minimize f from 0, lr: lr, steps: 100 }
plot seed_rates.f title "f(x) per iteration for the document's four learning rates"
plot runs[4].path, runs[5].path[:20], labels: ["lr=0.9", "lr=1.05"],
     title: "x per iteration: lr 0.9 jumps across x = 2, lr 1.05 flies off"
table runs

assert runs[0].f[-1] > -0.95, "lr 0.01 is still far from the minimum after 100 steps"
assert abs(runs[1].f[-1] + 1) < 1e-9, "lr 0.1 converges to the minimum f = -1"
assert runs[3].f[0] == -1, "lr 0.5 reaches the minimum in one step"
assert runs[4].path[0] > 2 and runs[4].path[1] < 2, "lr 0.9 jumps over the minimum and back"
assert runs[5].f[-1] > runs[5].f[0], "lr 1.05 diverges"
