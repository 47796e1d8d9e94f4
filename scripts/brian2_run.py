"""Runs one of the reference benchmark scripts (../shared/reference/brian2_bench.py) as __main__,
with Python's own max and min.

brian2_bench.py sizes synapses_only's input group with `max(1, int(rate * N * defaultclock.dt))`,
but its `from brian2 import *` binds max and min to NumPy's, which read the second argument as an
axis: with NumPy 2 the script stops with an AxisError. Brian's own code does not use these names
of its package, so they are removed from it before the script imports it.

    python brian2_run.py SCRIPT ARGUMENTS...
"""
import runpy
import sys

import brian2

for name in ('max', 'min'):
    if hasattr(brian2, name):
        delattr(brian2, name)
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name='__main__')
