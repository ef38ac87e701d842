# Drops the "seconds" column from the tables fx prints (ASCII borders), so
# a test can pin a table of runs whose timings vary. A table is its top
# border, the header, a border, its rows and a bottom border; every other
# line and column passes through unchanged.
{ line[NR] = $0 }
END {
    for (i = 2; i <= NR; i++) {
        if (line[i - 1] !~ /^\+/ || line[i] !~ /^\|/ || !match(line[i], /\| +seconds +\|/))
            continue
        s = RSTART; n = RLENGTH - 1          # from the '|' before the cell
        borders = 1
        for (k = i - 1; k <= NR; k++) {
            if (k > i - 1 && line[k] ~ /^\+/ && ++borders > 3)
                break
            line[k] = substr(line[k], 1, s - 1) substr(line[k], s + n)
            if (borders == 3)
                break
        }
    }
    for (i = 1; i <= NR; i++) print line[i]
}
