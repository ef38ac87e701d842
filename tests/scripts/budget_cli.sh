# --max-memory and FX_MAX_MEMORY take a size with K, M, G or T (powers of
# 1024); anything else is a usage error (exit status 2) before running.
exec 2>&1
for v in 0 -1 abc 1X 1.5Q "" 1e30; do
    "$FX" --max-memory "$v" -e 'print 1'; echo "status $?"
done
# after -e CODE every word is an argument of the script
"$FX" -e 'print 1' --max-memory; echo "status $?"
"$FX" --max-memory; echo "status $?"
FX_MAX_MEMORY=lots "$FX" -e 'print 1'; echo "status $?"
# good forms: a byte count, k/K, M, MiB, MB, G, a fraction
for v in 4096k 64M 64MiB 64MB 1G 1.5G 1T 100000000; do
    "$FX" --max-memory "$v" -e 'print 1'; echo "status $?"
done
# An empty variable is no setting.
FX_MAX_MEMORY= "$FX" -e 'print 2'; echo "status $?"
