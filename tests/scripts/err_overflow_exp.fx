print exp(1000)
