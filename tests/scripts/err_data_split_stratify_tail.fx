let s = split(moons(10), 0.2, shuffle: false, stratify: true)
