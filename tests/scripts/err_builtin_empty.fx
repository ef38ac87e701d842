print mean([])
