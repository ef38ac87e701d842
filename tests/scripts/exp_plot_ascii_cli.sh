# --ascii makes every chart plain ASCII, also one whose script asks for
# mode: "unicode" (a terminal that cannot show Unicode gets garbage today).
"$FX" --ascii -e 'plot [1, 2], mode: "unicode", width: 30, height: 2'
