let loss = 0.5
print loss[0]
