print format("{:d}", 2.5)
