print format("{} of {}", 3)
