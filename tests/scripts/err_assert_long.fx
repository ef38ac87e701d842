# A long compared value is cut at 60 bytes, with "...".
assert range(100) == []
