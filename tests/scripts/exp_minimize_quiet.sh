# --quiet keeps training's divergence line but hides minimize's; expected:
# both kept, as results (or both hidden; the point is that they agree).
"$FX" -q -e 'fn f(x) = x^2
let m = minimize f from 1, lr: 1.5, steps: 1000
print m.diverged'
