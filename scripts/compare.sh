#!/usr/bin/env bash
# Times Brian's speed-test models in SwiftBrian, Brian 2 (cython, cpp_standalone) and NEST (cuba,
# cobahh) in one sitting, on one core, and prints a table of run times and ratios.
#
#   scripts/compare.sh [N ...]            (default: 4000 40000)
#   MODELS="rallpack3 ball_and_stick" scripts/compare.sh 1000
#
# MODELS (default: cuba cobahh stdp synapses_only linear hh) may also name the multicompartment
# models rallpack3 (N compartments of an HH axon) and ball_and_stick (N cells), whose Brian side is
# scripts/brian2_spatial_bench.py. Brian builds a population of ball-and-stick cells as one
# SpatialNeuron per cell and compiles code for each (about 10-20 s per cell on this machine), so
# above BRIAN_CELLS cells (default 30) Brian runs BRIAN_CELLS cells and ours runs both sizes.
# DURATION (seconds, multicompartment models only; default: the scripts' 20 ms) sets the
# simulated time of both sides. THREADS (default 1) runs ours with --threads THREADS and Brian
# cpp_standalone with prefs.devices.cpp_standalone.openmp_threads = THREADS, both pinned to cores
# 0..THREADS-1 (cython and NEST stay on one thread, on core 0).
#
# Needs Brian 2.9 (and NEST, for its rows) in a virtual environment (PEERS, default /work/peers
# when it exists, else /tmp/peers):
#   python3 -m venv /tmp/peers && /tmp/peers/bin/pip install brian2==2.9.0 "numpy<2.3" nest-simulator
# and the reference scripts (REFERENCE, default ../shared/reference). Compile time is excluded on
# both sides, as brian2_bench.py does. Output lines of every run are kept in bench-results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PEERS:-}" ]; then
  if [ -x /work/peers/bin/python ]; then PEERS=/work/peers; else PEERS=/tmp/peers; fi
fi
REFERENCE=${REFERENCE:-../shared/reference}
MODELS=${MODELS:-"cuba cobahh stdp synapses_only linear hh"}
SIZES=${*:-"4000 40000"}
BRIAN_CELLS=${BRIAN_CELLS:-30}
OUT=bench-results.txt
: > "$OUT"

swift build -c release --product swiftbrian >/dev/null
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
THREADS=${THREADS:-1}
CORES=0-$((THREADS - 1))
# Brian reads ./brian_preferences: its standalone runs start in a folder holding one.
PREFERENCES=$(mktemp -d)
echo "devices.cpp_standalone.openmp_threads = $THREADS" > "$PREFERENCES/brian_preferences"

spatial() { [ "$1" = rallpack3 ] || [ "$1" = ball_and_stick ]; }

# Ours: exact arithmetic (the default) and fast math (as Brian's C++ targets compile). Brian's hh
# model diverges (h reaches -inf at 4.7 ms in its most strongly driven neurons, in Brian too), so
# for it our NaN check is off, to do the same work as Brian, which does not check.
ours() {
  local extra=()
  if spatial "$1" && [ -n "${DURATION:-}" ]; then extra=(--duration "$DURATION"); fi
  if [ "$1" = hh ]; then extra+=(--no-check-finite); fi
  extra+=(--threads "$THREADS")
  taskset -c "$CORES" .build/release/swiftbrian bench "$1" --n "$2" "${extra[@]}" | tee -a "$OUT"
  taskset -c "$CORES" .build/release/swiftbrian bench "$1" --n "$2" --fast-math "${extra[@]}" | tee -a "$OUT"
}

brian() {
  local script=("$(cd "$REFERENCE" && pwd)/brian2_bench.py" "$1" "$2")
  if spatial "$1"; then
    script=("$PWD/scripts/brian2_spatial_bench.py" "$1" "$2")
  fi
  for target in cython cpp_standalone; do
    local extra=()
    if spatial "$1" && [ -n "${DURATION:-}" ]; then extra=(--duration "$DURATION"); fi
    local cores=0 folder=.
    if [ "$target" = cpp_standalone ]; then cores=$CORES folder=$PREFERENCES; fi
    (cd "$folder" && OMP_NUM_THREADS=$THREADS taskset -c "$cores" "$PEERS/bin/python" "${script[@]}" "$target" \
      "${extra[@]}" 2>/dev/null) \
      | grep '^brian2' | tee -a "$OUT" || echo "brian2 $1 N=$2 target=$target failed" | tee -a "$OUT"
  done
}

for n in $SIZES; do
  for model in $MODELS; do
    ours "$model" "$n"
    if [ "$model" = ball_and_stick ] && [ "$n" -gt "$BRIAN_CELLS" ]; then
      ours "$model" "$BRIAN_CELLS"
      brian "$model" "$BRIAN_CELLS"
    else
      brian "$model" "$n"
    fi
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

# Memory per compartment of the multicompartment models: bytes of state arrays / compartments.
memory = {}
for line in open(sys.argv[1]):
    m = re.match(r"(\S+) (\S+) N=(\d+) target=(\S+) .*bytes_per_compartment=(\d+)", line)
    if m:
        tool, model, n, target, size = m.groups()
        memory.setdefault((model, int(n)), {})[tool] = int(size)
if memory:
    print("\n| model | N | ours bytes/compartment | Brian bytes/compartment |\n|---|---|---|---|")
    for (model, n), r in sorted(memory.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        print(f"| {model} | {n} | {r.get('swiftbrian', '–')} | {r.get('brian2', '–')} |")
PY
