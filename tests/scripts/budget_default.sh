# Without --max-memory or FX_MAX_MEMORY the budget is a quarter of
# MemAvailable when fx starts: a request of a hundred gigabytes is refused
# at once, and the budget it names is within a third of MemAvailable / 4
# (other programs move MemAvailable between the two readings).
exec 2>&1
unset FX_MAX_MEMORY
err=$("$FX" -e 'model m { dense(1e9) }
train m on random_data(10, 4), epochs: 1' 2>&1); echo "status $?"
echo "$err" | sed -n 's/.*\(needs 111.8 GiB\), more than the memory budget of.*/\1/p'
have=$(echo "$err" | sed -n 's/.*memory budget of \([0-9.]*\) \([KMG]\)iB.*/\1 \2/p')
avail=$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo)
echo "$have $avail" | awk '{ u = $2 == "G" ? 1048576 : $2 == "M" ? 1024 : 1;
    q = $3 / 4; b = $1 * u;
    if (b > q * 0.67 && b < q * 1.5) print "a quarter of MemAvailable";
    else print "budget " b " KiB, MemAvailable/4 " q " KiB" }'
"$FX" -e 'let s = join(range(1000000), sep: "x" * 100000)' 2>&1 | head -n 1 | cut -c1-60
