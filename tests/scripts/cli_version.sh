# --version and -V print one line, "fx VERSION (runtime VERSION)".
"$FX" --version | sed 's/[0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*/N.N.N/g'
"$FX" -V | wc -l | tr -d ' '
