# seed 1.5: today "..., got another number". Expected: the number itself.
seed 1.5
