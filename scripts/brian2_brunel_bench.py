"""Brian 2's side of the Brunel-Hakim benchmarks (issue 13), timed like brian2_bench.py.

Usage: python scripts/brian2_brunel_bench.py MODEL N TARGET [--duration SECONDS]
  MODEL     brunel_hakim (every delay 2 ms) | brunel_hakim_hetero (delays 4*ms*rand())
  N         number of neurons; each receives 1000 inhibitory synapses on average (p = 1000/N;
            every pair when N <= 1000)
  TARGET    cython | cpp_standalone (numpy works too, slowly)
  --duration  simulated seconds (default 1; Brian2CUDA's benchmark runs 10)
Prints one line, as shared/reference/brian2_bench.py does:
  brian2 MODEL N=.. target=.. spikes=.. synapses=.. run_s=.. rate_hz=..

The models are Brian2CUDA's BrunelHakimHomogDelays and BrunelHakimHeterogDelays
(brian2cuda/tools/benchmarking/benchmark_suite.py): Brian's Brunel_Hakim_1999 example with N
neurons, noise sigmaext*sqrt(tau)*xi, threshold 20 mV, reset 10 mV, refractory 2 ms,
`V += -J` with J = 0.1 mV; homogeneous: muext = 25 mV, sigmaext = 1 mV, delay 2 ms;
heterogeneous: muext = 27 mV, sigmaext = 0.33 mV, delays set to '4*ms * rand()' after connecting.
SwiftBrian's `swiftbrian bench brunel_hakim[_hetero]` builds the same models.

Every target runs 1 ms first and then the timed duration (as SwiftBrian's bench does); spikes and
the rate count the timed part only. run_s is the wall time of the second run, compilation
excluded (cython: the first run compiled everything; cpp_standalone: the time the standalone
program measures for its last run).
"""
import argparse
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
args = parser.parse_args()
model, N, target = args.model, args.N, args.target
if N < 1:
    sys.exit('N must be positive')
duration = args.duration * second

if target == 'cpp_standalone':
    set_device('cpp_standalone', directory=tempfile.mkdtemp(prefix='b2sa_'), build_on_run=False)
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

run(1 * ms)
if target == 'cpp_standalone':
    run(duration)
    device.build(run=False)
    t1 = time.time()
    device.run()
    wall = device._last_run_time if getattr(device, '_last_run_time', None) else time.time() - t1
else:
    t0 = time.time()
    run(duration)
    wall = time.time() - t0
spikes = int((smon.t >= 1 * ms).sum())
rate = spikes / (N * float(duration))
print(f"brian2 {model} N={N} target={target} spikes={spikes} synapses={len(conn)} run_s={wall:.3f} "
      f"rate_hz={rate:.2f}")
