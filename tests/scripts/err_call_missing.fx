fn area(width, height) = width * height
print area(3)
