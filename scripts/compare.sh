#!/usr/bin/env bash
# Times Brian's speed-test models in SwiftBrian, Brian 2 (cython, cpp_standalone) and NEST (cuba,
# cobahh) in one sitting, on one core, and prints a table of run times and ratios.
#
#   scripts/compare.sh [N ...]            (default: 4000 40000)
#   MODELS="rallpack3 ball_and_stick" scripts/compare.sh 1000
#
# MODELS (default: cuba cobahh stdp synapses_only linear hh) may also name Brian2CUDA's
# Brunel-Hakim benchmarks brunel_hakim (2 ms delays) and brunel_hakim_hetero (delays 4*ms*rand()),
# N noisy neurons with 1000 inhibitory synapses each, whose Brian side is
# scripts/brian2_brunel_bench.py, and the multicompartment models rallpack3 (N compartments of an
# HH axon) and ball_and_stick (N cells), whose Brian side is scripts/brian2_spatial_bench.py.
# Brian builds a population of ball-and-stick cells as one SpatialNeuron per cell and compiles
# code for each (about 10-20 s per cell on this machine), so above BRIAN_CELLS cells (default 30)
# Brian runs BRIAN_CELLS cells and ours runs both sizes.
# MODELS may also name dendrify_network (N neurons with dendrites in two populations, issue 12),
# whose Brian side is scripts/dendrify_bench.py (Dendrify 2.2 on Brian); its lines also give the
# dendritic spikes and the rate of each population, tabled below the times.
# NO_CHECK_FINITE=1 also times ours without the NaN/infinity check after each step (`bench
# --no-check-finite`, targets native-nocheck and native-fastmath-nocheck; Brian has no such check).
# DURATION (seconds, multicompartment, Brunel-Hakim and dendrify_network models only; default: the scripts' 20 ms
# and 1 s) sets the simulated time of both sides. THREADS (default 1) runs ours with --threads
# THREADS and Brian cpp_standalone with prefs.devices.cpp_standalone.openmp_threads = THREADS (for
# THREADS=1 Brian's default, 0: no OpenMP), both pinned to cores 0..THREADS-1 (cython and NEST stay
# on one thread, on core 0).
#
# ROUNDS (default 1) times each model and size that many times, ours and Brian's in turn, and the
# tables give the median of each (this machine's times of one run vary by 10-30% from minute to
# minute, with other work on the host).
#
# BRIAN_TARGETS (default "cython cpp_standalone") names Brian's targets to time; NEST=0 leaves NEST
# out (its COBAHH at 40,000 takes five minutes), e.g. for a sitting of ours against Brian
# cpp_standalone alone: BRIAN_TARGETS=cpp_standalone NEST=0 scripts/compare.sh.
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
# Brian reads ./brian_preferences: its standalone runs start in a folder holding one. One thread is
# Brian's default, openmp_threads = 0 (no OpenMP at all); 1 would compile and run OpenMP regions.
PREFERENCES=$(mktemp -d)
echo "devices.cpp_standalone.openmp_threads = $([ "$THREADS" = 1 ] && echo 0 || echo "$THREADS")" \
  > "$PREFERENCES/brian_preferences"

spatial() { [ "$1" = rallpack3 ] || [ "$1" = ball_and_stick ]; }
brunel() { [ "$1" = brunel_hakim ] || [ "$1" = brunel_hakim_hetero ]; }
# Models whose Brian script takes --duration.
timed() { spatial "$1" || brunel "$1" || [ "$1" = dendrify_network ]; }

# Ours: exact arithmetic (the default) and fast math (as Brian's C++ targets compile). Brian's hh
# model diverges (h reaches -inf at 4.7 ms in its most strongly driven neurons, in Brian too), so
# for it our NaN check is off, to do the same work as Brian, which does not check.
ours() {
  local extra=()
  if timed "$1" && [ -n "${DURATION:-}" ]; then extra=(--duration "$DURATION"); fi
  extra+=(--threads "$THREADS")
  local check=()
  if [ "$1" = hh ]; then check=(--no-check-finite); fi
  taskset -c "$CORES" .build/release/swiftbrian bench "$1" --n "$2" "${check[@]}" "${extra[@]}" | tee -a "$OUT"
  taskset -c "$CORES" .build/release/swiftbrian bench "$1" --n "$2" --fast-math "${check[@]}" "${extra[@]}" | tee -a "$OUT"
  if [ "${NO_CHECK_FINITE:-0}" = 1 ]; then
    taskset -c "$CORES" .build/release/swiftbrian bench "$1" --n "$2" --no-check-finite "${extra[@]}" | tee -a "$OUT"
    taskset -c "$CORES" .build/release/swiftbrian bench "$1" --n "$2" --fast-math --no-check-finite "${extra[@]}" \
      | tee -a "$OUT"
  fi
}

brian() {
  # brian2_run.py: the reference script with Python's max (see there).
  local script=("$PWD/scripts/brian2_run.py" "$(cd "$REFERENCE" && pwd)/brian2_bench.py" "$1" "$2")
  if spatial "$1"; then
    script=("$PWD/scripts/brian2_spatial_bench.py" "$1" "$2")
  elif brunel "$1"; then
    script=("$PWD/scripts/brian2_brunel_bench.py" "$1" "$2")
  elif [ "$1" = dendrify_network ]; then
    script=("$PWD/scripts/dendrify_bench.py" "$2")
  fi
  for target in ${BRIAN_TARGETS:-cython cpp_standalone}; do
    local extra=()
    if timed "$1" && [ -n "${DURATION:-}" ]; then extra=(--duration "$DURATION"); fi
    local cores=0 folder=.
    if [ "$target" = cpp_standalone ]; then cores=$CORES folder=$PREFERENCES; fi
    (cd "$folder" && OMP_NUM_THREADS=$THREADS taskset -c "$cores" "$PEERS/bin/python" "${script[@]}" "$target" \
      "${extra[@]}" 2>/dev/null) \
      | grep '^brian2' | tee -a "$OUT" || echo "brian2 $1 N=$2 target=$target failed" | tee -a "$OUT"
  done
}

for n in $SIZES; do
  for model in $MODELS; do
    for _ in $(seq "${ROUNDS:-1}"); do
      ours "$model" "$n"
      if [ "$model" = ball_and_stick ] && [ "$n" -gt "$BRIAN_CELLS" ]; then
        ours "$model" "$BRIAN_CELLS"
        brian "$model" "$BRIAN_CELLS"
      else
        brian "$model" "$n"
      fi
      if [ "${NEST:-1}" = 1 ] && { [ "$model" = cuba ] || [ "$model" = cobahh ]; }; then
        taskset -c 0 "$PEERS/bin/python" "$REFERENCE/nest_bench.py" "$model" "$n" 2>/dev/null \
          | grep '^nest' | tee -a "$OUT" || echo "nest $model N=$n failed" | tee -a "$OUT"
      fi
    done
  done
done

# The tables: run_s of each (wall-clock time), then cpu_s (processor time, which other work on a
# shared machine does not lengthen) where the lines give it, and Brian cpp_standalone's time
# divided by ours (> 1: we are faster); with ROUNDS, the medians.
python3 - "$OUT" <<'PY'
import re, sys, statistics
ours = ["swiftbrian:native", "swiftbrian:native-fastmath"]
for field in ["run_s", "cpu_s"]:
    rows = {}
    for line in open(sys.argv[1]):
        m = re.match(r"(\S+) (\S+) N=(\d+) target=(\S+) .*" + field + r"=([\d.]+)", line)
        if m:
            tool, model, n, target, run = m.groups()
            rows.setdefault((model, int(n)), {}).setdefault(f"{tool}:{target}", []).append(float(run))
    if not rows:
        continue
    rounds = max(len(times) for r in rows.values() for times in r.values())
    rows = {key: {c: statistics.median(times) for c, times in r.items()} for key, r in rows.items()}
    if any("swiftbrian:native-nocheck" in r for r in rows.values()) and len(ours) == 2:
        ours += ["swiftbrian:native-nocheck", "swiftbrian:native-fastmath-nocheck"]
    cols = ours + ["brian2:cython", "brian2:cpp_standalone", "nest:nest-1thread"]
    label = lambda c: c.replace("swiftbrian:", "ours ").replace("brian2:", "Brian ").replace("nest:nest-1thread", "NEST")
    print(("\n" if field == "cpu_s" else "") + f"{field}" + (f" (medians of {rounds} rounds)" if rounds > 1 else "") + ":")
    print("| model | N | " + " | ".join(label(c) for c in cols) + " | "
          + " | ".join("Brian cpp / " + label(c) for c in ours) + " |")
    print("|" + "---|" * (len(cols) + len(ours) + 2))
    for (model, n), r in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        cells = [f"{r[c]:.3f}" if c in r else "–" for c in cols]
        ref = r.get("brian2:cpp_standalone")
        ratio = lambda c: f"{ref / r[c]:.2f}×" if ref and c in r and r[c] > 0 else "–"
        print(f"| {model} | {n} | " + " | ".join(cells) + " | " + " | ".join(ratio(c) for c in ours) + " |")

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

# The work done by the models with dendrites: spikes, dendritic spikes and rates of every run.
work = []
for line in open(sys.argv[1]):
    m = re.match(r"(\S+) (\S+) N=(\d+) target=(\S+) spikes=(\d+) .*dspikes=(\d+)", line)
    if m:
        fields = dict(re.findall(r"(\w+)=([\d.]+)", line))
        work.append((m.group(2), int(m.group(3)), f"{m.group(1)} {m.group(4)}", m.group(5), m.group(6),
                     fields.get("rate_hz", "–"), fields.get("rate_e_hz", "–"), fields.get("rate_i_hz", "–")))
if work:
    print("\n| model | N | run | spikes | dendritic spikes | rate (Hz) | E rate (Hz) | I rate (Hz) |\n|---|---|---|---|---|---|---|---|")
    for row in work:
        print("| " + " | ".join(str(x) for x in row) + " |")
PY
