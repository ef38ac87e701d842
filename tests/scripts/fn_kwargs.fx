# Any parameter may be named at the call, in any order, after the
# positional arguments; builtins take keyword arguments too.
fn box(width, height = 1, fill = "#") = fill * (width * height)
print box(3), box(2, height: 2), box(height: 2, width: 1, fill: "*"), box(2, fill: "+")
print round(3.14159, digits: 2), range(0, 10, step: 4), linspace(0, 1, n: 3)
print sort([3, 1, 2], reverse: true), join(["a", "b"], sep: "/"), split("a.b", sep: ".")
print sqrt(x: 16), len(x: "four")
