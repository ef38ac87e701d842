let r = {steps: 1}
r.step += 1
