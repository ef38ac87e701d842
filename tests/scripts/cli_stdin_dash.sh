# The runner feeds cli_stdin_dash.stdin to this script; 'fx -' runs it.
"$FX" - one two
