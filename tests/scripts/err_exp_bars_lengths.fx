# Every bars series needs as many values as the first.
bars [1, 2], [1, 2, 3]
