# A newline does not end a statement inside ( ) or [ ], or after a comma,
# a binary operator, '=', '=>', ':', '.', 'not' or an opening bracket.
let xs = linspace(0, 10,
                  3)
let total = 1 +
            2 *
            3
let ys = [
    1,
    2,
]
let r = {
    a: 1,
    b: [1,
        2]
}
let r2 = {a: 1,
          b: 2}
print xs, total, ys, r, r2
let z = (1
   + 2
   - 1)
print z
print max(
    1,
    5
)
fn f(a,
     b) = a +
          b
print f(1,
  2), f(a: 1,
        b: 3)
let k = not
    false
let g = fn (x) =>
    x * 2
let p =
    10
print k, g(p), r.
    a
let cond = 1 < 2 and
           2 < 3
print cond
