# min() takes any number of positional arguments and no keywords.
print min(3, 1, key: 2)
