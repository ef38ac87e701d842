# tests/numcmp.awk, the comparison of NAME.tol tests: numbers within the
# relative tolerance, or one unit of the last digit written, match; a
# larger difference, other text, another count of numbers or of lines do
# not.
d=$(mktemp -d)
printf 'loss 2.24447112909497, acc 0.5\n{"v": 6.196194342209209e+22}\n' >"$d/want"
cmp_to() { printf "$1" >"$d/got"; awk -v tol=1e-5 -f ../numcmp.awk "$d/want" "$d/got"
           echo "exit $?"; }
cmp_to 'loss 2.244471090550951, acc 0.5\n{"v": 6.196192900912441e+22}\n'
cmp_to 'loss 2.2445, acc 0.5\n{"v": 6.196194342209209e+22}\n'
cmp_to 'loss 2.24447112909497, acc: 0.5\n{"v": 6.196194342209209e+22}\n'
cmp_to 'loss 2.24447112909497, acc 0.5 1\n{"v": 6.196194342209209e+22}\n'
cmp_to 'loss 2.24447112909497, acc 0.5\n'
# printed with 4 decimals, a value by a rounding boundary: one unit of the
# last digit either way matches, two do not, and whole numbers match exactly
printf 'epoch 3/6  loss 6.3292e+10\n' >"$d/want"
cmp_to 'epoch 3/6  loss 6.3293e+10\n'
cmp_to 'epoch 3/6  loss 6.3294e+10\n'
cmp_to 'epoch 4/6  loss 6.3292e+10\n'
rm -rf "$d"
