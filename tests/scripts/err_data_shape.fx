let d = random_images(10, [3, 0, 2])
