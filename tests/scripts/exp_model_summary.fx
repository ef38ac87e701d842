# model and summary: a dense stack, its summary for an input shape given as
# a list or taken from a dataset, and the model value's fields.
model mlp {
    dense(16) relu
    dense(8, activation: "tanh")
    dense(3)
}
summary mlp, input: [4]
let d = random_data(10, 5, classes: 3, seed: 1)
summary mlp, input: d
print mlp
print mlp.name, len(mlp), mlp.trained, mlp.params
print mlp.layers
