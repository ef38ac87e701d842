# Errors in -e code are located in '<-e>'.
"$FX" -e 'print 1/0'
