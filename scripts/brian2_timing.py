"""How the Brian side of the benchmarks times a run (brian2_spatial_bench.py, dendrify_bench.py),
as shared/reference/brian2_bench.py does: 1 ms first, then the timed duration, compilation
excluded from the run time."""
import tempfile
import time

from brian2 import device, ms


def timed_run(net, duration, target):
    """Runs `net` for 1 ms and then for `duration`, with the names of the caller's frame (as if
    the caller ran it); returns (compile_s, run_s, build_directory).

    cython/numpy: compile_s is the first run (compilation or loading from Brian's cache, plus 1 ms
    of simulation) and run_s the wall time of the second. cpp_standalone (set_device with
    build_on_run=False): compile_s is device.build() in a fresh temporary directory (nothing is
    reused from an earlier build) and run_s the time the standalone program measures for its last
    run; the results are read from build_directory, which the caller removes at the end (None
    for the other targets)."""
    t0 = time.time(); net.run(1 * ms, level=1)
    if target != 'cpp_standalone':
        compile_s = time.time() - t0  # the first run compiles everything
        t0 = time.time(); net.run(duration, level=1)
        return compile_s, time.time() - t0, None
    net.run(duration, level=1)
    build_directory = tempfile.mkdtemp(prefix='b2sa_')
    t0 = time.time(); device.build(directory=build_directory, run=False); compile_s = time.time() - t0
    t1 = time.time(); device.run(); t2 = time.time()
    wall = device._last_run_time if getattr(device, '_last_run_time', None) else t2 - t1
    return compile_s, wall, build_directory
