let d = blobs(100, centers: [[0, 0], [1]])
