let d = random_images(10, 4, classes: 1)
