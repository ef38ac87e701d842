# The math builtins.
print exp(0), exp(1), log(1), log(exp(2)), log10(1000), log2(8), log2(0.5)
print sqrt(16), sqrt(2), sqrt(0), abs(-3), abs(2.5), abs(-0)
print floor(2.7), floor(-2.5), ceil(2.1), ceil(-2.1), floor(3), ceil(3)
print round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(3.14159, 3), round(1234, -2)
print sin(0), cos(0), tan(0), tanh(0), tanh(100), round(sin(pi / 2), 12), cos(pi)
print round(tan(pi / 4), 12), round(tanh(1), 6), pi
print isnan(nan), isnan(1), isinf(inf), isinf(-inf), isinf(1e308)
