# An unknown option alone: exit status 2.
"$FX" --frobnicate script.fx
