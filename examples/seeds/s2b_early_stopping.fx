# Seed 002 (002_54895ae3430f2620.txt), example 2: early stopping on the
# validation accuracy with patience 10, the best weights saved to a file
# (torch.save(model.state_dict(), 'best_model.pth') in the document; here a
# safetensors file PyTorch can read).
#
# What it shows: an MLP on noisy two-moons data reaches its best
# validation accuracy early and then stops improving; training stops 10
# epochs later, and the file holds the weights of the best epoch: loaded
# back, they score exactly that best accuracy.
seed 3

let data = moons(600, noise: 0.35)
let parts = split(data, 0.3)

model mlp { dense(64) relu dense(64) relu dense(2) }
let r = train mlp on parts.train, validate: parts.test, optimizer: adam(lr: 0.001),
              epochs: 300, batch: 32,
              early_stopping: {monitor: "val_accuracy", patience: 10},
              checkpoint: "/tmp/fx_s2b_best.safetensors"
plot r.accuracy, r.val_accuracy title "accuracy per epoch"
print format("stopped after {} epochs; best val_accuracy {:.4f} at epoch {}",
             r.epochs, max(r.val_accuracy), r.best_epoch)

let best = load_weights(mlp, "/tmp/fx_s2b_best.safetensors", input: data)
let again = evaluate best on parts.test
print format("the saved weights score {:.4f} on the validation data", again.accuracy)

assert r.stopped_early, "training stopped before 300 epochs"
assert r.epochs == r.best_epoch + 10, "it stopped 10 epochs after the best one"
assert again.accuracy == max(r.val_accuracy), "the file holds the best epoch's weights"
