print sqrt(-4)
