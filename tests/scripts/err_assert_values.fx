# A failed comparison shows both sides as the REPL echoes them: strings
# quoted, long values cut at 60 bytes.
let names = ["alpha", "beta"]
assert names[0] == "x" * 3
