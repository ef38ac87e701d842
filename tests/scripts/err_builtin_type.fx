print exp("2")
