# `make bench`: fx against PyTorch on the seed workloads, on this machine in
# this run. For each workload and thread count, fx and PyTorch run
# alternately, REPS times each; the table gives the median seconds per
# epoch of each and the ratio fx/PyTorch (lower is better), and fx again
# with OPENBLAS_CORETYPE=Haswell. Then start-up time, peak resident memory,
# each W1 convolution's GFLOP/s against the FMA peak, and the targets of
# issue 10, each marked met or not; and what diagnosis on costs W1.
# Without torch it says so and reports fx alone.
#
# Usage: /usr/bin/python3 bench.py FX BUILD_DIR
#   FX_BENCH_REPS   repetitions of each measurement (default 3)
#   FX_BENCH_QUICK  set: a few epochs only, to try the bench itself
#   FX_BENCH_ONLY   workloads to run, e.g. "W1 W3" (default all; "FT" is
#                   fx test --jobs 1 against --jobs 2 on examples/seeds)
import os, platform, statistics, subprocess, sys, time

here = os.path.dirname(os.path.abspath(__file__))
fx, build = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
reps = int(os.environ.get("FX_BENCH_REPS", "3"))
quick = bool(os.environ.get("FX_BENCH_QUICK"))
only = os.environ.get("FX_BENCH_ONLY", "").split()
cores = os.cpu_count() or 1
threads = [1] + ([2] if cores >= 2 else [])
py = "/usr/bin/python3"

# name, script, peer kind, epochs, what, target ratio
WORKLOADS = [
    ("W1", "w1_cnn.fx", "w1", 20, "seed 000 CNN, 1000 x 3x32x32 + 200 val, batch 64, Adam", 0.4),
    ("W2", "w2_cnn_dropout.fx", "w2", 5, "seed 004 CNN, dense 128 + dropout 0.5, batch 32", 0.4),
    ("W3", "w3_mlp.fx", "w3", 10, "seed 003 MLP 10-64-1, BCE, Adam, batch 32", 0.05),
    ("W4", "w4_sweep.fx", "w4", 10, "W3 swept over 4 rates (s/sweep epoch; fx: th jobs)", None),
    ("W5", "w5_fashion.fx", "w5", 1, "small CNN, Fashion-MNIST 60000 x 1x28x28, batch 64", 0.4),
]


def run_cpu(cmd, env):
    """Runs cmd; returns (stdout, CPU seconds, user and system, of the process)."""
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    if status != 0:
        sys.exit("bench: %s failed:\n%s" % (" ".join(cmd), err.decode(errors="replace")))
    return out.decode(), ru.ru_utime + ru.ru_stime


def run_rss(cmd, env):
    """Runs cmd; returns (stdout, wall seconds, peak RSS in MiB)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        sys.exit("bench: %s failed:\n%s" % (" ".join(cmd), err.decode(errors="replace")))
    return out.decode(), wall, ru.ru_maxrss / 1024.0


def fx_env(n, core=None):
    e = dict(os.environ)
    e.pop("OPENBLAS_NUM_THREADS", None)
    e.pop("OPENBLAS_CORETYPE", None)
    if core:
        e["OPENBLAS_CORETYPE"] = core
    return e


def torch_env(n):
    # torch's own threads do the work; OpenBLAS pinned to one so the two
    # do not fight over the cores.
    e = dict(os.environ)
    e.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS=str(n))
    return e


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def startup(cmd, env, n=30):
    return median([run_rss(cmd, env)[1] for _ in range(n)])


have_torch = subprocess.run([py, "-c", "import torch"], capture_output=True).returncode == 0
torch_version = subprocess.run([py, "-c", "import torch; print(torch.__version__)"],
                               capture_output=True, text=True).stdout.strip() if have_torch else ""
cpu = "unknown CPU"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
except OSError:
    pass
fx_version = run_rss([fx, "--version"], fx_env(1))[0].strip()
probe_out = run_rss([os.path.join(build, "bench", "conv_probe"), "1"], fx_env(1))[0].split("\n")
own_kernel = probe_out[0].split()[1]
fx_kernel = fx_version.split("OpenBLAS kernel ")[-1].rstrip(")")
peak1 = float(run_rss([os.path.join(build, "bench", "fma_peak")], fx_env(1))[0].split()[0])
width = run_rss([os.path.join(build, "bench", "fma_peak")], fx_env(1))[0].split()[1]

print("machine: %s, %d cores; %s" % (cpu, cores, platform.platform()))
print("%s; OpenBLAS's own pick on this CPU: %s" % (fx_version, own_kernel))
print("torch: %s" % (torch_version + " (OpenBLAS pinned to 1 thread, torch.set_num_threads(n))"
                     if have_torch else "not installed (apt-get install python3-torch): fx alone"))
print("FMA peak: %.1f GFLOP/s per core (%s-bit vectors, fma_peak.c)" % (peak1, width))
print("medians of %d run(s) each, fx and torch alternating%s" % (reps, "; QUICK: few epochs" if quick else ""))
print()

fashion = os.path.isdir(os.environ.get("FX_FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist"))
results = {}
hdr = "%-3s %-2s %-52s %10s %10s %8s %10s" % ("", "th", "workload", "fx s/ep", "torch s/ep", "fx/torch", "fx Haswell")
print(hdr)
print("-" * len(hdr))
for name, script, kind, epochs, what, target in WORKLOADS:
    if only and name not in only:
        continue
    if kind == "w5" and not fashion:
        print("%-3s    %-52s skipped: no Fashion-MNIST (apt-get install dataset-fashion-mnist)" % (name, what))
        continue
    if quick:
        epochs = max(1, epochs // 5) if kind != "w5" else 1
    for n in threads:
        fxs, ts, hs, fx_rss, t_rss = [], [], [], [], []
        for _ in range(reps if kind != "w5" or not quick else 1):
            # W4 on n cores: n points at once, one thread each (--jobs).
            par = ["--threads", "1", "--jobs", str(n)] if kind == "w4" else ["--threads", str(n)]
            cmd = [fx, "--quiet"] + par + [os.path.join(here, script), str(epochs)]
            out, wall, rss = run_rss(cmd, fx_env(n))
            fxs.append(wall if kind == "w4" else float(out.split()[-1]))
            fx_rss.append(rss)
            if have_torch:
                out, wall, rss = run_rss([py, os.path.join(here, "peer.py"), kind, str(epochs), str(n)],
                                         torch_env(n))
                ts.append(float(out.split()[-1]))
                t_rss.append(rss)
            out, wall, _ = run_rss(cmd, fx_env(n, "Haswell"))
            hs.append(wall if kind == "w4" else float(out.split()[-1]))
        f, t, h = median(fxs), median(ts), median(hs)
        if kind == "w4":   # whole process for fx (start-up is ms): per epoch
            f, h = f / epochs, h / epochs
        results[(name, n)] = dict(fx=f, torch=t, haswell=h, fx_rss=median(fx_rss), torch_rss=median(t_rss))
        print("%-3s %-2d %-52s %10.4f %10s %8s %10.4f" % (
            name, n, what if n == 1 else "", f, "%.4f" % t if have_torch else "-",
            "%.3f" % (f / t) if have_torch else "-", h))
print()

# Sweeps on every core: the same 4-point sweep with jobs 1 and jobs 2 (one
# thread per point), whole process; the printed curves must be the same.
SWEEPS = [("W4", "w4_sweep.fx", 10, "W3's MLP, 4 points x 10 epochs"),
          ("W6", "w6_cnn_sweep.fx", 5, "W1's CNN, 4 points x 5 epochs")]
sweep_speedup = {}
if cores >= 2:
    print("sweeps, jobs 2 against jobs 1 (--threads 1 each; whole process, median s):")
    for name, script, epochs, what in SWEEPS:
        if only and name not in only:
            continue
        if quick:
            epochs = max(1, epochs // 5)
        walls, outs = {1: [], 2: []}, {1: set(), 2: set()}
        for _ in range(reps):
            for j in (1, 2):
                cmd = [fx, "--quiet", "--threads", "1", "--jobs", str(j),
                       os.path.join(here, script), str(epochs)]
                out, wall, _ = run_rss(cmd, fx_env(1))
                walls[j].append(wall)
                outs[j].add(out)
        w1, w2 = median(walls[1]), median(walls[2])
        same = len(outs[1] | outs[2]) == 1
        sweep_speedup[name] = w1 / w2
        print("  %-3s %-34s jobs 1 %7.3f s, jobs 2 %7.3f s: %.2fx, results %s" % (
            name, what, w1, w2, w1 / w2, "identical" if same else "DIFFER"))
    print()

# fx test on the seed examples, --jobs 1 against --jobs 2 (issue 14): the
# whole suite's wall time, medians; the verdict lines must be the same.
# FX_BENCH_ONLY="FT" runs it alone.
test_speedup = None
if cores >= 2 and (not only or "FT" in only) and not quick:
    seeds = os.path.join(os.path.dirname(os.path.dirname(here)), "examples", "seeds")
    walls, verdicts = {1: [], 2: []}, set()
    for _ in range(reps):
        for j in (1, 2):
            out, wall, _ = run_rss([fx, "test", "--jobs", str(j), seeds], fx_env(1))
            walls[j].append(wall)
            verdicts.add(tuple(sorted(" ".join(l.split()[:2]) for l in out.splitlines()
                                      if l.split()[:1] in (["PASS"], ["FAIL"], ["ERROR"], ["SKIP"]))))
    w1, w2 = median(walls[1]), median(walls[2])
    test_speedup = w1 / w2
    print("fx test examples/seeds: --jobs 1 %.1f s, --jobs 2 %.1f s (median of %d): %.2fx, "
          "verdicts %s" % (w1, w2, reps, test_speedup, "identical" if len(verdicts) == 1 else "DIFFER"))
    print()

# What diagnosis costs: W1 at 1 thread with --diagnose (the per-layer
# evidence of one step an epoch, then the rules) against without,
# alternating; seconds per epoch as the run measures them, and the CPU
# seconds of the whole process, which other work on the machine disturbs
# less than the wall clock.
diag_cost = None
if not only or "W1" in only:
    epochs = 4 if quick else 10
    walls, cpus = {0: [], 1: []}, {0: [], 1: []}
    for _ in range(max(reps, 5)):
        for on in (0, 1):
            cmd = [fx, "--quiet", "--threads", "1"] + (["--diagnose"] if on else []) + \
                  [os.path.join(here, "w1_cnn.fx"), str(epochs)]
            out, cpu = run_cpu(cmd, fx_env(1))
            walls[on].append(float(out.split()[-1]))
            cpus[on].append(cpu)
    w0, w1, c0, c1 = median(walls[0]), median(walls[1]), median(cpus[0]), median(cpus[1])
    diag_cost = [w1 / w0 - 1, c1 / c0 - 1]
    print("diagnosis, W1 at 1 thread, %d epochs, medians of %d runs each, alternating:" % (
        epochs, max(reps, 5)))
    print("  s/epoch off %.4f, on %.4f (%+.1f%%); process CPU s off %.3f, on %.3f (%+.1f%%)" % (
        w0, w1, 100 * diag_cost[0], c0, c1, 100 * diag_cost[1]))
    # the work itself (diag_probe.c): one step's evidence against the 16
    # training steps of a W1 epoch
    out = run_rss([os.path.join(build, "bench", "diag_probe"), "1"], fx_env(1))[0].split()
    step_s, stats_s = float(out[1]), float(out[3])
    diag_cost.append(stats_s / (16 * step_s))
    print("  the evidence of one step %.2f ms, a W1 training step %.1f ms: %.2f%% of an epoch's 16 steps" % (
        stats_s * 1e3, step_s * 1e3, 100 * diag_cost[2]))
    print()

fx_start = startup([fx, "-e", "print 1"], fx_env(1))
fx_start_set = startup([fx, "-e", "print 1"], fx_env(1, own_kernel))
true_start = startup(["/bin/true"], fx_env(1))
line = "start-up: fx -e 'print 1' %.1f ms (%.1f ms with OpenBLAS's own kernel, no restart)" % (
    fx_start * 1e3, fx_start_set * 1e3)
if have_torch:
    torch_start = startup([py, "-c", "import torch"], torch_env(1), n=10)
    line += "; python3 -c 'import torch' %.1f ms" % (torch_start * 1e3)
print(line + "; /bin/true %.1f ms (the measuring overhead)" % (true_start * 1e3))
if ("W1", 1) in results:
    r = results[("W1", 1)]
    print("peak resident memory, W1 at 1 thread: fx %.1f MiB%s" % (
        r["fx_rss"], ", torch %.1f MiB, fx/torch %.3f" % (r["torch_rss"], r["fx_rss"] / r["torch_rss"])
        if have_torch else ""))
print()

# Each W1 convolution at batch 64: forward and backward FLOPs over time.
flops = {"conv1": (2 * 64 * 16 * 32 * 32 * 3 * 9, 1),    # backward: weights only
         "conv2": (2 * 64 * 32 * 16 * 16 * 16 * 9, 2)}   # weights and input
print("W1 convolutions at batch 64 (GFLOP/s; % of the FMA peak of the threads used):")
for n in threads:
    peak = peak1 * n
    # the kernel fx itself runs (the probe does not restart itself as fx does)
    fxp = run_rss([os.path.join(build, "bench", "conv_probe"), str(n)], fx_env(n, fx_kernel))
    fx_probe = {l.split()[0]: l.split()[1:] for l in fxp[0].split("\n")[1:] if l.strip()}
    fxk = fxp[0].split("\n")[0].split()[1]
    tp = {}
    if have_torch:
        out = run_rss([py, os.path.join(here, "peer.py"), "conv", "0", str(n)], torch_env(n))[0]
        tp = {l.split()[0]: l.split()[1:] for l in out.split("\n") if l.strip()}
    for conv, (f, bmul) in flops.items():
        cells = []
        for who, d in (("fx", fx_probe), ("torch", tp)):
            if conv not in d:
                continue
            fw, bw = float(d[conv][0]), float(d[conv][1])
            cells.append("%s fwd %5.1f (%2.0f%%) bwd %5.1f (%2.0f%%)" % (
                who, f / fw / 1e9, 100 * f / fw / 1e9 / peak, bmul * f / bw / 1e9,
                100 * bmul * f / bw / 1e9 / peak))
        print("  %d thread(s) %s: %s" % (n, conv, "; ".join(cells)))
    print("  (fx's probe ran OpenBLAS kernel %s)" % fxk)
print()

# The targets of issue 10.
print("targets (medians of this run):")
def target(label, ok, detail):
    print("  %-46s %-7s %s" % (label, "met" if ok else "NOT met", detail))
if have_torch:
    for name, _, _, _, _, t in WORKLOADS:
        for n in threads:
            r = results.get((name, n))
            if t is None or not r:
                continue
            ratio = r["fx"] / r["torch"]
            target("%s at %d thread(s): fx/torch <= %g" % (name, n, t), ratio <= t, "%.3f" % ratio)
target("fx start-up <= 5 ms", fx_start <= 0.005, "%.1f ms" % (fx_start * 1e3))
if diag_cost:
    target("W1 with diagnosis on: cost < 5% of an epoch", diag_cost[2] < 0.05 and diag_cost[1] < 0.05,
           "%.2f%% of the steps' work; whole run %+.1f%% CPU, %+.1f%% s/epoch" % (
               100 * diag_cost[2], 100 * diag_cost[1], 100 * diag_cost[0]))
if have_torch and ("W1", 1) in results:
    r = results[("W1", 1)]
    target("W1 peak memory fx/torch <= 0.2", r["fx_rss"] / r["torch_rss"] <= 0.2,
           "%.3f" % (r["fx_rss"] / r["torch_rss"]))
if "W4" in sweep_speedup:
    target("W4 sweep, jobs 2 >= 1.85x faster than jobs 1", sweep_speedup["W4"] >= 1.85,
           "%.2fx" % sweep_speedup["W4"])
if test_speedup is not None:
    target("fx test examples/seeds, --jobs 2 faster", test_speedup > 1, "%.2fx" % test_speedup)
if "W6" in sweep_speedup:
    print("  %-46s %-7s %s" % ("W6 CNN sweep, jobs 2 against jobs 1", "(report)",
                               "%.2fx" % sweep_speedup["W6"]))
