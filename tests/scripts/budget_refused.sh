# The memory budget (--max-memory, FX_MAX_MEMORY): every request whose size
# the script decides is refused before anything is allocated, with its
# location, the requested and the allowed size. Each line must end at once
# (the requests below would take gigabytes).
exec 2>&1
"$FX" --max-memory 1G -e 'let s = join(range(1000000), sep: "x" * 10000)'; echo "status $?"
"$FX" --max-memory 2G -e 'model m { dense(1e9) }
train m on random_data(10, 4), epochs: 1'; echo "status $?"
"$FX" --max-memory 1M -e 'let s = "ab" * 600000'; echo "status $?"
"$FX" --max-memory 1M -e 'let l = [0, 1] * 100000'; echo "status $?"
"$FX" --max-memory 1M -e 'let l = range(100000)'; echo "status $?"
"$FX" --max-memory 1M -e 'let s = "x" * 400000
let t = s + s + s'; echo "status $?"
"$FX" --max-memory 1M -e 'let l = range(30000)
let m = l + l + l'; echo "status $?"
"$FX" --max-memory 1M -e 'let s = join(["x" * 100] * 20000, sep: "")'; echo "status $?"
"$FX" --max-memory 1M -e 'let d = random_data(100000, 10)'; echo "status $?"
"$FX" --max-memory 100k -e 'let d = random_images(100, [3, 32, 32], classes: 10)'; echo "status $?"
FX_MAX_MEMORY=1M "$FX" -e 'let s = "ab" * 600000'; echo "status $?"
# the option wins over the variable
FX_MAX_MEMORY=1M "$FX" --max-memory 2M -e 'print len("ab" * 600000)'; echo "status $?"
# up to the budget, with what strings and lists hold already, is allowed;
# what is freed is given back
"$FX" --max-memory 1M -e 'print len("x" * 1048000)'; echo "status $?"
"$FX" --max-memory 1M -e 'let s = "x" * 700000
s = "y"
print len("z" * 700000)'; echo "status $?"
"$FX" --max-memory 1M -e 'print len("x" * 1048577)'; echo "status $?"
# data loaders: a file larger than the budget, pixels beyond it
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
awk 'BEGIN { print "a,b,label"; for (i = 0; i < 20000; i++) print i ",1.5,0" }' > "$tmp/big.csv"
{ "$FX" --max-memory 100K -e "let d = load_csv(\"$tmp/big.csv\", label: \"label\")"
  echo "status $?"; } 2>&1 | sed "s|$tmp|TMP|g"
"$FX" --max-memory 100 -e 'let d = load_idx("data/tiny-images-idx3-ubyte", "data/tiny-labels-idx1-ubyte")'
echo "status $?"
"$FX" --max-memory 10M -e "let d = load_csv(\"$tmp/big.csv\", label: \"label\")
print d.n"; echo "status $?"
