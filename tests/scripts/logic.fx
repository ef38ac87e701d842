# 'and' and 'or' evaluate their right side only when needed.
let calls = 0
fn yes() {
    calls += 1
    return true
}
fn no() {
    calls += 1
    return false
}
print false and yes(), calls
print true or yes(), calls
print true and yes(), calls
print false or no(), calls
print no() and yes(), calls
print yes() or no(), calls
print not true, not false, not not true
print true and true and false, false or false or true
print not false and false, not (false and false)
