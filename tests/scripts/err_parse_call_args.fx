print linspace(0, 1 50)
