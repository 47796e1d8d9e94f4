"""Compares two .npz files that `swiftbrian run` wrote for the same example on two backends.

    python3 scripts/compare-npz.py A.npz B.npz

Prints one line: "identical (K arrays)" when every array has the same shape and the same bits,
else the arrays that differ, each with its largest absolute and relative difference (or the
shapes, when they differ). Exits 0 when identical, 1 otherwise.
"""
import sys

import numpy as np


def main(a_path, b_path):
    a, b = np.load(a_path), np.load(b_path)
    differences = []
    for key in sorted(set(a.files) | set(b.files)):
        if key not in a.files or key not in b.files:
            differences.append(f"{key}: only in {'the first' if key in a.files else 'the second'}")
            continue
        x, y = a[key], b[key]
        if x.shape != y.shape:
            differences.append(f"{key}: shapes {x.shape} and {y.shape}")
            continue
        if x.dtype == y.dtype and x.tobytes() == y.tobytes():
            continue
        if x.dtype.kind in 'fiub' and y.dtype.kind in 'fiub' and x.size:
            delta = np.abs(x.astype(np.float64) - y.astype(np.float64))
            scale = np.maximum(np.abs(x.astype(np.float64)), np.abs(y.astype(np.float64)))
            relative = np.where(scale > 0, delta / np.where(scale > 0, scale, 1), 0)
            differences.append(f"{key}: max |diff| {np.nanmax(delta):.3g}, max relative {np.nanmax(relative):.3g}")
        else:
            differences.append(f"{key}: values differ")
    if differences:
        print("differs: " + "; ".join(differences))
        return 1
    print(f"identical ({len(a.files)} arrays)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
