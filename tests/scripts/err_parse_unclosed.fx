let xs = linspace(0, 1,
                  11
print xs
