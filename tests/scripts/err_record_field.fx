let r = {loss: 0.5, accuracy: 0.9}
print r.accuracy
print r.acuracy
