# The example of fx(1): a failed assert is exit status 1.
"$FX" -e 'assert 1 + 1 == 3, "arithmetic is broken"'
