#!/usr/bin/env bash
# On a machine with an NVIDIA GPU, in one call that fits a short lease: the CUDA backend checked
# against the native backend on every gallery example, the benchmark models timed on the GPU beside
# the CPU, and the native backend timed on 1 to 16 threads. Prints Markdown tables and keeps them,
# with every output line, in $OUT (the device tool's folder) or ./gpu-check-results.
#
#   scripts/gpu-check.sh                    everything, within GPU_CHECK_SECONDS (default 520)
#   PARTS="bench" SIZES="1000 1000000" scripts/gpu-check.sh
#
# The GPU machine needs no Swift toolchain: build the binary on the development machine with
# scripts/gpu-bundle.sh and carry .build-gpu/swiftbrian.gz (SWIFTBRIAN_BIN names another binary);
# where `swift` exists and no binary was carried, it builds one. It needs a C compiler (cc), python3
# with numpy, the NVIDIA driver, and NVRTC: SWIFTBRIAN_NVRTC, else the nvidia-cuda-nvrtc wheel
# python3 imports, else the CUDA toolkit's libnvrtc. Where `swift` exists it also runs the CUDA test
# target with the GPU required (SWIFTBRIAN_REQUIRE_GPU=1).
#
# Parts (PARTS, in this order; each stops at its share of the time and says what it left out):
#   examples  every example of `swiftbrian list`, EXAMPLE_DURATION (default 0.05) s simulated, on
#             the native backend and on the GPU; the recorded data compared (scripts/compare-npz.py):
#             identical bits, or the largest differences (atomic additions on the GPU may add in
#             another order), or the GPU backend's refusal.
#   bench     BENCH_MODELS (default: cobahh hh brunel_hakim brunel_hakim_hetero stdp cuba) at SIZES
#             (default 1000 10000 100000 1000000), BENCH_DURATION (default 0.1) s: run_s on the GPU,
#             on one core (up to CPU_MAX_N, default 100000) and on every core.
#   threads   the native backend on 1, 2, 4, 8 and 16 threads (cobahh, brunel_hakim; THREAD_N,
#             default 200000 neurons, 0.05 s simulated), with the speed-up over one thread.
set -uo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
budget=${GPU_CHECK_SECONDS:-520}
parts=${PARTS:-"examples bench threads"}
results=${OUT:-gpu-check-results}
mkdir -p "$results"
log="$results/gpu-check.log"
: > "$log"
say() { echo "$*" | tee -a "$log"; }
# Seconds left for a part that may use `share` of the whole budget.
left() { local total=$((budget - (SECONDS - start))); [ "$1" -lt "$total" ] && echo "$1" || echo "$total"; }

say "## gpu-check, $(date -u '+%Y-%m-%d %H:%M UTC')"
say "$(nvidia-smi --query-gpu=name,driver_version,memory.total,compute_cap --format=csv,noheader 2>&1 | head -n 1)"
say "CPU: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"

bin=${SWIFTBRIAN_BIN:-.build-gpu/release/swiftbrian}
if [ ! -x "$bin" ] && [ -z "${SWIFTBRIAN_BIN:-}" ] && [ -f .build-gpu/swiftbrian.gz ]; then
  mkdir -p .build-gpu/release && gunzip -c .build-gpu/swiftbrian.gz > "$bin" && chmod +x "$bin"
fi
if [ ! -x "$bin" ]; then
  if command -v swift >/dev/null; then
    swift build -c release --product swiftbrian >&2 && bin=.build/release/swiftbrian
  else
    say "gpu-check: no swiftbrian binary ($bin) and no Swift toolchain: build one with scripts/gpu-bundle.sh and carry it"
    exit 1
  fi
fi
if [ -z "${SWIFTBRIAN_NVRTC:-}" ]; then
  wheel=$(python3 -c 'import nvidia.cuda_nvrtc as m, os; print(os.path.dirname(m.__file__ or list(m.__path__)[0]))' 2>/dev/null || true)
  for candidate in "$wheel"/lib/libnvrtc.so* /usr/local/cuda/lib64/libnvrtc.so* /usr/local/cuda/targets/x86_64-linux/lib/libnvrtc.so*; do
    if [ -f "$candidate" ] && [[ "$candidate" != *builtins* ]]; then SWIFTBRIAN_NVRTC=$candidate; break; fi
  done
fi
export SWIFTBRIAN_NVRTC=${SWIFTBRIAN_NVRTC:-}
capability=$(nvidia-smi --query-gpu=compute_cap --format=csv,noheader 2>/dev/null | head -n 1 | tr -d '. ')
[ -n "$capability" ] && export SWIFTBRIAN_CUDA_ARCH=${SWIFTBRIAN_CUDA_ARCH:-compute_$capability}
say "binary: $bin; NVRTC: ${SWIFTBRIAN_NVRTC:-not found}; PTX for ${SWIFTBRIAN_CUDA_ARCH:-the default}; C compiler: $(cc --version 2>/dev/null | head -n 1)"

if command -v swift >/dev/null && [[ " $parts " == *" tests "* ]]; then
  SWIFTBRIAN_REQUIRE_GPU=1 SWIFTBRIAN_REQUIRE_NVRTC=1 swift test --filter SwiftBrianCUDATests 2>&1 | tail -n 20 | tee -a "$log"
fi

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" | tail -n 1; }
ratio() { python3 -c "import sys; a, b = sys.argv[1:]; print(f'{float(a)/float(b):.1f}x' if a and b and float(b) > 0 else '-')" "$1" "$2" 2>/dev/null || echo -; }
# Runs `swiftbrian bench ARGS` within `seconds`, echoing run_s (or why not).
bench() {
  local seconds=$1; shift
  [ "$seconds" -gt 5 ] || { echo "(no time)"; return; }
  local output status value
  output=$(timeout "$seconds" "$bin" bench "$@" 2>&1); status=$?
  echo "$output" >> "$log"
  value=$(echo "$output" | field run_s)
  if [ -n "$value" ]; then echo "$value"
  elif [ "$status" -eq 124 ]; then echo "(over $seconds s)"
  else echo "(failed: $(echo "$output" | tail -n 1 | cut -c1-100))"; fi
}

for part in $parts; do
  case $part in
  examples)
    deadline=$((SECONDS + $(left 200)))
    say ""
    say "### Every gallery example, native against the GPU (${EXAMPLE_DURATION:-0.05} s simulated)"
    say "| example | GPU | native / GPU data |"
    say "| --- | --- | --- |"
    for example in $("$bin" list | awk '{print $1}'); do
      remaining=$((deadline - SECONDS))
      if [ "$remaining" -lt 10 ]; then say "| $example | (left out: out of time) | |"; continue; fi
      dir=$(mktemp -d)
      # Runs the example on backend $1, its output in $dir/$1.txt.
      run_on() {
        timeout "$((remaining / 2))" "$bin" run "$example" --duration "${EXAMPLE_DURATION:-0.05}" --no-plot \
          --backend "$1" --out "$dir/$1" > "$dir/$1.txt" 2>&1
        local status=$?
        cat "$dir/$1.txt" >> "$log"
        return $status
      }
      if ! run_on native; then
        say "| $example | (native: $(tail -n 1 "$dir/native.txt" | cut -c1-120)) | |"
      elif run_on cuda; then
        say "| $example | ran | $(python3 scripts/compare-npz.py "$dir/native/$example.npz" "$dir/cuda/$example.npz" 2>&1 | cut -c1-300) |"
      else
        say "| $example | $(tail -n 1 "$dir/cuda.txt" | cut -c1-160) | |"
      fi
      rm -rf "$dir"
    done
    ;;
  bench)
    deadline=$((SECONDS + $(left 240)))
    say ""
    say "### Benchmarks: run_s on the GPU and the CPU (${BENCH_DURATION:-0.1} s simulated)"
    say "| model | N | GPU | native, 1 core | native, $(nproc) cores | 1 core / GPU | $(nproc) cores / GPU |"
    say "| --- | --- | --- | --- | --- | --- | --- |"
    for model in ${BENCH_MODELS:-cobahh hh brunel_hakim brunel_hakim_hetero stdp cuba}; do
      for n in ${SIZES:-1000 10000 100000 1000000}; do
        each=$(( (deadline - SECONDS) / 3 )); [ "$each" -gt 120 ] && each=120
        args=("$model" --n "$n" --duration "${BENCH_DURATION:-0.1}")
        gpu=$(bench "$each" "${args[@]}" --backend cuda)
        one="-"; [ "$n" -le "${CPU_MAX_N:-100000}" ] && one=$(bench "$each" "${args[@]}" --threads 1)
        all=$(bench "$each" "${args[@]}" --threads "$(nproc)")
        say "| $model | $n | $gpu | $one | $all | $(ratio "$one" "$gpu") | $(ratio "$all" "$gpu") |"
      done
    done
    ;;
  threads)
    deadline=$((SECONDS + $(left 100)))
    say ""
    say "### Native backend on 1-16 threads (N = ${THREAD_N:-200000}, 0.05 s simulated): run_s (speed-up)"
    say "| model | 1 | 2 | 4 | 8 | 16 |"
    say "| --- | --- | --- | --- | --- | --- |"
    for model in cobahh brunel_hakim; do
      row="| $model"; first=""
      for threads in 1 2 4 8 16; do
        each=$(( (deadline - SECONDS) / 4 )); [ "$each" -gt 60 ] && each=60
        value=$(bench "$each" "$model" --n "${THREAD_N:-200000}" --duration 0.05 --threads "$threads")
        [ -z "$first" ] && first=$value
        row="$row | $value ($(ratio "$first" "$value"))"
      done
      say "$row |"
    done
    ;;
  tests) ;;
  *) say "gpu-check: unknown part '$part' (examples, bench, threads, tests)" ;;
  esac
done
say ""
say "gpu-check took $((SECONDS - start)) s; the tables and every output line are in $results"
