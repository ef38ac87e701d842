let s = split(regression(fn(x) => x, 10), 0.2, stratify: true)
