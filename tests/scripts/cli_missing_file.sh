# A script that cannot be read: exit status 2.
"$FX" no_such_script.fx
