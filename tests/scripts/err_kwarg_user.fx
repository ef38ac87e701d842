fn train_for(epochs, lr = 0.1) = epochs * lr
print train_for(10, epocs: 3)
