print round(2.5, digits: 1, digits: 2)
