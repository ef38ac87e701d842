let epochs = 20
let n = epocs * 2
