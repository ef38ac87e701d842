let x = (1 +
