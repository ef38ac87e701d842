print sort([2, "1"])
