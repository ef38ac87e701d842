print format("{lr}", 0.1)
