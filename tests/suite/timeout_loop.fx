# Times out: never ends; fx test kills it at --timeout and calls it an error.
let n = 0
while true {
    n = n + 1
}
