# fx -e CODE runs CODE; the arguments after it are the script's args.
"$FX" -e 'print 1 + 2'
"$FX" -e 'print args, len(args)' a "b c"
"$FX" -e 'let x = 2; print x^10'
