let r = {lr: 0.1, batch: 8, lr: 0.2}
