print true && false
