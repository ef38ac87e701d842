let cost = 3 $ 4
