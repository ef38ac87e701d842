# A model's name inside another model block splices in its layers.
model block { dense(8) relu }
model head { dense(2) }
model net { block block head }
summary net, input: [3]
print net
# polyfeat(degree, bias:): the powers of one input column.
model poly { polyfeat(3) dense(1) }
summary poly, input: [1]
model poly_b { polyfeat(2, bias: true) dense(1, bias: false) }
summary poly_b, input: [1]
