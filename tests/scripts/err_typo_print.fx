pritn "x"
