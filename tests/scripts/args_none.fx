print args, len(args)
