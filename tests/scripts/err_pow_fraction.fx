print (-8)^(1/3)
