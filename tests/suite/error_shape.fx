# Errs: the model's layer does not fit the data (a runtime error, not a
# failed check).
seed 3
let d = random_images(20, [1, 8, 8], classes: 2)
model bad { dense(4) relu dense(2) }
assert 1 == 1, "before the error"
let r = train bad on d, epochs: 1, batch: 10
assert 2 == 2, "never reached"
