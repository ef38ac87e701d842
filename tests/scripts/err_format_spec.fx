print format("{:.2q}", 1)
