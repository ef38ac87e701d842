print log(0)
