print log10(-1)
