# Precedence and associativity of arithmetic; % is the floored remainder.
print 1 + 2 * 3, (1 + 2) * 3, 10 - 4 - 3, 100 / 10 / 2, 2 * 3 % 4
print -3 * -3, - -3, 1 - -1, 8 / 4 * 2
print 7 % 3, -1 % 3, -7 % 3, 7 % -3, -7 % -3, 5.5 % 2, 6 % 3, -6 % 3
print 1 + 2 == 3, 1 + 2 * 3 == 7 and 2 > 1
