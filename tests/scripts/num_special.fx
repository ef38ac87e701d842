# nan and inf are values; arithmetic on them is allowed, comparisons are IEEE.
print nan == nan, nan != nan, nan < 1, inf > 1e308, -inf < -1e308
print inf + 1, inf - inf, inf * -1, 1 / inf
print isnan(nan), isnan(inf - inf), isinf(-inf), isinf(nan), isnan(0)
print [nan] == [nan], type(nan), type(inf)
