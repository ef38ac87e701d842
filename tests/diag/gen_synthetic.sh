#!/bin/sh
# Writes tests/diag/synthetic.runs: made-up run histories, each with one
# known defect (or none), in the corpus format (README). Every family is
# a formula for the epoch curves plus Gaussian noise from awk's seeded
# rand(), and the batch losses are the epoch curve plus batch noise, so
# the labels hold by construction. Usage: sh gen_synthetic.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
awk -f - >"$here/synthetic.runs.tmp" <<'AWK'
function gauss() { return sqrt(-2 * log(1 - rand())) * cos(6.283185307 * rand()) }
function list(key, x, n,   i, s) {
    s = key ":"
    for (i = 1; i <= n; i++) s = s " " sprintf("%.6g", x[i])
    print s
}
# Batch losses: spb steps per epoch about the epoch curve L, spread sd
# times the curve's value.
function batches(L, E, spb, sd,   e, j, k) {
    k = 0
    for (e = 1; e <= E; e++)
        for (j = 1; j <= spb; j++) B[++k] = L[e] * (1 + sd * gauss())
    NB = k
}
function head(name, how, expect, allow, classes, val_n) {
    print "run " name
    print "source: synthetic: " how
    print "expect: " expect
    print "allow: " allow
    print "classes: " classes
    print "val_n: " val_n
}
function tail(E, classes, hasval) {
    list("loss", L, E)
    if (classes) list("accuracy", A, E)
    if (hasval) { list("val_loss", V, E); if (classes) list("val_accuracy", VA, E) }
    list("batch_loss", B, NB)
    print "end"; print ""
}
# A healthy run: exponential decay to a floor, validation a little above.
function healthy(i,   E, e, f, tau, l0) {
    E = 12 + i % 3 * 6; f = 0.05 + 0.1 * (i % 4); tau = 2 + i % 3; l0 = 0.7 + 0.3 * (i % 2)
    for (e = 1; e <= E; e++) {
        L[e] = f + (l0 - f) * exp(-e / tau) * (1 + 0.02 * gauss())
        V[e] = L[e] * 1.1 + 0.01 * f * gauss()
        A[e] = 0.95 - 0.4 * exp(-e / tau); VA[e] = A[e] - 0.03
    }
    batches(L, E, 30, 0.1)
    head("healthy_" i, "exponential decay to a floor, validation 10% above", "healthy", "",
         i % 2 ? 2 : 0, 200)
    tail(E, i % 2 ? 2 : 0, 1)
}
# Overfitting: the validation loss turns at epoch t and climbs.
function overfit(i,   E, e, t) {
    E = 30; t = 8 + 2 * i
    for (e = 1; e <= E; e++) {
        L[e] = 0.05 + 0.9 * exp(-e / 4)
        V[e] = 0.3 + 0.9 * exp(-e / 4) + (e > t ? 0.03 * (e - t) : 0) + 0.005 * gauss()
    }
    batches(L, E, 20, 0.1)
    head("overfit_" i, "training loss decays, validation turns at epoch " t, "overfitting",
         "", 0, 200)
    tail(E, 0, 1)
}
# Oscillation: the loss zigzags about a high level instead of falling.
function oscillate(i,   E, e) {
    E = 10 + 2 * i
    for (e = 1; e <= E; e++) {
        L[e] = 0.75 - 0.005 * e + (e % 2 ? 0.02 : -0.02) * (1 + 0.3 * gauss())
        A[e] = 0.5 + (e % 2 ? -0.03 : 0.03)
    }
    batches(L, E, 30, 0.05)
    B[1] = L[1]
    head("oscillate_" i, "loss zigzags by 0.04 about 0.7", "oscillation",
         "gradient_noise plateau underfitting", 2, 0)
    tail(E, 2, 0)
}
# Gradient noise: a slowly falling loss whose batches scatter by 15%.
function noisy(i,   E, e) {
    E = 10
    for (e = 1; e <= E; e++) { L[e] = 0.69 - 0.004 * e; A[e] = 0.5 + 0.005 * e }
    batches(L, E, 100 + 20 * i, 0.15)
    head("noise_" i, "batch losses scatter 15% about a slow fall", "gradient_noise",
         "slow underfitting plateau", 2, 0)
    tail(E, 2, 0)
}
# Slow learning: a steady geometric fall, still 7% an epoch at the end.
function slow(i,   E, e, r) {
    E = 20 + 5 * i; r = 0.93 - 0.01 * i
    for (e = 1; e <= E; e++) { L[e] = 0.2 + 10 * r ^ e; V[e] = 0.25 + 10 * r ^ e }
    batches(L, E, 4, 0.01)
    head("slow_" i, "geometric fall by " r " an epoch, far above its floor 0.2", "slow", "", 0, 500)
    tail(E, 0, 1)
}
# Plateau: the loss falls to 60% of its start, then stays there.
function plateau(i,   E, e) {
    E = 16 + 2 * i
    for (e = 1; e <= E; e++) {
        L[e] = (e <= 4 ? 1 - 0.1 * e : 0.6) + 0.0002 * gauss()
        V[e] = L[e] + 0.05
    }
    batches(L, E, 20, 0.02)
    head("plateau_" i, "falls to 0.6 in 4 epochs, then flat", "plateau", "", 0, 200)
    tail(E, 0, 1)
}
# Underfitting: both losses high and flat.
function underfit(i,   E, e) {
    E = 20
    for (e = 1; e <= E; e++) {
        L[e] = 0.69 - 0.01 * exp(-e) + 0.0005 * gauss(); V[e] = L[e] + 0.002
        A[e] = 0.55; VA[e] = 0.54
    }
    batches(L, E, 20, 0.02)
    head("underfit_" i, "both losses at 0.69 from the start", "underfitting", "plateau", 2, 200)
    tail(E, 2, 1)
}
# Divergence: the loss grows tenfold an epoch, or turns NaN.
function diverge(i,   E, e) {
    E = 6
    for (e = 1; e <= E; e++) L[e] = (i == 2 && e > 3) ? "nan" : 0.5 * 10 ^ (e - 1)
    batches(L, E, 10, 0.05)
    B[1] = 0.5
    if (i == 2) for (e = 31; e <= NB; e++) B[e] = "nan"
    head("diverge_" i, "loss x10 an epoch" (i == 2 ? ", NaN from epoch 4" : ""), "divergence",
         "lr_too_high", 0, 0)
    tail(E, 0, 0)
}
# Learning rate too high: early batch spikes, then stuck at chance.
function toohigh(i,   E, e) {
    E = 10
    for (e = 1; e <= E; e++) { L[e] = 0.6935 + 0.0005 * gauss(); A[e] = 0.5 + 0.01 * gauss() }
    batches(L, E, 30, 0.02)
    B[1] = 0.7; B[3 + i] = 8 + 4 * i; B[6 + i] = 3
    L[1] = 1.2
    head("toohigh_" i, "batch spike to " (8 + 4 * i) ", then stuck at 0.693, accuracy 0.5",
         "lr_too_high", "plateau underfitting oscillation gradient_noise", 2, 0)
    tail(E, 2, 0)
}
# Memorisation: random labels, train accuracy to 1, validation at 0.1.
function memorise(i,   E, e) {
    E = 30
    for (e = 1; e <= E; e++) {
        L[e] = 2.3 * exp(-e / (5 + i)); A[e] = 1 - 0.9 * exp(-e / (4 + i))
        V[e] = 2.3 + 0.05 * e; VA[e] = 0.1 + 0.01 * gauss()
    }
    batches(L, E, 7, 0.1)
    head("memorise_" i, "10 classes, train accuracy to 1, validation at chance", 
         "memorisation overfitting", "", 10, 200)
    tail(E, 10, 1)
}
BEGIN {
    print "# Written by tests/diag/gen_synthetic.sh: do not edit by hand."
    print ""
    srand(12)
    for (i = 0; i < 12; i++) healthy(i)
    for (i = 0; i < 4; i++) { overfit(i); oscillate(i); noisy(i); slow(i); plateau(i) }
    for (i = 0; i < 3; i++) { underfit(i); diverge(i); toohigh(i); memorise(i) }
}
AWK
mv "$here/synthetic.runs.tmp" "$here/synthetic.runs"
echo "$(grep -c '^run ' "$here/synthetic.runs") runs in $here/synthetic.runs"
