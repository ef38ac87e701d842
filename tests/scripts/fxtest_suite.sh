# fx test on a folder of experiments: eleven seed examples (all but the two
# slowest) and tests/suite's scripts that pass, fail, err, time out and
# skip (helpers.fx is imported, so it is a library, not a test). Checks the
# lines and the summary (times taken out), the exit status, the JUnit XML
# against tests/junit.xsd with xmllint, and the TAP stream through prove.
# The timeout (15 s) is far above what any script but the endless loop
# takes, under ASan too.
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
seeds=$(ls ../../examples/seeds/s[1-4]*.fx | grep -v s4c)
untimed() { sed -E 's/  [0-9]+\.[0-9]+s$//; s/ in [0-9]+\.[0-9]+s$//'; }
"$FX" test --jobs 2 --timeout 15 --junit "$t/report.xml" $seeds ../suite >"$t/out" 2>&1
echo "exit $?"
untimed <"$t/out" | sed 's|\.\./\.\./||; s|\.\./suite|suite|'

echo "-- junit"
xmllint --noout --schema ../junit.xsd "$t/report.xml" 2>&1 | sed "s|$t/||"
grep -c '<testsuite ' "$t/report.xml"
grep -o '<testsuites [^>]*tests="[0-9]*" failures="[0-9]*" errors="[0-9]*" skipped="[0-9]*"' "$t/report.xml"
grep -o '<failure message="[^"]*"' "$t/report.xml"
grep -o '<error message="[^"]*"' "$t/report.xml"
grep -c '<system-out>' "$t/report.xml"

echo "-- tap through prove"
prove --exec "$FX test --timeout 3 --tap" ../suite/*.fx >"$t/prove" 2>&1
echo "exit $?"
sed -E 's/^(Files=[0-9]+, Tests=[0-9]+),.*/\1/' "$t/prove"
