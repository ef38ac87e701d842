print num("12 apples")
