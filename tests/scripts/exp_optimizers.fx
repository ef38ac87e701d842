# The optimizers print with their learning rate and what differs from
# plain settings; their defaults are PyTorch's (sgd's lr is 0.01).
print sgd()
print sgd(lr: 0.1, momentum: 0.9, nesterov: true, weight_decay: 0.0001)
print sgd(momentum: 0.5)
print adam()
print adamw()
print adamw(weight_decay: 0)
print rmsprop()
print adagrad()
print adagrad(lr: 0.1, weight_decay: 0.5)
let o = sgd(lr: 0.5, momentum: 0.9)
print o.kind, o.lr, o.momentum, o.weight_decay
print adam().kind, adam().lr, adamw().weight_decay, rmsprop().lr, adagrad().lr
# The optimizer statement names one for later use.
optimizer opt = adam(lr: 0.003, weight_decay: 0.0001)
print opt
print type(opt)
