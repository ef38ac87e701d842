# .json is written as JSON lines, which is not one JSON document. Expected:
# refused like any other extension (or written as a JSON array; the error
# is a guess at the fix).
save [0.5, 0.25] to "../tmp/list.json"
