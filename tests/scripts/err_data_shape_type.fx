let d = random_images(10, "3x32x32")
