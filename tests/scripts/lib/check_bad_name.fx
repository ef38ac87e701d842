let epochs = 3
print epocs
