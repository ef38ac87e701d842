fn train_for(lr = 0.1, epochs) = epochs
