# legend: "none" leaves the legend out (today the option is read by the
# resolver and then ignored, whatever its value).
plot [1, 2, 3], width: 30, height: 3, legend: "none"
