print format("loss {:.3f", 0.5)
