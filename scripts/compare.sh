#!/usr/bin/env bash
# Times Brian's speed-test models in SwiftBrian, Brian 2 (cython, cpp_standalone) and NEST (cuba,
# cobahh) in one sitting, on one core, and prints a table of run times and ratios.
#
#   scripts/compare.sh [N ...]            (default: 4000 40000)
#
# Needs the peers in a scratch virtual environment (PEERS, default /tmp/peers):
#   python3 -m venv /tmp/peers && /tmp/peers/bin/pip install brian2==2.9.0 "numpy<2.3" nest-simulator
# and the reference scripts (REFERENCE, default ../shared/reference). Compile time is excluded on
# both sides, as brian2_bench.py does. Output lines of every run are kept in bench-results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
PEERS=${PEERS:-/tmp/peers}
REFERENCE=${REFERENCE:-../shared/reference}
MODELS=${MODELS:-"cuba cobahh stdp synapses_only linear hh"}
SIZES=${*:-"4000 40000"}
OUT=bench-results.txt
: > "$OUT"

swift build -c release --product swiftbrian >/dev/null
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
# Ours: exact arithmetic (the default) and fast math (as Brian's C++ targets compile).
for n in $SIZES; do
  for model in $MODELS; do
    taskset -c 0 .build/release/swiftbrian bench "$model" --n "$n" | tee -a "$OUT"
    taskset -c 0 .build/release/swiftbrian bench "$model" --n "$n" --fast-math | tee -a "$OUT"
    for target in cython cpp_standalone; do
      taskset -c 0 "$PEERS/bin/python" "$REFERENCE/brian2_bench.py" "$model" "$n" "$target" 2>/dev/null \
        | grep '^brian2' | tee -a "$OUT" || echo "brian2 $model N=$n target=$target failed" | tee -a "$OUT"
    done
    if [ "$model" = cuba ] || [ "$model" = cobahh ]; then
      taskset -c 0 "$PEERS/bin/python" "$REFERENCE/nest_bench.py" "$model" "$n" 2>/dev/null \
        | grep '^nest' | tee -a "$OUT" || echo "nest $model N=$n failed" | tee -a "$OUT"
    fi
  done
done

# The table: run_s of each, and Brian cpp_standalone's time divided by ours (> 1: we are faster).
python3 - "$OUT" <<'PY'
import re, sys
rows = {}
for line in open(sys.argv[1]):
    m = re.match(r"(\S+) (\S+) N=(\d+) target=(\S+) .*run_s=([\d.]+)", line)
    if m:
        tool, model, n, target, run = m.groups()
        rows.setdefault((model, int(n)), {})[f"{tool}:{target}"] = float(run)
cols = ["swiftbrian:native", "swiftbrian:native-fastmath", "brian2:cython", "brian2:cpp_standalone", "nest:nest-1thread"]
print("| model | N | " + " | ".join(c.replace("swiftbrian:", "ours ").replace("brian2:", "Brian ").replace("nest:nest-1thread", "NEST") for c in cols)
      + " | Brian cpp / ours | Brian cpp / ours (fast math) |")
print("|" + "---|" * (len(cols) + 4))
for (model, n), r in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0])):
    cells = [f"{r[c]:.3f}" if c in r else "–" for c in cols]
    ref = r.get("brian2:cpp_standalone")
    ratio = lambda c: f"{ref / r[c]:.2f}×" if ref and c in r and r[c] > 0 else "–"
    print(f"| {model} | {n} | " + " | ".join(cells) + f" | {ratio(cols[0])} | {ratio(cols[1])} |")
PY
