#!/usr/bin/env bash
# Builds, on this machine, the swiftbrian binary that scripts/gpu-check.sh runs on a GPU machine
# without a Swift toolchain (the device machine: an NVIDIA image with a C compiler, python3 and
# numpy, but no Swift): a release build with the Swift standard library and Foundation linked in
# statically, stripped and compressed: .build-gpu/swiftbrian.gz (ignored by git; about 25 MB, where
# the binary's 62 MB would not fit in the device tool's 64 MiB with the working tree). Carry that
# path to the GPU machine and run scripts/gpu-check.sh there (it unpacks the binary).
#
#   scripts/gpu-bundle.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --scratch-path .build-gpu --product swiftbrian >&2
binary=.build-gpu/release/swiftbrian
strip "$binary"
# What it still needs from the system: the C library, libstdc++ and libgcc_s, present everywhere.
ldd "$binary" | grep -v -E 'linux-vdso|ld-linux|libc\.so|libm\.so|libstdc\+\+|libgcc_s|libpthread|libdl\.so|librt\.so|libutil\.so' \
  && { echo "gpu-bundle: $binary still links the libraries above" >&2; exit 1; }
gzip -9 -c "$binary" > .build-gpu/swiftbrian.gz
ls -l .build-gpu/swiftbrian.gz
echo "Carry .build-gpu/swiftbrian.gz and run scripts/gpu-check.sh on the GPU machine."
