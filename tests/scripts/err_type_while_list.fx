let queue = [1]
while queue { print pop(queue) }
