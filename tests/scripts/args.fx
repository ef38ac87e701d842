# The script's command-line arguments, as strings.
print args, len(args), type(args)
print num(args[1]) * 2, args[-1]
