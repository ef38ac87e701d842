# --version and -V print one line, "fx VERSION (runtime VERSION, OpenBLAS
# kernel NAME)"; the kernel is the machine's, so its name is not compared.
"$FX" --version | sed 's/[0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*/N.N.N/g; s/kernel [A-Za-z0-9_]*)/kernel NAME)/'
"$FX" -V | wc -l | tr -d ' '
