print linspace(0)
