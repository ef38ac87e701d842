plot [1, 2, 3], smooth: 1.5
