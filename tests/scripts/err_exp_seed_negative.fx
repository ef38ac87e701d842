# seed -1: today "..., got another number". Expected: the number itself.
seed -1
