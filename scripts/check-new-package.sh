#!/usr/bin/env bash
# Builds and runs a package made by `swiftbrian new`, as a new user would, and checks that it
# wrote its plots and data. .ci/run calls it after `swift test` (one build of the new package,
# about 3 minutes on 2 cores, so it stays out of the unit tests).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product swiftbrian
swiftbrian="$(swift build --show-bin-path)/swiftbrian"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$swiftbrian" new Demo --out "$work/Demo"
cd "$work/Demo"
swift build
swift run --skip-build Demo
for file in out/raster.svg out/v.svg out/rate.svg out/spikes.npz out/v.npz; do
  if [ ! -s "$file" ]; then echo "swiftbrian new: the package did not write $file" >&2; exit 1; fi
done
echo "swiftbrian new: the package built, ran and wrote its plots and data"
