# Colours: --color always colours the curves of Unicode and braille charts
# even when output is not a terminal (ASCII charts, the default then, are
# never coloured); --color never and NO_COLOR (for auto) turn them off.
# ESC shows as <ESC>.
"$FX" --color always exp_plot_color.fx | sed 's/\x1b/<ESC>/g'
echo "--"
"$FX" --color always -e 'plot [1, 2], width: 30, height: 2'
echo "--"
"$FX" --color never exp_plot_color.fx
echo "--"
NO_COLOR=1 "$FX" --color auto exp_plot_color.fx
