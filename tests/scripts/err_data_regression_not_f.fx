let d = regression(3, 10)
