# Compares two outputs line by line, where numbers may differ by a relative
# tolerance: for script tests whose output prints full-precision results of
# BLAS products (training losses written to CSV/JSON), whose last bits
# depend on the kernel OpenBLAS picks for the CPU (FMA or not, AVX2 or
# AVX-512). Text between numbers must match exactly, and so must the count
# of lines and of numbers on each line; a difference is printed as a diff
# line and makes the exit status 1. A number written with a decimal point
# may also differ by one unit of its last digit (the finer of the two): a value a hair either side
# of a rounding boundary prints as 6.3292e+10 on one kernel and 6.3293e+10
# on another (whole numbers, such as epoch counts, must match exactly).
#   awk -v tol=1e-5 -f tests/numcmp.awk WANT GOT
function split_nums(s, parts,    n, re) {
    n = 0
    re = "[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?"
    while (match(s, re)) {
        parts[++n] = substr(s, 1, RSTART - 1)   # the text before
        parts[++n] = substr(s, RSTART, RLENGTH) # the number
        s = substr(s, RSTART + RLENGTH)
    }
    parts[++n] = s
    return n
}
# One unit of the last digit a number is written with ("6.3292e+10": 1e6),
# 0 for a whole number.
function last_unit(s,    e, dot, dec) {
    dot = index(s, ".")
    if (!dot) return 0
    e = match(s, /[eE]/) ? substr(s, RSTART + 1) + 0 : 0
    dec = (RSTART ? RSTART : length(s) + 1) - dot - 1
    return 10 ^ (e - dec)
}
function close_to(a, b,    d, m, u) {
    u = last_unit(a); if (last_unit(b) < u) u = last_unit(b)
    a += 0; b += 0
    d = a - b; if (d < 0) d = -d
    m = a < 0 ? -a : a
    if ((b < 0 ? -b : b) > m) m = b < 0 ? -b : b
    return d <= tol * m || d <= u * 1.000001 || d <= 1e-300
}
function same(w, g,    nw, ng, pw, pg, i) {
    nw = split_nums(w, pw); ng = split_nums(g, pg)
    if (nw != ng) return 0
    for (i = 1; i <= nw; i++) {
        if (i % 2) { if (pw[i] != pg[i]) return 0 }
        else if (!close_to(pw[i], pg[i])) return 0
    }
    return 1
}
FNR == NR { want[FNR] = $0; nwant = FNR; next }
{
    ngot = FNR
    if (!(FNR in want) || !same(want[FNR], $0)) {
        printf "line %d: want %s\n        got  %s\n", FNR, want[FNR], $0
        bad = 1
    }
}
END {
    if (ngot != nwant) { printf "%d lines, want %d\n", ngot, nwant; bad = 1 }
    exit bad
}
