# save into a folder that cannot be made (the script itself is a file): the
# error names the path as written and, in its hint, the absolute path.
save [1, 2] to "err_exp_save_unwritable.fx/sub/x.csv"
