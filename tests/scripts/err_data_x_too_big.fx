# d.x would be a list of 3 million numbers: an error at the field, suggesting take.
let d = random_images(1000, [3, 32, 32])
print len(take(d, 10).x)
print d.x
