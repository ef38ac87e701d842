# Closures keep the variables around them alive, each call its own.
fn counter() {
    let n = 0
    return fn () {
        n += 1
        return n
    }
}
let a = counter()
let b = counter()
print a(), a(), a(), b(), a()
fn make_adder(k) = fn (x) => x + k
let add5 = make_adder(5)
print add5(1), make_adder(-1)(1)
let shared = 1
let read = fn () => shared
shared = 2
print read()
fn account(balance) {
    fn deposit(x) {
        balance += x
        return balance
    }
    return {deposit: deposit, get: fn () => balance}
}
let acc = account(10)
acc.deposit(5)
print acc.get(), acc.deposit(1)
