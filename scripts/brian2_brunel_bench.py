"""Brian 2's side of the Brunel-Hakim benchmarks (issue 13), timed like brian2_bench.py.

Usage: python scripts/brian2_brunel_bench.py MODEL N TARGET [--duration SECONDS]
  MODEL     brunel_hakim (every delay 2 ms) | brunel_hakim_hetero (delays 4*ms*rand())
  N         number of neurons; each receives 1000 inhibitory synapses on average (p = 1000/N;
            every pair when N <= 1000)
  TARGET    cython | cpp_standalone (numpy works too, slowly)
  --duration  simulated seconds (default 1; Brian2CUDA's benchmark runs 10)
Prints one line, as shared/reference/brian2_bench.py does:
  brian2 MODEL N=.. target=.. spikes=.. synapses=.. run_s=.. cpu_s=.. rate_hz=..

The models are Brian2CUDA's BrunelHakimHomogDelays and BrunelHakimHeterogDelays
(brian2cuda/tools/benchmarking/benchmark_suite.py): Brian's Brunel_Hakim_1999 example with N
neurons, noise sigmaext*sqrt(tau)*xi, threshold 20 mV, reset 10 mV, refractory 2 ms,
`V += -J` with J = 0.1 mV; homogeneous: muext = 25 mV, sigmaext = 1 mV, delay 2 ms;
heterogeneous: muext = 27 mV, sigmaext = 0.33 mV, delays set to '4*ms * rand()' after connecting.
SwiftBrian's `swiftbrian bench brunel_hakim[_hetero]` builds the same models.

Every target runs 1 ms first and then the timed duration (as SwiftBrian's bench does); spikes and
the rate count the timed part only. run_s is the wall time of the second run, compilation
excluded (cython: the first run compiled everything; cpp_standalone: the time the standalone
program measures for its last run, built in a fresh directory that is removed at the end). cpu_s is processor time, which other work on a shared machine
does not lengthen: cython, of this process during the timed run; cpp_standalone, of the standalone
program's last run alone, estimated as the program's processor time in all (setup, synapse creation
and both runs) less that of the same program built with a timed run of 0 s (a second build; with
--no-setup-run only the program's total is printed, as cpu_total_s).
"""
import argparse
import atexit
import resource
import shutil
import subprocess
import sys
import tempfile
import time

from brian2 import (NeuronGroup, SpikeMonitor, Synapses, defaultclock, device, ms, mV, prefs, run,
                    second, seed, set_device)

parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
parser.add_argument('model', choices=['brunel_hakim', 'brunel_hakim_hetero'])
parser.add_argument('N', type=int)
parser.add_argument('target', choices=['cython', 'cpp_standalone', 'numpy'])
parser.add_argument('--duration', type=float, default=1.0, help='simulated seconds (default 1)')
parser.add_argument('--setup-only', action='store_true', help=argparse.SUPPRESS)
parser.add_argument('--no-setup-run', action='store_true',
                    help='cpp_standalone: do not build the program a second time to measure its setup')
args = parser.parse_args()
model, N, target = args.model, args.N, args.target
if N < 1:
    sys.exit('N must be positive')
duration = args.duration * second

if target == 'cpp_standalone':
    # A fresh directory, removed at the end (the results of 50 M synapses take gigabytes).
    directory = tempfile.mkdtemp(prefix='b2sa_')
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    set_device('cpp_standalone', directory=directory, build_on_run=False)
else:
    prefs.codegen.target = target
seed(1)
defaultclock.dt = 0.1 * ms

heterogeneous = model == 'brunel_hakim_hetero'
Vr = 10 * mV
theta = 20 * mV
tau = 20 * ms
taurefr = 2 * ms
C = 1000
sparseness = min(1.0, float(C) / N)  # every pair when N <= C
J = .1 * mV
muext = 27 * mV if heterogeneous else 25 * mV
sigmaext = 0.33 * mV if heterogeneous else 1 * mV

group = NeuronGroup(N, 'dV/dt = (-V+muext + sigmaext * sqrt(tau) * xi)/tau : volt',
                    threshold='V>theta', reset='V=Vr', refractory=taurefr)
group.V = Vr
conn = Synapses(group, group, on_pre='V += -J', delay=None if heterogeneous else 2 * ms)
conn.connect(p=sparseness)
if heterogeneous:
    conn.delay = '4*ms * rand()'
smon = SpikeMonitor(group)

def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


run(1 * ms)
if target == 'cpp_standalone':
    run(0 * second if args.setup_only else duration)
    device.build(run=False)
    t1, c1 = time.time(), children_cpu()
    device.run()
    total_cpu = children_cpu() - c1
    if args.setup_only:
        print(f"setup_cpu_s={total_cpu:.3f}")
        sys.exit()
    wall = device._last_run_time if getattr(device, '_last_run_time', None) else time.time() - t1
    spikes = int((smon.t >= 1 * ms).sum())   # read before the second build
    if args.no_setup_run:
        cpu = f"cpu_total_s={total_cpu:.3f}"
    else:
        setup = subprocess.run([sys.executable, __file__, model, str(N), target, '--setup-only'],
                               capture_output=True, text=True).stdout
        setup_cpu = float(setup.split('setup_cpu_s=')[1].split()[0])
        cpu = f"cpu_s={total_cpu - setup_cpu:.3f}"
else:
    t0, c0 = time.time(), time.process_time()
    run(duration)
    wall, cpu = time.time() - t0, f"cpu_s={time.process_time() - c0:.3f}"
    spikes = int((smon.t >= 1 * ms).sum())
rate = spikes / (N * float(duration))
print(f"brian2 {model} N={N} target={target} spikes={spikes} synapses={len(conn)} run_s={wall:.3f} {cpu} "
      f"rate_hz={rate:.2f}")
