# Files are complete or absent: fx is killed with SIGKILL at random moments,
# 20 times for each kind of file it writes, while a loop rewrites that
# file; after every kill the file under its final name is whole (the same
# bytes as an undisturbed run wrote, or for --out and checkpoint: files
# of the right size and form), and nothing but it and fx's temporary
# files (NAME.PID.tmp) is in the folder. The verdict does not depend on
# where the kills land; the delays come from awk's seeded rand.
t=../tmp/kill_writes
rm -rf "$t"; mkdir -p "$t"
cd "$t" || exit 1
weights='seed 1
model m { dense(512) dense(2) }
let r = train m on random_data(8, 1024), epochs: 1, log: "none"'
data='seed 1
let big = random_data(5000, 50)'
curve='seed 1
model m { dense(2) }
let curve = train m on random_data(400, 2), epochs: 5, batch: 1, log: "none"'
printf '%s\n' "$weights" 'save r to "ref.safetensors"' "$data" 'save big to "ref.npy"' \
    'save big to "ref.npz"' "$curve" 'save curve to "ref.csv", steps: true' \
    'save curve to "ref.jsonl", steps: true' >ref.fx
"$FX" ref.fx || echo "reference run failed"

n=0
delay() { awk -v s="$n" 'BEGIN { srand(s); printf "%.3f", rand() * 0.05 }'; }
# $1 the final file's name, then fx's arguments: runs fx, waits for the
# file, kills fx after a random delay.
kill_once() {
    f1=$1; shift
    "$FX" "$@" >/dev/null 2>&1 &
    pid=$!
    k=0
    while [ ! -e "$f1" ] && [ $k -lt 2000 ]; do sleep 0.005; k=$((k + 1)); done
    sleep "$(delay)"
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    n=$((n + 1))
}
# Files in the folder besides the expected ones and temporary files.
strays() { # $@: the names that may be there
    for f in *; do
        case " $* " in *" $f "*) continue;; esac
        case $f in *.[0-9]*.tmp) rm -f "$f"; continue;; esac
        echo "stray file $f"
    done
}
keep="ref.fx ref.safetensors ref.npy ref.npz ref.csv ref.jsonl loop.fx"

for ext in safetensors npy npz csv jsonl; do
    case $ext in
    safetensors) what=r; setup=$weights;;
    npy|npz) what=big; setup=$data;;
    *) what=curve; setup=$curve;;
    esac
    opt=""; case $ext in csv|jsonl) opt=", steps: true";; esac
    printf '%s\nwhile true { save %s to "out.%s"%s }\n' "$setup" "$what" "$ext" "$opt" >loop.fx
    bad=0
    for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
        rm -f "out.$ext"
        kill_once "out.$ext" loop.fx
        if [ ! -e "out.$ext" ]; then bad=$((bad + 1)); echo "$ext: no file after kill $i"
        elif ! cmp -s "out.$ext" "ref.$ext"; then bad=$((bad + 1))
            echo "$ext: kill $i left $(wc -c <"out.$ext") bytes, not the $(wc -c <"ref.$ext")"
        fi
        strays $keep "out.$ext"
    done
    rm -f "out.$ext"
    echo "$ext: 20 kills, $bad files not whole"
done

# checkpoint: the best weights so far, rewritten at every better epoch.
printf '%s\n' 'seed 2' 'model m { dense(512) dense(2) }' \
    'let d = random_data(64, 1024)' \
    'train m on d, epochs: 100000, checkpoint: "ck.safetensors", log: "none", optimizer: sgd(lr: 1e-7)' >loop.fx
printf '%s\n' 'seed 2' 'model m { dense(512) dense(2) }' \
    'let w = load_weights(m, "ck.safetensors", input: [1024])' 'print "loads"' >check.fx
size=$(wc -c <ref.safetensors)
bad=0
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    rm -f ck.safetensors
    kill_once ck.safetensors loop.fx
    if [ ! -e ck.safetensors ] || [ "$(wc -c <ck.safetensors)" != "$size" ] ||
       [ "$("$FX" check.fx 2>&1)" != loads ]; then
        bad=$((bad + 1)); echo "checkpoint: kill $i left a broken file"
    fi
    strays $keep check.fx ck.safetensors
done
echo "checkpoint: 20 kills, $bad files not whole"

# --out DIR: run-N.csv and run-N.jsonl of every finished run, each whole
# (a header and three epochs; three JSON lines).
printf '%s\n' 'seed 3' 'model m { dense(2) }' 'let d = random_data(32, 4)' \
    'while true { train m on d, epochs: 3, log: "none" }' >loop.fx
bad=0
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    rm -rf out
    kill_once out/run-1.csv --out out loop.fx
    for f in out/run-*.csv out/run-*.jsonl; do
        case $f in *.tmp) continue;; esac
        [ -e "$f" ] || continue
        want=4; case $f in *.jsonl) want=3;; esac
        if [ "$(wc -l <"$f")" != $want ] || [ "$(tail -c 1 "$f" | od -An -c | tr -d ' ')" != '\n' ]; then
            bad=$((bad + 1)); echo "--out: kill $i left a broken $f"
        fi
    done
done
rm -rf out
echo "--out: 20 kills, $bad files not whole"
cd .. && rm -rf kill_writes
