# --width N sets the default chart width; width: in the script wins.
"$FX" --width 40 -e 'plot [1, 2, 3], height: 3'
"$FX" --width 40 -e 'plot [1, 2, 3], height: 3, width: 30'
"$FX" --width 10 -e 'plot [1]'
echo "status $?"
