# plot of lists of numbers: one curve each, labelled with the expression
# that made it, in a legend under the chart; y ticks at round numbers, x
# counting from 1. title "..." at the end of the statement.
let train_loss = [2.3, 1.9, 1.6, 1.4, 1.25, 1.15, 1.1, 1.05, 1.02, 1]
let val_loss = [2.35, 2.0, 1.8, 1.7, 1.65, 1.66, 1.7, 1.75, 1.8, 1.9]
plot train_loss, val_loss title "loss"
plot [0.1, 0.4, 0.5, 0.7, 0.72], width: 40, height: 6
