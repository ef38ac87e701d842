# format(): {} takes the next argument, {N} argument N; {{ and }} are braces.
print format("{} and {}", 1, "two")
print format("{1} {0} {1}", "a", "b")
print format("{{literal}} {}", 42)
print format("no fields"), format("")
print format("{}", [1, "a"]), format("{}", {a: "x"}), format("{}", none), format("{}", true)
print format("epoch {} loss {:.4f}", 3, 0.28712)
print format("{} {}", 0.1 + 0.2, 1e-05)
