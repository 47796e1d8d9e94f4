#!/usr/bin/env bash
# On a machine with an NVIDIA GPU: the CUDA backend's checks, then a table of benchmark times on
# the GPU beside the native backend on one core. Usage: scripts/gpu-check.sh [N ...]
# (default N: 1000 10000 100000). Installs NVRTC from pip into .build/cuda-venv unless
# SWIFTBRIAN_NVRTC names one.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
if [ -z "${SWIFTBRIAN_NVRTC:-}" ]; then
  mkdir -p .build
  [ -x .build/cuda-venv/bin/pip ] || python3 -m venv .build/cuda-venv
  .build/cuda-venv/bin/pip install -q nvidia-cuda-nvrtc-cu12
  SWIFTBRIAN_NVRTC="$PWD/$(ls .build/cuda-venv/lib/python3*/site-packages/nvidia/cuda_nvrtc/lib/libnvrtc.so.12 | head -n 1)"
  export SWIFTBRIAN_NVRTC
fi
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
# The GPU runs a network bit for bit as the interpreter, and the emulation and PTX checks pass.
SWIFTBRIAN_REQUIRE_GPU=1 SWIFTBRIAN_REQUIRE_NVRTC=1 swift test --filter SwiftBrianCUDATests
swift build -c release
echo "| model | N | cuda run_s | native (1 core) run_s | speed-up |"
echo "| --- | --- | --- | --- | --- |"
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
for model in cuba cobahh; do
  for n in "${sizes[@]}"; do
    gpu="$(.build/release/swiftbrian bench "$model" --n "$n" --backend cuda | field run_s)"
    cpu="$(taskset -c 0 .build/release/swiftbrian bench "$model" --n "$n" --threads 1 | field run_s)"
    echo "| $model | $n | $gpu | $cpu | $(python3 -c "print(f'{$cpu/$gpu:.1f}x')") |"
  done
done
