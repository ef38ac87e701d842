# The optimizer statement needs an optimizer.
optimizer opt = 0.01
