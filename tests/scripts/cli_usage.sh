# Usage errors exit with status 2 and say what is wrong.
"$FX" --bogus
echo "status $?"
"$FX" -e
echo "status $?"
"$FX" --check
echo "status $?"
"$FX" --threads many x.fx
echo "status $?"
